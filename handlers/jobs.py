"""Scheduled housekeeping: delete applications whose review period is over."""

from __future__ import annotations

import logging
from datetime import timedelta

from telegram.ext import Application, ContextTypes

from bot.retention import expired_rounds
from handlers.deps import Deps
from storage.applications import delete_rounds

log = logging.getLogger(__name__)
PURGE_EVERY = timedelta(hours=6)


def purge_expired(deps: Deps) -> int:
    rounds = expired_rounds(deps.assistant.kb, deps.clock().date())
    deleted = delete_rounds(deps.engine, rounds)
    if deleted:
        log.info("deleted %d applications of rounds %s after their review period", deleted, rounds)
    return deleted


async def _purge_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    purge_expired(context.application.bot_data["deps"])


def schedule(application: Application) -> None:
    if application.job_queue is not None:
        application.job_queue.run_repeating(
            _purge_job, interval=PURGE_EVERY, first=60, name="purge"
        )
