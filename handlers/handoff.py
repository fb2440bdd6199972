"""상담원 연결: a resident's question, with their own last few messages, goes to the staff chat;
a staff member's reply to it there comes back to the resident, and the resident's follow-ups go
to the same thread, until it is closed. Staff see only what the resident sent."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bot import callbacks
from bot.answers import main_menu_buttons
from bot.reply import Button, Reply
from bot.texts import t
from handlers.deps import deps
from handlers.sending import markup, send_reply
from storage import handoffs as store

RECENT = 5


def remember(context: ContextTypes.DEFAULT_TYPE, text: str) -> None:
    """Keep the resident's own last few messages (in memory) for a handoff."""
    recent: list[str] = (
        context.user_data.setdefault("recent", []) if context.user_data is not None else []
    )
    recent.append(text[:500])
    del recent[:-RECENT]


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
    thread = store.open_thread(d.engine, user.id) or store.create(d.engine, user.id, chat.id)
    recent = (context.user_data or {}).get("recent", [])
    lines = "\n".join(f"• {text}" for text in recent) or t("handoff_no_messages", "ko")
    staff_text = t("handoff_staff", "ko", id=thread.id, name=user.first_name or "", messages=lines)
    close = Reply(
        "", [[Button(t("handoff_close", "ko"), callbacks.handoff("close", str(thread.id)))]]
    )
    posted = await context.bot.send_message(d.staff_chat_id, staff_text, reply_markup=markup(close))
    store.link(d.engine, thread.id, posted.message_id)
    text = t("handoff_sent", lang)
    if not d.office_hours.is_open(d.clock()):
        text += "\n" + t("handoff_after_hours", lang, hours=d.office_hours.label())
    rows = [[Button(t("handoff_end", lang), callbacks.handoff("end", str(thread.id)))]]
    await send_reply(update, context, Reply(text, rows))


async def forward_followup(update: Update, context: ContextTypes.DEFAULT_TYPE, text: str) -> bool:
    """While a thread is open, the resident's messages go to staff instead of the bot."""
    user = update.effective_user
    d = deps(context)
    thread = store.open_thread(d.engine, user.id) if user and d.staff_chat_id is not None else None
    if thread is None:
        return False
    posted = await context.bot.send_message(
        d.staff_chat_id, t("handoff_followup", "ko", id=thread.id, text=text)
    )
    store.link(d.engine, thread.id, posted.message_id)
    return True


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
    if thread is None or not message.text:
        return False
    if thread.status != "open":
        await message.reply_text(t("handoff_closed_already", "ko", id=thread.id))
        return True
    await context.bot.send_message(thread.chat_id, t("handoff_reply", "ko", text=message.text))
    store.link(d.engine, thread.id, message.message_id)
    return True


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
    await context.bot.send_message(thread.chat_id, t("handoff_ended", "ko"))
    if from_staff_chat:
        await context.bot.send_message(d.staff_chat_id, t("handoff_closed", "ko", id=thread.id))
    else:
        await context.bot.send_message(
            d.staff_chat_id, t("handoff_closed_by_resident", "ko", id=thread.id)
        )
