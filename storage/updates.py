"""Which updates were already handled (update ids are unique per bot)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Engine, delete, insert
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from storage.models import ProcessedUpdate
from storage.reminders import utc


def first_time(engine: Engine, update_id: int, at: datetime) -> bool:
    """Record the update; False when it had been handled before. Every update passes here, so
    it is one plain INSERT, without the ORM's unit of work."""
    try:
        with engine.begin() as connection:
            connection.execute(insert(ProcessedUpdate).values(update_id=update_id, at=utc(at)))
    except IntegrityError:
        return False
    return True


def forget_before(engine: Engine, before: datetime) -> int:
    with Session(engine) as session:
        result = session.exec(delete(ProcessedUpdate).where(ProcessedUpdate.at < utc(before)))
        session.commit()
        return result.rowcount
