"""Build the python-telegram-bot Application: a readable list of handler registrations."""

from __future__ import annotations

import logging

from sqlalchemy import Engine
from telegram import BotCommand, BotCommandScopeChat, BotCommandScopeDefault, Update
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import BaseRequest

from bot.assistant import Assistant
from bot.clock import Clock, seoul_now
from bot.office_hours import OfficeHours
from bot.texts import COMMAND_DESCRIPTIONS
from handlers import application as dream_team
from handlers import (
    broadcasts,
    buttons,
    commands,
    handoff,
    insights,
    jobs,
    messages,
    reminders,
    staff,
)
from handlers.commands import with_language
from handlers.delivery import DEFAULT_RATE, RateLimiter, Sender
from handlers.deps import Deps
from handlers.errors import on_error
from handlers.flood import FloodGate
from handlers.flood import check as flood_check
from handlers.flood import once as handle_once
from handlers.person_lock import OnePersonAtATime
from storage import staff as staff_store
from storage.activity import ActivityBuffer

log = logging.getLogger(__name__)

PUBLIC_COMMANDS = (
    "start",
    "check",
    "apply",
    "myapplication",
    "subscribe",
    "mysubscriptions",
    "help",
    "lang",
    "forget",
    "cancel",
)
STAFF_COMMANDS = ("applications", "broadcast", "broadcasts", "unanswered", "stats")


async def post_init(application: Application) -> None:
    """Publish the command menu, in Korean by default and in English for English clients;
    re-plan pending reminders from the knowledge base as it is now; start the scheduler."""
    bot = application.bot
    reminders.replan(application.bot_data["deps"])
    for language in ("ko", "en"):
        menu = [BotCommand(name, COMMAND_DESCRIPTIONS[name][language]) for name in PUBLIC_COMMANDS]
        code = None if language == "ko" else "en"
        await bot.set_my_commands(menu, scope=BotCommandScopeDefault(), language_code=code)
    if application.bot_data.get("background", True):
        jobs.start(application)
        await jobs.broadcast_tick(application)  # resume what a restart interrupted, if leading
    staff_menu = [
        BotCommand(name, COMMAND_DESCRIPTIONS[name]["ko"])
        for name in (*PUBLIC_COMMANDS, *STAFF_COMMANDS)
    ]
    deps: Deps = application.bot_data["deps"]
    for staff_id in sorted(deps.all_staff()):
        try:
            await bot.set_my_commands(staff_menu, scope=BotCommandScopeChat(staff_id))
        except TelegramError:  # a staff member who never opened the bot has no chat yet
            log.warning("could not set the staff command menu for %s", staff_id)
    for former_id in sorted(staff_store.removed_ids(deps.engine) - deps.all_staff()):
        try:  # back to the public menu
            await bot.delete_my_commands(scope=BotCommandScopeChat(former_id))
        except TelegramError:
            log.warning("could not remove the staff command menu of %s", former_id)


def build_application(
    token: str,
    assistant: Assistant,
    engine: Engine,
    admin_ids: frozenset[int] = frozenset(),
    base_url: str | None = None,
    request: BaseRequest | None = None,
    clock: Clock = seoul_now,
    background: bool = True,
    staff_chat_id: int | None = None,
    office_hours: OfficeHours | None = None,
    broadcast_rate: float = DEFAULT_RATE,
    flood: FloodGate | None = None,
) -> Application:
    """The bot; `background=False` leaves the scheduler off (tests drive the jobs themselves)."""
    builder = (
        Application.builder()
        .token(token)
        .post_init(post_init)
        .post_shutdown(jobs.stop)
        .concurrent_updates(OnePersonAtATime(engine))
    )
    if base_url:
        builder = builder.base_url(base_url)
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    application = builder.build()
    hours = office_hours or OfficeHours.parse(None)
    application.bot_data["deps"] = Deps(assistant, engine, admin_ids, clock, staff_chat_id, hours)
    application.bot_data["sender"] = Sender(application.bot, engine, RateLimiter(broadcast_rate))
    application.bot_data["background"] = background
    application.bot_data["activity"] = ActivityBuffer(engine, immediate=not background)
    application.bot_data["flood"] = flood or FloodGate()
    application.add_handler(TypeHandler(Update, handle_once), group=-3)
    application.add_handler(TypeHandler(Update, flood_check), group=-2)
    application.add_handler(TypeHandler(Update, staff.drop_pending), group=-1)

    application.add_handler(CommandHandler("start", commands.start))
    application.add_handler(CommandHandler("help", commands.help_command))
    application.add_handler(CommandHandler("lang", commands.lang))
    application.add_handler(CommandHandler("cancel", commands.cancel))
    application.add_handler(CommandHandler("check", commands.check))
    application.add_handler(CommandHandler("forget", commands.forget))
    application.add_handler(CommandHandler("apply", with_language(dream_team.apply)))
    application.add_handler(
        CommandHandler("myapplication", with_language(dream_team.my_application))
    )
    application.add_handler(
        CommandHandler("applications", with_language(staff.applications_command))
    )
    application.add_handler(
        CommandHandler("unanswered", with_language(insights.unanswered_command))
    )
    application.add_handler(CommandHandler("stats", with_language(insights.stats_command)))
    application.add_handler(
        CommandHandler("broadcast", with_language(broadcasts.broadcast_command))
    )
    application.add_handler(CommandHandler("broadcasts", with_language(broadcasts.list_command)))
    application.add_handler(CommandHandler("subscribe", with_language(reminders.subscribe_command)))
    application.add_handler(
        CommandHandler("mysubscriptions", with_language(reminders.my_subscriptions))
    )
    application.add_handler(CallbackQueryHandler(buttons.button))
    new_messages = filters.UpdateType.MESSAGE
    application.add_handler(
        MessageHandler(new_messages & filters.TEXT & ~filters.COMMAND, messages.question)
    )
    application.add_handler(MessageHandler(new_messages & filters.COMMAND, commands.help_command))
    application.add_handler(MessageHandler(new_messages, messages.unsupported))
    application.add_handler(MessageHandler(filters.UpdateType.EDITED, messages.edited))
    # after the handlers above (group 1): a press or command elsewhere cancels a pending 🙋
    application.add_handler(TypeHandler(Update, handoff.drop_request_on_other_moves), group=1)
    application.add_error_handler(on_error)
    return application
