"""The error handler: log the failure, tell the user politely, keep what they entered."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import ContextTypes

from bot.texts import t
from storage.users import default_language, stored_language

log = logging.getLogger(__name__)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    log.error("error while handling an update", exc_info=context.error)
    context.application.bot_data.setdefault("errors", []).append(context.error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    user = update.effective_user
    lang = _language(context, user.id, user.language_code) if user is not None else "ko"
    try:
        await context.bot.send_message(update.effective_chat.id, t("error", lang))
    except Exception:  # the channel itself may be what failed
        log.exception("could not tell the user about the error")


def _language(context: ContextTypes.DEFAULT_TYPE, user_id: int, hint: str | None) -> str:
    """The language the person chose with /lang (Telegram's setting only for someone new); the
    database may be what failed, so the hint stands in when it cannot be read."""
    try:
        stored = stored_language(context.application.bot_data["deps"].engine, user_id)
    except Exception:
        log.warning("could not read the language of user %s", user_id, exc_info=True)
        stored = None
    return stored or default_language(hint)
