"""상담원 연결: a resident's question, with their own last few messages, goes to the staff chat;
a staff member's reply to it there comes back to the resident, and the resident's follow-ups go
to the same thread, until it is closed (by staff, by the resident's button or /cancel). Staff see
only what the resident sent; the resident reads everything in their own language. Pressing the
button before asking anything first asks for the question."""

from __future__ import annotations

from datetime import datetime, timedelta

from telegram import Update
from telegram.ext import ContextTypes

from bot import callbacks
from bot.answers import main_menu_buttons
from bot.reply import Button, Reply
from bot.texts import t
from handlers.deps import Deps, deps
from handlers.sending import markup, send_reply, send_text
from storage import handoffs as store
from storage.flows import delete_flow, load_flow, save_flow
from storage.models import HandoffThread
from storage.users import language_of

RECENT = 5
# Rows beside the flows (routing takes no input for them): the resident's last few questions,
# for a handoff, and the threads whose first follow-up was acknowledged. In the database, so
# every instance hands over the same questions and acknowledges once.
RECENT_FLOW = "handoff_recent"
ACKED_FLOW = "handoff_acked"
RECENT_FOR = timedelta(hours=1)  # older questions are not handed over; the purge deletes them
ACKED_FOR = timedelta(days=2)  # then the purge forgets which threads were acknowledged
ASKING = "handoff_question"  # flow row: the resident was asked to type the question for staff
ASKING_FOR = timedelta(minutes=30)  # after that, a message is a question for the bot again
# Flow row while a thread is open: its time says when the resident turned to staff, so text goes
# to the thread or to a form or screener by which of them the resident touched last.
THREAD = "handoff_thread"
# A thread with no message either way for this long is over: the resident's next message is a
# question for the bot again (staff who answer later are told the thread is closed).
QUIET_FOR = timedelta(hours=24)


def remember(context: ContextTypes.DEFAULT_TYPE, user_id: int, text: str) -> None:
    """Keep the resident's own last few questions, each for an hour, for a handoff."""
    d = deps(context)
    kept = [*_fresh(d, user_id), {"text": text[:500], "at": d.clock().isoformat()}][-RECENT:]
    save_flow(d.engine, user_id, RECENT_FLOW, {"questions": kept})


def _fresh(d: Deps, user_id: int) -> list[dict[str, str]]:
    """The kept questions asked within the last hour, oldest first."""
    state = load_flow(d.engine, user_id, RECENT_FLOW) or {}
    now = d.clock()
    return [
        question
        for question in state.get("questions", [])
        if now - datetime.fromisoformat(question["at"]) <= RECENT_FOR
    ]


def _recent(d: Deps, user_id: int) -> list[str]:
    return [question["text"] for question in _fresh(d, user_id)]


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE, lang: str) -> None:
    user, chat = update.effective_user, update.effective_chat
    d = deps(context)
    if user is None or chat is None:
        return
    if d.staff_chat_id is None:
        await send_reply(
            update, context, Reply(t("handoff_unavailable", lang), main_menu_buttons(lang))
        )
        return
    thread = store.open_thread(d.engine, user.id)
    if thread is not None:  # already with staff: what they type goes there from now on
        save_flow(d.engine, user.id, THREAD, {"thread": thread.id})
        await send_reply(update, context, Reply(t("handoff_open", lang), _end_button(thread, lang)))
        return
    if not _recent(d, user.id):
        # Nothing to hand over yet: ask for the question instead of sending staff "(없음)".
        save_flow(d.engine, user.id, ASKING, {"asked_at": d.clock().isoformat()})
        rows = [[Button(t("home", lang), callbacks.home())]]
        await send_reply(update, context, Reply(t("handoff_ask", lang), rows))
        return
    await _hand_over(update, context, lang)


async def _hand_over(update: Update, context: ContextTypes.DEFAULT_TYPE, lang: str) -> None:
    user, chat = update.effective_user, update.effective_chat
    d = deps(context)
    assert user is not None and chat is not None and d.staff_chat_id is not None
    thread = store.open_thread(d.engine, user.id) or store.create(d.engine, user.id, chat.id)
    lines = "\n".join(f"• {text}" for text in _recent(d, user.id)) or t("handoff_no_messages", "ko")
    staff_text = t("handoff_staff", "ko", id=thread.id, name=user.first_name or "", messages=lines)
    close = Reply(
        "", [[Button(t("handoff_close", "ko"), callbacks.handoff("close", str(thread.id)))]]
    )
    posted = await send_text(context.bot, d.staff_chat_id, staff_text, markup(close))
    for message in posted:
        store.link(d.engine, thread.id, message.message_id, d.clock())
    delete_flow(d.engine, user.id, RECENT_FLOW)  # staff have them now
    save_flow(d.engine, user.id, THREAD, {"thread": thread.id})
    text = t("handoff_sent", lang)
    if not d.office_hours.is_open(d.clock()):
        text += "\n" + t("handoff_after_hours", lang, hours=d.office_hours.label())
    await send_reply(update, context, Reply(text, _end_button(thread, lang)))


def _end_button(thread: HandoffThread, lang: str) -> list[list[Button]]:
    return [[Button(t("handoff_end", lang), callbacks.handoff("end", str(thread.id)))]]


def _asked(d: Deps, user_id: int) -> bool:
    """Whether the resident was just asked for the question to hand to staff (and clear it)."""
    state = load_flow(d.engine, user_id, ASKING)
    if state is None:
        return False
    delete_flow(d.engine, user_id, ASKING)
    asked_at = datetime.fromisoformat(state.get("asked_at", "1970-01-01T00:00:00+00:00"))
    return d.clock() - asked_at <= ASKING_FOR


async def on_question(
    update: Update, context: ContextTypes.DEFAULT_TYPE, text: str, lang: str
) -> bool:
    """The question the resident was asked to type for staff: it starts the handoff instead of
    being answered by the bot. False when the request is older than ASKING_FOR."""
    user = update.effective_user
    d = deps(context)
    if user is None or d.staff_chat_id is None or not _asked(d, user.id):
        return False
    remember(context, user.id, text)
    await _hand_over(update, context, lang)
    return True


def _thread_for(update: Update, context: ContextTypes.DEFAULT_TYPE) -> HandoffThread | None:
    user, d = update.effective_user, deps(context)
    if user is None or d.staff_chat_id is None:
        return None
    return store.open_thread(d.engine, user.id)


async def _live_thread(update: Update, context: ContextTypes.DEFAULT_TYPE) -> HandoffThread | None:
    """The open thread, unless it has been quiet for QUIET_FOR: then it is closed (both sides
    told) and None, so what the resident sent now is handled by the bot."""
    thread = _thread_for(update, context)
    d = deps(context)
    if thread is None or d.clock() - store.quiet_since(thread) < QUIET_FOR:
        return thread
    if store.close(d.engine, thread.id):
        await _closed(context, thread, by_staff=False, quiet=True)
    return None


async def forward_followup(
    update: Update, context: ContextTypes.DEFAULT_TYPE, text: str, lang: str = "ko"
) -> bool:
    """While a thread is open, a message no flow took goes to staff instead of the bot (the
    first one is acknowledged)."""
    d = deps(context)
    thread = await _live_thread(update, context)
    if thread is None:
        return False
    text = t("handoff_followup", "ko", id=thread.id, text=text)
    for posted in await send_text(context.bot, d.staff_chat_id, text):  # a long one in pieces
        store.link(d.engine, thread.id, posted.message_id, d.clock())
    await _acknowledge(update, context, thread)
    return True


async def _acknowledge(
    update: Update, context: ContextTypes.DEFAULT_TYPE, thread: HandoffThread
) -> None:
    """Tell the resident their first follow-up went to staff (later ones pass silently)."""
    d = deps(context)
    acked = (load_flow(d.engine, thread.user_id, ACKED_FLOW) or {}).get("threads", [])
    if thread.id in acked:
        return
    threads = [*acked, thread.id][-RECENT:]
    save_flow(d.engine, thread.user_id, ACKED_FLOW, {"threads": threads})
    lang = language_of(d.engine, thread.user_id)
    await send_reply(
        update, context, Reply(t("handoff_followup_sent", lang), _end_button(thread, lang))
    )


async def relay_staff_reply(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """A reply, in the staff chat, to a thread's message: relayed to the resident."""
    message, d = update.effective_message, deps(context)
    chat = update.effective_chat
    if (
        message is None
        or chat is None
        or chat.id != d.staff_chat_id
        or message.reply_to_message is None
    ):
        return False
    thread = store.thread_of(d.engine, message.reply_to_message.message_id)
    if thread is None:
        return False
    if thread.status != "open":
        await message.reply_text(t("handoff_closed_already", "ko", id=thread.id))
        return True
    lang = language_of(d.engine, thread.user_id)
    if message.text:
        await send_text(context.bot, thread.chat_id, t("handoff_reply", lang, text=message.text))
    else:  # a photo, a document, a voice note…: the resident gets a copy
        await context.bot.send_message(thread.chat_id, t("handoff_media_reply", lang))
        await context.bot.copy_message(thread.chat_id, chat.id, message.message_id)
    store.link(d.engine, thread.id, message.message_id, d.clock())
    return True


async def in_staff_chat(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """A message in the staff chat: a reply to a thread is relayed to the resident, anything else
    is left alone (the bot never answers there). False: not from the staff chat."""
    chat = update.effective_chat
    if await relay_staff_reply(update, context):
        return True
    return chat is not None and chat.id == deps(context).staff_chat_id


async def forward_media(update: Update, context: ContextTypes.DEFAULT_TYPE, lang: str) -> bool:
    """A resident's photo, document or other media during an open thread is copied to staff.
    False when no thread is open."""
    message, chat = update.effective_message, update.effective_chat
    d = deps(context)
    if message is None or chat is None:
        return False
    thread = await _live_thread(update, context)
    if thread is None:
        return False
    header = await context.bot.send_message(
        d.staff_chat_id, t("handoff_media_followup", "ko", id=thread.id)
    )
    copied = await context.bot.copy_message(d.staff_chat_id, chat.id, message.message_id)
    store.link(d.engine, thread.id, header.message_id, d.clock())
    store.link(d.engine, thread.id, copied.message_id, d.clock())
    await _acknowledge(update, context, thread)
    return True


async def cancel_question(update: Update, context: ContextTypes.DEFAULT_TYPE, lang: str) -> bool:
    """/cancel while the resident was asked for the question: stop waiting for it."""
    user = update.effective_user
    if user is None or not delete_flow(deps(context).engine, user.id, ASKING):
        return False
    await send_reply(
        update, context, Reply(t("handoff_ask_cancelled", lang), main_menu_buttons(lang))
    )
    return True


async def cancel_thread(update: Update, context: ContextTypes.DEFAULT_TYPE, lang: str) -> bool:
    """/cancel during a conversation with staff: end the open thread (staff are told)."""
    thread = _thread_for(update, context)
    if thread is None or not store.close(deps(context).engine, thread.id):
        return False
    await _closed(context, thread, by_staff=False)
    return True


async def _closed(
    context: ContextTypes.DEFAULT_TYPE, thread: HandoffThread, by_staff: bool, quiet: bool = False
) -> None:
    d = deps(context)
    delete_flow(d.engine, thread.user_id, THREAD)
    lang = language_of(d.engine, thread.user_id)
    hours = int(QUIET_FOR.total_seconds() // 3600)
    await context.bot.send_message(
        thread.chat_id,
        t("handoff_ended_quiet", lang, hours=hours) if quiet else t("handoff_ended", lang),
        reply_markup=markup(Reply("", main_menu_buttons(lang))),
    )
    if d.staff_chat_id is not None:
        if quiet:
            note = t("handoff_closed_quiet", "ko", id=thread.id, hours=hours)
        else:
            key = "handoff_closed" if by_staff else "handoff_closed_by_resident"
            note = t(key, "ko", id=thread.id)
        await context.bot.send_message(d.staff_chat_id, note)


async def on_press(
    update: Update, context: ContextTypes.DEFAULT_TYPE, action: str, arg: str, lang: str
) -> None:
    d = deps(context)
    user, chat = update.effective_user, update.effective_chat
    if action == "start":
        await start(update, context, lang)
        return
    thread = store.get(d.engine, int(arg)) if arg.isdigit() else None
    from_staff_chat = chat is not None and chat.id == d.staff_chat_id
    own = thread is not None and user is not None and thread.user_id == user.id
    if thread is None or not (from_staff_chat or own) or not store.close(d.engine, thread.id):
        await send_reply(update, context, Reply(t("stale_button", lang)))
        return
    await _closed(context, thread, by_staff=from_staff_chat)


async def drop_request_on_other_moves(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """After 🙋 asked for the question, another button or a command means the resident went
    elsewhere: their next message is a question for the bot, not for staff."""
    user = update.effective_user
    query, message = update.callback_query, update.effective_message
    moved = (query is not None and not (query.data or "").startswith("ho:")) or (
        query is None and message is not None and (message.text or "").startswith("/")
    )
    if user is not None and moved:
        delete_flow(deps(context).engine, user.id, ASKING)
