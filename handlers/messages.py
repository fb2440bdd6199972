"""Free text: an answer to the flow in progress (staff reason, application form, screener),
else a question for the core. Documents go to the application form; anything else gets a note."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from telegram import Update
from telegram.ext import ContextTypes

from bot.application_form import FLOW as APPLICATION_FLOW
from bot.broadcast_compose import FLOW as BROADCAST_FLOW
from bot.reply import Reply
from bot.screener import FLOW as SCREENER_FLOW
from bot.texts import t
from handlers import application, broadcasts, handoff, screener, staff
from handlers.deps import activity, deps, user_language
from handlers.sending import send_reply
from storage.flows import flows_by_recency
from storage.models import QuestionLog
from storage.questions import record_unanswered

# Who takes typed text while a flow is open; the flow the user touched last is asked first,
# and one that does not want the text (a finished screener, a closed round's draft) passes it on.
FLOW_TEXT: dict[str, Callable[[Update, ContextTypes.DEFAULT_TYPE, str, str], Awaitable[bool]]] = {
    BROADCAST_FLOW: broadcasts.on_text,
    staff.FLOW: staff.on_text,
    APPLICATION_FLOW: application.on_text,
    SCREENER_FLOW: screener.on_typed,
}


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
    if await handoff.forward_followup(update, context, text):
        return
    if user is not None:
        for flow in flows_by_recency(deps(context).engine, user.id):
            take = FLOW_TEXT.get(flow)
            if take is not None and await take(update, context, text, lang):
                return
    handoff.remember(context, text)  # only questions: never answers typed into a flow
    if await handoff.take_question(update, context, lang):
        return
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
    if await handoff.on_media(update, context):  # relayed either way; silence in the staff chat
        return
    lang = user_language(update, context)
    if await broadcasts.on_media(update, context, lang):
        return
    if await application.on_document(update, context, lang):
        return
    await send_reply(update, context, Reply(t("unsupported_message", lang)))


async def edited(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Edits are not re-answered (the first answer stands); the user is told how to correct."""
    chat = update.effective_chat
    if chat is not None and chat.id != deps(context).staff_chat_id:
        await context.bot.send_message(chat.id, t("edited_message", user_language(update, context)))
