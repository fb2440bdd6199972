"""Staff broadcasts: compose, preview with the count of recipients as of now, test copy, send now
or at a time (a scheduled one can be cancelled from /broadcasts until it starts). The recipients
are the audience as it is when sending starts; sending runs in the background through the shared
rate-limited sender, one recipient at a time, so residents' questions keep being answered; every
recipient is a Delivery row, so a restart resumes with the pending ones only."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import socket
import time
import uuid
from datetime import UTC, datetime

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import TelegramError
from telegram.ext import Application, ContextTypes

from bot import callbacks
from bot.answers import main_menu_buttons, program_name
from bot.broadcast_compose import FLOW, Composer, Draft, parse_send_at
from bot.callbacks import LANGS
from bot.clock import SEOUL
from bot.eligibility import youth_ages
from bot.menus import home_row, stale_reply
from bot.reply import Button, Reply
from bot.texts import t
from handlers import reminders
from handlers.broadcast_lease import LEASE, Lease
from handlers.deps import Deps, deps
from handlers.sending import markup as telegram_markup
from handlers.sending import send_reply
from handlers.staff import staff_only
from storage import applications as audit
from storage import broadcasts as store
from storage.db import serves_several_instances
from storage.flows import delete_flow, load_flow, save_flow
from storage.users import language_map

log = logging.getLogger(__name__)
PROGRESS_EVERY_SECONDS = 3.0
WINDOW = 4  # deliveries in flight at once; never one gather over everyone
FETCH = 25  # pending rows read at a time (about a second's worth at the default rate)


def _composer(context: ContextTypes.DEFAULT_TYPE) -> Composer:
    return Composer(deps(context).assistant.kb)


def _load(context: ContextTypes.DEFAULT_TYPE, user_id: int) -> Draft | None:
    data = load_flow(deps(context).engine, user_id, FLOW)
    return Draft.from_json(data) if data is not None else None


def _save(context: ContextTypes.DEFAULT_TYPE, user_id: int, draft: Draft) -> None:
    save_flow(deps(context).engine, user_id, FLOW, draft.to_json())


def notice_markup(
    d: Deps, program_id: str, lang: str, audience: dict, broadcast_id: int = 0
) -> InlineKeyboardMarkup:
    """Every notice ends with the program's card and a way to stop it, in the recipient's
    language: subscribers turn off the reminders of the program(s) the notice reached them
    through (with several, the button names the broadcast, and pressing it looks up which of
    them the person follows); everyone else (a notice to all or to young people) turns such
    notices off. `broadcast_id` 0 is a test copy."""
    name = program_name(d.assistant.kb.programs[program_id], lang)
    card = t("program_card_button", lang, program=name)
    programs = [p for p in audience.get("programs", []) if p in d.assistant.kb.programs]
    if audience.get("kind") != "programs":
        off, off_data = t("notices_off_button", lang), callbacks.notices("off")
    elif len(programs) == 1:
        reached = program_name(d.assistant.kb.programs[programs[0]], lang)
        off = t("reminder_off", lang, program=reached)
        off_data = callbacks.subscription("off", programs[0])
    else:
        off, off_data = t("notice_off_programs", lang), callbacks.notice_off(broadcast_id)
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(card, callback_data=callbacks.program(program_id))],
            [InlineKeyboardButton(off, callback_data=off_data)],
        ]
    )


async def on_off_press(
    update: Update, context: ContextTypes.DEFAULT_TYPE, broadcast_id: int, lang: str
) -> None:
    """🔕 on a notice to several programs' subscribers: turn off those the person follows."""
    broadcast = store.get(deps(context).engine, broadcast_id) if broadcast_id else None
    chat = update.effective_chat
    if broadcast is None and chat is not None:  # a new message: the notice stays as it was
        key = "notice_off_test_copy" if broadcast_id == 0 else "stale_button"
        reply = Reply(t(key, lang), [home_row(lang)])
        await context.bot.send_message(chat.id, reply.text, reply_markup=telegram_markup(reply))
        return
    if broadcast is None:
        return
    await reminders.turn_off(update, context, audience_of(broadcast).get("programs", []), lang)


@staff_only
async def broadcast_command(update: Update, context: ContextTypes.DEFAULT_TYPE, lang: str) -> None:
    draft = Draft()
    _save(context, update.effective_user.id, draft)  # type: ignore[union-attr]
    await send_reply(update, context, _composer(context).prompt(draft, lang))


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE, text: str, lang: str) -> bool:
    user = update.effective_user
    if user is None or not deps(context).is_staff(user.id):
        return False
    draft = _load(context, user.id)
    if draft is None:
        return False
    composer = _composer(context)
    if draft.step == "schedule":
        send_at = parse_send_at(text)
        if send_at is None or send_at <= deps(context).clock():
            await send_reply(
                update, context, _with(composer.prompt(draft, lang), t("bc_time_invalid", lang))
            )
            return True
        broadcast = store.create(
            deps(context).engine,
            draft.to_json(),
            user.id,
            update.effective_chat.id,  # type: ignore[union-attr]
            send_at,
        )
        delete_flow(deps(context).engine, user.id, FLOW)
        audit.record_action(
            deps(context).engine,
            user.id,
            "broadcast:schedule",
            f"{broadcast.id} {send_at.isoformat()}",
            at=deps(context).clock(),
        )
        await send_reply(
            update,
            context,
            Reply(
                t("bc_scheduled", lang, id=broadcast.id, at=send_at.strftime("%Y-%m-%d %H:%M")),
                main_menu_buttons(lang),
            ),
        )
        return True
    error = composer.on_text(draft, text)
    if error is None:
        _save(context, user.id, draft)
    reply = await _prompt(context, draft, lang)
    await send_reply(update, context, _with(reply, t(error, lang, limit=1000)) if error else reply)
    return True


async def on_media(update: Update, context: ContextTypes.DEFAULT_TYPE, lang: str) -> bool:
    user, message = update.effective_user, update.effective_message
    if user is None or message is None or not deps(context).is_staff(user.id):
        return False
    draft = _load(context, user.id)
    if draft is None:
        return False
    if message.photo:
        kind, file_id = "photo", message.photo[-1].file_id
    elif message.document:
        kind, file_id = "document", message.document.file_id
    else:
        return False
    error = _composer(context).on_media(draft, kind, file_id, message.caption)
    if error is None:
        _save(context, user.id, draft)
    reply = await _prompt(context, draft, lang)
    if draft.step == "text" and error is None:
        reply = _with(reply, t("bc_media_saved", lang))
    await send_reply(update, context, _with(reply, t(error, lang, limit=1000)) if error else reply)
    return True


async def cancel(update: Update, context: ContextTypes.DEFAULT_TYPE, lang: str) -> bool:
    """/cancel while a staff member is writing a notice: discard the draft."""
    user = update.effective_user
    if user is None or not deps(context).is_staff(user.id):
        return False
    if not delete_flow(deps(context).engine, user.id, FLOW):
        return False
    await send_reply(update, context, Reply(t("bc_cancelled", lang), main_menu_buttons(lang)))
    return True


def _with(reply: Reply, message: str) -> Reply:
    reply.text = f"{message}\n\n{reply.text}"
    return reply


async def _prompt(context: ContextTypes.DEFAULT_TYPE, draft: Draft, lang: str) -> Reply:
    count = (
        store.count_audience(
            deps(context).engine, draft.audience, youth_ages(deps(context).assistant.kb)
        )
        if draft.step == "preview"
        else None
    )
    return _composer(context).prompt(draft, lang, count)


@staff_only
async def on_press(
    update: Update, context: ContextTypes.DEFAULT_TYPE, action: str, arg: str, lang: str
) -> None:
    user, chat = update.effective_user, update.effective_chat
    d = deps(context)
    if action == "stop":
        await _stop(update, context, int(arg) if arg.isdigit() else -1, lang)
        return
    if action == "unschedule":
        await _unschedule(update, context, int(arg) if arg.isdigit() else -1, lang)
        return
    draft = _load(context, user.id)  # type: ignore[union-attr]
    if draft is None:
        await send_reply(update, context, stale_reply(lang))
        return
    composer = _composer(context)
    ok = True
    if action in ("preview", "now", "later") and composer.no_audience(draft):
        draft.step = "audience"  # 다음 or 발송 with no program ticked: choose someone first
        _save(context, user.id, draft)  # type: ignore[union-attr]
        reply = _with(await _prompt(context, draft, lang), t("bc_audience_empty", lang))
        await send_reply(update, context, reply)
        return
    if action == "cancel":
        delete_flow(d.engine, user.id, FLOW)  # type: ignore[union-attr]
        await send_reply(update, context, Reply(t("bc_cancelled", lang), main_menu_buttons(lang)))
        return
    if action == "program":
        ok = composer.choose_program(draft, arg)
    elif action == "audience":
        ok = composer.choose_audience(draft, arg)
    elif action == "toggle":
        ok = composer.toggle_program(draft, arg)
    elif action == "preview":
        ok = draft.step in ("audience", "schedule") and draft.program != ""
        if ok:
            draft.step = "preview"
    elif action == "audience_step":
        ok = draft.step == "preview"
        if ok:
            draft.step = "audience"
    elif action == "later":
        ok = draft.step == "preview"
        if ok:
            draft.step = "schedule"
    elif action == "test" and draft.step == "preview":
        result = await context.bot_data["sender"].send(
            chat.id,
            draft.text,
            notice_markup(d, draft.program, lang, draft.audience),
            _media(draft),
        )  # type: ignore[union-attr]
        note = t("bc_test_sent" if result.outcome == "sent" else "bc_test_failed", lang)
        # a new message below the copy, with the preview's buttons: the way on from here
        reply = _with(await _prompt(context, draft, lang), note)
        await context.bot.send_message(
            chat.id,  # type: ignore[union-attr]
            reply.text,
            reply_markup=telegram_markup(reply),
        )
        return
    elif action == "now" and draft.step == "preview":
        if not store.count_audience(d.engine, draft.audience, youth_ages(d.assistant.kb)):
            reply = _with(await _prompt(context, draft, lang), t("bc_no_recipients", lang))
            await send_reply(update, context, reply)
            return
        broadcast = store.create(d.engine, draft.to_json(), user.id, chat.id, d.clock())  # type: ignore[union-attr]
        delete_flow(d.engine, user.id, FLOW)  # type: ignore[union-attr]
        audit.record_action(
            d.engine,
            user.id,  # type: ignore[union-attr]
            "broadcast:send",
            str(broadcast.id),
            at=d.clock(),
        )
        await start(context.application, broadcast.id)
        return
    else:
        ok = False
    if not ok:
        await send_reply(
            update, context, _with(await _prompt(context, draft, lang), t("form_stale", lang))
        )
        return
    _save(context, user.id, draft)  # type: ignore[union-attr]
    await send_reply(update, context, await _prompt(context, draft, lang))


def _media(draft_or_broadcast) -> tuple[str, str] | None:
    if draft_or_broadcast.media_kind and draft_or_broadcast.media_file_id:
        return draft_or_broadcast.media_kind, draft_or_broadcast.media_file_id
    return None


async def _stop(
    update: Update, context: ContextTypes.DEFAULT_TYPE, broadcast_id: int, lang: str
) -> None:
    broadcast = store.get(deps(context).engine, broadcast_id)
    if broadcast is None or broadcast.status not in ("sending", "scheduled"):
        await send_reply(update, context, stale_reply(lang))
        return
    store.update(
        deps(context).engine, broadcast_id, status="stopped", finished_at=datetime.now(UTC)
    )
    audit.record_action(
        deps(context).engine,
        update.effective_user.id,  # type: ignore[union-attr]
        "broadcast:stop",
        str(broadcast_id),
        at=deps(context).clock(),
    )


async def _unschedule(
    update: Update, context: ContextTypes.DEFAULT_TYPE, broadcast_id: int, lang: str
) -> None:
    d = deps(context)
    if not store.cancel_scheduled(d.engine, broadcast_id):  # it started, or is gone
        await send_reply(update, context, _with(listing(d, lang), t("stale_button", lang)))
        return
    audit.record_action(
        d.engine,
        update.effective_user.id,  # type: ignore[union-attr]
        "broadcast:cancel",
        str(broadcast_id),
        at=d.clock(),
    )
    await send_reply(
        update, context, _with(listing(d, lang), t("bc_unscheduled", lang, id=broadcast_id))
    )


# --- the runner ---------------------------------------------------------------------------


def instance_of(application: Application) -> str:
    """This process's name in leases (host, pid and a random part)."""
    if "instance" not in application.bot_data:
        application.bot_data["instance"] = (
            f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
        )
    return application.bot_data["instance"]


async def start(application: Application, broadcast_id: int) -> asyncio.Task | None:
    """Run the broadcast in the background, if this instance can claim it: a scheduled one, or a
    sending one whose runner stopped renewing its lease (it died)."""
    running: set[int] = application.bot_data.setdefault("broadcasts_running", set())
    if broadcast_id in running:
        return None
    d: Deps = application.bot_data["deps"]
    now = d.clock()
    # Another runner's fresh lease means it is alive, but only where other instances can exist:
    # a SQLite file serves this process alone, so any other runner died (a restart resumes now).
    stale_before = now - LEASE if serves_several_instances(d.engine) else None
    if not store.claim(d.engine, broadcast_id, instance_of(application), now, stale_before):
        return None
    running.add(broadcast_id)
    task = asyncio.create_task(_run(application, broadcast_id))
    application.bot_data.setdefault("broadcast_tasks", {})[broadcast_id] = task
    return task


def _progress_text(counts, total: int, rate: float, status: str, lang: str = "ko") -> str:
    left = counts.get("pending", 0) + counts.get("sending", 0)
    eta = int(left / rate) if rate > 0 else 0
    return t(
        f"bc_progress_{status}",
        lang,
        sent=counts.get("sent", 0),
        blocked=counts.get("blocked", 0),
        failed=counts.get("failed", 0),
        left=left,
        total=total,
        eta=f"{eta // 60}:{eta % 60:02d}",
    )


async def _run(application: Application, broadcast_id: int) -> None:
    d: Deps = application.bot_data["deps"]
    sender = application.bot_data["sender"]
    bot = application.bot
    try:
        broadcast = store.get(d.engine, broadcast_id)
        if broadcast is None or broadcast.status in ("done", "stopped"):
            return
        store.update(d.engine, broadcast_id, started_at=broadcast.started_at or datetime.now(UTC))
        # the audience as it is now, once
        store.add_recipients(d.engine, broadcast_id, youth_ages(d.assistant.kb))
        store.requeue_flooded(d.engine, broadcast_id)  # 429 is never a reason to skip someone
        uncertain = store.settle_sending(d.engine, broadcast_id)  # see handlers/broadcast_lease
        if uncertain:
            log.warning(
                "broadcast %s: %d deliveries were in the API call when their runner stopped: "
                "taken as sent, not resent",
                broadcast_id,
                uncertain,
            )
        stop_button = InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton(
                        t("bc_stop"), callback_data=callbacks.broadcast("stop", str(broadcast_id))
                    )
                ]
            ]
        )
        counts = store.counts(d.engine, broadcast_id)
        total = sum(counts.values())
        message_id = broadcast.progress_message_id
        if message_id is None:
            message_id = await _post_progress(
                bot,
                broadcast.staff_chat_id,
                _progress_text(counts, total, sender.limiter.rate, "sending"),
                stop_button,
            )
            store.update(d.engine, broadcast_id, progress_message_id=message_id)
        audience = audience_of(broadcast)
        markups = {
            lang: notice_markup(d, broadcast.program_id, lang, audience, broadcast_id)
            for lang in LANGS
        }
        progress = _Progress(
            bot, d, broadcast_id, broadcast.staff_chat_id, message_id, total, sender, stop_button
        )
        lease = Lease(d.engine, broadcast_id, instance_of(application), d.clock)
        keeper = asyncio.create_task(lease.keep())  # renewed however long a send waits
        try:
            await _deliver_all(d, sender, broadcast, markups, progress, lease)
        finally:
            keeper.cancel()
        now = store.get(d.engine, broadcast_id)
        if now.status != "stopped" and now.runner != instance_of(application):
            log.warning(
                "broadcast %s was taken over by %s; this runner stops", broadcast_id, now.runner
            )
            return
        final = "stopped" if now.status == "stopped" else "done"
        counts = store.counts(d.engine, broadcast_id)
        left = counts.get("pending", 0) + counts.get("sending", 0)
        if final == "done" and left:
            # Recipients Telegram kept asking us to wait for (or a send the lease's loss cut
            # short): the broadcast stays 'sending', so the next broadcast tick (or a restart)
            # resumes with exactly them.
            log.warning(
                "broadcast %s: %d recipients deferred by 429s; resuming", broadcast_id, left
            )
            return
        store.update(d.engine, broadcast_id, status=final, finished_at=datetime.now(UTC))
        await _edit(
            bot,
            broadcast.staff_chat_id,
            message_id,
            _progress_text(store.counts(d.engine, broadcast_id), total, sender.limiter.rate, final),
            None,
        )
    except Exception:
        log.exception("broadcast %s stopped by an error; it resumes on restart", broadcast_id)
    finally:
        application.bot_data.get("broadcasts_running", set()).discard(broadcast_id)


class _Progress:
    """Edits the staff's progress message every few seconds."""

    def __init__(
        self,
        bot,
        d: Deps,
        broadcast_id: int,
        chat_id: int,
        message_id: int | None,
        total: int,
        sender,
        markup,
    ) -> None:
        self.bot, self.d, self.broadcast_id = bot, d, broadcast_id
        self.chat_id, self.message_id, self.total = chat_id, message_id, total
        self.sender, self.markup = sender, markup
        self.last = time.monotonic()

    async def tick(self) -> None:
        if time.monotonic() - self.last < PROGRESS_EVERY_SECONDS:
            return
        self.last = time.monotonic()
        counts = store.counts(self.d.engine, self.broadcast_id)
        text = _progress_text(counts, self.total, self.sender.limiter.rate, "sending")
        await _edit(self.bot, self.chat_id, self.message_id, text, self.markup)


async def _deliver_all(
    d: Deps,
    sender,
    broadcast,
    markups: dict[str, InlineKeyboardMarkup],
    progress: _Progress,
    lease: Lease,
) -> None:
    """Send to every pending recipient with a small bounded window of workers sharing the one
    rate limiter: a recipient waiting out its own 429 does not hold up the others. The buttons
    are in each recipient's language as it is now. Each delivery is claimed right before its
    API call and recorded right after it (handlers/broadcast_lease.py); nothing goes out once
    the lease is lost or staff stopped the broadcast (every API call is checked, retries after a
    wait too)."""
    queue: asyncio.Queue = asyncio.Queue(maxsize=2 * WINDOW)

    async def produce() -> None:
        handed = 0
        while lease.held:
            batch = store.pending(d.engine, broadcast.id, limit=FETCH, after_id=handed)
            if not batch:
                break
            languages = language_map(d.engine, [delivery.user_id for delivery in batch])
            for delivery in batch:
                await queue.put((delivery, languages.get(delivery.user_id, "ko")))
                handed = delivery.id
        for _ in range(WINDOW):
            await queue.put(None)

    async def work() -> None:
        while (item := await queue.get()) is not None:
            if not lease.held:
                continue
            delivery, lang = item
            markup = markups.get(lang, markups["ko"])
            result = await sender.send(
                delivery.chat_id,
                broadcast.text,
                markup,
                _media(broadcast),
                lease.guard(delivery.id),
            )
            if result.outcome == "abandoned":  # lease lost (another runner has it) or stopped
                continue
            # A deferred recipient (Telegram kept asking to wait) stays pending for a later pass.
            status = "pending" if result.outcome == "deferred" else result.outcome
            store.record(d.engine, delivery.id, status, result.attempts, result.error)
            await progress.tick()

    await asyncio.gather(produce(), *(work() for _ in range(WINDOW)))


async def _post_progress(bot, chat_id: int, text: str, markup) -> int | None:
    """The staff's progress message; best effort: reporting never stops the delivery."""
    try:
        return (await bot.send_message(chat_id, text, reply_markup=markup)).message_id
    except TelegramError as error:
        log.warning("could not post broadcast progress: %s", error)
        return None


async def _edit(bot, chat_id: int, message_id: int | None, text: str, markup) -> None:
    if message_id is None:
        return
    try:
        await bot.edit_message_text(
            text, chat_id=chat_id, message_id=message_id, reply_markup=markup
        )
    except TelegramError as error:
        log.debug("progress edit failed: %s", error)


async def resume(application: Application) -> None:
    """After a restart: continue broadcasts that were sending."""
    for broadcast in store.unfinished(application.bot_data["deps"].engine):
        await start(application, broadcast.id)


async def start_due(application: Application) -> None:
    """Scheduled broadcasts whose time has come."""
    d: Deps = application.bot_data["deps"]
    for broadcast in store.due_scheduled(d.engine, d.clock()):
        await start(application, broadcast.id)


def listing(d: Deps, lang: str) -> Reply:
    """Recent notices with their figures; a scheduled one has a button to cancel it."""
    lines, rows = [], []
    for broadcast in store.recent(d.engine):
        counts = store.counts(d.engine, broadcast.id)
        total = sum(counts.values())
        at = broadcast.send_at.astimezone(SEOUL).strftime("%Y-%m-%d %H:%M")
        program = program_name(d.assistant.kb.programs[broadcast.program_id], lang)
        status = t(f"bc_status_{broadcast.status}", lang)
        if broadcast.status == "scheduled":
            lines.append(
                t("bc_line_scheduled", lang, id=broadcast.id, at=at, status=status, program=program)
            )
            label = t("bc_unschedule", lang, id=broadcast.id)
            rows.append([Button(label, callbacks.broadcast("unschedule", str(broadcast.id)))])
            continue
        lines.append(
            t(
                "bc_line",
                lang,
                id=broadcast.id,
                at=at,
                status=status,
                program=program,
                sent=counts.get("sent", 0),
                total=total,
                blocked=counts.get("blocked", 0),
                failed=counts.get("failed", 0),
            )
        )
    return Reply("\n".join(lines) or t("bc_none", lang), [*rows, home_row(lang)])


@staff_only
async def list_command(update: Update, context: ContextTypes.DEFAULT_TYPE, lang: str) -> None:
    await send_reply(update, context, listing(deps(context), lang))


def audience_of(broadcast) -> dict:
    return json.loads(broadcast.audience)
