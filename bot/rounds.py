"""Which 청년 드림팀 round is open, and which comes next."""

from __future__ import annotations

from datetime import date

from bot.texts import t
from knowledge.loader import KnowledgeBase
from knowledge.schema import Round


def open_round(kb: KnowledgeBase, today: date) -> Round | None:
    return next((r for r in kb.rounds if r.opens <= today <= r.closes), None)


def next_round(kb: KnowledgeBase, today: date) -> Round | None:
    return next((r for r in kb.rounds if r.opens > today), None)


def period_text(key: str, round_: Round, lang: str) -> str:
    """The catalogue text `key` for a round, its {round}, {opens} and {closes} filled in: every
    text that names a round's dates (round_period, form_next_round, …) says them the same way."""
    return t(
        key, lang, round=round_.id, opens=round_.opens.isoformat(), closes=round_.closes.isoformat()
    )


def round_by_id(kb: KnowledgeBase, round_id: str) -> Round | None:
    return next((r for r in kb.rounds if r.id == round_id), None)


def theme_label(round_: Round, theme: str, lang: str) -> str:
    """A theme as the reader reads it: in English the round's English theme where staff gave one
    (the Korean theme is what is stored)."""
    if lang == "en" and round_.themes_en and theme in round_.themes:
        return round_.themes_en[round_.themes.index(theme)]
    return theme
