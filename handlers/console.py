"""The local console chat: the same Application and handlers, with the Bot API served locally.
Buttons are shown as numbered choices; typing the number presses the button."""

from __future__ import annotations

import asyncio
import sys
from typing import TextIO

from telegram.ext import Application

from bot.texts import t
from handlers.local_api import LocalBotApi, LocalChat, SentMessage

CONSOLE_USER_ID = 1
QUIT_WORDS = {"/quit", "/exit", "quit", "exit"}


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


async def run_console(
    application: Application, api: LocalBotApi, stdin: TextIO = sys.stdin, out: TextIO = sys.stdout
) -> None:
    chat = LocalChat(application, api, user_id=CONSOLE_USER_ID, first_name="console")
    await application.initialize()
    if application.post_init:
        await application.post_init(application)
    out.write(t("console_intro") + "\n")
    choices: list[str] = []
    last: SentMessage | None = None
    try:
        for sent in await chat.send("/start"):
            choices, last = render(sent, out), sent
        while True:
            out.write("\n> ")
            out.flush()
            line = await asyncio.to_thread(stdin.readline)
            if not line:
                break
            text = line.strip()
            if not text:
                continue
            if text in QUIT_WORDS:
                break
            if text.isdigit() and last is not None and 1 <= int(text) <= len(choices):
                replies = await chat.press_data(choices[int(text) - 1], last)
            else:
                replies = await chat.send(text)
            for sent in replies:
                choices, last = render(sent, out), sent
    finally:
        if application.post_shutdown:  # as run_polling does: stop the scheduler, drop the lead
            await application.post_shutdown(application)
        await application.shutdown()
