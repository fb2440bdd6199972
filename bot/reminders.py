"""Reminder policy, free of Telegram and of the database: when each reminder is due, when
nothing may be sent, and how several due items become one message.

Two kinds of rows share the delivery: planned reminders (a program's dates, a round opening, a
draft's deadline), at most one message a day, and transactional notices a person is owed as soon
as possible (their application's status changed), which no daily cap holds back. Neither is
sent between 21:00 and 08:00."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from bot.clock import SEOUL
from bot.texts import t
from knowledge.loader import KnowledgeBase
from knowledge.schema import ReminderEvent, Round

QUIET_FROM = time(21, 0)
QUIET_UNTIL = time(8, 0)
DRAFT_DAYS_BEFORE = (3, 1)
DREAM_TEAM = "youth_dream_team"
TRANSACTIONAL_PREFIXES = ("status:",)  # keys of notices that are not capped to one a day


@dataclass(frozen=True)
class Planned:
    key: str
    program_id: str | None
    text: str
    due_at: datetime  # Seoul time


def at_send_hour(kb: KnowledgeBase, day: date) -> datetime:
    return datetime.combine(day, time(kb.reminders.send_hour), tzinfo=SEOUL)


def event_reminder(kb: KnowledgeBase, event: ReminderEvent, lang: str) -> Planned:
    day = date(event.year, event.month, event.day or kb.reminders.day_of_month)
    text = (event.text.en if lang == "en" else None) or event.text.ko
    return Planned(f"event:{event.id}", event.program, text, at_send_hour(kb, day))


def round_open_reminder(kb: KnowledgeBase, round_: Round, lang: str) -> Planned:
    text = t("reminder_round_open", lang, round=round_.id, closes=round_.closes.isoformat())
    return Planned(f"round:{round_.id}:open", DREAM_TEAM, text, at_send_hour(kb, round_.opens))


def draft_reminder(kb: KnowledgeBase, round_: Round, days: int, lang: str) -> Planned:
    day = round_.closes - timedelta(days=days)
    due_at = at_send_hour(kb, day)
    text = draft_deadline_text(round_, due_at, lang) or ""
    return Planned(f"draft:{round_.id}:d{days}", DREAM_TEAM, text, due_at)


def days_left(round_: Round, at: datetime) -> int:
    """Whole days from `at` (its Seoul date) to the round's last day; negative once it passed."""
    return (round_.closes - at.astimezone(SEOUL).date()).days


def draft_deadline_text(round_: Round, at: datetime, lang: str) -> str | None:
    """The deadline reminder as worded when sent at `at`: the days left counted from then (a
    reminder held back by quiet hours or the one-a-day rule never states a stale count); None
    once the deadline has passed."""
    days, closes = days_left(round_, at), round_.closes.isoformat()
    if days < 0:
        return None
    if days == 0:
        return t("reminder_draft_deadline_today", lang, closes=closes)
    return t("reminder_draft_deadline", lang, days=days, closes=closes)


def expired_reason(kb: KnowledgeBase, key: str, at: datetime) -> str | None:
    """Why a planned reminder must not be sent at `at` any more, or None: a draft's deadline
    reminder after the round closed, a round-opening reminder once the round is over."""
    kind, _, rest = key.partition(":")
    if kind not in ("draft", "round"):
        return None
    round_ = next((r for r in kb.rounds if r.id == rest.partition(":")[0]), None)
    if round_ is None or days_left(round_, at) >= 0:
        return None
    return "the deadline has passed" if kind == "draft" else "the round has closed"


def program_reminders(kb: KnowledgeBase, program_id: str, lang: str) -> Iterator[Planned]:
    """Every reminder a subscriber of the program gets: its events, and for the 청년 드림팀 the
    opening of each round."""
    for event in kb.reminders.events:
        if event.program == program_id:
            yield event_reminder(kb, event, lang)
    if program_id == DREAM_TEAM:
        for round_ in kb.rounds:
            yield round_open_reminder(kb, round_, lang)


def draft_reminders(kb: KnowledgeBase, round_id: str, lang: str) -> Iterator[Planned]:
    """D-3 and D-1 before a round closes, for a team whose draft is not submitted yet."""
    round_ = next(r for r in kb.rounds if r.id == round_id)
    for days in DRAFT_DAYS_BEFORE:
        yield draft_reminder(kb, round_, days, lang)


def text_at(kb: KnowledgeBase, key: str, lang: str, at: datetime) -> str | None:
    """A planned reminder's text when sent at `at` (see planned_for_key); None for a key the
    knowledge base does not plan."""
    planned = planned_for_key(kb, key, lang)
    if planned is None:
        return None
    if key.startswith("draft:"):
        round_ = next(r for r in kb.rounds if r.id == key.split(":")[1])
        return draft_deadline_text(round_, at, lang) or planned.text
    return planned.text


def planned_for_key(kb: KnowledgeBase, key: str, lang: str) -> Planned | None:
    """What the knowledge base says now about a planned reminder (event:<id>, round:<id>:open,
    draft:<round>:d<n>): its time and its text in `lang`. None when it no longer exists there,
    or when the key is not one the knowledge base plans (a status change)."""
    kind, _, rest = key.partition(":")
    if kind == "event":
        event = next((e for e in kb.reminders.events if e.id == rest), None)
        return event_reminder(kb, event, lang) if event is not None else None
    round_id, _, step = rest.partition(":")
    round_ = next((r for r in kb.rounds if r.id == round_id), None)
    if round_ is None:
        return None
    if kind == "round" and step == "open":
        return round_open_reminder(kb, round_, lang)
    if kind == "draft" and step in {f"d{days}" for days in DRAFT_DAYS_BEFORE}:
        return draft_reminder(kb, round_, int(step[1:]), lang)
    return None


def is_transactional(key: str) -> bool:
    return key.startswith(TRANSACTIONAL_PREFIXES)


def is_quiet(now: datetime) -> bool:
    local = now.astimezone(SEOUL).time()
    return local >= QUIET_FROM or local < QUIET_UNTIL


def next_send_at(now: datetime, sent_today: bool) -> datetime:
    """When a reminder due now can go out: now, or 08:00 after the quiet hours, or the next
    morning when the person already had today's one message (`sent_today` is always False for
    a transactional notice)."""
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
