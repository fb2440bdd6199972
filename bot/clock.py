"""The time, in Seoul. Injectable so that tests move time instead of sleeping."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

SEOUL = ZoneInfo("Asia/Seoul")

Clock = Callable[[], datetime]


def seoul_now() -> datetime:
    return datetime.now(SEOUL)


def fixed(moment: datetime) -> Clock:
    """A clock that always says `moment` (tests; moving it means replacing it)."""
    return lambda: moment
