"""Group similar questions (what residents ask that the bot could not answer)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from bot.normalize import compact, jamo

SIMILAR = 75.0


@dataclass
class Group:
    members: list[Any] = field(default_factory=list)

    @property
    def newest(self) -> Any:
        return self.members[0]


def group_questions(questions: Sequence[Any], text_of=lambda q: q.text) -> list[Group]:
    """Greedy grouping, newest first: a question joins the first group whose first question it
    resembles (letter-level similarity, so spacing and typos do not split groups)."""
    groups: list[tuple[str, Group]] = []
    for question in questions:
        letters = jamo(compact(text_of(question)))
        for key, group in groups:
            if fuzz.ratio(letters, key) >= SIMILAR or fuzz.token_set_ratio(letters, key) >= 90:
                group.members.append(question)
                break
        else:
            groups.append((letters, Group([question])))
    return [group for _, group in groups]
