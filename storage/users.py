"""Reading and writing users."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from storage.models import User, utcnow


def touch_user(
    engine: Engine, user_id: int, chat_id: int, language_hint: str | None = None
) -> User:
    """The user's row, created on first contact and stamped with the time of this contact."""
    with Session(engine, expire_on_commit=False) as session:
        user = session.get(User, user_id)
        if user is None:
            user = User(id=user_id, chat_id=chat_id, language=default_language(language_hint))
        user.last_seen = utcnow()
        user.active = True
        session.add(user)
        session.commit()
        return user


def default_language(language_hint: str | None) -> str:
    return "en" if language_hint and language_hint.startswith("en") else "ko"


def stored_language(engine: Engine, user_id: int) -> str | None:
    """The language a known user chose; None for someone new."""
    with Session(engine) as session:
        user = session.get(User, user_id)
        return user.language if user is not None else None


def set_language(engine: Engine, user_id: int, language: str) -> None:
    with Session(engine) as session:
        user = session.get(User, user_id)
        if user is not None:
            user.language = language
            session.add(user)
            session.commit()


def language_of(engine: Engine, user_id: int) -> str:
    with Session(engine) as session:
        user = session.get(User, user_id)
        return user.language if user is not None else "ko"


def language_map(engine: Engine, user_ids: list[int]) -> dict[int, str]:
    """The language of each of these users, in one query."""
    with Session(engine) as session:
        rows = session.exec(select(User.id, User.language).where(col(User.id).in_(user_ids)))
        return {user_id: language for user_id, language in rows}


def set_notices(engine: Engine, user_id: int, on: bool) -> None:
    """Whether the user gets notices sent to everyone or to young people."""
    with Session(engine) as session:
        user = session.get(User, user_id)
        if user is not None:
            user.notices_off = not on
            session.add(user)
            session.commit()


def notices_on(engine: Engine, user_id: int) -> bool:
    with Session(engine) as session:
        user = session.get(User, user_id)
        return user is None or not user.notices_off


def mark_inactive(engine: Engine, chat_id: int) -> None:
    """The user blocked the bot or deleted their account: stop sending to them."""
    with Session(engine) as session:
        for user in session.exec(select(User).where(User.chat_id == chat_id)):
            user.active = False
            session.add(user)
        session.commit()


def is_active(engine: Engine, user_id: int) -> bool:
    with Session(engine) as session:
        user = session.get(User, user_id)
        return user is not None and user.active
