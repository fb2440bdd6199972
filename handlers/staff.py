"""Staff review of 청년 드림팀 applications: list, open, change status with a reason (the team is
told), export. Every entry point checks the staff list first; others change nothing."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from telegram import Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot import callbacks
from bot.answers import main_menu_buttons
from bot.application_form import ApplicationForm, FormState
from bot.export import members_csv, to_csv, to_xlsx
from bot.menus import home_row, stale_reply
from bot.reminders import next_send_at
from bot.reply import Button, Reply
from bot.rounds import round_by_id
from bot.texts import t, t_count
from handlers import reminders
from handlers.deps import Deps, deps, user_language
from handlers.sending import send_reply
from storage import applications as store
from storage import reminders as reminder_store
from storage.flows import delete_flow, load_flow, save_flow
from storage.users import language_of

FLOW = "staff_status"
SETTABLE = ("reviewing", "selected", "rejected")


def staff_only(handler: Callable[..., Awaitable[None]]) -> Callable[..., Awaitable[None]]:
    """Refuse, and change nothing, unless the user is staff. `lang` is the last argument."""

    @functools.wraps(handler)
    async def guarded(update: Update, context: ContextTypes.DEFAULT_TYPE, *args: Any) -> None:
        if not is_staff(update, context):
            await refuse(update, context, args[-1])
            return
        await handler(update, context, *args)

    return guarded


def is_staff(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    user = update.effective_user
    return deps(context).is_staff(user.id if user else None)


async def refuse(update: Update, context: ContextTypes.DEFAULT_TYPE, lang: str) -> None:
    query = update.callback_query
    if query is not None:
        await query.answer(t("staff_only", lang), show_alert=True)
    else:
        await send_reply(update, context, Reply(t("staff_only", lang), [home_row(lang)]))


@staff_only
async def applications_command(
    update: Update, context: ContextTypes.DEFAULT_TYPE, lang: str
) -> None:
    rounds = deps(context).assistant.kb.rounds
    rows = [[Button(r.id, callbacks.staff("list", r.id))] for r in reversed(rounds)]
    await send_reply(update, context, Reply(t("staff_rounds", lang), rows))


def round_list(context: ContextTypes.DEFAULT_TYPE, round_id: str, lang: str) -> Reply:
    applications = store.list_round(deps(context).engine, round_id)
    counts = " · ".join(
        f"{t(f'status_{status}', lang)} {sum(a.status == status for a in applications)}"
        for status in store.STATUSES
    )
    text = t_count("staff_list", lang, len(applications), round=round_id, counts=counts)
    rows = [
        [
            Button(
                f"{a.receipt} · {a.team_name} · {t(f'status_{a.status}', lang)}",
                callbacks.staff("open", str(a.id)),
            )
        ]
        for a in applications
    ]
    rows.append(
        [
            Button(t("staff_export_xlsx", lang), callbacks.staff("xlsx", round_id)),
            Button(t("staff_export_csv", lang), callbacks.staff("csv", round_id)),
        ]
    )
    return Reply(text, rows)


def application_detail(context: ContextTypes.DEFAULT_TYPE, application, lang: str) -> Reply:
    round_ = round_by_id(deps(context).assistant.kb, application.round_id)
    state = FormState(round_id=application.round_id, data=store.form_data(application))
    summary = ApplicationForm.of(deps(context).assistant.kb, round_).summary(state, lang)
    status = t(f"status_{application.status}", lang)
    text = t(
        "staff_open",
        lang,
        receipt=application.receipt,
        team=application.team_name,
        status=status,
        summary=summary,
    )
    rows = []
    if application.status == "withdrawn":
        text += "\n" + t("staff_withdrawn", lang, receipt=application.receipt)
    else:
        rows.append(
            [
                Button(t(f"status_{s}", lang), callbacks.staff("set", str(application.id), s))
                for s in SETTABLE
            ]
        )
    if application.file_id:
        rows.append(
            [Button(t("staff_proposal", lang), callbacks.staff("file", str(application.id)))]
        )
    rows.append([Button(t("back", lang), callbacks.staff("list", application.round_id))])
    return Reply(text, rows)


def cap_reached(context: ContextTypes.DEFAULT_TYPE, application) -> tuple[bool, int, int]:
    round_ = round_by_id(deps(context).assistant.kb, application.round_id)
    selected = store.count_status(deps(context).engine, application.round_id, "selected")
    cap = round_.max_selected if round_ else 0
    return application.status != "selected" and selected >= cap, cap, selected


@staff_only
async def on_press(
    update: Update, context: ContextTypes.DEFAULT_TYPE, args: tuple[str, ...], lang: str
) -> None:
    action, *rest = args
    engine = deps(context).engine
    staff_id = update.effective_user.id  # type: ignore[union-attr]
    if action == "cancel" and not rest:
        await cancel_pending(update, context, lang)
        return
    if action == "list" and len(rest) == 1 and round_by_id(deps(context).assistant.kb, rest[0]):
        await send_reply(update, context, round_list(context, rest[0], lang))
        store.record_action(engine, staff_id, "list", rest[0], at=deps(context).clock())
        return
    if (
        action in ("xlsx", "csv")
        and len(rest) == 1
        and round_by_id(deps(context).assistant.kb, rest[0])
    ):
        await export(update, context, rest[0], action, lang)
        store.record_action(engine, staff_id, f"export:{action}", rest[0], at=deps(context).clock())
        return
    application = store.get(engine, int(rest[0])) if rest and rest[0].isdigit() else None
    if application is None:
        await send_reply(update, context, stale_reply(lang))
        return
    if action == "open":
        store.record_action(engine, staff_id, "open", application.receipt, at=deps(context).clock())
        await send_reply(update, context, application_detail(context, application, lang))
        return
    if action == "file" and not rest[1:]:
        await send_proposal(update, context, application, lang)
        return
    if action == "set" and len(rest) == 2 and rest[1] in SETTABLE:
        status = rest[1]
        if application.status == "withdrawn":
            detail = application_detail(context, application, lang)
            text = t("staff_withdrawn", lang, receipt=application.receipt)
            await send_reply(update, context, Reply(text, detail.buttons))
            return
        if status == "selected":
            reached, cap, count = cap_reached(context, application)
            if reached:
                await send_reply(
                    update,
                    context,
                    Reply(
                        t("staff_cap", lang, cap=cap, count=count),
                        application_detail(context, application, lang).buttons,
                    ),
                )
                return
        save_flow(engine, staff_id, FLOW, {"application_id": application.id, "status": status})
        text = t(
            "staff_reason",
            lang,
            receipt=application.receipt,
            team=application.team_name,
            old=t(f"status_{application.status}", lang),
            status=t(f"status_{status}", lang),
        )
        rows = [[Button(t("staff_reason_cancel", lang), callbacks.staff("cancel"))]]
        await send_reply(update, context, Reply(text, rows))
        return
    await send_reply(update, context, stale_reply(lang))


async def send_proposal(
    update: Update, context: ContextTypes.DEFAULT_TYPE, application, lang: str
) -> None:
    """📎 제안서: the team's proposal file, sent by the file id Telegram gave it (recorded)."""
    chat, staff_id = update.effective_chat, update.effective_user.id  # type: ignore[union-attr]
    if chat is None or not application.file_id:
        await send_reply(update, context, Reply(t("stale_button", lang)))
        return
    caption = t("staff_proposal_caption", lang, receipt=application.receipt)
    try:
        await context.bot.send_document(chat.id, document=application.file_id, caption=caption)
    except BadRequest:  # Telegram no longer knows the file
        await context.bot.send_message(
            chat.id, t("staff_proposal_failed", lang, receipt=application.receipt)
        )
        return
    store.record_action(
        deps(context).engine,
        staff_id,
        "file",
        application.file_name or "",
        application_id=application.id,
        at=deps(context).clock(),
    )


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE, text: str, lang: str) -> bool:
    """The reason for a status change, when a staff member is writing one."""
    user = update.effective_user
    if user is None or not deps(context).is_staff(user.id):
        return False
    engine = deps(context).engine
    pending = load_flow(engine, user.id, FLOW)
    if pending is None:
        return False
    delete_flow(engine, user.id, FLOW)
    application = store.get(engine, pending["application_id"])
    if application is None:
        await send_reply(update, context, stale_reply(lang))
        return True
    status = pending["status"]
    if application.status == "withdrawn":  # withdrawn while the reason was being written
        text = t("staff_withdrawn", lang, receipt=application.receipt)
        await send_reply(update, context, Reply(text))
        return True
    if status == "selected":
        reached, cap, count = cap_reached(context, application)
        if reached:
            await send_reply(update, context, Reply(t("staff_cap", lang, cap=cap, count=count)))
            return True
    reason = text.strip()[:500]
    application = store.set_status(
        engine, application.id, status, reason, user.id, at=deps(context).clock()
    )
    team_lang = language_of(engine, application.representative_id)
    notice = t(
        "status_notice",
        team_lang,
        receipt=application.receipt,
        status=t(f"status_{status}", team_lang),
        reason=t("status_notice_reason", team_lang, reason=reason) if reason else "",
    )
    d = deps(context)
    key = f"status:{application.id}:{status}:{d.clock().timestamp():.0f}"
    reminders.plan_now(d, application.representative_id, application.chat_id, key, notice)
    sender = context.bot_data["sender"]
    now = d.clock()
    await reminders.dispatch(d, sender, now, only_user=application.representative_id)
    done = t("staff_done", lang, receipt=application.receipt, status=t(f"status_{status}", lang))
    told = told_text(d, application.representative_id, key, now, lang)
    await send_reply(
        update,
        context,
        Reply(f"{done} {told}", round_list(context, application.round_id, lang).buttons),
    )
    return True


def told_text(d: Deps, user_id: int, key: str, now: datetime, lang: str) -> str:
    """Whether the team has been told: now, at 08:00 (quiet hours; a status notice is never held
    by the one-reminder-a-day rule), or not at all (they blocked the bot)."""
    delivery = reminder_store.status_of(d.engine, user_id, key)
    if delivery == "sent":
        return t("staff_told", lang)
    if delivery != "pending":
        return t("staff_not_told", lang)
    at = next_send_at(now, sent_today=False)
    if at <= now:
        return t("staff_told_retry", lang)
    return t("staff_told_later", lang, at=at.strftime("%Y-%m-%d %H:%M"))


async def cancel(update: Update, context: ContextTypes.DEFAULT_TYPE, lang: str) -> bool:
    """/cancel while a status change waits for its reason."""
    user = update.effective_user
    if user is None or not deps(context).is_staff(user.id):
        return False
    return await cancel_pending(update, context, lang, menu=True)


async def cancel_pending(
    update: Update, context: ContextTypes.DEFAULT_TYPE, lang: str, menu: bool = False
) -> bool:
    """Drop the waiting status change and say which one; False when there was none."""
    user = update.effective_user
    engine = deps(context).engine
    pending = load_flow(engine, user.id, FLOW) if user is not None else None
    if pending is None or not delete_flow(engine, user.id, FLOW):  # type: ignore[union-attr]
        if not menu:
            await send_reply(update, context, stale_reply(lang))
        return False
    application = store.get(engine, pending["application_id"])
    receipt = application.receipt if application else "-"
    text = t(
        "staff_reason_cancelled",
        lang,
        receipt=receipt,
        status=t(f"status_{pending['status']}", lang),
    )
    if menu or application is None:
        await send_reply(update, context, Reply(text, main_menu_buttons(lang)))
    else:
        detail = application_detail(context, application, lang)
        await send_reply(update, context, Reply(f"{text}\n\n{detail.text}", detail.buttons))
    return True


def _moves_on(update: Update) -> bool:
    """A button other than the change's own cancel, or a command other than /cancel."""
    query, message = update.callback_query, update.effective_message
    if query is not None:
        return query.data != callbacks.staff("cancel")
    text = (message.text or "") if message is not None else ""
    return text.startswith("/") and text.split()[0].split("@")[0] != "/cancel"


async def drop_pending(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A status change waits for its reason only until staff do something else: another
    command (not /cancel, which says what it cancelled) or another button. Runs before the
    handlers (group -1), so the next thing typed is never taken for a stale change's reason."""
    user = update.effective_user
    if user is None or not deps(context).is_staff(user.id):
        return
    if not _moves_on(update):
        return
    engine = deps(context).engine
    pending = load_flow(engine, user.id, FLOW)
    if pending is None or not delete_flow(engine, user.id, FLOW):
        return
    application = store.get(engine, pending["application_id"])
    chat = update.effective_chat
    if application is not None and chat is not None:
        status = t(f"status_{pending['status']}", user_language(update, context))
        text = t(
            "staff_reason_dropped",
            user_language(update, context),
            receipt=application.receipt,
            status=status,
        )
        await context.bot.send_message(chat.id, text)


async def export(
    update: Update, context: ContextTypes.DEFAULT_TYPE, round_id: str, kind: str, lang: str
) -> None:
    applications = store.list_round(deps(context).engine, round_id)
    data = to_xlsx(applications) if kind == "xlsx" else to_csv(applications)
    chat = update.effective_chat
    if chat is not None:
        caption = t_count("staff_exported", lang, len(applications), round=round_id)
        await context.bot.send_document(
            chat.id, document=data, filename=f"dreamteam-{round_id}.{kind}", caption=caption
        )
    if chat is not None and kind == "csv":  # a CSV is one table: the members come in a second
        members = members_csv(applications)
        caption = t("staff_exported_members", lang, round=round_id)
        await context.bot.send_document(
            chat.id, document=members, filename=f"dreamteam-{round_id}-members.csv", caption=caption
        )
