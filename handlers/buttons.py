"""Button presses: validated on receipt; unknown or forged data changes nothing."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import ContextTypes

from bot.callbacks import Press
from bot.texts import t
from handlers import application, broadcasts, handoff, insights, reminders, screener, staff
from handlers.deps import activity, deps, forget_cached_user, user_language
from handlers.sending import send_reply
from storage.users import set_language

log = logging.getLogger(__name__)
STAFF_ACTIONS = ("stf", "bc", "unq")


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
    if press.action in STAFF_ACTIONS and not staff.is_staff(update, context):
        log.warning("refused staff button %r from user %s", query.data, query.from_user.id)
        await staff.refuse(update, context, lang)
        return
    await query.answer()
    await route(update, context, press, lang)


async def route(
    update: Update, context: ContextTypes.DEFAULT_TYPE, press: Press, lang: str
) -> None:
    if press.action == "stf":
        await staff.on_press(update, context, press.args, lang)
    elif press.action == "unq":
        await insights.on_press(update, context, press.args, lang)
    elif press.action == "ho":
        await handoff.on_press(update, context, press.args[0], press.args[1], lang)
    elif press.action == "bc":
        await broadcasts.on_press(update, context, press.args[0], press.args[1], lang)
    elif press.action == "frm":
        await application.on_press(update, context, press.args[0], press.args[1], lang)
    elif press.action == "my":
        await application.on_my_press(update, context, press.args[0], lang)
    elif press.action in ("scr", "scra"):
        await screener.on_press(update, context, press, lang)
    elif press == Press("menu", ("check",)):
        await screener.on_press(update, context, Press("scra", ("start",)), lang)
    elif press == Press("menu", ("apply",)):
        await application.apply(update, context, lang)
    elif press == Press("menu", ("subscribe",)):
        await reminders.subscribe_command(update, context, lang)
    elif press.action == "sub":
        await reminders.on_press(update, context, press.args[0], press.args[1], lang)
    elif press.action == "ntc":
        await reminders.on_notices_press(update, context, press.args[0], lang)
    elif press.action == "bcoff":
        await broadcasts.on_off_press(update, context, int(press.args[0]), lang)
    else:
        if press.action == "lang":
            lang = press.args[0]
            activity(context).flush()
            set_language(deps(context).engine, update.callback_query.from_user.id, lang)
            forget_cached_user(context, update.callback_query.from_user.id)
        await send_reply(update, context, deps(context).assistant.press(press, lang))
