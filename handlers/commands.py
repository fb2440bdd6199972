"""Slash commands: /start (with an optional program id), /help, /lang, /cancel."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bot.menus import help_reply
from bot.reply import Reply
from bot.texts import t
from handlers import application, broadcasts, insights, reminders, screener, staff
from handlers.deps import deps, user_language
from handlers.sending import send_reply


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    lang = user_language(update, context)
    payload = context.args[0] if context.args else None
    if payload == application.PROGRAM_ID:
        await application.apply(update, context, lang)  # a poster's QR code: straight to the form
        return
    await send_reply(update, context, deps(context).assistant.start(payload, lang))


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await send_reply(update, context, help_reply(user_language(update, context)))


async def lang(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    language = user_language(update, context)
    await send_reply(update, context, deps(context).assistant.language_menu(language))


async def cancel(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    lang = user_language(update, context)
    for flow_cancel in (staff.cancel, application.cancel, screener.cancel):
        if await flow_cancel(update, context, lang):
            return
    await send_reply(update, context, Reply(t("nothing_to_cancel", lang)))


async def apply(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await application.apply(update, context, user_language(update, context))


async def my_application(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await application.my_application(update, context, user_language(update, context))


async def subscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await reminders.subscribe_command(update, context, user_language(update, context))


async def my_subscriptions(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await reminders.my_subscriptions(update, context, user_language(update, context))


async def broadcast(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await broadcasts.broadcast_command(update, context, user_language(update, context))


async def broadcast_list(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await broadcasts.list_command(update, context, user_language(update, context))


async def unanswered(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await insights.unanswered_command(update, context, user_language(update, context))


async def stats(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await insights.stats_command(update, context, user_language(update, context))


async def applications(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await staff.applications_command(update, context, user_language(update, context))


async def check(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await screener.start(update, context, user_language(update, context))


async def forget(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await screener.forget(update, context, user_language(update, context))
