"""Subscriptions and reminder rows. Times are stored as UTC."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Engine, or_, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from storage.models import Reminder, Subscription, User

PLANNED_PREFIXES = ("event:", "round:", "draft:")  # keys the knowledge base's schedule plans


def utc(moment: datetime) -> datetime:
    """Every stored time is aware UTC (sqlmodel refuses naive datetimes)."""
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)


def subscriptions(engine: Engine, user_id: int) -> set[str]:
    with Session(engine) as session:
        rows = session.exec(select(Subscription).where(Subscription.user_id == user_id))
        return {row.program_id for row in rows}


def subscribers(engine: Engine, program_ids: list[str]) -> set[int]:
    with Session(engine) as session:
        rows = session.exec(
            select(Subscription).where(col(Subscription.program_id).in_(program_ids))
        )
        return {row.user_id for row in rows}


def all_subscriptions(engine: Engine) -> list[tuple[int, int, str, str]]:
    """(user_id, chat_id, language, program_id) of every subscription of a known user."""
    with Session(engine) as session:
        rows = session.exec(
            select(User.id, User.chat_id, User.language, Subscription.program_id)
            .join(Subscription, col(Subscription.user_id) == col(User.id))
            .order_by(col(User.id), col(Subscription.program_id))
        )
        return [tuple(row) for row in rows]  # type: ignore[misc]


def subscribe(engine: Engine, user_id: int, program_id: str) -> bool:
    """True when the subscription is new."""
    with Session(engine) as session:
        if session.get(Subscription, (user_id, program_id)) is not None:
            return False
        session.add(Subscription(user_id=user_id, program_id=program_id))
        session.commit()
        return True


def unsubscribe(engine: Engine, user_id: int, program_id: str) -> None:
    """Remove the subscription and every pending reminder about the program: its events, round
    openings and a draft's deadline reminders (🔕 on the D-3 one also stops the D-1)."""
    with Session(engine) as session:
        row = session.get(Subscription, (user_id, program_id))
        if row is not None:
            session.delete(row)
        pending = session.exec(
            select(Reminder).where(
                Reminder.user_id == user_id,
                Reminder.program_id == program_id,
                Reminder.status == "pending",
                or_(*(col(Reminder.key).startswith(prefix) for prefix in PLANNED_PREFIXES)),
            )
        )
        for reminder in pending:
            reminder.status = "cancelled"
            session.add(reminder)
        session.commit()


def add_reminder(
    engine: Engine,
    user_id: int,
    chat_id: int,
    key: str,
    text: str,
    due_at: datetime,
    program_id: str | None = None,
) -> bool:
    """Add a pending reminder once per (user, key); True when it was added (or re-armed)."""
    with Session(engine) as session:
        existing = session.exec(
            select(Reminder).where(Reminder.user_id == user_id, Reminder.key == key)
        ).first()
        if existing is not None:
            if existing.status not in ("cancelled", "expired"):  # never sent: may come back
                return False
            existing.status, existing.due_at, existing.text = "pending", utc(due_at), text
            session.add(existing)
            session.commit()
            return True
        session.add(
            Reminder(
                user_id=user_id, chat_id=chat_id, key=key, text=text,
                due_at=utc(due_at), program_id=program_id,
            )
        )  # fmt: skip
        try:
            session.commit()
        except IntegrityError:
            return False
        return True


def pending_planned(engine: Engine) -> list[Reminder]:
    """Pending reminders whose time and text come from the knowledge base's schedule."""
    with Session(engine, expire_on_commit=False) as session:
        planned = or_(*(col(Reminder.key).startswith(prefix) for prefix in PLANNED_PREFIXES))
        statement = (
            select(Reminder).where(Reminder.status == "pending", planned).order_by(col(Reminder.id))
        )
        return list(session.exec(statement))


def reschedule(engine: Engine, reminder_id: int, due_at: datetime, text: str) -> bool:
    """Move a still-pending reminder to a new time and text; False when it is no longer pending
    (sent or being sent meanwhile: what was sent is never re-planned)."""
    with Session(engine) as session:
        result = session.exec(
            update(Reminder)
            .where(Reminder.id == reminder_id, Reminder.status == "pending")
            .values(due_at=utc(due_at), text=text)
        )
        session.commit()
        return result.rowcount == 1


def cancel_pending(engine: Engine, reminder_id: int, status: str = "cancelled") -> bool:
    """Cancel a still-pending reminder (status "expired": because its date has passed)."""
    with Session(engine) as session:
        result = session.exec(
            update(Reminder)
            .where(Reminder.id == reminder_id, Reminder.status == "pending")
            .values(status=status)
        )
        session.commit()
        return result.rowcount == 1


def next_pending(engine: Engine, user_id: int, program_id: str) -> datetime | None:
    """When the user's next reminder about the program is due; None when none is planned."""
    with Session(engine) as session:
        statement = (
            select(Reminder.due_at)
            .where(
                Reminder.user_id == user_id,
                Reminder.program_id == program_id,
                Reminder.status == "pending",
            )
            .order_by(col(Reminder.due_at))
        )
        return session.exec(statement).first()


def due(engine: Engine, now: datetime) -> list[Reminder]:
    with Session(engine, expire_on_commit=False) as session:
        statement = (
            select(Reminder)
            .where(Reminder.status == "pending", Reminder.due_at <= utc(now))
            .order_by(Reminder.user_id, Reminder.due_at, Reminder.id)
        )
        return list(session.exec(statement))


def sent_since(engine: Engine, user_id: int, since: datetime) -> bool:
    """Whether a planned reminder (the kind capped to one a day) went to the user since then."""
    with Session(engine) as session:
        statement = select(Reminder.id).where(
            Reminder.user_id == user_id,
            col(Reminder.status).in_(("sent", "sending")),
            Reminder.sent_at >= utc(since),
            or_(*(col(Reminder.key).startswith(prefix) for prefix in PLANNED_PREFIXES)),
        )
        return session.exec(statement).first() is not None


def claim(engine: Engine, ids: list[int], now: datetime) -> bool:
    """Mark pending rows as being sent by this instance; False when another instance has any."""
    with Session(engine) as session:
        result = session.exec(
            update(Reminder)
            .where(col(Reminder.id).in_(ids), Reminder.status == "pending")
            .values(status="sending", sent_at=utc(now))
        )
        if result.rowcount != len(ids):
            session.rollback()
            return False
        session.commit()
        return True


def settle_stuck(engine: Engine, older_than: datetime) -> list[int]:
    """Rows left 'sending' by an instance that died between claiming them and recording the
    outcome are taken as sent: the send may well have reached Telegram, and sending again would
    double it (see handlers/reminders.py). Returns their ids."""
    with Session(engine) as session:
        stuck = list(
            session.exec(
                select(Reminder.id).where(
                    Reminder.status == "sending", Reminder.sent_at < utc(older_than)
                )
            )
        )
        if stuck:
            session.exec(
                update(Reminder)
                .where(col(Reminder.id).in_(stuck), Reminder.status == "sending")
                .values(status="sent")
            )
            session.commit()
        return [row_id for row_id in stuck if row_id is not None]


def mark(engine: Engine, ids: list[int], status: str, at: datetime | None = None) -> None:
    with Session(engine) as session:
        for reminder in session.exec(select(Reminder).where(col(Reminder.id).in_(ids))):
            reminder.status = status
            if at is not None:
                reminder.sent_at = utc(at)
            session.add(reminder)
        session.commit()


def status_of(engine: Engine, user_id: int, key: str) -> str | None:
    """The status of the user's reminder with that key (pending / sent / …), None if none."""
    with Session(engine) as session:
        statement = select(Reminder.status).where(Reminder.user_id == user_id, Reminder.key == key)
        return session.exec(statement).first()


def all_reminders(engine: Engine) -> list[Reminder]:
    with Session(engine) as session:
        return list(session.exec(select(Reminder).order_by(Reminder.id)))
