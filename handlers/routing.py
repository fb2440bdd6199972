"""Which flow gets what the user sends: typed text, a photo or a document, and /cancel. The flow
the user touched last is asked first (flow rows in the order of their time), and one that does
not want the input (a finished screener, a closed round's draft) passes it on.

An open 상담원 연결 thread is one of these flows: its row's time is when the resident turned to
staff (opened the thread, or pressed 🙋 again while it was open). A form or screener touched after
that keeps getting its answers, which never reach staff; text none of them takes (a question for
the bot) joins the thread."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Concatenate, ParamSpec

from telegram import Update
from telegram.ext import ContextTypes

from bot.application_form import FLOW as APPLICATION_FLOW
from bot.broadcast_compose import FLOW as BROADCAST_FLOW
from bot.screener import FLOW as SCREENER_FLOW
from handlers import application, broadcasts, handoff, screener, staff
from handlers.deps import deps
from storage.flows import flows_by_recency

P = ParamSpec("P")
# A flow's handler for one kind of input (text, media, /cancel): True when it took the input.
Taker = Callable[Concatenate[Update, ContextTypes.DEFAULT_TYPE, P], Awaitable[bool]]
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


async def _first_to_take(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    takers: Mapping[str, Taker[P]],
    last: Taker[P],
    *args: P.args,
    **kwargs: P.kwargs,
) -> bool:
    """Offers the input to the user's flows, the one touched last first, until one takes it;
    `last` gets what none of them took. Text, media and /cancel all go this one way, so the
    order of flows is the same whatever the user sends."""
    for flow in _recent_flows(update, context):
        take = takers.get(flow)
        if take is not None and await take(update, context, *args, **kwargs):
            return True
    return await last(update, context, *args, **kwargs)


async def take_text(
    update: Update, context: ContextTypes.DEFAULT_TYPE, text: str, lang: str
) -> bool:
    """Typed text to the flow it answers; False when it is a question for the bot."""
    # Last the handoff thread: one opened before threads had their flow row still takes the
    # follow-ups.
    return await _first_to_take(update, context, TEXT, handoff.forward_followup, text, lang)


async def take_media(update: Update, context: ContextTypes.DEFAULT_TYPE, lang: str) -> bool:
    """A photo, document or other media to the flow that wants it; False when none does."""
    return await _first_to_take(update, context, MEDIA, handoff.forward_media, lang)


async def cancel(update: Update, context: ContextTypes.DEFAULT_TYPE, lang: str) -> bool:
    """/cancel stops the flow the user is in now; False when there is nothing to cancel."""
    return await _first_to_take(update, context, CANCEL, handoff.cancel_thread, lang)
