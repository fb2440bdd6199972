"""Logging for the running bot: mobile numbers never reach a log line."""

from __future__ import annotations

import logging

from bot.validation import mask_mobile


class MaskPhones(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_mobile(message)
        if masked != message:
            record.msg, record.args = masked, None
        return True


def configure(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    for handler in logging.getLogger().handlers:
        handler.addFilter(MaskPhones())
