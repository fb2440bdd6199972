"""Which instance runs scheduled work. With PostgreSQL, several instances may serve the bot: the
one holding a session-level advisory lock is the leader; if it dies its connection closes, the
lock is released, and another instance takes over on its next tick. With SQLite there is one
instance, which always leads."""

from __future__ import annotations

import logging

from sqlalchemy import Connection, Engine, text

from storage.db import serves_several_instances

log = logging.getLogger(__name__)
LOCK_KEY = 0x59445042  # "YDPB"
HOLDS_LOCK = text(
    "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objid = :key"
    " AND pid = pg_backend_pid() AND granted)"
)


class Leadership:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.shared = serves_several_instances(engine)
        self._connection: Connection | None = None

    @property
    def leading(self) -> bool:
        return not self.shared or self._connection is not None

    def ensure(self) -> bool:
        """True when this instance leads now (taking the lead if it is free)."""
        if not self.shared:
            return True
        if self._connection is not None:
            try:
                # Not "SELECT 1": a dropped connection is silently replaced by a new session,
                # which does not hold the lock. Ask whether this session holds it.
                holds = self._connection.execute(HOLDS_LOCK, {"key": LOCK_KEY}).scalar()
                self._connection.commit()
            except Exception:
                holds = False
            if holds:
                return True
            log.warning("lost the lead (the session that held the lock is gone)")
            self._drop()
        connection = self.engine.connect()
        try:
            got = connection.execute(
                text("SELECT pg_try_advisory_lock(:key)"), {"key": LOCK_KEY}
            ).scalar()
            connection.commit()
        except Exception:
            connection.close()
            raise
        if got:
            self._connection = connection
            log.info("this instance now runs the scheduled work")
            return True
        connection.close()
        return False

    def release(self) -> None:
        if self._connection is not None:
            try:
                self._connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": LOCK_KEY})
                self._connection.commit()
            finally:
                self._drop()

    def _drop(self) -> None:
        if self._connection is not None:
            try:
                self._connection.close()
            finally:
                self._connection = None
