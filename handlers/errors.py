"""The error handler: log the failure, tell the user politely, keep what they entered."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import ContextTypes

from bot.texts import t

log = logging.getLogger(__name__)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    log.error("error while handling an update", exc_info=context.error)
    context.application.bot_data.setdefault("errors", []).append(context.error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    user = update.effective_user
    lang = "en" if user is not None and (user.language_code or "").startswith("en") else "ko"
    try:
        await context.bot.send_message(update.effective_chat.id, t("error", lang))
    except Exception:  # the channel itself may be what failed
        log.exception("could not tell the user about the error")
