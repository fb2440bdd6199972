"""Office hours (configuration): when a person can answer."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time

from bot.clock import SEOUL


@dataclass(frozen=True)
class OfficeHours:
    opens: time
    closes: time
    weekdays: frozenset[int] = frozenset(range(5))  # Monday to Friday

    @classmethod
    def parse(cls, text: str | None) -> OfficeHours:
        """'09:00-18:00' (weekdays); anything else falls back to that."""
        match = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*", text or "")
        if match is None:
            return cls(time(9), time(18))
        h1, m1, h2, m2 = (int(g) for g in match.groups())
        return cls(time(h1, m1), time(h2, m2))

    def is_open(self, now: datetime) -> bool:
        local = now.astimezone(SEOUL)
        return local.weekday() in self.weekdays and self.opens <= local.time() < self.closes

    def label(self) -> str:
        return f"{self.opens:%H:%M}~{self.closes:%H:%M}"
