"""What the handlers share, kept in the Application's bot_data."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine
from telegram import Update
from telegram.ext import ContextTypes

from bot.assistant import Assistant
from bot.clock import Clock, seoul_now
from bot.office_hours import OfficeHours
from storage.users import touch_user


@dataclass(frozen=True)
class Deps:
    assistant: Assistant
    engine: Engine
    admin_ids: frozenset[int]
    clock: Clock = seoul_now
    staff_chat_id: int | None = None
    office_hours: OfficeHours = field(default_factory=lambda: OfficeHours.parse(None))

    def is_staff(self, user_id: int | None) -> bool:
        return user_id is not None and user_id in self.admin_ids


def deps(context: ContextTypes.DEFAULT_TYPE) -> Deps:
    return context.application.bot_data["deps"]


def user_language(update: Update, context: ContextTypes.DEFAULT_TYPE) -> str:
    """Record the contact and return the user's language (Korean unless they chose English)."""
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None:
        return "ko"
    return touch_user(deps(context).engine, user.id, chat.id, user.language_code).language
