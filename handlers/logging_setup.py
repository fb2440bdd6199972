"""Logging for the running bot: mobile numbers never reach a log line, a traceback included."""

from __future__ import annotations

import logging

from bot.validation import mask_mobile

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class MaskingFormatter(logging.Formatter):
    """Formats a record as usual, then masks every mobile number in the whole output: the
    message with its arguments, and an exception's traceback (a database error lists the
    parameters of the failed statement, a phone number among them)."""

    def format(self, record: logging.LogRecord) -> str:
        return mask_mobile(super().format(record))


def configure(verbose: bool) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format=FORMAT)
    for handler in logging.getLogger().handlers:
        handler.setFormatter(MaskingFormatter(FORMAT))
