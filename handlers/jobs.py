"""Background work on an APScheduler AsyncIOScheduler started from post_init: delivering due
reminders, and deleting applications whose review period is over. Every job is idempotent over
database rows, so a restart (or a missed tick) loses nothing and doubles nothing."""

from __future__ import annotations

import logging
from datetime import timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from telegram.ext import Application

from bot.application_form import FLOW as APPLICATION_FLOW
from bot.retention import expired_rounds
from handlers import handoff
from handlers.broadcasts import resume, start_due
from handlers.deps import Deps
from handlers.leader import Leadership
from handlers.reminders import dispatch
from storage.applications import delete_rounds
from storage.flows import delete_stale, delete_where
from storage.models import utcnow
from storage.updates import forget_before

log = logging.getLogger(__name__)
REMINDER_TICK_SECONDS = 30
BROADCAST_TICK_SECONDS = 15
PURGE_TICK_HOURS = 6


def purge_expired(deps: Deps) -> int:
    """Delete the applications of rounds whose review period is over, and the drafts and
    unsaved edits still kept for those rounds (the consent promises it). Returns how many."""
    rounds = expired_rounds(deps.assistant.kb, deps.clock().date())
    deleted = delete_rounds(deps.engine, rounds)
    drafts = delete_where(deps.engine, APPLICATION_FLOW, "round_id", rounds)
    if deleted or drafts:
        log.info(
            "deleted %d applications and %d drafts of rounds %s after their review period",
            deleted,
            drafts,
            rounds,
        )
    return deleted + drafts


def forget_handoff_memory(deps: Deps) -> int:
    """Delete residents' recent questions kept for a handoff once they are too old to hand over,
    and old acknowledgement marks; returns how many rows. Rows carry the real time they were
    written, so they are compared with the real time, not the demo clock."""
    now = utcnow()
    return delete_stale(deps.engine, handoff.RECENT_FLOW, now - handoff.RECENT_FOR) + delete_stale(
        deps.engine, handoff.ACKED_FLOW, now - handoff.ACKED_FOR
    )


def start(application: Application) -> AsyncIOScheduler:
    deps: Deps = application.bot_data["deps"]
    sender = application.bot_data["sender"]

    leadership = Leadership(deps.engine)
    application.bot_data["leadership"] = leadership

    async def deliver() -> None:
        if leadership.ensure():
            await dispatch(deps, sender, deps.clock())

    async def purge() -> None:
        if leadership.ensure():
            purge_expired(deps)
            forget_before(deps.engine, deps.clock() - timedelta(days=2))
            forget_handoff_memory(deps)

    async def scheduled_broadcasts() -> None:
        await broadcast_tick(application)

    scheduler = AsyncIOScheduler(timezone="Asia/Seoul")
    scheduler.add_job(
        deliver, "interval", seconds=REMINDER_TICK_SECONDS, max_instances=1, coalesce=True
    )
    scheduler.add_job(purge, "interval", hours=PURGE_TICK_HOURS, max_instances=1, coalesce=True)
    scheduler.add_job(
        application.bot_data["activity"].flush,
        "interval",
        seconds=1,
        max_instances=1,
        coalesce=True,
    )
    scheduler.add_job(
        scheduled_broadcasts,
        "interval",
        seconds=BROADCAST_TICK_SECONDS,
        max_instances=1,
        coalesce=True,
    )
    scheduler.start()
    application.bot_data["scheduler"] = scheduler
    return scheduler


async def broadcast_tick(application: Application) -> None:
    """Leader only: start due scheduled broadcasts; take over ones whose runner died."""
    leadership: Leadership = application.bot_data["leadership"]
    if leadership.ensure():
        await start_due(application)
        await resume(application)


async def stop(application: Application) -> None:
    scheduler = application.bot_data.pop("scheduler", None)
    if scheduler is not None:
        scheduler.shutdown(wait=False)
    leadership = application.bot_data.get("leadership")
    if leadership is not None:
        leadership.release()
    application.bot_data["activity"].flush()
