"""The one way the bot sends unprompted messages (reminders, broadcasts): rate-limited, and
honest about Telegram's answers. 429 → wait `retry_after` and retry the same recipient, however
many times Telegram asks (it is Telegram's explicit instruction, not a failure); only when the
waits for one recipient add up to more than an hour is the send deferred: the caller keeps the
recipient pending for a later pass, never marks them failed. 403 → the user blocked the bot or
is gone: mark them inactive, never retry; a network error → retry with backoff up to a limit,
then report failure. A caller may pass a guard, asked right before every API call (the first and
each retry after a wait) whether the send may still go out: a broadcast runner that lost its
lease to another instance stops there, even after a long 429 wait."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Literal, Protocol

from sqlalchemy import Engine
from telegram import Bot, InlineKeyboardMarkup
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter

from storage.users import mark_inactive

log = logging.getLogger(__name__)

Outcome = Literal["sent", "blocked", "failed", "deferred", "abandoned"]
DEFAULT_RATE = 25.0  # messages per second, under Telegram's 30/s
MAX_NETWORK_RETRIES = 3
MAX_RETRY_AFTER_TOTAL = 3600.0  # seconds of 429 waits for one recipient before deferring


@dataclass
class Result:
    outcome: Outcome
    attempts: int
    error: str | None = None


class Guard(Protocol):
    def claim(self) -> bool:
        """Right before an API call: may it go out? False abandons the send."""
        ...

    def release(self) -> None:
        """Telegram said wait: nothing went out, and the wait may be long."""
        ...


class RateLimiter:
    """At most `rate` sends per second, spaced evenly; shared by every sender in the process."""

    def __init__(
        self, rate: float = DEFAULT_RATE, sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
    ) -> None:
        self.rate = rate
        self.interval = 1.0 / rate
        self.sleep = sleep
        self._next = 0.0
        self._lock = asyncio.Lock()

    async def wait(self) -> None:
        async with self._lock:
            now = time.monotonic()
            if self._next > now:
                await self.sleep(self._next - now)
            self._next = max(now, self._next) + self.interval


class Sender:
    def __init__(
        self,
        bot: Bot,
        engine: Engine,
        limiter: RateLimiter | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        max_retry_wait: float = MAX_RETRY_AFTER_TOTAL,
    ) -> None:
        self.bot, self.engine = bot, engine
        self.limiter = limiter or RateLimiter(sleep=sleep)
        self.sleep = sleep
        self.max_retry_wait = max_retry_wait

    async def send(
        self,
        chat_id: int,
        text: str,
        markup: InlineKeyboardMarkup | None = None,
        media: tuple[str, str] | None = None,
        guard: Guard | None = None,
    ) -> Result:
        """Send a text, or a photo / document (kind, file_id) with the text as its caption."""
        attempts = network_failures = 0
        waited = 0.0
        while True:
            await self.limiter.wait()
            if guard is not None and not guard.claim():
                return Result("abandoned", attempts)
            attempts += 1
            try:
                if media is None:
                    await self.bot.send_message(chat_id, text, reply_markup=markup)
                elif media[0] == "photo":
                    await self.bot.send_photo(chat_id, media[1], caption=text, reply_markup=markup)
                else:
                    await self.bot.send_document(
                        chat_id, media[1], caption=text, reply_markup=markup
                    )
                return Result("sent", attempts)
            except RetryAfter as error:
                delay = error.retry_after
                seconds = delay.total_seconds() if hasattr(delay, "total_seconds") else float(delay)
                if guard is not None:
                    guard.release()
                if waited + seconds > self.max_retry_wait:
                    return Result("deferred", attempts, str(error))
                waited += seconds
                await self.sleep(seconds)
            except Forbidden as error:
                mark_inactive(self.engine, chat_id)
                return Result("blocked", attempts, str(error))
            except BadRequest as error:
                if "chat not found" in str(error).lower():
                    mark_inactive(self.engine, chat_id)
                    return Result("blocked", attempts, str(error))
                return Result("failed", attempts, str(error))
            except NetworkError as error:
                network_failures += 1
                if network_failures > MAX_NETWORK_RETRIES:
                    return Result("failed", attempts, str(error))
                await self.sleep(0.5 * 2**network_failures)
