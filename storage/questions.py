"""Questions the bot could not answer, kept for staff."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from bot.validation import mask_mobile
from storage.models import QuestionLog, UnansweredQuestion

MAX_STORED_CHARS = 1000


def record_unanswered(
    engine: Engine, user_id: int | None, text: str, language: str, at: datetime
) -> None:
    """Keep a question that got the fallback, at the (injected) clock's time; a mobile number
    in it is kept masked (staff need the question, not the number)."""
    with Session(engine) as session:
        session.add(
            UnansweredQuestion(
                user_id=user_id,
                text=mask_mobile(text)[:MAX_STORED_CHARS],
                language=language,
                created_at=at.astimezone(UTC),
            )
        )
        session.commit()


def unanswered(engine: Engine, limit: int = 100) -> list[UnansweredQuestion]:
    with Session(engine) as session:
        statement = (
            select(UnansweredQuestion).order_by(UnansweredQuestion.created_at.desc()).limit(limit)
        )
        return list(session.exec(statement))


def log_question(
    engine: Engine,
    user_id: int | None,
    program_id: str | None,
    topic: str | None,
    answered: bool,
    at: datetime,
) -> None:
    with Session(engine) as session:
        row = QuestionLog(
            user_id=user_id, program_id=program_id, topic=topic, answered=answered, at=at
        )
        session.add(row)
        session.commit()


def open_unanswered(engine: Engine, limit: int = 500) -> list[UnansweredQuestion]:
    with Session(engine, expire_on_commit=False) as session:
        statement = (
            select(UnansweredQuestion)
            .where(UnansweredQuestion.handled == False)  # noqa: E712
            .order_by(col(UnansweredQuestion.created_at).desc(), col(UnansweredQuestion.id).desc())
            .limit(limit)
        )
        return list(session.exec(statement))


def update_unanswered(engine: Engine, ids: list[int], **values: object) -> None:
    with Session(engine) as session:
        for row in session.exec(
            select(UnansweredQuestion).where(col(UnansweredQuestion.id).in_(ids))
        ):
            for key, value in values.items():
                setattr(row, key, value)
            session.add(row)
        session.commit()
