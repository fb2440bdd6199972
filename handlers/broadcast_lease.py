"""A broadcast runner's lease: renewed in the background every few seconds, whatever the sends
are doing (one recipient's 429 wait may last minutes), and checked before every send. Another
instance takes a broadcast over only when its lease ran out; the runner that lost it sends
nothing more, not even the recipient it was waiting for.

Each delivery is claimed ('sending') right before its API call, in the same statement that checks
the lease, and recorded right after it; a 429 puts it back to pending while the runner waits.
So only a death inside the API call leaves a row 'sending', and the next runner takes such a row
as sent (uncertain), never resending it: a resume may, rarely, lose a notice but never doubles
one, the policy reminders follow too."""

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
        self.engine, self.broadcast_id = engine, broadcast_id
        self.runner, self.clock = runner, clock
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

    def guard(self, delivery_id: int) -> DeliveryGuard:
        return DeliveryGuard(self, delivery_id)


class DeliveryGuard:
    """For the sender: one delivery goes out only while the lease is held, claimed first."""

    def __init__(self, lease: Lease, delivery_id: int) -> None:
        self.lease, self.delivery_id = lease, delivery_id

    def claim(self) -> bool:
        lease = self.lease
        if not lease.held:
            return False
        if not store.claim_delivery(
            lease.engine, self.delivery_id, lease.broadcast_id, lease.runner
        ):
            log.warning("broadcast %s: no longer this runner's (or stopped)", lease.broadcast_id)
            lease.lost.set()
        return lease.held

    def release(self) -> None:
        store.release_delivery(self.lease.engine, self.delivery_id)
