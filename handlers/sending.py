"""Turn a core Reply into a Telegram message: sent, or edited in place for a button press."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.reply import Reply


def markup(reply: Reply) -> InlineKeyboardMarkup | None:
    if not reply.buttons:
        return None
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(b.label, callback_data=b.data) for b in row]
            for row in reply.buttons
        ]
    )


async def send_reply(update: Update, context: ContextTypes.DEFAULT_TYPE, reply: Reply) -> None:
    """Edit the pressed message when a button led here, otherwise send a new message."""
    query = update.callback_query
    if query is not None and query.message is not None:
        try:
            await query.edit_message_text(reply.text, reply_markup=markup(reply))
            return
        except BadRequest as error:
            if "not modified" in str(error).lower():
                return
    chat = update.effective_chat
    if chat is not None:
        await context.bot.send_message(chat.id, reply.text, reply_markup=markup(reply))
