"""The local console chat: the same Application and handlers, with the Bot API served locally.
Buttons are shown as numbered choices; typing the number presses the button. Whatever the bot
sends to the console's chat is printed, also what nobody typed for: a reminder, a notice, a
broadcast's progress (the outbox is watched while the console waits for a line)."""

from __future__ import annotations

import asyncio
import contextlib
import sys
from typing import TextIO

from telegram.ext import Application

from bot.texts import t
from handlers.local_api import LocalBotApi, LocalChat, SentMessage

CONSOLE_USER_ID = 1
QUIT_WORDS = {"/quit", "/exit", "quit", "exit"}
POLL_SECONDS = 0.5
PROMPT = "\n> "


def render(message: SentMessage, out: TextIO) -> list[str]:
    """Print a message with its buttons numbered; return the buttons' data in that order."""
    out.write("\n" + message.text + "\n")
    choices: list[str] = []
    for row in message.button_rows():
        for label, data in row:
            choices.append(data)
            out.write(f"  [{len(choices)}] {label}\n")
    out.flush()
    return choices


class ConsoleView:
    """Prints, once each, the messages the bot sent (or edited) in the console's chat; the
    numbers press the buttons of the last one shown."""

    def __init__(self, api: LocalBotApi, out: TextIO) -> None:
        self.api, self.out = api, out
        self.seen = 0
        self.choices: list[str] = []
        self.last: SentMessage | None = None

    def show(self) -> bool:
        """Print what is new; True when something was."""
        new = [m for m in self.api.outbox[self.seen :] if m.chat_id == CONSOLE_USER_ID]
        self.seen = len(self.api.outbox)
        for message in new:
            self.choices, self.last = render(message, self.out), message
        return bool(new)

    async def watch(self, every: float) -> None:
        """While the console waits for a line: print what arrives, then the prompt again."""
        while True:
            await asyncio.sleep(every)
            if self.show():
                self.out.write(PROMPT)
                self.out.flush()


async def run_console(
    application: Application,
    api: LocalBotApi,
    stdin: TextIO = sys.stdin,
    out: TextIO = sys.stdout,
    poll_seconds: float = POLL_SECONDS,
) -> None:
    chat = LocalChat(application, api, user_id=CONSOLE_USER_ID, first_name="console")
    await application.initialize()
    if application.post_init:
        await application.post_init(application)
    out.write(t("console_intro") + "\n")
    view = ConsoleView(api, out)
    watcher = asyncio.create_task(view.watch(poll_seconds))
    try:
        await chat.send("/start")
        view.show()
        while True:
            out.write(PROMPT)
            out.flush()
            line = await asyncio.to_thread(stdin.readline)
            if not line:
                break
            text = line.strip()
            if not text:
                continue
            if text in QUIT_WORDS:
                break
            if text.isdigit() and view.last is not None and 1 <= int(text) <= len(view.choices):
                await chat.press_data(view.choices[int(text) - 1], view.last)
            else:
                await chat.send(text)
            view.show()
    finally:
        watcher.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await watcher
        if application.post_shutdown:  # as run_polling does: stop the scheduler, drop the lead
            await application.post_shutdown(application)
        await application.shutdown()
