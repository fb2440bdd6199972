"""How long application data is kept: until the round's review period is over."""

from __future__ import annotations

from datetime import date, timedelta

from knowledge.loader import KnowledgeBase


def expired_rounds(kb: KnowledgeBase, today: date) -> list[str]:
    """Rounds whose review period (closes + review_days) ended before today."""
    return [r.id for r in kb.rounds if r.closes + timedelta(days=r.review_days) < today]
