"""A Bot API that lives in this process: the console chat and the tests run the real
python-telegram-bot Application against it instead of Telegram's servers.

`LocalBotApi` is a `BaseRequest`: every call the bot makes (sendMessage, editMessageText, …) is
answered here the way Telegram would answer it and recorded, so a caller can read what the bot
"sent". `LocalChat` makes the updates a user would cause (a message, a button press).
"""

from __future__ import annotations

import itertools
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from telegram import Update
from telegram.ext import Application
from telegram.request import BaseRequest, RequestData

MAX_TEXT_UNITS = 4096
BOT_USER = {
    "id": 1000001,
    "is_bot": True,
    "first_name": "영등포 일자리 봇",
    "username": "ydp_jobs_bot",
}


@dataclass
class SentMessage:
    """A message as the bot last left it (edits replace the text and the buttons)."""

    chat_id: int
    message_id: int
    text: str
    buttons: list[list[dict[str, Any]]] = field(default_factory=list)
    document: str | None = None

    def button_rows(self) -> list[list[tuple[str, str]]]:
        return [[(b["text"], b.get("callback_data", "")) for b in row] for row in self.buttons]

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "message_id": self.message_id,
            "date": int(time.time()),
            "chat": {"id": self.chat_id, "type": "private"},
            "from": BOT_USER,
            "text": self.text,
        }
        if self.buttons:
            data["reply_markup"] = {"inline_keyboard": self.buttons}
        return data


@dataclass(frozen=True)
class Upload:
    """A file the bot sent (sendDocument, sendPhoto, …)."""

    method: str
    part: str
    filename: str
    content: bytes


class LocalBotApi(BaseRequest):
    """Answers Bot API methods locally and records every call."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.messages: dict[tuple[int, int], SentMessage] = {}
        self.outbox: list[SentMessage] = []
        self.callback_answers: list[dict[str, Any]] = []
        self.uploads: list[Upload] = []
        self.blocked: set[int] = set()  # chats that blocked the bot: sends get 403
        self.rate_limits: dict[int, int] = {}  # chat -> how many sends get 429 first
        self.network_failures: dict[int, int] = {}  # chat -> how many sends fail to connect
        self.commands: dict[str, list[dict[str, Any]]] = {}
        self.listeners: list[Callable[[str, SentMessage], None]] = []
        self._ids = itertools.count(1)

    @property
    def read_timeout(self) -> float | None:
        return 1.0

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: object = None,
        write_timeout: object = None,
        connect_timeout: object = None,
        pool_timeout: object = None,
    ) -> tuple[int, bytes]:
        name = url.rsplit("/", 1)[-1]
        params = dict(request_data.parameters) if request_data else {}
        files = request_data.multipart_data if request_data else {}
        for part, (filename, content, *_) in files.items():
            data = content if isinstance(content, bytes) else content.read()
            self.uploads.append(Upload(name, part, filename, data))
        self.calls.append((name, params))
        failure = self._scripted_failure(name, params) or self._scripted_failure_text(name, params)
        if failure is not None:
            return failure
        handler = getattr(self, f"_api_{name}", None)
        if handler is None:
            return 200, _ok(True)
        return 200, _ok(handler(params))

    def _scripted_failure(self, name: str, params: dict[str, Any]) -> tuple[int, bytes] | None:
        """Telegram's refusals, on demand: a blocked chat (403), a flood limit (429)."""
        if not name.startswith("send"):
            return None
        chat_id = int(params.get("chat_id", 0))
        if self.network_failures.get(chat_id, 0) > 0:
            self.network_failures[chat_id] -= 1
            raise ConnectionError("scripted network failure")
        if chat_id in self.blocked:
            return 403, _error(403, "Forbidden: bot was blocked by the user")
        if self.rate_limits.get(chat_id, 0) > 0:
            self.rate_limits[chat_id] -= 1
            return 429, _error(429, "Too Many Requests: retry after 1", {"retry_after": 1})
        return None

    def _api_getMe(self, params: dict[str, Any]) -> object:
        return {
            **BOT_USER,
            "can_join_groups": False,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }

    def _api_setMyCommands(self, params: dict[str, Any]) -> object:
        scope = params.get("scope") or {"type": "default"}
        key = json.dumps(scope, sort_keys=True) + "|" + str(params.get("language_code", ""))
        self.commands[key] = list(params.get("commands", []))
        return True

    def _scripted_failure_text(self, name: str, params: dict[str, Any]) -> tuple[int, bytes] | None:
        """Telegram refuses a text over 4096 characters (UTF-16 code units)."""
        if name in ("sendMessage", "editMessageText"):
            text = str(params.get("text", ""))
            if len(text.encode("utf-16-le")) // 2 > MAX_TEXT_UNITS:
                return 400, _error(400, "Bad Request: message is too long")
        return None

    def _api_sendMessage(self, params: dict[str, Any]) -> object:
        markup = params.get("reply_markup") or {}
        message = SentMessage(
            chat_id=int(params["chat_id"]),
            message_id=next(self._ids),
            text=str(params.get("text", "")),
            buttons=list(markup.get("inline_keyboard", [])),
        )
        return self._store("send", message)

    def _api_sendDocument(self, params: dict[str, Any]) -> object:
        message = SentMessage(
            chat_id=int(params["chat_id"]),
            message_id=next(self._ids),
            text=str(params.get("caption", "")),
            document=str(
                params.get("document") or (self.uploads[-1].filename if self.uploads else "")
            ),
        )
        return self._store("send", message) | {
            "document": {"file_id": "local", "file_unique_id": "l"}
        }

    def _api_sendPhoto(self, params: dict[str, Any]) -> object:
        message = SentMessage(
            chat_id=int(params["chat_id"]),
            message_id=next(self._ids),
            text=str(params.get("caption", "")),
            buttons=list((params.get("reply_markup") or {}).get("inline_keyboard", [])),
            document=str(params.get("photo", "")),
        )
        return self._store("send", message) | {
            "photo": [{"file_id": "p", "file_unique_id": "p", "width": 1, "height": 1}]
        }

    def _api_copyMessage(self, params: dict[str, Any]) -> object:
        copy = SentMessage(
            chat_id=int(params["chat_id"]),
            message_id=next(self._ids),
            text=str(params.get("caption", "")),
            document=f"copy:{params['from_chat_id']}:{params['message_id']}",
        )
        self._store("send", copy)
        return {"message_id": copy.message_id}

    def _api_editMessageText(self, params: dict[str, Any]) -> object:
        key = (int(params["chat_id"]), int(params["message_id"]))
        markup = params.get("reply_markup") or {}
        message = SentMessage(
            key[0], key[1], str(params.get("text", "")), list(markup.get("inline_keyboard", []))
        )
        return self._store("edit", message)

    def _api_answerCallbackQuery(self, params: dict[str, Any]) -> object:
        self.callback_answers.append(params)
        return True

    def _store(self, kind: str, message: SentMessage) -> dict[str, Any]:
        self.messages[(message.chat_id, message.message_id)] = message
        self.outbox.append(message)
        for listener in self.listeners:
            listener(kind, message)
        return message.as_json()


def _ok(result: object) -> bytes:
    return json.dumps({"ok": True, "result": result}).encode()


def _error(code: int, description: str, parameters: dict[str, Any] | None = None) -> bytes:
    body: dict[str, Any] = {"ok": False, "error_code": code, "description": description}
    if parameters:
        body["parameters"] = parameters
    return json.dumps(body).encode()


class LocalChat:
    """One user talking to the Application: makes their updates and reads the bot's replies."""

    # Update ids run on from the clock, so a console session started after another one (on the
    # same database, whose record of handled updates lasts two days) never reuses an id and is
    # never taken for a redelivery. A hundred ids a second is more than anyone types; the ids
    # stay within 32 bits, as the table's column is.
    _update_ids = itertools.count(int(time.time() * 100) % 2**31)

    def __init__(
        self,
        application: Application,
        api: LocalBotApi,
        user_id: int = 42,
        first_name: str = "구민",
        language_code: str = "ko",
    ) -> None:
        self.application = application
        self.api = api
        self.user = {
            "id": user_id,
            "is_bot": False,
            "first_name": first_name,
            "language_code": language_code,
        }
        self.user_id = user_id
        self._message_ids = itertools.count(100000)

    @property
    def last(self) -> SentMessage:
        mine = [m for m in self.api.outbox if m.chat_id == self.user_id]
        if not mine:
            raise AssertionError("the bot has not replied to this chat")
        return mine[-1]

    async def send(self, text: str) -> list[SentMessage]:
        """Send a text (a command when it starts with '/'); returns what the bot sent or edited."""
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": self.user_id, "type": "private", "first_name": self.user["first_name"]},
            "from": self.user,
            "text": text,
        }
        if text.startswith("/"):
            message["entities"] = [
                {"type": "bot_command", "offset": 0, "length": len(text.split()[0])}
            ]
        return await self._process({"message": message})

    async def send_update(self, payload: dict[str, Any]) -> list[SentMessage]:
        """Process any update payload (a sticker, an edited message, …) from this user."""
        return await self._process(payload)

    async def press(
        self, label_or_data: str, message: SentMessage | None = None
    ) -> list[SentMessage]:
        """Press a button of `message` (default: the last one) by its label or callback data."""
        message = message or self.last
        for row in message.button_rows():
            for label, data in row:
                if label_or_data in (label, data):
                    return await self.press_data(data, message)
        raise AssertionError(f"no button {label_or_data!r} in {message.button_rows()}")

    async def press_data(self, data: str, message: SentMessage | None = None) -> list[SentMessage]:
        """Send a callback query with any data, as a real or a forged button would."""
        message = message or self.last
        query = {
            "id": str(next(self._update_ids)),
            "from": self.user,
            "chat_instance": f"local-{self.user_id}",
            "data": data,
            "message": message.as_json(),
        }
        return await self._process({"callback_query": query})

    async def _process(self, payload: dict[str, Any]) -> list[SentMessage]:
        before = len(self.api.outbox)
        update = Update.de_json(
            {"update_id": next(self._update_ids), **payload}, self.application.bot
        )
        # as the running Application does: through its update processor
        application = self.application
        await application.update_processor.process_update(
            update, application.process_update(update)
        )
        return self.api.outbox[before:]
