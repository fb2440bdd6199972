"""Button presses: validated on receipt; unknown or forged data changes nothing."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import ContextTypes

from bot.callbacks import Press
from bot.texts import t
from handlers import screener
from handlers.deps import deps, user_language
from handlers.sending import send_reply
from storage.users import set_language

log = logging.getLogger(__name__)


async def button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    if query is None:
        return
    lang = user_language(update, context)
    assistant = deps(context).assistant
    press = assistant.parse(query.data)
    if press is None:
        log.warning("refused button data %r from user %s", query.data, query.from_user.id)
        await query.answer(t("stale_button", lang), show_alert=True)
        return
    await query.answer()
    if press.action in ("scr", "scra") or press == Press("menu", ("check",)):
        await screener.on_press(
            update, context, Press("scra", ("start",)) if press.action == "menu" else press, lang
        )
        return
    if press.action == "lang":
        lang = press.args[0]
        set_language(deps(context).engine, query.from_user.id, lang)
    await send_reply(update, context, assistant.press(press, lang))
