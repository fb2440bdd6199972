"""Turn a core Reply into a Telegram message: sent, or edited in place for a button press. A text
longer than Telegram takes in one message is sent in several (the buttons under the last)."""

from __future__ import annotations

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.reply import Reply

MAX_MESSAGE_UNITS = 4096  # Telegram's limit for one message's text, in UTF-16 code units


def markup(reply: Reply) -> InlineKeyboardMarkup | None:
    if not reply.buttons:
        return None
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(b.label, callback_data=b.data) for b in row]
            for row in reply.buttons
        ]
    )


def units(text: str) -> int:
    """The length Telegram counts: UTF-16 code units (an emoji outside the BMP counts two)."""
    return len(text.encode("utf-16-le")) // 2


def split_text(text: str, limit: int = MAX_MESSAGE_UNITS) -> list[str]:
    """The text in pieces Telegram accepts, cut at the last line break of a piece, else at its
    last space, else where the limit falls (never inside a character); nothing is lost but the
    line break or space a cut falls on."""
    pieces: list[str] = []
    rest = text
    while units(rest) > limit:
        fits, used = 0, 0
        for char in rest:
            size = 2 if ord(char) > 0xFFFF else 1
            if used + size > limit:
                break
            fits, used = fits + 1, used + size
        head = rest[:fits]
        cut = head.rfind("\n")
        if cut <= fits // 2:
            cut = head.rfind(" ")
        if cut > fits // 2:
            pieces.append(rest[:cut])
            rest = rest[cut + 1 :]
        else:
            pieces.append(head)
            rest = rest[fits:]
    pieces.append(rest)
    return pieces


async def send_text(
    bot: Bot, chat_id: int, text: str, reply_markup: InlineKeyboardMarkup | None = None
) -> list[Message]:
    """Send a text of any length (what a resident or staff member typed, with a prefix): one
    message per piece, the buttons under the last. Returns the messages sent."""
    return await _send_pieces(bot, chat_id, split_text(text), reply_markup)


async def _send_pieces(
    bot: Bot, chat_id: int, pieces: list[str], reply_markup: InlineKeyboardMarkup | None
) -> list[Message]:
    sent = []
    for number, piece in enumerate(pieces, start=1):
        buttons = reply_markup if number == len(pieces) else None
        sent.append(await bot.send_message(chat_id, piece, reply_markup=buttons))
    return sent


async def send_reply(update: Update, context: ContextTypes.DEFAULT_TYPE, reply: Reply) -> None:
    """Edit the pressed message when a button led here, otherwise send a new message."""
    query = update.callback_query
    pieces = split_text(reply.text)
    if query is not None and query.message is not None:
        try:
            if len(pieces) == 1:
                await query.edit_message_text(reply.text, reply_markup=markup(reply))
                return
            await query.edit_message_text(pieces[0])  # the rest follows in new messages
            pieces = pieces[1:]
        except BadRequest as error:
            if "not modified" in str(error).lower():
                return
    chat = update.effective_chat
    if chat is not None:
        await _send_pieces(context.bot, chat.id, pieces, markup(reply))
