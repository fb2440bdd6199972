"""Threads between a resident and staff."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Engine
from sqlmodel import Session, select

from storage.models import HandoffMessage, HandoffThread, utcnow
from storage.reminders import utc


def open_thread(engine: Engine, user_id: int) -> HandoffThread | None:
    with Session(engine, expire_on_commit=False) as session:
        statement = select(HandoffThread).where(
            HandoffThread.user_id == user_id, HandoffThread.status == "open"
        )
        return session.exec(statement).first()


def create(engine: Engine, user_id: int, chat_id: int) -> HandoffThread:
    with Session(engine, expire_on_commit=False) as session:
        thread = HandoffThread(user_id=user_id, chat_id=chat_id)
        session.add(thread)
        session.commit()
        return thread


def link(engine: Engine, thread_id: int, staff_message_id: int, at: datetime) -> None:
    """A message of the thread posted in (or replied to from) the staff chat, at `at`."""
    with Session(engine) as session:
        session.merge(HandoffMessage(staff_message_id=staff_message_id, thread_id=thread_id))
        thread = session.get(HandoffThread, thread_id)
        if thread is not None:
            thread.last_message_at = utc(at)
            session.add(thread)
        session.commit()


def quiet_since(thread: HandoffThread) -> datetime:
    """When the thread last had a message (UTC)."""
    moment = thread.last_message_at or thread.created_at
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def thread_of(engine: Engine, staff_message_id: int) -> HandoffThread | None:
    with Session(engine, expire_on_commit=False) as session:
        link_row = session.get(HandoffMessage, staff_message_id)
        return session.get(HandoffThread, link_row.thread_id) if link_row else None


def get(engine: Engine, thread_id: int) -> HandoffThread | None:
    with Session(engine, expire_on_commit=False) as session:
        return session.get(HandoffThread, thread_id)


def close(engine: Engine, thread_id: int) -> bool:
    with Session(engine) as session:
        thread = session.get(HandoffThread, thread_id)
        if thread is None or thread.status != "open":
            return False
        thread.status, thread.closed_at = "closed", utcnow()
        session.add(thread)
        session.commit()
        return True
