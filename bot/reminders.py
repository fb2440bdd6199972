"""Reminder policy, free of Telegram and of the database: when each reminder is due, when
nothing may be sent, and how several due items become one message."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from bot.clock import SEOUL
from bot.texts import t
from knowledge.loader import KnowledgeBase

QUIET_FROM = time(21, 0)
QUIET_UNTIL = time(8, 0)
DRAFT_DAYS_BEFORE = (3, 1)
DREAM_TEAM = "youth_dream_team"


@dataclass(frozen=True)
class Planned:
    key: str
    program_id: str | None
    text: str
    due_at: datetime  # Seoul time


def at_send_hour(kb: KnowledgeBase, day: date) -> datetime:
    return datetime.combine(day, time(kb.reminders.send_hour), tzinfo=SEOUL)


def program_reminders(kb: KnowledgeBase, program_id: str, lang: str) -> Iterator[Planned]:
    """Every reminder a subscriber of the program gets: its events, and for the 청년 드림팀 the
    opening of each round."""
    for event in kb.reminders.events:
        if event.program == program_id:
            day = date(event.year, event.month, event.day or kb.reminders.day_of_month)
            text = (event.text.en if lang == "en" else None) or event.text.ko
            yield Planned(f"event:{event.id}", program_id, text, at_send_hour(kb, day))
    if program_id == DREAM_TEAM:
        for round_ in kb.rounds:
            text = t("reminder_round_open", lang, round=round_.id, closes=round_.closes.isoformat())
            yield Planned(
                f"round:{round_.id}:open", program_id, text, at_send_hour(kb, round_.opens)
            )


def draft_reminders(kb: KnowledgeBase, round_id: str, lang: str) -> Iterator[Planned]:
    """D-3 and D-1 before a round closes, for a team whose draft is not submitted yet."""
    round_ = next(r for r in kb.rounds if r.id == round_id)
    for days in DRAFT_DAYS_BEFORE:
        text = t("reminder_draft_deadline", lang, days=days, closes=round_.closes.isoformat())
        day = round_.closes - timedelta(days=days)
        yield Planned(f"draft:{round_id}:d{days}", DREAM_TEAM, text, at_send_hour(kb, day))


def is_quiet(now: datetime) -> bool:
    local = now.astimezone(SEOUL).time()
    return local >= QUIET_FROM or local < QUIET_UNTIL


def next_send_at(now: datetime, sent_today: bool) -> datetime:
    """When a reminder due now can go out: now, or 08:00 after the quiet hours, or the next
    morning when the person already had today's one message."""
    local = now.astimezone(SEOUL)
    morning = datetime.combine(local.date(), QUIET_UNTIL, tzinfo=SEOUL)
    if local.time() < QUIET_UNTIL:
        return morning
    if local.time() >= QUIET_FROM or sent_today:
        return morning + timedelta(days=1)
    return local


def start_of_day(now: datetime) -> datetime:
    local = now.astimezone(SEOUL)
    return datetime.combine(local.date(), time(0), tzinfo=SEOUL)


def combine(texts: Iterable[str], lang: str) -> str:
    items = list(dict.fromkeys(texts))
    if len(items) == 1:
        return f"{t('reminder_title', lang)}\n{items[0]}"
    body = "\n".join(f"• {item}" for item in items)
    return f"{t('reminder_title_many', lang, count=len(items))}\n{body}"
