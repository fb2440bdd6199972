"""/forget: delete what a person may delete at any time, and say what is kept and until when."""

from __future__ import annotations

from datetime import timedelta

from telegram import Update
from telegram.ext import ContextTypes

from bot.application_form import FLOW as APPLICATION_FLOW
from bot.menus import home_row
from bot.reply import Reply
from bot.rounds import round_by_id
from bot.screener import FLOW as SCREENER_FLOW
from bot.texts import t
from handlers.deps import deps
from handlers.handoff import RECENT_FLOW
from handlers.sending import send_reply
from storage import applications as store
from storage.flows import delete_flow, load_flow


async def forget(update: Update, context: ContextTypes.DEFAULT_TYPE, lang: str) -> None:
    user = update.effective_user
    if user is None:
        return
    d = deps(context)
    deleted: list[str] = []
    if delete_flow(d.engine, user.id, SCREENER_FLOW):
        deleted.append(t("forget_item_screener", lang))
    draft = load_flow(d.engine, user.id, APPLICATION_FLOW)
    if draft is not None and delete_flow(d.engine, user.id, APPLICATION_FLOW):
        edit = draft.get("application_id") is not None
        deleted.append(t("forget_item_edit" if edit else "forget_item_draft", lang))
    if delete_flow(d.engine, user.id, RECENT_FLOW):
        deleted.append(t("forget_item_recent", lang))
    withdrawn = store.delete_withdrawn(d.engine, user.id)
    if withdrawn:
        deleted.append(t("forget_item_withdrawn", lang, count=withdrawn))
    kept = []
    for application in store.of_representative(d.engine, user.id):
        round_ = round_by_id(d.assistant.kb, application.round_id)
        if round_ is None:
            continue
        until = round_.closes + timedelta(days=round_.review_days)  # then the purge job runs
        kept.append(
            t("forget_item_kept", lang, receipt=application.receipt, until=until.isoformat())
        )
    parts = [t("forget_deleted", lang), *deleted] if deleted else [t("nothing_to_forget", lang)]
    if kept:
        parts += ["", t("forget_kept", lang), *kept]
    await send_reply(update, context, Reply("\n".join(parts), [home_row(lang)]))
