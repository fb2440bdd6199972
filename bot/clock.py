"""The time, in Seoul. Injectable so that tests move time instead of sleeping."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

SEOUL = ZoneInfo("Asia/Seoul")

Clock = Callable[[], datetime]


def seoul_now() -> datetime:
    return datetime.now(SEOUL)


def starting_at(moment: datetime) -> Clock:
    """A clock that starts at `moment` and runs at the normal pace (BOT_NOW: demos of a round)."""
    offset = moment - seoul_now()
    return lambda: seoul_now() + offset


def fixed(moment: datetime) -> Clock:
    """A clock that always says `moment` (tests; moving it means replacing it)."""
    return lambda: moment
