"""Slash commands: /start (with an optional program id), /help, /lang, /cancel."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from telegram import Update
from telegram.ext import ContextTypes

from bot import callbacks
from bot.application_form import FLOW as APPLICATION_FLOW
from bot.menus import help_reply
from bot.reply import Button, Reply
from bot.rounds import open_round
from bot.texts import t
from handlers import application, privacy, routing, screener
from handlers.deps import deps, user_language
from handlers.sending import send_reply
from storage.flows import load_flow


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    lang = user_language(update, context)
    payload = context.args[0] if context.args else None
    if payload == application.PROGRAM_ID and _form_can_open(update, context):
        await application.apply(update, context, lang)  # a poster's QR code: straight to the form
        return
    reply = deps(context).assistant.start(payload, lang)
    if payload == application.PROGRAM_ID:  # outside a round: the card, and when the next one is
        reply.text = f"{application.closed_reply(context, lang).text}\n\n{reply.text}"
    await send_reply(update, context, reply)


def _form_can_open(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """A round is open, or the user has a draft to resume."""
    user, d = update.effective_user, deps(context)
    if open_round(d.assistant.kb, d.clock().date()) is not None:
        return True
    return user is not None and load_flow(d.engine, user.id, APPLICATION_FLOW) is not None


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await send_reply(update, context, help_reply(user_language(update, context)))


async def lang(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    language = user_language(update, context)
    await send_reply(update, context, deps(context).assistant.language_menu(language))


async def cancel(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    lang = user_language(update, context)
    if await routing.cancel(update, context, lang):
        return
    home = [[Button(t("home", lang), callbacks.home())]]
    await send_reply(update, context, Reply(t("nothing_to_cancel", lang), home))


async def check(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await screener.start(update, context, user_language(update, context))


async def forget(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await privacy.forget(update, context, user_language(update, context))


def with_language(handler: Callable[[Update, ContextTypes.DEFAULT_TYPE, str], Awaitable[None]]):
    """A command callback for a handler that takes the user's language."""

    async def callback(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await handler(update, context, user_language(update, context))

    return callback
