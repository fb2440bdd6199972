"""청년 드림팀 applications in the chat: the form's state is a row saved after every answer; the
core (bot/application_form.py) validates and decides; this module loads, saves and sends."""

from __future__ import annotations

from datetime import date, timedelta

from telegram import Update
from telegram.ext import ContextTypes

from bot import callbacks
from bot.answers import main_menu_buttons
from bot.application_form import (
    FLOW,
    FREE_TEXT_STEPS,
    PROGRAM_ID,
    ApplicationForm,
    FormState,
)
from bot.reply import Button, Reply
from bot.rounds import next_round, open_round, period_text, round_by_id
from bot.texts import t
from handlers import reminders
from handlers.deps import deps
from handlers.sending import send_reply
from knowledge.schema import Round
from storage import applications as store
from storage.flows import delete_flow, load_flow, save_flow


def today(context: ContextTypes.DEFAULT_TYPE) -> date:
    return deps(context).clock().date()


def load_form(
    context: ContextTypes.DEFAULT_TYPE, user_id: int
) -> tuple[ApplicationForm, FormState] | None:
    data = load_flow(deps(context).engine, user_id, FLOW)
    if data is None:
        return None
    state = FormState.from_json(data)
    kb = deps(context).assistant.kb
    round_ = round_by_id(kb, state.round_id)
    return (ApplicationForm.of(kb, round_), state) if round_ is not None else None


def save_form(context: ContextTypes.DEFAULT_TYPE, user_id: int, state: FormState) -> None:
    save_flow(deps(context).engine, user_id, FLOW, state.to_json())


def round_is_open(context: ContextTypes.DEFAULT_TYPE, round_: Round) -> bool:
    return round_.opens <= today(context) <= round_.closes


def with_error(reply: Reply, message: str) -> Reply:
    reply.text = f"{message}\n\n{reply.text}"
    return reply


async def _ask_again(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    form: ApplicationForm,
    state: FormState,
    lang: str,
    note: str,
) -> None:
    """The step's question again, with a note above it (an error, a resume, a stale button)."""
    await send_reply(update, context, with_error(form.prompt(state, lang), note))


async def apply(update: Update, context: ContextTypes.DEFAULT_TYPE, lang: str) -> None:
    """Open the form: resume a draft, refuse a second application, or ask for consent."""
    user = update.effective_user
    if user is None:
        return
    kb = deps(context).assistant.kb
    loaded = load_form(context, user.id)
    if loaded is not None:
        form, state = loaded
        if not round_is_open(context, form.round):
            await closed_draft(update, context, form, state, lang)
            return
        save_form(context, user.id, state)  # the form is the flow the user is in now
        await _ask_again(update, context, form, state, lang, t("form_resume", lang))
        return
    round_ = open_round(kb, today(context))
    if round_ is None:
        await send_reply(update, context, closed_reply(context, lang))
        return
    existing = store.find_for(deps(context).engine, round_.id, user.id)
    if existing is not None:
        text = t("form_already", lang, round=round_.id, receipt=existing.receipt)
        await send_reply(update, context, Reply(text, main_menu_buttons(lang)))
        return
    text = t("form_consent", lang, round=round_.id, days=round_.review_days)
    rows = [
        [Button(t("form_consent_yes", lang), callbacks.form("consent", "yes"))],
        [Button(t("form_consent_no", lang), callbacks.form("consent", "no"))],
    ]
    await send_reply(update, context, Reply(text, rows))


async def closed_draft(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    form: ApplicationForm,
    state: FormState,
    lang: str,
) -> None:
    """A draft whose round has closed is never submitted into it. Changes to a submitted
    application are dropped (it stays as it was); a new application moves to the round open now,
    and the user is told; with no round to move to it waits, and /cancel deletes it."""
    user = update.effective_user
    if user is None:
        return
    d = deps(context)
    closed = form.round.id
    if state.application_id is not None:
        delete_flow(d.engine, user.id, FLOW)
        text = t("form_edit_closed", lang, round=closed)
        await send_reply(update, context, Reply(text, main_menu_buttons(lang)))
        return
    current = open_round(d.assistant.kb, today(context))
    if current is None:
        reply = closed_reply(context, lang)
        until = form.round.closes + timedelta(days=form.round.review_days)  # then it is purged
        waits = t("form_draft_waits", lang, round=closed, until=until.isoformat())
        reply.text = f"{waits}\n\n{reply.text}"
        await send_reply(update, context, reply)
        return
    existing = store.find_for(d.engine, current.id, user.id)
    if existing is not None:
        already = t("form_already", lang, round=current.id, receipt=existing.receipt)
        text = f"{t('form_draft_closed', lang, round=closed)}\n{already}"
        await send_reply(update, context, Reply(text, main_menu_buttons(lang)))
        return
    moved = ApplicationForm.of(d.assistant.kb, current)
    note = t("form_moved", lang, old=closed, new=current.id)
    if moved.adopt(state):
        note += "\n" + t("form_moved_theme", lang)
    save_form(context, user.id, state)
    chat = update.effective_chat
    reminders.plan_draft(d, user.id, chat.id if chat else user.id, current.id, lang)
    await send_reply(update, context, with_error(moved.prompt(state, lang), note))


def closed_reply(context: ContextTypes.DEFAULT_TYPE, lang: str) -> Reply:
    upcoming = next_round(deps(context).assistant.kb, today(context))
    lines = [t("form_closed", lang)]
    if upcoming is not None:
        lines.append(period_text("form_next_round", upcoming, lang))
    else:
        lines.append(t("form_no_next_round", lang))
    rows = [
        [Button(t("menu_subscribe", lang), callbacks.menu("subscribe"))],
        [Button(t("home", lang), callbacks.home())],
    ]
    return Reply("\n".join(lines), rows, PROGRAM_ID)


async def on_press(
    update: Update, context: ContextTypes.DEFAULT_TYPE, action: str, arg: str, lang: str
) -> None:
    user = update.effective_user
    if user is None:
        return
    if action == "consent":
        await _consent(update, context, arg == "yes", lang)
        return
    loaded = load_form(context, user.id)
    if action == "submit":
        await _submit(update, context, loaded, arg, lang)
        return
    if loaded is None:
        await send_reply(update, context, Reply(t("stale_button", lang), main_menu_buttons(lang)))
        return
    form, state = loaded
    if action not in ("cancel", "cancelyes", "cancelno") and not round_is_open(context, form.round):
        await closed_draft(update, context, form, state, lang)
        return
    if action == "cancel":
        await send_reply(update, context, form.cancel_confirm(state, lang))
        return
    if action == "cancelyes":
        delete_flow(deps(context).engine, user.id, FLOW)
        done = "form_cancelled_edit" if state.application_id else "form_cancelled"
        await send_reply(update, context, Reply(t(done, lang), main_menu_buttons(lang)))
        return
    if action == "cancelno":
        await send_reply(update, context, form.prompt(state, lang))
        return
    save_form(context, user.id, state)  # pressed: the form is the flow the user is in now
    outcome = form.on_press(state, action, arg)
    if outcome is None:
        await _ask_again(update, context, form, state, lang, t("form_stale", lang))
        return
    if outcome.error is None:
        save_form(context, user.id, outcome.state)
        await send_reply(update, context, form.prompt(outcome.state, lang))
        return
    await send_reply(
        update,
        context,
        with_error(form.prompt(outcome.state, lang), form.error_text(outcome, lang)),
    )


async def _consent(
    update: Update, context: ContextTypes.DEFAULT_TYPE, agreed: bool, lang: str
) -> None:
    user = update.effective_user
    round_ = open_round(deps(context).assistant.kb, today(context))
    if not agreed:
        text = declined_text(context, user.id, lang) if user else t("form_declined", lang)
        await send_reply(update, context, Reply(text, main_menu_buttons(lang)))
        return
    if user is None or round_ is None:
        await send_reply(update, context, closed_reply(context, lang))
        return
    existing = store.find_for(deps(context).engine, round_.id, user.id)
    if existing is not None:  # an old consent button: one application per round
        text = t("form_already", lang, round=round_.id, receipt=existing.receipt)
        await send_reply(update, context, Reply(text, main_menu_buttons(lang)))
        return
    loaded = load_form(context, user.id)
    if loaded is not None and not round_is_open(context, loaded[0].round):
        await closed_draft(update, context, *loaded, lang)
        return
    if loaded is None:
        save_form(context, user.id, ApplicationForm.of(deps(context).assistant.kb, round_).start())
        chat = update.effective_chat
        reminders.plan_draft(deps(context), user.id, chat.id if chat else user.id, round_.id, lang)
    form, state = load_form(context, user.id)  # type: ignore[misc]
    await send_reply(update, context, form.prompt(state, lang))


def declined_text(context: ContextTypes.DEFAULT_TYPE, user_id: int, lang: str) -> str:
    """동의하지 않아요, truthfully: nothing is stored, or (an old consent message pressed later)
    what is already kept, which declining leaves as it is, and how to delete or change it."""
    lines = []
    loaded = load_form(context, user_id)
    if loaded is not None and loaded[1].application_id is None:
        lines.append(t("form_declined_draft_kept", lang, round=loaded[1].round_id))
    _, application = _my_application(context, user_id)
    if application is not None and application.status != "withdrawn":
        lines.append(t("form_declined_application_kept", lang, receipt=application.receipt))
    return "\n".join(lines) if lines else t("form_declined", lang)


async def _submit(
    update: Update, context: ContextTypes.DEFAULT_TYPE, loaded, nonce: str, lang: str
) -> None:
    """Submit once: a second tap, or a retried request, finds the application already made."""
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None:
        return
    engine = deps(context).engine
    if loaded is None:
        round_ = open_round(deps(context).assistant.kb, today(context))
        existing = store.find_for(engine, round_.id, user.id) if round_ else None
        if existing is not None:
            text = t("form_already", lang, round=existing.round_id, receipt=existing.receipt)
            await send_reply(update, context, Reply(text, main_menu_buttons(lang)))
        else:
            await send_reply(
                update, context, Reply(t("stale_button", lang), main_menu_buttons(lang))
            )
        return
    form, state = loaded
    if not round_is_open(context, form.round):  # the draft's own round, not just any round
        await closed_draft(update, context, form, state, lang)
        return
    if nonce != state.nonce or state.step != "review":
        await _ask_again(update, context, form, state, lang, t("form_stale", lang))
        return
    gaps = form.missing(state)
    if gaps:
        fields = ", ".join(t(f"form_label_{gap}", lang) for gap in gaps)
        await _ask_again(
            update, context, form, state, lang, t("form_incomplete", lang, fields=fields)
        )
        return
    if state.application_id is not None:
        application = store.get(engine, state.application_id)
        if application is None or not changeable(context, form.round, application):
            # staff decided (or it was withdrawn) while the changes were being made
            delete_flow(engine, user.id, FLOW)
            text = t("form_edit_not_saved", lang) + "\n" + locked_text(application, lang)
            await send_reply(update, context, Reply(text, main_menu_buttons(lang)))
            return
        application = store.update(
            engine, state.application_id, state.data, at=deps(context).clock()
        )
        delete_flow(engine, user.id, FLOW)
        await send_reply(
            update,
            context,
            Reply(t("form_updated", lang, receipt=application.receipt), main_menu_buttons(lang)),
        )
        return
    result = store.submit(
        engine, state.round_id, user.id, chat.id, state.data, at=deps(context).clock()
    )
    delete_flow(engine, user.id, FLOW)
    receipt = result.application.receipt
    if not result.created:  # this representative had applied already: nothing new was saved
        already = t("form_already", lang, round=state.round_id, receipt=receipt)
        text = f"{t('form_second_not_saved', lang)}\n{already}"
        await send_reply(update, context, Reply(text, main_menu_buttons(lang)))
        return
    text = t("form_submitted", lang, receipt=receipt, summary=form.summary(state, lang))
    await send_reply(update, context, Reply(text, main_menu_buttons(lang)))


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE, text: str, lang: str) -> bool:
    """A typed answer while a form is open; False when no form is open."""
    user = update.effective_user
    loaded = load_form(context, user.id) if user else None
    if loaded is None or user is None:
        return False
    form, state = loaded
    if not round_is_open(context, form.round):
        return await _closed_draft_text(update, context, form, state, text, lang)
    if await _question_at_free_text(update, context, form, state, text, lang):
        return True
    state.asked = None
    outcome = form.on_text(state, text)
    if outcome.error is None:
        save_form(context, user.id, outcome.state)
        await send_reply(update, context, form.prompt(outcome.state, lang))
        return True
    answer = deps(context).assistant.ask(text, lang)
    if answer.answered and answer.program_id is not None:
        await send_reply(update, context, answer)
        await _ask_again(update, context, form, state, lang, t("form_resume_after_answer", lang))
        return True
    message = form.error_text(outcome, lang)
    await _ask_again(update, context, form, state, lang, message)
    return True


async def _question_at_free_text(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    form: ApplicationForm,
    state: FormState,
    text: str,
    lang: str,
) -> bool:
    """At a free-text step (team name, title, …) a text that is clearly a question is answered,
    not stored, and the step is asked again. Sent a second time, the same text is the answer:
    a team may really be called "뭐하지?"."""
    user = update.effective_user
    if user is None or state.step not in FREE_TEXT_STEPS or text.strip() == state.asked:
        return False
    answer = deps(context).assistant.as_question(text, lang)
    if answer is None:
        return False
    state.asked = text.strip()
    save_form(context, user.id, state)
    if answer.answered:
        await send_reply(update, context, answer)
        note = t("form_question_answered", lang)
    else:
        note = t("form_question_not_stored", lang)
    await _ask_again(update, context, form, state, lang, note)
    return True


async def _closed_draft_text(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    form: ApplicationForm,
    state: FormState,
    text: str,
    lang: str,
) -> bool:
    """Typed text met a draft whose round closed. An answer to the draft's question (a phone
    number at its phone step, a minute after closing) is neither stored in the draft nor taken
    for a question the bot could not answer: the person is told the round closed (True). Anything
    else is a question for the bot (False), with the note said once."""
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None:
        return False
    trial = form.on_text(FormState.from_json(state.to_json()), text)
    if trial.error is None and not deps(context).assistant.ask(text, lang).answered:
        note = _settle_closed_draft(context, user.id, form, state, lang)
        await send_reply(update, context, Reply(note, main_menu_buttons(lang)))
        return True
    await _pass_closed_draft(update, context, form, state, lang)
    return False


async def _pass_closed_draft(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    form: ApplicationForm,
    state: FormState,
    lang: str,
) -> None:
    """Typed text met a draft whose round closed: say so, once; the text is answered as usual."""
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None:
        return
    if state.application_id is None and state.closed_noted:
        return  # a waiting draft's note is said once
    await context.bot.send_message(
        chat.id, _settle_closed_draft(context, user.id, form, state, lang)
    )


def _settle_closed_draft(
    context: ContextTypes.DEFAULT_TYPE,
    user_id: int,
    form: ApplicationForm,
    state: FormState,
    lang: str,
) -> str:
    """What typed text does to a draft whose round closed, and the note that says so. Both ways
    of meeting it (an answer to the draft's question, or a question for the bot) must leave the
    same state behind: unsaved changes to a submitted application are dropped, and a new
    application's draft is kept and marked as told, so the note is not repeated."""
    if state.application_id is not None:
        delete_flow(deps(context).engine, user_id, FLOW)
        return t("form_edit_closed", lang, round=form.round.id)
    state.closed_noted = True
    save_form(context, user_id, state)
    return t("form_draft_closed", lang, round=form.round.id)


async def on_document(update: Update, context: ContextTypes.DEFAULT_TYPE, lang: str) -> bool:
    """A document (the proposal file), or a photo sent instead of one, while a form is open."""
    user, message = update.effective_user, update.effective_message
    if user is None or message is None or (message.document is None and not message.photo):
        return False
    loaded = load_form(context, user.id)
    if loaded is None:
        return False
    form, state = loaded
    if not round_is_open(context, form.round):
        await closed_draft(update, context, form, state, lang)
        return True
    document = message.document
    if document is None:  # a photo: the proposal must come as a file
        key = "form_photo_not_file" if state.step == "file" else "form_no_file_now"
        await _ask_again(update, context, form, state, lang, t(key, lang))
        return True
    outcome = form.on_document(
        state, document.file_id, document.file_name or "file", document.file_size
    )
    if outcome.error is None:
        save_form(context, user.id, outcome.state)
        await send_reply(update, context, form.prompt(outcome.state, lang))
    else:
        error = form.error_text(outcome, lang)
        await _ask_again(update, context, form, state, lang, error)
    return True


async def cancel(update: Update, context: ContextTypes.DEFAULT_TYPE, lang: str) -> bool:
    user = update.effective_user
    loaded = load_form(context, user.id) if user is not None else None
    if loaded is None:
        return False
    form, state = loaded
    await send_reply(update, context, form.cancel_confirm(state, lang))
    return True


def _my_application(context: ContextTypes.DEFAULT_TYPE, user_id: int):
    """The user's application in the open round, else in the latest round they applied in."""
    kb, engine = deps(context).assistant.kb, deps(context).engine
    for round_ in sorted(kb.rounds, key=lambda r: r.opens, reverse=True):
        application = store.latest_for(engine, round_.id, user_id)
        if application is not None:
            return round_, application
    return None, None


def _summary_of(context: ContextTypes.DEFAULT_TYPE, round_, application, lang: str):
    state = FormState(round_id=application.round_id, data=store.form_data(application))
    form = ApplicationForm.of(deps(context).assistant.kb, round_)
    return form.summary(state, lang), state


def changeable(context: ContextTypes.DEFAULT_TYPE, round_, application) -> bool:
    """A submitted application can be edited or withdrawn until its round closes."""
    return round_is_open(context, round_) and application.status == "submitted"


def locked_text(application, lang: str) -> str:
    """Why an application can no longer be changed: staff moved it on (or it was withdrawn),
    else its round closed."""
    if application is not None and application.status != "submitted":
        return t("my_locked_status", lang, status=t(f"status_{application.status}", lang))
    return t("my_locked", lang)


async def my_application(update: Update, context: ContextTypes.DEFAULT_TYPE, lang: str) -> None:
    user = update.effective_user
    if user is None:
        return
    round_, application = _my_application(context, user.id)
    if application is None:
        await send_reply(update, context, Reply(t("my_none", lang), main_menu_buttons(lang)))
        return
    summary, _ = _summary_of(context, round_, application, lang)
    status = t(f"status_{application.status}", lang)
    text = t("my_application", lang, receipt=application.receipt, status=status, summary=summary)
    rows: list[list[Button]] = []
    if changeable(context, round_, application):
        rows.append(
            [
                Button(t("my_edit", lang), callbacks.my("edit")),
                Button(t("my_withdraw", lang), callbacks.my("withdraw")),
            ]
        )
    rows.append([Button(t("home", lang), callbacks.home())])
    await send_reply(update, context, Reply(text, rows))


async def on_my_press(
    update: Update, context: ContextTypes.DEFAULT_TYPE, action: str, lang: str
) -> None:
    user = update.effective_user
    if user is None:
        return
    round_, application = _my_application(context, user.id)
    if application is None:
        await send_reply(update, context, Reply(t("my_none", lang), main_menu_buttons(lang)))
        return
    if not changeable(context, round_, application):
        text = locked_text(application, lang)
        await send_reply(update, context, Reply(text, main_menu_buttons(lang)))
        return
    if action == "edit":
        _, state = _summary_of(context, round_, application, lang)
        state.step, state.application_id = "review", application.id
        save_form(context, user.id, state)
        form = ApplicationForm.of(deps(context).assistant.kb, round_)
        await send_reply(update, context, form.prompt(state, lang))
    elif action == "withdraw":
        rows = [
            [Button(t("my_withdraw_yes", lang), callbacks.my("withdraw_yes"))],
            [Button(t("home", lang), callbacks.home())],
        ]
        await send_reply(update, context, Reply(t("my_withdraw_confirm", lang), rows))
    elif action == "withdraw_yes":
        store.set_status(
            deps(context).engine,
            application.id,
            "withdrawn",
            None,
            user.id,
            actor="resident",
            at=deps(context).clock(),
        )
        delete_flow(deps(context).engine, user.id, FLOW)
        await send_reply(
            update,
            context,
            Reply(t("my_withdrawn", lang, receipt=application.receipt), main_menu_buttons(lang)),
        )
