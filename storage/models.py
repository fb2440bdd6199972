"""Database tables."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


class User(SQLModel, table=True):
    """A person who talked to the bot (Telegram user id, or the console's local id)."""

    id: int = Field(primary_key=True)
    chat_id: int
    language: str = "ko"
    first_seen: datetime = Field(default_factory=utcnow)
    last_seen: datetime = Field(default_factory=utcnow)
    active: bool = True


class UnansweredQuestion(SQLModel, table=True):
    """A question that got the fallback answer, kept for staff to review."""

    id: int | None = Field(default=None, primary_key=True)
    user_id: int | None = Field(default=None, index=True)
    text: str
    language: str = "ko"
    created_at: datetime = Field(default_factory=utcnow, index=True)
    handled: bool = False


class FlowState(SQLModel, table=True):
    """Where a user stands in a multi-step flow (the screener, …): a restart resumes from here."""

    user_id: int = Field(primary_key=True)
    flow: str = Field(primary_key=True)
    data: str  # JSON written by the flow's own state class
    updated_at: datetime = Field(default_factory=utcnow)
