"""Reminders in the chat: subscriptions (/subscribe, /mysubscriptions, card and reminder buttons),
and the dispatcher that delivers due reminder rows. The rows are the truth: the scheduler only
wakes the dispatcher, so a restart delivers what came due meanwhile, once.

Exactly once is not possible over Telegram (a send has no idempotency key), so the dispatcher
chooses which way to fail. A row is claimed ('sending') right before the API call and marked
'sent' right after it returns; only a crash inside that call leaves it 'sending', and then
nobody knows whether Telegram delivered it. Such a row is settled as probably sent and never
resent: a reminder may, rarely, be lost (the process died before its request left), but a
restart right after a send never doubles it. A send known to have failed (Telegram refused it,
the network failed every retry) goes back to pending and is tried again."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from itertools import groupby

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import ContextTypes

from bot import callbacks
from bot.answers import program_name
from bot.clock import SEOUL
from bot.menus import home_row
from bot.reminders import (
    combine,
    draft_reminders,
    expired_reason,
    is_quiet,
    is_transactional,
    planned_for_key,
    program_reminders,
    start_of_day,
    text_at,
)
from bot.reply import Button, Reply
from bot.texts import t
from handlers.delivery import Sender
from handlers.deps import Deps, deps
from handlers.sending import markup, send_reply
from storage import reminders as store
from storage.flows import load_flow
from storage.models import Reminder
from storage.users import is_active, language_of, notices_on, set_notices

log = logging.getLogger(__name__)
STUCK_AFTER = timedelta(minutes=10)


def plan_program(d: Deps, user_id: int, chat_id: int, program_id: str, lang: str) -> int:
    """Add the user's future reminders for a program; returns how many were added."""
    now = d.clock()
    added = 0
    for planned in program_reminders(d.assistant.kb, program_id, lang):
        if planned.due_at > now:
            added += store.add_reminder(
                d.engine, user_id, chat_id, planned.key, planned.text, planned.due_at, program_id
            )
    return added


def plan_draft(d: Deps, user_id: int, chat_id: int, round_id: str, lang: str) -> None:
    now = d.clock()
    for planned in draft_reminders(d.assistant.kb, round_id, lang):
        if planned.due_at > now:
            store.add_reminder(
                d.engine,
                user_id,
                chat_id,
                planned.key,
                planned.text,
                planned.due_at,
                planned.program_id,
            )


def plan_now(d: Deps, user_id: int, chat_id: int, key: str, text: str) -> None:
    store.add_reminder(d.engine, user_id, chat_id, key, text, d.clock())


def replan(d: Deps) -> tuple[int, int, int]:
    """Bring pending reminders in line with the knowledge base as it is now (start-up: staff may
    have edited reminders.yaml or rounds.yaml): a pending row whose date or text changed is
    moved, one whose event is gone is cancelled, and a subscriber gets the future events added
    since they subscribed. A row moved to a date already past is expired, not sent late with
    its old wording, as a newly added event whose date is past is never planned. Sent rows are
    never touched, so nothing is sent twice; running it again changes nothing. Returns (moved,
    cancelled or expired, added)."""
    kb = d.assistant.kb
    now = d.clock()
    moved = cancelled = added = 0
    for row in store.pending_planned(d.engine):
        planned = planned_for_key(kb, row.key, language_of(d.engine, row.user_id))
        if planned is None or planned.program_id != row.program_id:
            cancelled += store.cancel_pending(d.engine, row.id)  # type: ignore[arg-type]
        elif planned.due_at != row.due_at and planned.due_at <= now:
            cancelled += store.cancel_pending(d.engine, row.id, "expired")  # type: ignore[arg-type]
        elif planned.due_at != row.due_at or planned.text != row.text:
            moved += store.reschedule(d.engine, row.id, planned.due_at, planned.text)  # type: ignore[arg-type]
    for user_id, chat_id, lang, program_id in store.all_subscriptions(d.engine):
        if program_id in kb.programs:
            added += plan_program(d, user_id, chat_id, program_id, lang)
    if moved or cancelled or added:
        log.info("reminders re-planned: %d moved, %d cancelled, %d added", moved, cancelled, added)
    return moved, cancelled, added


def text_of(d: Deps, row: Reminder, lang: str, now: datetime) -> str:
    """A planned reminder is worded at sending time, in the language the user has then (a
    draft's days left counted from now); a status notice keeps the text it was written with."""
    return text_at(d.assistant.kb, row.key, lang, now) or row.text


def _still_relevant(d: Deps, user_id: int, key: str) -> bool:
    """A draft deadline reminder only matters while the draft is still unsubmitted."""
    if not key.startswith("draft:"):
        return True
    draft = load_flow(d.engine, user_id, "application")
    return (
        draft is not None
        and draft.get("round_id") == key.split(":")[1]
        and not draft.get("application_id")
    )


def _drop_outdated(d: Deps, user_id: int, rows: list[Reminder], now: datetime) -> list[Reminder]:
    """Rows still worth sending now. One whose date has passed (a draft's deadline, a round that
    closed) is marked 'expired'; a draft reminder whose draft was submitted or deleted is
    'cancelled'."""
    expired = {r.id: why for r in rows if (why := expired_reason(d.assistant.kb, r.key, now))}
    for row_id, why in expired.items():
        log.info("reminder %s to %s not sent: %s", row_id, user_id, why)
    store.mark(d.engine, list(expired), "expired")  # type: ignore[arg-type]
    rows = [r for r in rows if r.id not in expired]
    stale = [r for r in rows if not _still_relevant(d, user_id, r.key)]
    store.mark(d.engine, [r.id for r in stale], "cancelled")  # type: ignore[misc]
    return [r for r in rows if r not in stale]


async def dispatch(d: Deps, sender: Sender, now: datetime, only_user: int | None = None) -> int:
    """Deliver due reminders: none in quiet hours; a status notice as soon as it is due, planned
    reminders at most one message per user per day, due items combined. Returns the number of
    messages sent."""
    if is_quiet(now):
        return 0
    settled = store.settle_stuck(d.engine, now - STUCK_AFTER)
    if settled:
        log.warning("reminders %s were being sent when an instance stopped: taken as sent", settled)
    sent = 0
    for user_id, group in groupby(store.due(d.engine, now), key=lambda r: r.user_id):
        rows = list(group)
        if only_user is not None and user_id != only_user:
            continue
        if not is_active(d.engine, user_id):
            store.mark(d.engine, [r.id for r in rows], "failed")
            continue
        notices = [r for r in rows if is_transactional(r.key)]
        if notices:  # owed now: no daily cap
            sent += await _deliver(d, sender, user_id, notices, now)
        planned = [r for r in rows if not is_transactional(r.key)]
        if not planned or store.sent_since(d.engine, user_id, start_of_day(now)):
            continue  # held for tomorrow: at most one reminder message a day
        planned = _drop_outdated(d, user_id, planned, now)
        if planned:
            sent += await _deliver(d, sender, user_id, planned, now)
    return sent


async def _deliver(
    d: Deps, sender: Sender, user_id: int, rows: list[Reminder], now: datetime
) -> int:
    """One message of the rows' texts; 1 when it was sent."""
    lang = language_of(d.engine, user_id)
    programs = sorted({r.program_id for r in rows if r.program_id})
    markup = off_buttons(d, programs, lang)
    # D-3 and D-1 both due (the bot was down) say the same days left: one line
    text = combine((text_of(d, r, lang, now) for r in rows), lang)
    # Only the API call lies between the claim and the outcome (module docstring).
    if not store.claim(d.engine, [r.id for r in rows], now):
        return 0  # another instance is sending these
    result = await sender.send(rows[0].chat_id, text, markup)
    if result.outcome == "sent":
        store.mark(d.engine, [r.id for r in rows], "sent", now)
        return 1
    if result.outcome == "blocked":
        store.mark(d.engine, [r.id for r in rows], "failed")
    else:
        store.mark(d.engine, [r.id for r in rows], "pending")
        log.warning("reminder to %s not delivered (%s); will retry", user_id, result.error)
    return 0


def off_buttons(d: Deps, program_ids: list[str], lang: str) -> InlineKeyboardMarkup | None:
    """An 알림 끄기 button per program the reminder is about."""
    if not program_ids:
        return None
    rows = []
    for program_id in program_ids:
        name = program_name(d.assistant.kb.programs[program_id], lang)
        data = callbacks.subscription("off", program_id)
        rows.append(
            [InlineKeyboardButton(t("reminder_off", lang, program=name), callback_data=data)]
        )
    return InlineKeyboardMarkup(rows)


def subscription_menu(d: Deps, user_id: int, lang: str) -> Reply:
    kb = d.assistant.kb
    mine = store.subscriptions(d.engine, user_id)
    programs = sorted(kb.programs.values(), key=lambda p: p.order)
    rows = []
    for program in programs:
        key = "subscribe_on_label" if program.id in mine else "subscribe_off_label"
        label = t(key, lang, program=program_name(program, lang))
        rows.append([Button(label, callbacks.subscription("toggle", program.id))])
    notices = "notices_on_label" if notices_on(d.engine, user_id) else "notices_off_label"
    rows.append([Button(t(notices, lang), callbacks.notices("toggle"))])
    rows.append([Button(t("home", lang), callbacks.home())])
    return Reply(t("subscribe_title", lang), rows)


async def subscribe_command(update: Update, context: ContextTypes.DEFAULT_TYPE, lang: str) -> None:
    user = update.effective_user
    if user is not None:
        await send_reply(update, context, subscription_menu(deps(context), user.id, lang))


async def my_subscriptions(update: Update, context: ContextTypes.DEFAULT_TYPE, lang: str) -> None:
    user = update.effective_user
    if user is None:
        return
    d = deps(context)
    mine = [d.assistant.kb.programs[p] for p in sorted(store.subscriptions(d.engine, user.id))]
    way_on = [
        [Button(t("menu_subscribe", lang), callbacks.menu("subscribe"))],
        [Button(t("home", lang), callbacks.home())],
    ]
    if not mine:
        await send_reply(update, context, Reply(t("no_subscriptions", lang), way_on))
        return
    names = ", ".join(program_name(p, lang) for p in mine)
    rows = [
        [
            Button(
                t("reminder_off", lang, program=program_name(p, lang)),
                callbacks.subscription("off", p.id),
            )
        ]
        for p in mine
    ]
    reply = Reply(t("my_subscriptions", lang, programs=names), [*rows, *way_on])
    await send_reply(update, context, reply)


def subscription_note(d: Deps, user_id: int, program_id: str, on: bool, lang: str) -> str:
    """What turning reminders on or off means, truthfully: the date of the next reminder, or that
    none is scheduled now and only staff notices to subscribers will come."""
    name = program_name(d.assistant.kb.programs[program_id], lang)
    if not on:
        return t("unsubscribed", lang, program=name)
    due_at = store.next_pending(d.engine, user_id, program_id)
    if due_at is None:
        return t("subscribed_no_dates", lang, program=name)
    when = max(due_at, d.clock()).astimezone(SEOUL).strftime("%Y-%m-%d")
    return t("subscribed", lang, program=name, date=when)


async def on_press(
    update: Update, context: ContextTypes.DEFAULT_TYPE, mode: str, program_id: str, lang: str
) -> None:
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None:
        return
    d = deps(context)
    on = program_id in store.subscriptions(d.engine, user.id)
    turn_on = {"on": True, "off": False, "toggle": not on}[mode]
    if turn_on:
        store.subscribe(d.engine, user.id, program_id)
        plan_program(d, user.id, chat.id, program_id, lang)
    else:
        store.unsubscribe(d.engine, user.id, program_id)
    note = subscription_note(d, user.id, program_id, turn_on, lang)
    if mode == "toggle":
        menu = subscription_menu(d, user.id, lang)
        menu.text = f"{note}\n\n{menu.text}"
        await send_reply(update, context, menu)
        return
    name = program_name(d.assistant.kb.programs[program_id], lang)
    rows = [
        [Button(t("program_card_button", lang, program=name), callbacks.program(program_id))],
        [Button(t("home", lang), callbacks.home())],
    ]
    # A new message: the card or the reminder the button was on stays as it was.
    await context.bot.send_message(chat.id, note, reply_markup=markup(Reply(note, rows)))


async def turn_off(
    update: Update, context: ContextTypes.DEFAULT_TYPE, program_ids: list[str], lang: str
) -> None:
    """Turn off the reminders of those of `program_ids` the person follows (the programs a
    notice reached them through) and say which, in a new message: the notice stays as it was."""
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None:
        return
    d = deps(context)
    kb = d.assistant.kb
    programs = [p for p in program_ids if p in kb.programs]
    mine = [p for p in programs if p in store.subscriptions(d.engine, user.id)]
    for program_id in mine:
        store.unsubscribe(d.engine, user.id, program_id)
    names = ", ".join(program_name(kb.programs[p], lang) for p in (mine or programs))
    note = t("unsubscribed" if mine else "notice_off_none", lang, program=names)
    rows = [
        [
            Button(
                t("program_card_button", lang, program=program_name(kb.programs[p], lang)),
                callbacks.program(p),
            )
        ]
        for p in mine
    ]
    rows.append(home_row(lang))
    await context.bot.send_message(chat.id, note, reply_markup=markup(Reply(note, rows)))


async def on_notices_press(
    update: Update, context: ContextTypes.DEFAULT_TYPE, mode: str, lang: str
) -> None:
    """🔕 on a notice sent to everyone or to young people, or the toggle in /subscribe."""
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None:
        return
    d = deps(context)
    turn_on = {"on": True, "off": False, "toggle": not notices_on(d.engine, user.id)}[mode]
    set_notices(d.engine, user.id, turn_on)
    note = t("notices_on" if turn_on else "notices_off", lang)
    if mode == "toggle":
        menu = subscription_menu(d, user.id, lang)
        menu.text = f"{note}\n\n{menu.text}"
        await send_reply(update, context, menu)
        return
    again = "off" if turn_on else "on"
    rows = [
        [Button(t(f"notices_{again}_button", lang), callbacks.notices(again))],
        [Button(t("home", lang), callbacks.home())],
    ]
    await context.bot.send_message(chat.id, note, reply_markup=markup(Reply(note, rows)))
