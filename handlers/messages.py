"""Free text is a question for the core; anything else gets a polite note."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bot.reply import Reply
from bot.texts import t
from handlers import screener
from handlers.deps import deps, user_language
from handlers.sending import send_reply
from storage.questions import record_unanswered


async def question(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is None or not message.text:
        return
    lang = user_language(update, context)
    user = update.effective_user
    state = screener.active_state(context, user.id) if user else None
    if state is not None:
        await screener.on_text(update, context, state, message.text, lang)
        return
    reply = deps(context).assistant.ask(message.text, lang)
    if not reply.answered:
        record_unanswered(deps(context).engine, user.id if user else None, message.text, lang)
    if reply.wants_screener:
        if reply.answered:
            await send_reply(update, context, reply)
        await screener.start(update, context, lang)
        return
    await send_reply(update, context, reply)


async def unsupported(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await send_reply(
        update, context, Reply(t("unsupported_message", user_language(update, context)))
    )
