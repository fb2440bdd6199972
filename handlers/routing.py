"""Which flow gets what the user sends: typed text, a photo or a document, and /cancel. The flow
the user touched last is asked first (flow rows in the order of their time), and one that does
not want the input (a finished screener, a closed round's draft) passes it on.

An open 상담원 연결 thread is one of these flows: its row's time is when the resident turned to
staff (opened the thread, or pressed 🙋 again while it was open). A form or screener touched after
that keeps getting its answers, which never reach staff; text none of them takes (a question for
the bot) joins the thread."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from telegram import Update
from telegram.ext import ContextTypes

from bot.application_form import FLOW as APPLICATION_FLOW
from bot.broadcast_compose import FLOW as BROADCAST_FLOW
from bot.screener import FLOW as SCREENER_FLOW
from handlers import application, broadcasts, handoff, screener, staff
from handlers.deps import deps
from storage.flows import flows_by_recency

TakeText = Callable[[Update, ContextTypes.DEFAULT_TYPE, str, str], Awaitable[bool]]
Take = Callable[[Update, ContextTypes.DEFAULT_TYPE, str], Awaitable[bool]]

TEXT: dict[str, TakeText] = {
    BROADCAST_FLOW: broadcasts.on_text,
    staff.FLOW: staff.on_text,
    APPLICATION_FLOW: application.on_text,
    SCREENER_FLOW: screener.on_typed,
    handoff.ASKING: handoff.on_question,
    handoff.THREAD: handoff.forward_followup,
}
MEDIA: dict[str, Take] = {
    BROADCAST_FLOW: broadcasts.on_media,
    APPLICATION_FLOW: application.on_document,
    handoff.THREAD: handoff.forward_media,
}
CANCEL: dict[str, Take] = {
    handoff.ASKING: handoff.cancel_question,
    handoff.THREAD: handoff.cancel_thread,
    staff.FLOW: staff.cancel,
    BROADCAST_FLOW: broadcasts.cancel,
    APPLICATION_FLOW: application.cancel,
    SCREENER_FLOW: screener.cancel,
}


def _recent_flows(update: Update, context: ContextTypes.DEFAULT_TYPE) -> list[str]:
    user = update.effective_user
    return flows_by_recency(deps(context).engine, user.id) if user is not None else []


async def take_text(
    update: Update, context: ContextTypes.DEFAULT_TYPE, text: str, lang: str
) -> bool:
    """Typed text to the flow it answers; False when it is a question for the bot."""
    for flow in _recent_flows(update, context):
        take = TEXT.get(flow)
        if take is not None and await take(update, context, text, lang):
            return True
    # A thread opened before threads had their flow row still takes the follow-ups.
    return await handoff.forward_followup(update, context, text, lang)


async def take_media(update: Update, context: ContextTypes.DEFAULT_TYPE, lang: str) -> bool:
    """A photo, document or other media to the flow that wants it; False when none does."""
    for flow in _recent_flows(update, context):
        take = MEDIA.get(flow)
        if take is not None and await take(update, context, lang):
            return True
    return await handoff.forward_media(update, context, lang)


async def cancel(update: Update, context: ContextTypes.DEFAULT_TYPE, lang: str) -> bool:
    """/cancel stops the flow the user is in now; False when there is nothing to cancel."""
    for flow in _recent_flows(update, context):
        stop = CANCEL.get(flow)
        if stop is not None and await stop(update, context, lang):
            return True
    return await handoff.cancel_thread(update, context, lang)
