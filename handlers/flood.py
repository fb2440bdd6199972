"""Per-user flood control: past a configurable rate a user gets one polite notice, and further
updates in that window are ignored (in this process; the limit is a courtesy, not security)."""

from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass, field

from telegram import Update
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot.texts import t
from storage.updates import first_time

DEFAULT_MAX_UPDATES = 20
DEFAULT_WINDOW_SECONDS = 10.0


@dataclass
class FloodGate:
    max_updates: int = DEFAULT_MAX_UPDATES
    window: float = DEFAULT_WINDOW_SECONDS
    recent: dict[int, deque[float]] = field(default_factory=dict)
    warned: dict[int, float] = field(default_factory=dict)

    def admit(self, user_id: int, now: float) -> bool | None:
        """True: go on. False: over the limit, tell them once. None: over, already told."""
        times = self.recent.setdefault(user_id, deque())
        while times and now - times[0] >= self.window:
            times.popleft()
        if len(times) < self.max_updates:
            times.append(now)
            self.warned.pop(user_id, None)
            return True
        if user_id in self.warned and now - self.warned[user_id] < self.window:
            return None
        self.warned[user_id] = now
        return False


async def check(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Runs before every other handler but `once` (group -2)."""
    user = update.effective_user
    if user is None:
        return
    gate: FloodGate = context.application.bot_data["flood"]
    verdict = gate.admit(user.id, time.monotonic())
    if verdict is True:
        return
    if verdict is False and update.effective_chat is not None:
        lang = "en" if (user.language_code or "").startswith("en") else "ko"
        if update.callback_query is not None:
            await update.callback_query.answer(t("flood", lang), show_alert=True)
        else:
            await context.bot.send_message(update.effective_chat.id, t("flood", lang))
    raise ApplicationHandlerStop


async def once(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Runs first (group -3): an update handled before — redelivered after a crash between
    handling and acknowledging it — is not applied again."""
    d = context.application.bot_data["deps"]
    if not first_time(d.engine, update.update_id, d.clock()):
        raise ApplicationHandlerStop
