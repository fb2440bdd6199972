"""A broadcast runner's lease: renewed in the background every few seconds, whatever the sends
are doing (one recipient's 429 wait may last minutes), and checked before every send. Another
instance takes a broadcast over only when its lease ran out; the runner that lost it sends
nothing more, not even the recipient it was waiting for."""

from __future__ import annotations

import asyncio
import logging
import time
from datetime import timedelta

from sqlalchemy import Engine

from bot.clock import Clock
from storage import broadcasts as store

log = logging.getLogger(__name__)
LEASE = timedelta(seconds=30)  # a heartbeat older than this: the runner is taken to be dead
HEARTBEAT_SECONDS = 5.0  # well under LEASE


class Lease:
    def __init__(self, engine: Engine, broadcast_id: int, runner: str, clock: Clock) -> None:
        self.engine, self.broadcast_id, self.runner, self.clock = (
            engine,
            broadcast_id,
            runner,
            clock,
        )
        self.lost = asyncio.Event()
        self._confirmed = time.monotonic()

    @property
    def held(self) -> bool:
        return not self.lost.is_set()

    def renew(self) -> bool:
        """Renew the heartbeat. The lease is lost when the row names another runner (or staff
        stopped the broadcast), and also when no renewal got through for half the lease: then
        another instance may soon take over, so this one stops first."""
        try:
            held: bool | None = store.heartbeat(
                self.engine, self.broadcast_id, self.runner, self.clock()
            )
        except Exception:
            log.warning("broadcast %s: heartbeat failed", self.broadcast_id, exc_info=True)
            held = None
        if held:
            self._confirmed = time.monotonic()
        elif held is False or time.monotonic() - self._confirmed > LEASE.total_seconds() / 2:
            if self.held:
                log.warning("broadcast %s: this runner lost its lease; stopping", self.broadcast_id)
            self.lost.set()
        return self.held

    async def keep(self) -> None:
        """Renew until cancelled or lost (run as a background task while sending)."""
        while self.held:
            await asyncio.sleep(HEARTBEAT_SECONDS)
            self.renew()

    def guard(self) -> LeaseGuard:
        return LeaseGuard(self)


class LeaseGuard:
    """For the sender: a send goes out only while the lease is held."""

    def __init__(self, lease: Lease) -> None:
        self.lease = lease

    def claim(self) -> bool:
        return self.lease.held

    def release(self) -> None:
        return None
