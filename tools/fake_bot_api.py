"""A fake Telegram Bot API server on loopback, run as its own process.

The real bot talks to it through TELEGRAM_BASE_URL (python-telegram-bot's HTTP client, real
sockets). It answers the methods the bot uses, enforces a rate cap the way Telegram does (429 with
retry_after), refuses blocked chats (403), can inject one-off 429s, serves queued updates to
getUpdates, and counts what every chat received, so a benchmark can count duplicates and losses
across a killed bot.

  python -m tools.fake_bot_api --port 8081 --cap 30 --blocked-every 97 --flood-chats 5
  GET  /_stats          counts and timings as JSON
  GET  /_sent_all?after=N  every message sent or edited since the N-th, and the next N
  POST /_updates        queue updates (JSON list) for getUpdates
  POST /_faults         script the next sends to a chat to fail: a JSON list of
                        {"chat": id, "fault": "429" | "403" | "drop" | "timeout", "times": n,
                         "seconds": s}; "drop" closes the connection without an answer,
                        "timeout" answers only after s seconds (and does not deliver)
"""

from __future__ import annotations

import argparse
import contextlib
import json
import threading
import time
from collections import Counter, deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

BOT = {
    "id": 1000001,
    "is_bot": True,
    "first_name": "영등포 일자리 봇",
    "username": "ydp_jobs_bot",
    "can_join_groups": False,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}


class State:
    def __init__(
        self, cap: float, blocked_every: int, flood_chats: int, count_from: int = 0
    ) -> None:
        self.cap = cap
        self.count_from = count_from  # chats below this id (staff) are not counted as recipients
        self.blocked_every = blocked_every
        self.flood_left = {
            chat: 1 for chat in range(flood_chats)
        }  # first N recipients (by order seen)
        self.lock = threading.Lock()
        self.window: deque[float] = deque()
        self.received: Counter[int] = Counter()
        self.first: float | None = None
        self.last: float | None = None
        self.rejected_429 = self.rejected_403 = self.injected_429 = 0
        self.seen_order: dict[int, int] = {}
        self.message_id = 0
        self.updates: deque[dict[str, Any]] = deque()
        self.update_id = 0
        self.sent_log: list[dict[str, Any]] = []
        self.outbox: list[dict[str, Any]] = []  # every message sent or edited, in order
        self.faults: dict[int, deque[dict[str, Any]]] = {}  # scripted failures, per chat
        self.scripted: Counter[str] = Counter()  # scripted failures served, by kind

    def stats(self) -> dict[str, Any]:
        with self.lock:
            duration = (self.last - self.first) if self.first and self.last else 0.0
            counted = {chat: n for chat, n in self.received.items() if chat >= self.count_from}
            return {
                "distinct_chats": len(counted),
                "messages": sum(counted.values()),
                "duplicates": sum(n - 1 for n in counted.values() if n > 1),
                "duration": duration,
                "rate": (sum(counted.values()) - 1) / duration if duration else 0.0,
                "rejected_429": self.rejected_429,
                "injected_429": self.injected_429,
                "rejected_403": self.rejected_403,
                "scripted": dict(self.scripted),
                "cap": self.cap,
            }


def make_handler(state: State) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as Telegram's servers do
        disable_nagle_algorithm = True  # headers and body go out at once, not 40 ms apart

        def log_message(self, *args: Any) -> None:
            return

        def _reply(self, code: int, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            if self.path == "/_stats":
                self._reply(200, state.stats())
            elif self.path.startswith("/_sent_all"):
                query = parse_qs(self.path.partition("?")[2])
                after = int(query.get("after", ["0"])[0])
                with state.lock:
                    since = state.outbox[after:]
                    size = len(state.outbox)
                self._reply(200, {"messages": since, "next": size})
            elif self.path.startswith("/_sent"):
                query = parse_qs(self.path.partition("?")[2])
                chat = int(query.get("chat", ["0"])[0])
                after = int(query.get("after", ["0"])[0])
                with state.lock:
                    log = [m for m in state.outbox[after:] if m["chat_id"] == chat]
                    size = len(state.outbox)
                self._reply(200, {"messages": log, "next": size})
            else:
                self._reply(404, {"ok": False})

        def _params(self) -> dict[str, Any]:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            kind = self.headers.get("Content-Type", "")
            if "application/json" in kind:
                return json.loads(raw or b"{}")
            if "multipart/form-data" in kind:
                return {}  # files: the benchmark does not send any
            params = {k: v[0] for k, v in parse_qs(raw.decode()).items()}
            for key, value in list(params.items()):
                if value[:1] in "{[":
                    with contextlib.suppress(ValueError):
                        params[key] = json.loads(value)
            return params

        def do_POST(self) -> None:
            params = self._params()
            if self.path == "/_faults":
                with state.lock:
                    for fault in params if isinstance(params, list) else []:
                        queue = state.faults.setdefault(int(fault["chat"]), deque())
                        queue.extend([fault] * int(fault.get("times", 1)))
                self._reply(200, {"ok": True})
                return
            if self.path == "/_updates":
                with state.lock:
                    for update in params if isinstance(params, list) else []:
                        state.update_id += 1
                        state.updates.append({"update_id": state.update_id, **update})
                self._reply(200, {"ok": True})
                return
            method = self.path.rsplit("/", 1)[-1]
            try:
                code, body = self.answer(method, params)
            except ConnectionAbortedError:
                return  # a scripted drop: the connection closes unanswered
            self._reply(code, body)

        def answer(self, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
            if method == "getMe":
                return 200, {"ok": True, "result": BOT}
            if method == "getUpdates":
                deadline = time.monotonic() + min(float(params.get("timeout") or 0), 1.0)
                offset = int(params.get("offset") or 0)
                while True:
                    with state.lock:
                        while state.updates and state.updates[0]["update_id"] < offset:
                            state.updates.popleft()
                        pending = list(state.updates)
                    if pending or time.monotonic() >= deadline:
                        return 200, {"ok": True, "result": pending}
                    time.sleep(0.02)
            if method in ("sendMessage", "sendPhoto", "sendDocument"):
                fault = self.scripted_fault(int(params.get("chat_id", 0)))
                if fault is not None:
                    return fault
                return self.send(params)
            if method == "editMessageText":
                result = self.message(params, message_id=int(params.get("message_id", 0)))
                self.record(params, result, edited=True)
                return 200, {"ok": True, "result": result}
            return 200, {"ok": True, "result": True}

        def scripted_fault(self, chat: int) -> tuple[int, dict[str, Any]] | None:
            """The next scripted failure for this chat, if any; "drop" and "timeout" end the
            connection here (the caller sees no answer)."""
            with state.lock:
                queue = state.faults.get(chat)
                fault = queue.popleft() if queue else None
                if fault is not None:
                    state.scripted[fault["fault"]] += 1
            if fault is None:
                return None
            kind = fault["fault"]
            if kind == "429":
                return 429, {
                    "ok": False,
                    "error_code": 429,
                    "description": "Too Many Requests: retry after 1",
                    "parameters": {"retry_after": 1},
                }
            if kind == "403":
                return 403, {
                    "ok": False,
                    "error_code": 403,
                    "description": "Forbidden: bot was blocked by the user",
                }
            if kind == "timeout":
                time.sleep(float(fault.get("seconds", 10)))
            self.close_connection = True
            raise ConnectionAbortedError  # "drop": no answer at all

        def message(self, params: dict[str, Any], message_id: int | None = None) -> dict[str, Any]:
            with state.lock:
                if message_id is None:
                    state.message_id += 1
                    message_id = state.message_id
            return {
                "message_id": message_id,
                "date": int(time.time()),
                "chat": {"id": int(params.get("chat_id", 0)), "type": "private"},
                "from": BOT,
                "text": str(params.get("text") or params.get("caption") or ""),
            }

        def record(
            self, params: dict[str, Any], result: dict[str, Any], edited: bool = False
        ) -> None:
            """Keep every message sent or edited, for /_sent."""
            markup = params.get("reply_markup") or {}
            with state.lock:
                state.outbox.append(
                    {
                        "chat_id": result["chat"]["id"],
                        "message_id": result["message_id"],
                        "text": result["text"],
                        "edited": edited,
                        "at": time.time(),
                        "buttons": markup.get("inline_keyboard", [])
                        if isinstance(markup, dict)
                        else [],
                    }
                )

        def send(self, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
            chat = int(params.get("chat_id", 0))
            now = time.monotonic()
            with state.lock:
                order = state.seen_order.setdefault(chat, len(state.seen_order))
                while state.window and now - state.window[0] >= 1.0:
                    state.window.popleft()
                if len(state.window) >= state.cap:
                    state.rejected_429 += 1
                    return 429, {
                        "ok": False,
                        "error_code": 429,
                        "description": "Too Many Requests: retry after 1",
                        "parameters": {"retry_after": 1},
                    }
                if state.flood_left.get(order, 0) > 0:
                    state.flood_left[order] -= 1
                    state.injected_429 += 1
                    return 429, {
                        "ok": False,
                        "error_code": 429,
                        "description": "Too Many Requests: retry after 1",
                        "parameters": {"retry_after": 1},
                    }
                if state.blocked_every and chat % state.blocked_every == 0:
                    state.rejected_403 += 1
                    return 403, {
                        "ok": False,
                        "error_code": 403,
                        "description": "Forbidden: bot was blocked by the user",
                    }
                state.window.append(now)
                state.received[chat] += 1
                if chat >= state.count_from:
                    state.first = state.first or time.time()
                    state.last = time.time()
                state.sent_log.append({"chat_id": chat, "text": str(params.get("text") or "")})
            result = self.message(params)
            self.record(params, result)
            return 200, {"ok": True, "result": result}

    return Handler


def serve(
    port: int, cap: float, blocked_every: int, flood_chats: int, count_from: int = 0
) -> ThreadingHTTPServer:
    state = State(cap, blocked_every, flood_chats, count_from)
    server = ThreadingHTTPServer(("127.0.0.1", port), make_handler(state))
    server.daemon_threads = True
    server.state = state  # type: ignore[attr-defined]
    return server


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--cap", type=float, default=30.0, help="sends per second before 429")
    parser.add_argument(
        "--blocked-every", type=int, default=0, help="chat ids divisible by N get 403"
    )
    parser.add_argument("--flood-chats", type=int, default=0, help="the first N chats get one 429")
    parser.add_argument(
        "--count-from", type=int, default=0, help="count only chats with ids ≥ this"
    )
    args = parser.parse_args()
    server = serve(args.port, args.cap, args.blocked_every, args.flood_chats, args.count_from)
    print(f"fake Bot API on http://127.0.0.1:{args.port}/bot", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
