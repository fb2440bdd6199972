"""End-to-end harness: the fake Bot API server and the real bot, each its own process; the bot
long-polls the server through TELEGRAM_BASE_URL. Tests speak as Telegram users would."""

from __future__ import annotations

import itertools
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BOT_USER = {"id": 1000001, "is_bot": True, "first_name": "bot"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Harness:
    def __init__(self, folder: Path, env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.server = subprocess.Popen(
            [sys.executable, "-m", "tools.fake_bot_api", "--port", str(self.port), "--cap", "1000"],
            cwd=ROOT, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        self.server.stdout.readline()
        self.env = {
            **os.environ,
            "TELEGRAM_BOT_TOKEN": "123:E2E",
            "TELEGRAM_BASE_URL": f"http://127.0.0.1:{self.port}/bot",
            "DATABASE_URL": f"sqlite:///{folder / 'e2e.db'}",
            "PYTHONPATH": str(ROOT),
            **(env or {}),
        }
        subprocess.run(
            [sys.executable, "bot.py", "migrate"],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
        )
        self.bot: subprocess.Popen | None = None
        self.ids = itertools.count(1)
        self.seen: dict[int, int] = {}
        self.start_bot()

    def start_bot(self) -> None:
        self.bot = subprocess.Popen([sys.executable, "bot.py", "run"], cwd=ROOT, env=self.env)

    def kill_bot(self) -> None:
        assert self.bot is not None
        os.kill(self.bot.pid, signal.SIGKILL)
        self.bot.wait()

    def close(self) -> None:
        if self.bot is not None and self.bot.poll() is None:
            self.bot.terminate()
            self.bot.wait(timeout=10)
        self.server.terminate()
        self.server.wait()

    # --- talking ---------------------------------------------------------------------------
    def _post(self, updates: list[dict[str, Any]]) -> None:
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}/_updates",
            data=json.dumps(updates).encode(),
            headers={"Content-Type": "application/json"},
        )
        urllib.request.urlopen(request, timeout=5).read()

    def _sent(self, chat: int, after: int) -> tuple[list[dict[str, Any]], int]:
        url = f"http://127.0.0.1:{self.port}/_sent?chat={chat}&after={after}"
        with urllib.request.urlopen(url, timeout=5) as response:
            body = json.loads(response.read())
        return body["messages"], body["next"]

    def send(
        self,
        chat: int,
        text: str,
        reply_to: dict[str, Any] | None = None,
        sender: int | None = None,
    ) -> None:
        chat_info = {"id": chat, "type": "private" if chat > 0 else "supergroup"}
        message: dict[str, Any] = {
            "message_id": next(self.ids), "date": int(time.time()), "chat": chat_info,
            "from": {"id": sender or chat, "is_bot": False, "first_name": "구민"}, "text": text,
        }  # fmt: skip
        if text.startswith("/"):
            message["entities"] = [
                {"type": "bot_command", "offset": 0, "length": len(text.split()[0])}
            ]
        if reply_to is not None:
            message["reply_to_message"] = {
                "message_id": reply_to["message_id"],
                "date": 0,
                "chat": chat_info,
                "from": BOT_USER,
                "text": reply_to["text"],
            }
        self._post([{"message": message}])

    def press(self, chat: int, label: str) -> None:
        message = self.latest_with_button(chat, label)
        data = next(
            b["callback_data"] for row in message["buttons"] for b in row if b["text"] == label
        )
        pressed = {
            "message_id": message["message_id"],
            "date": 0,
            "chat": {"id": chat, "type": "private"},
            "from": BOT_USER,
            "text": message["text"],
        }
        query = {
            "id": str(next(self.ids)),
            "from": {"id": chat, "is_bot": False, "first_name": "구민"},
            "chat_instance": "e2e",
            "data": data,
            "message": pressed,
        }
        self._post([{"callback_query": query}])

    def messages(self, chat: int) -> list[dict[str, Any]]:
        messages, _ = self._sent(chat, 0)
        return messages

    def latest_with_button(self, chat: int, label: str, timeout: float = 10) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            current: dict[int, dict[str, Any]] = {}
            for message in self.messages(chat):
                current[message["message_id"]] = message
            for message in sorted(current.values(), key=lambda m: -m["at"]):
                if any(b["text"] == label for row in message["buttons"] for b in row):
                    return message
            time.sleep(0.05)
        raise AssertionError(f"no button {label!r} for chat {chat}")

    def wait_for(self, chat: int, needle: str, timeout: float = 15) -> dict[str, Any]:
        """The first message (sent or edited) for the chat since the last wait with needle."""
        deadline = time.monotonic() + timeout
        start = self.seen.get(chat, 0)
        while time.monotonic() < deadline:
            messages = self.messages(chat)
            for index, message in enumerate(messages[start:], start=start):
                if needle in message["text"]:
                    self.seen[chat] = index + 1
                    return message
            time.sleep(0.05)
        texts = [m["text"][:80] for m in self.messages(chat)[-5:]]
        raise AssertionError(f"chat {chat} never got {needle!r}; last: {texts}")

    def script_faults(self, faults: list[dict[str, Any]]) -> None:
        """The next sends to these chats fail as scripted (429, 403, drop, timeout)."""
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}/_faults",
            data=json.dumps(faults).encode(),
            headers={"Content-Type": "application/json"},
        )
        urllib.request.urlopen(request, timeout=5).read()

    def stats(self) -> dict[str, Any]:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/_stats", timeout=5) as answer:
            return json.loads(answer.read())
