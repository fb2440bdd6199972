"""Write-behind of last-contact times and question statistics."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlmodel import Session, select

from storage.activity import ActivityBuffer
from storage.models import QuestionLog, User


def test_rows_wait_for_the_flush_and_then_all_arrive(engine) -> None:
    buffer = ActivityBuffer(engine)
    at = datetime(2018, 4, 10, 1, tzinfo=UTC)
    buffer.seen(5, 5, "ko", at)
    buffer.seen(5, 5, "ko", at.replace(hour=2))
    buffer.question(
        QuestionLog(user_id=5, program_id="public_works", topic="pay", answered=True, at=at)
    )
    with Session(engine) as session:
        assert session.exec(select(User)).all() == []
    assert buffer.flush() == 2
    with Session(engine) as session:
        [user] = session.exec(select(User)).all()
        assert (user.id, user.first_seen.hour, user.last_seen.hour) == (5, 1, 2)
        assert [q.program_id for q in session.exec(select(QuestionLog))] == ["public_works"]
    assert buffer.flush() == 0


def test_an_existing_user_keeps_first_seen_and_language(engine) -> None:
    buffer = ActivityBuffer(engine, immediate=True)
    buffer.seen(6, 6, "en", datetime(2018, 4, 1, tzinfo=UTC))
    buffer.seen(6, 6, "ko", datetime(2018, 4, 9, tzinfo=UTC))
    with Session(engine) as session:
        user = session.get(User, 6)
    assert (user.first_seen.day, user.last_seen.day, user.language) == (1, 9, "en")
