"""Small helpers the tests share."""

from __future__ import annotations

from handlers.local_api import SentMessage

# A Telegram sticker as the Bot API sends one: media the bot has no use for anywhere.
STICKER = {
    "file_id": "s",
    "file_unique_id": "s",
    "width": 1,
    "height": 1,
    "is_animated": False,
    "is_video": False,
    "type": "regular",
}


def labels(message: SentMessage) -> list[str]:
    """The button labels of a message, row by row, left to right."""
    return [label for row in message.button_rows() for label, _ in row]
