"""Small helpers the tests share."""

from __future__ import annotations

from handlers.local_api import SentMessage


def labels(message: SentMessage) -> list[str]:
    """The button labels of a message, row by row, left to right."""
    return [label for row in message.button_rows() for label, _ in row]
