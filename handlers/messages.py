"""Free text: an answer to the flow in progress (staff reason, notice, application form,
screener, a conversation with staff; handlers/routing.py), else a question for the core.
Documents and photos go to the flow that wants them; anything else gets a note."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bot.reply import Reply
from bot.texts import t
from handlers import application, handoff, routing, screener
from handlers.deps import activity, deps, user_language
from handlers.sending import send_reply
from storage.models import QuestionLog
from storage.questions import record_unanswered


async def question(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is None or not message.text:
        return
    text, lang, user = message.text, user_language(update, context), update.effective_user
    if await handoff.relay_staff_reply(update, context):
        return
    chat = update.effective_chat
    if chat is not None and chat.id == deps(context).staff_chat_id:
        return  # in the staff chat the bot only relays replies to residents
    if await routing.take_text(update, context, text, lang):
        return
    if user is not None:  # only questions: never answers typed into a flow
        handoff.remember(context, user.id, text)
    reply = deps(context).assistant.ask(text, lang)
    engine, user_id = deps(context).engine, user.id if user else None
    now = deps(context).clock()
    log = QuestionLog(
        user_id=user_id,
        program_id=reply.program_id,
        topic=reply.topic,
        answered=reply.answered,
        at=now,
    )
    activity(context).question(log)
    if not reply.answered:
        record_unanswered(engine, user_id, text, lang, now)
    if reply.program_id == application.PROGRAM_ID and reply.topic == "apply":
        await send_reply(update, context, reply)
        await application.apply(update, context, lang)
        return
    if reply.wants_screener:
        if reply.answered:
            await send_reply(update, context, reply)
        await screener.start(update, context, lang)
        return
    await send_reply(update, context, reply)


async def unsupported(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if await handoff.in_staff_chat(update, context):  # relayed, or silence in the staff chat
        return
    lang = user_language(update, context)
    if await routing.take_media(update, context, lang):
        return
    await send_reply(update, context, Reply(t("unsupported_message", lang)))


async def edited(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Edits are not re-answered (the first answer stands); the user is told how to correct."""
    chat = update.effective_chat
    if chat is not None and chat.id != deps(context).staff_chat_id:
        await context.bot.send_message(chat.id, t("edited_message", user_language(update, context)))
