"""What the handlers share, kept in the Application's bot_data."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from sqlalchemy import Engine
from telegram import Update
from telegram.ext import ContextTypes

from bot.assistant import Assistant
from bot.clock import Clock, seoul_now
from bot.office_hours import OfficeHours
from storage import staff as staff_store
from storage.activity import ActivityBuffer
from storage.users import default_language, stored_language

STAFF_CACHE_SECONDS = 60.0


@dataclass
class StaffCache:
    """The staff kept in the database, read at most once a minute (every update asks whether
    its sender is staff): `bot.py staff add` and `remove` take effect within that time."""

    ids: frozenset[int] = frozenset()
    read_at: float | None = None


@dataclass(frozen=True)
class Deps:
    assistant: Assistant
    engine: Engine
    admin_ids: frozenset[int]
    clock: Clock = seoul_now
    staff_chat_id: int | None = None
    office_hours: OfficeHours = field(default_factory=lambda: OfficeHours.parse(None))
    staff_cache: StaffCache = field(default_factory=StaffCache)

    def is_staff(self, user_id: int | None) -> bool:
        """Staff are the ids in ADMIN_IDS and those kept in the database."""
        if user_id is None:
            return False
        return user_id in self.admin_ids or user_id in self.database_staff()

    def database_staff(self) -> frozenset[int]:
        cache, now = self.staff_cache, time.monotonic()
        if cache.read_at is None or now - cache.read_at >= STAFF_CACHE_SECONDS:
            cache.ids, cache.read_at = staff_store.ids(self.engine), now
        return cache.ids

    def all_staff(self) -> frozenset[int]:
        return self.admin_ids | self.database_staff()


def deps(context: ContextTypes.DEFAULT_TYPE) -> Deps:
    return context.application.bot_data["deps"]


USER_CACHE_SECONDS = 120.0


def user_language(update: Update, context: ContextTypes.DEFAULT_TYPE) -> str:
    """Record the contact and return the user's language (Korean unless they chose English).
    A new user's row is written at once; after that, the contact is written at most every two
    minutes per user, and then in the background, not on every message."""
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None:
        return "ko"
    cache: dict[int, tuple[str, float]] = context.application.bot_data.setdefault("users", {})
    cached = cache.get(user.id)
    now = time.monotonic()
    if cached is not None and now - cached[1] < USER_CACHE_SECONDS:
        return cached[0]
    d = deps(context)
    stored = stored_language(d.engine, user.id)
    language = stored or default_language(user.language_code)
    # Private chats have the user's id; a first word in the staff group must not make the group
    # the place where this person's reminders and notices go.
    chat_id = chat.id if chat.type == "private" else user.id
    activity(context).seen(user.id, chat_id, language, d.clock())
    if stored is None:
        activity(context).flush()  # someone new: their row exists before they subscribe or apply
    cache[user.id] = (language, now)
    return language


def activity(context: ContextTypes.DEFAULT_TYPE) -> ActivityBuffer:
    return context.application.bot_data["activity"]


def forget_cached_user(context: ContextTypes.DEFAULT_TYPE, user_id: int) -> None:
    context.application.bot_data.setdefault("users", {}).pop(user_id, None)
