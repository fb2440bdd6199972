"""The screener in the chat: loads and saves its state row, the core decides everything else."""

from __future__ import annotations

from datetime import date

from telegram import Update
from telegram.ext import ContextTypes

from bot import screener as flow
from bot.answers import main_menu_buttons
from bot.callbacks import Press
from bot.reply import Reply
from bot.screener import Screener, ScreenerState
from bot.texts import t
from handlers.deps import deps
from handlers.sending import send_reply
from storage.flows import delete_flow, load_flow, save_flow


def _screener(context: ContextTypes.DEFAULT_TYPE) -> Screener:
    return deps(context).assistant.screener


def _today(context: ContextTypes.DEFAULT_TYPE) -> date:
    """The result names the 청년 드림팀 round open on this day."""
    return deps(context).clock().date()


def load_state(context: ContextTypes.DEFAULT_TYPE, user_id: int) -> ScreenerState | None:
    data = load_flow(deps(context).engine, user_id, flow.FLOW)
    return ScreenerState.from_json(data) if data is not None else None


def save_state(context: ContextTypes.DEFAULT_TYPE, user_id: int, state: ScreenerState) -> None:
    save_flow(deps(context).engine, user_id, flow.FLOW, state.to_json())


def active_state(context: ContextTypes.DEFAULT_TYPE, user_id: int) -> ScreenerState | None:
    """The user's screener when it is waiting for an answer."""
    state = load_state(context, user_id)
    return state if state is not None and state.step is not None else None


async def start(
    update: Update, context: ContextTypes.DEFAULT_TYPE, lang: str, fresh: bool = False
) -> None:
    """Begin from the first question that matters; a screener waiting for an answer is offered
    to carry on (이어서 하기) or start again (처음부터), unless `fresh`."""
    user = update.effective_user
    if user is None:
        return
    screener = _screener(context)
    waiting = None if fresh else active_state(context, user.id)
    if waiting is not None:
        save_state(context, user.id, waiting)  # asked for: the flow the user is in now
        await send_reply(update, context, screener.resume_offer(waiting, lang))
        return
    state = screener.start()
    save_state(context, user.id, state)
    first = screener.prompt(state, lang)
    first.text = f"{screener.intro(lang)}\n\n{first.text}"
    await send_reply(update, context, first)


async def on_typed(
    update: Update, context: ContextTypes.DEFAULT_TYPE, text: str, lang: str
) -> bool:
    """Typed text while a screener waits for an answer; False when none is waiting."""
    user = update.effective_user
    state = active_state(context, user.id) if user is not None else None
    if state is None:
        return False
    await on_text(update, context, state, text, lang)
    return True


async def on_text(
    update: Update, context: ContextTypes.DEFAULT_TYPE, state: ScreenerState, text: str, lang: str
) -> None:
    user = update.effective_user
    if user is None:
        return
    answer = deps(context).assistant.ask(text, lang)
    understood = answer if answer.answered else None
    state, replies = flow.on_text(
        _screener(context), state, text, lang, understood, _today(context)
    )
    save_state(context, user.id, state)
    for reply in replies:
        await send_reply(update, context, reply)


async def on_press(
    update: Update, context: ContextTypes.DEFAULT_TYPE, press: Press, lang: str
) -> None:
    user = update.effective_user
    if user is None:
        return
    if press.action == "scra" and press.args[0] in ("start", "restart"):
        await start(update, context, lang, fresh=press.args[0] == "restart")
        return
    screener = _screener(context)
    state = load_state(context, user.id)
    if state is None:
        await start(update, context, lang)
        return
    if press.action == "scra" and press.args[0] == "cancel":
        await cancel(update, context, lang)
        return
    reply: Reply | None = None
    if press.action == "scr":
        step, value = press.args
        new_state = screener.choose(state, step, value)
    else:
        new_state, reply = flow.on_action(screener, state, press.args[0], lang, _today(context))
    if new_state is None:
        current = screener.prompt(state, lang, _today(context))
        current.text = f"{t('screener_stale', lang)}\n\n{current.text}"
        await send_reply(update, context, current)
        return
    save_state(context, user.id, new_state)
    await send_reply(update, context, reply or screener.prompt(new_state, lang, _today(context)))


async def cancel(update: Update, context: ContextTypes.DEFAULT_TYPE, lang: str) -> bool:
    """Stop a screener in progress; False when there was none."""
    user = update.effective_user
    if user is None or active_state(context, user.id) is None:
        return False
    delete_flow(deps(context).engine, user.id, flow.FLOW)
    await send_reply(update, context, Reply(t("screener_cancelled", lang), main_menu_buttons(lang)))
    return True
