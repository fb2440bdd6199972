"""Questions the bot could not answer, kept for staff."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlmodel import Session, select

from storage.models import UnansweredQuestion

MAX_STORED_CHARS = 1000


def record_unanswered(engine: Engine, user_id: int | None, text: str, language: str) -> None:
    with Session(engine) as session:
        session.add(
            UnansweredQuestion(user_id=user_id, text=text[:MAX_STORED_CHARS], language=language)
        )
        session.commit()


def unanswered(engine: Engine, limit: int = 100) -> list[UnansweredQuestion]:
    with Session(engine) as session:
        statement = (
            select(UnansweredQuestion).order_by(UnansweredQuestion.created_at.desc()).limit(limit)
        )
        return list(session.exec(statement))
