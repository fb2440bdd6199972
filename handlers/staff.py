"""Staff review of 청년 드림팀 applications: list, open, change status with a reason (the team is
told), export. Every entry point checks the staff list first; others change nothing."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Update
from telegram.ext import ContextTypes

from bot import callbacks
from bot.answers import main_menu_buttons
from bot.application_form import ApplicationForm, FormState
from bot.export import to_csv, to_xlsx
from bot.reply import Button, Reply
from bot.rounds import round_by_id
from bot.texts import t
from handlers import reminders
from handlers.deps import deps
from handlers.sending import send_reply
from storage import applications as store
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
        await send_reply(update, context, Reply(t("staff_only", lang)))


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
    text = t("staff_list", lang, round=round_id, total=len(applications), counts=counts)
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
    summary = ApplicationForm(round_).summary(state, lang)
    status = t(f"status_{application.status}", lang)
    text = t(
        "staff_open",
        lang,
        receipt=application.receipt,
        team=application.team_name,
        status=status,
        summary=summary,
    )
    rows = [
        [
            Button(t(f"status_{s}", lang), callbacks.staff("set", str(application.id), s))
            for s in SETTABLE
        ]
    ]
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
    if action == "list" and len(rest) == 1 and round_by_id(deps(context).assistant.kb, rest[0]):
        await send_reply(update, context, round_list(context, rest[0], lang))
        return
    if (
        action in ("xlsx", "csv")
        and len(rest) == 1
        and round_by_id(deps(context).assistant.kb, rest[0])
    ):
        await export(update, context, rest[0], action, lang)
        store.record_action(engine, staff_id, f"export:{action}", rest[0])
        return
    application = store.get(engine, int(rest[0])) if rest and rest[0].isdigit() else None
    if application is None:
        await send_reply(update, context, Reply(t("stale_button", lang)))
        return
    if action == "open":
        store.record_action(engine, staff_id, "open", application.receipt)
        await send_reply(update, context, application_detail(context, application, lang))
        return
    if action == "set" and len(rest) == 2 and rest[1] in SETTABLE:
        status = rest[1]
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
        await send_reply(
            update,
            context,
            Reply(
                t(
                    "staff_reason",
                    lang,
                    receipt=application.receipt,
                    status=t(f"status_{status}", lang),
                )
            ),
        )
        return
    await send_reply(update, context, Reply(t("stale_button", lang)))


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
        await send_reply(update, context, Reply(t("stale_button", lang)))
        return True
    status = pending["status"]
    if status == "selected":
        reached, cap, count = cap_reached(context, application)
        if reached:
            await send_reply(update, context, Reply(t("staff_cap", lang, cap=cap, count=count)))
            return True
    reason = text.strip()[:500]
    application = store.set_status(engine, application.id, status, reason, user.id)
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
    await reminders.dispatch(d, sender, d.clock(), only_user=application.representative_id)
    label = t(f"status_{status}", lang)
    await send_reply(
        update,
        context,
        Reply(
            t("staff_done", lang, receipt=application.receipt, status=label),
            round_list(context, application.round_id, lang).buttons,
        ),
    )
    return True


async def cancel(update: Update, context: ContextTypes.DEFAULT_TYPE, lang: str) -> bool:
    user = update.effective_user
    if user is None or not deps(context).is_staff(user.id):
        return False
    if not delete_flow(deps(context).engine, user.id, FLOW):
        return False
    await send_reply(update, context, Reply(t("nothing_to_cancel", lang), main_menu_buttons(lang)))
    return True


async def export(
    update: Update, context: ContextTypes.DEFAULT_TYPE, round_id: str, kind: str, lang: str
) -> None:
    applications = store.list_round(deps(context).engine, round_id)
    data = to_xlsx(applications) if kind == "xlsx" else to_csv(applications)
    chat = update.effective_chat
    if chat is not None:
        caption = t("staff_exported", lang, round=round_id, count=len(applications))
        await context.bot.send_document(
            chat.id, document=data, filename=f"dreamteam-{round_id}.{kind}", caption=caption
        )
