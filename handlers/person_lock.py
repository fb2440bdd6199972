"""One person's updates are handled one at a time across every instance. Several instances behind
one webhook share conversation rows (a draft, the screener), and two messages from one person
reaching two instances at once would each read the row and one answer would be lost. On
PostgreSQL, handling an update holds a session advisory lock named after the person; on SQLite
there is one instance, which handles updates one at a time anyway."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

from sqlalchemy import Engine, text
from telegram import Update
from telegram.ext import BaseUpdateProcessor

from storage.db import serves_several_instances

PERSON_KEYS = 1 << 62  # advisory lock keys of people: far from the leader's and migrations'
WAIT_STEP_SECONDS = 0.01
TRY_LOCK = text("SELECT pg_try_advisory_lock(:key)")
UNLOCK = text("SELECT pg_advisory_unlock(:key)")


def person_of(update: object) -> int | None:
    """Whose update this is: the user, else the chat; None for neither."""
    if not isinstance(update, Update):
        return None
    if update.effective_user is not None:
        return update.effective_user.id
    return update.effective_chat.id if update.effective_chat is not None else None


class OnePersonAtATime(BaseUpdateProcessor):
    """Updates in order, one at a time in this instance (as python-telegram-bot's default), and
    never at the same time as another instance handling the same person's."""

    def __init__(self, engine: Engine) -> None:
        super().__init__(max_concurrent_updates=1)
        self.engine = engine
        self.shared = serves_several_instances(engine)

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        person = person_of(update)
        if not self.shared or person is None:
            await coroutine
            return
        key = PERSON_KEYS | (person & (PERSON_KEYS - 1))
        with self.engine.connect() as connection:
            # try, and yield while another instance has this person: never block the loop
            while not connection.execute(TRY_LOCK, {"key": key}).scalar():
                connection.commit()
                await asyncio.sleep(WAIT_STEP_SECONDS)
            connection.commit()
            try:
                await coroutine
            finally:
                connection.execute(UNLOCK, {"key": key})
                connection.commit()

    async def initialize(self) -> None:
        """Nothing to set up: locks are taken per update."""

    async def shutdown(self) -> None:
        """Nothing to release: every lock is released when its update is done."""
