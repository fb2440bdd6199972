"""Database tables."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import BigInteger, Index, UniqueConstraint, text
from sqlmodel import Field, SQLModel

ACTIVE_APPLICATION = "status != 'withdrawn'"


def utcnow() -> datetime:
    return datetime.now(UTC)


def telegram_id(**options: Any) -> Any:
    """A Telegram user or chat id: up to 52 bits, more than a 32-bit integer column holds."""
    return Field(sa_type=BigInteger, **options)


class User(SQLModel, table=True):
    """A person who talked to the bot (Telegram user id, or the console's local id)."""

    id: int = telegram_id(primary_key=True)
    chat_id: int = telegram_id()
    language: str = "ko"
    first_seen: datetime = Field(default_factory=utcnow)
    last_seen: datetime = Field(default_factory=utcnow)
    active: bool = True
    notices_off: bool = False  # no notices to everyone / to young people (program ones still come)


class UnansweredQuestion(SQLModel, table=True):
    """A question that got the fallback answer, kept for staff to review."""

    id: int | None = Field(default=None, primary_key=True)
    user_id: int | None = telegram_id(default=None, index=True)
    text: str
    language: str = "ko"
    created_at: datetime = Field(default_factory=utcnow, index=True)
    handled: bool = False
    program_id: str | None = None  # the program a staff member thinks it belongs to


class FlowState(SQLModel, table=True):
    """Where a user stands in a multi-step flow (the screener, …): a restart resumes from here."""

    user_id: int = telegram_id(primary_key=True)
    flow: str = Field(primary_key=True)
    data: str  # JSON written by the flow's own state class
    updated_at: datetime = Field(default_factory=utcnow)


class Application(SQLModel, table=True):
    """A submitted 청년 드림팀 application (drafts live in FlowState until submitted). One per
    representative and round, a withdrawn one aside: after withdrawing, a team may apply again
    while the round is open (with a new receipt number)."""

    __table_args__ = (
        Index(
            "ux_application_round_representative",
            "round_id",
            "representative_id",
            unique=True,
            sqlite_where=text(ACTIVE_APPLICATION),
            postgresql_where=text(ACTIVE_APPLICATION),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    receipt: str = Field(unique=True, index=True)
    round_id: str = Field(index=True)
    representative_id: int = telegram_id(index=True)
    chat_id: int = telegram_id()
    status: str = Field(default="submitted", index=True)
    team_name: str
    title: str
    theme: str
    description: str
    phone: str
    budget_json: str  # [{"item": …, "amount": …}]
    members_json: str  # [{"name": …, "age": …, "tie": …}]
    file_id: str | None = None
    file_name: str | None = None
    submitted_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    status_reason: str | None = None


class StaffAction(SQLModel, table=True):
    """Every action on applications: who did what to which one, and when. Mostly staff; a team
    withdrawing its own application is recorded too, with actor "resident" (and the command
    line adding staff with actor "cli"), so the trail never passes a resident off as staff."""

    id: int | None = Field(default=None, primary_key=True)
    staff_id: int = telegram_id(index=True)  # the acting user's Telegram id
    action: str
    application_id: int | None = Field(default=None, index=True)
    detail: str = ""
    at: datetime = Field(default_factory=utcnow)
    actor: str = "staff"  # staff / resident / cli


class StaffMember(SQLModel, table=True):
    """Staff kept in the database (`bot.py staff add`), besides ADMIN_IDS. A removed member's
    row stays, marked, so the next start takes their staff command menu away."""

    user_id: int = telegram_id(primary_key=True)
    added_at: datetime = Field(default_factory=utcnow)
    removed_at: datetime | None = None


class ReceiptCounter(SQLModel, table=True):
    """The last receipt number given in a round: numbers are never reused, even after deletion."""

    round_id: str = Field(primary_key=True)
    last: int = 0


class Subscription(SQLModel, table=True):
    """A user who wants reminders about a program."""

    user_id: int = telegram_id(primary_key=True)
    program_id: str = Field(primary_key=True)
    created_at: datetime = Field(default_factory=utcnow)


class Reminder(SQLModel, table=True):
    """One reminder for one user: the row is the truth, the scheduler only delivers it."""

    __table_args__ = (UniqueConstraint("user_id", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = telegram_id(index=True)
    chat_id: int = telegram_id()
    key: str  # what it is about: event:<id>, round:<id>:open, draft:<round>:d3, status:<app>:<s>
    program_id: str | None = None
    text: str
    due_at: datetime = Field(index=True)  # UTC
    # pending/sending/sent/failed; cancelled (unsubscribed, the draft is gone) or expired (its
    # date passed before it could be sent: a closed round, a date moved into the past)
    status: str = Field(default="pending", index=True)
    sent_at: datetime | None = None


class Broadcast(SQLModel, table=True):
    """A recruitment notice from staff, sent to an audience in the background."""

    id: int | None = Field(default=None, primary_key=True)
    staff_id: int = telegram_id()
    staff_chat_id: int = telegram_id()
    text: str
    media_kind: str | None = None  # photo / document
    media_file_id: str | None = None
    program_id: str
    audience: str  # JSON: {"kind": "all" | "youth" | "programs", "programs": [...]}
    status: str = Field(default="scheduled", index=True)  # scheduled/sending/done/stopped/cancelled
    send_at: datetime = Field(default_factory=utcnow)
    created_at: datetime = Field(default_factory=utcnow)
    started_at: datetime | None = None
    finished_at: datetime | None = None
    progress_message_id: int | None = None
    runner: str | None = None  # the instance sending it
    heartbeat_at: datetime | None = None  # renewed while sending; a stale one may be taken over


class Delivery(SQLModel, table=True):
    """One recipient of a broadcast: the row says whether they got it."""

    __table_args__ = (UniqueConstraint("broadcast_id", "chat_id"),)

    id: int | None = Field(default=None, primary_key=True)
    broadcast_id: int = Field(index=True)
    user_id: int = telegram_id()
    chat_id: int = telegram_id()
    # pending/sending (in the API call now)/sent/failed/blocked; a row a dead runner left
    # sending is settled as sent, marked uncertain (storage.broadcasts.settle_sending)
    status: str = Field(default="pending", index=True)
    attempts: int = 0
    last_error: str | None = None
    sent_at: datetime | None = None


class HandoffThread(SQLModel, table=True):
    """A resident handed to a person: open until staff (or the resident) close it."""

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = telegram_id(index=True)
    chat_id: int = telegram_id()
    status: str = Field(default="open", index=True)
    created_at: datetime = Field(default_factory=utcnow)
    closed_at: datetime | None = None
    last_message_at: datetime | None = None  # the last message either way (None: created_at)


class HandoffMessage(SQLModel, table=True):
    """A message posted in the staff chat for a thread: a reply to it goes to the resident."""

    staff_message_id: int = Field(primary_key=True)
    thread_id: int = Field(index=True)


class QuestionLog(SQLModel, table=True):
    """Every free-text question: which program and topic it was matched to, if any."""

    id: int | None = Field(default=None, primary_key=True)
    user_id: int | None = telegram_id(default=None, index=True)
    program_id: str | None = Field(default=None, index=True)
    topic: str | None = None
    answered: bool = True
    at: datetime = Field(default_factory=utcnow, index=True)


class ProcessedUpdate(SQLModel, table=True):
    """Telegram update ids already handled: a redelivered update (after a crash between handling
    it and acknowledging it) is skipped instead of being applied twice."""

    update_id: int = Field(primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
