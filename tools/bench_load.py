"""Load benchmark: simulated users' updates through the loopback fake Bot API to the real bot
(long polling, its own process), beside a minimal echo bot on the same harness.

For each bot, on questions (the one thing an echo bot also answers):
  - steady: N updates offered at a steady rate (50/s): replies per second achieved, the share of
    the echo bot's, and the latency from an update being queued to its reply, p50 and p99;
  - burst: N updates queued at once: the most replies per second (capacity, not the target).
For the bot alone, sessions at the same rate: residents asking, going through the screener by its
buttons and filling in the application form (BOT_NOW inside a round), each step sent when the
previous one was answered; latency per step, p50 and p99.

  python -m tools.bench_load --updates 1000 --rate 50
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from tests.e2e import free_port

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = [
    "공공근로 시급이 얼마예요?",
    "대학생 알바 자격",
    "청년 드림팀 언제 모집해요",
    "사경센터 어디예요",
    "지역공동체 일자리 일당",
    "마을기업 지원금",
    "뉴딜 나이 제한",
    "목공 배울 수 있는 곳",
    "/start",
    "/check",
    "/help",
    "What is the hourly wage for Seoul New Deal jobs?",
    "주차 위반 과태료",
]


def post(port: int, updates: list[dict]) -> None:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/_updates", data=json.dumps(updates).encode(),
        headers={"Content-Type": "application/json"},
    )  # fmt: skip
    urllib.request.urlopen(request, timeout=10).read()


def outbox(port: int) -> list[dict]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/_sent_all", timeout=10) as response:
        return json.loads(response.read())["messages"]


def update(chat: int, text: str, seq: int) -> dict:
    message = {
        "message_id": seq,
        "date": int(time.time()),
        "chat": {"id": chat, "type": "private"},
        "from": {"id": chat, "is_bot": False, "first_name": "부하"},
        "text": text,
    }
    if text.startswith("/"):
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    return {"message": message}


SCREENER = [
    ("send", "/check"), ("send", "30"), ("press", "영등포구"),
    ("press", "일자리를 찾고 있어요 (실업)"), ("press", "학생이 아니에요"), ("press", "1명"),
    ("press", "월 1,003,263원 이하 (중위소득 60% 이하)"), ("press", "2억원 이하"),
    ("press", "받는 것 없어요"),
]  # fmt: skip
APPLICATION = [
    ("send", "/apply"), ("press", "✅ 동의하고 시작"), ("send", "부하 시험팀"),
    ("send", "골목 벽화"), ("press", "청년문화"), ("send", "골목에 벽화를 그려요"),
    ("send", "김하나"), ("send", "24"), ("press", "영등포구에 살아요"),
]  # fmt: skip


def callback(chat: int, data: str, seq: int) -> dict:
    pressed = {
        "message_id": 1,
        "date": 0,
        "chat": {"id": chat, "type": "private"},
        "from": {"id": 1000001, "is_bot": True, "first_name": "bot"},
        "text": "-",
    }
    query = {
        "id": str(seq),
        "chat_instance": "load",
        "data": data,
        "from": {"id": chat, "is_bot": False, "first_name": "부하"},
        "message": pressed,
    }
    return {"callback_query": query}


def start(kind: str, port: int, folder: Path) -> subprocess.Popen:
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": "123:LOAD", "TELEGRAM_BASE_URL": f"http://127.0.0.1:{port}/bot",
           "DATABASE_URL": f"sqlite:///{folder / f'{kind}.db'}", "FLOOD_MAX_UPDATES": "100000",
           "BOT_NOW": "2018-04-10T10:00:00", "PYTHONPATH": str(ROOT)}  # fmt: skip
    if kind == "bot":
        subprocess.run(
            [sys.executable, "bot.py", "migrate"],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
        command = [sys.executable, "bot.py", "run"]
    else:
        command = [sys.executable, "-m", "tools.echo_bot"]
    return subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.DEVNULL)


def first_replies(port: int, chats: set[int]) -> dict[int, float]:
    replies: dict[int, float] = {}
    for message in outbox(port):
        if message["chat_id"] in chats and not message["edited"]:
            replies.setdefault(message["chat_id"], message["at"])
    return replies


def wait_replies(port: int, chats: set[int], timeout: float) -> dict[int, float]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        replies = first_replies(port, chats)
        if len(replies) == len(chats):
            return replies
        time.sleep(0.2)
    return first_replies(port, chats)


def warm_up(port: int) -> None:
    post(port, [update(1, "/start", 1)])
    wait_replies(port, {1}, 30)


def burst(port: int, count: int, first_chat: int) -> float:
    """Replies per second for `count` updates queued at once."""
    rng = random.Random(1)
    updates = [update(first_chat + i, rng.choice(QUESTIONS), i + 10) for i in range(count)]
    started = time.time()
    post(port, updates)
    replies = wait_replies(port, {first_chat + i for i in range(count)}, 120)
    return len(replies) / (max(replies.values()) - started)


def steady(port: int, count: int, rate: float, first_chat: int) -> tuple[list[float], float]:
    """Latency (ms) of each update sent at a steady rate, from queueing to its reply, and the
    replies per second achieved over the run."""
    rng = random.Random(2)
    sent: dict[int, float] = {}
    started = time.monotonic()
    for i in range(count):
        time.sleep(max(0.0, started + i / rate - time.monotonic()))
        chat = first_chat + i
        sent[chat] = time.time()
        post(port, [update(chat, rng.choice(QUESTIONS), i + 10)])
    replies = wait_replies(port, set(sent), 120)
    achieved = len(replies) / (max(replies.values()) - min(sent.values()))
    return sorted(1000 * (replies[c] - sent[c]) for c in replies), achieved


class Outbox:
    """What the fake Bot API has sent since the last look, read incrementally."""

    def __init__(self, port: int) -> None:
        self.port, self.next = port, 0

    def new(self) -> list[dict]:
        url = f"http://127.0.0.1:{self.port}/_sent_all?after={self.next}"
        with urllib.request.urlopen(url, timeout=10) as response:
            body = json.loads(response.read())
        self.next = body["next"]
        return body["messages"]


def sessions(port: int, count: int, rate: float, first_chat: int) -> dict:
    """About `count` updates at `rate` per second from people in sessions: 60 % ask a question,
    20 % go through the screener, 20 % start an application. A person's next step is sent once
    the bot has answered the last (pressing the button of that answer)."""
    rng = random.Random(3)
    scripts: list[list[tuple[str, str]]] = []
    while sum(len(script) for script in scripts) < count:
        roll = rng.random()
        scripts.append(
            [("send", rng.choice(QUESTIONS))]
            if roll < 0.6
            else SCREENER
            if roll < 0.8
            else APPLICATION
        )
    people = {first_chat + i: script for i, script in enumerate(scripts)}
    step = dict.fromkeys(people, 0)
    waiting: dict[int, float] = {}  # chat -> when its last step was sent
    buttons: dict[int, dict[str, str]] = {}  # chat -> label -> callback data, from its last reply
    latencies: list[float] = []
    outbox, seq, unanswered = Outbox(port), 1_000_000, 0
    ready = list(people)
    started = time.monotonic()
    sent_total = 0
    deadline = started + 10 * count / rate + 60
    while (ready or waiting) and time.monotonic() < deadline:
        for message in outbox.new():
            chat = message["chat_id"]
            if chat in waiting:
                latencies.append(1000 * (message["at"] - waiting.pop(chat)))
                step[chat] += 1
                if step[chat] < len(people[chat]):
                    ready.append(chat)
            if chat in people:
                labels = {
                    b["text"]: b.get("callback_data", "") for r in message["buttons"] for b in r
                }
                if labels:
                    buttons[chat] = labels
        due = started + sent_total / rate
        if ready and time.monotonic() >= due:
            chat = ready.pop(0)
            kind, value = people[chat][step[chat]]
            seq += 1
            if kind == "send":
                payload = update(chat, value, seq)
            elif value in buttons.get(chat, {}):
                payload = callback(chat, buttons[chat][value], seq)
            else:
                unanswered += 1  # the button the script expects never came
                continue
            waiting[chat] = time.time()
            post(port, [payload])
            sent_total += 1
        else:
            time.sleep(0.002)
    latencies.sort()
    return {
        "bot": "bot (sessions)", "steps_sent": sent_total, "steps_answered": len(latencies),
        "missing_buttons": unanswered, "left_waiting": len(waiting),
        "p50_ms": round(statistics.median(latencies), 1),
        "p99_ms": round(latencies[int(0.99 * (len(latencies) - 1))], 1),
        "max_ms": round(latencies[-1], 1),
    }  # fmt: skip


def measure(kind: str, updates: int, rate: float, folder: Path) -> list[dict]:
    port = free_port()
    command = [sys.executable, "-m", "tools.fake_bot_api", "--port", str(port), "--cap", "100000"]
    server = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    server.stdout.readline()
    bot = start(kind, port, folder)
    try:
        warm_up(port)
        latencies, achieved = steady(port, updates, rate, 200_000)
        throughput = burst(port, updates, 100_000)
        results = [{
            "bot": kind, "steady_rate": rate, "replied": len(latencies),
            "achieved_replies_per_second": round(achieved, 1),
            "p50_ms": round(statistics.median(latencies), 1),
            "p99_ms": round(latencies[int(0.99 * (len(latencies) - 1))], 1),
            "max_ms": round(latencies[-1], 1),
            "burst_replies_per_second": round(throughput, 1),
        }]  # fmt: skip
        if kind == "bot":
            results.append(sessions(port, updates, rate, 300_000))
        return results
    finally:
        bot.terminate()
        bot.wait()
        server.terminate()
        server.wait()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--updates", type=int, default=1000)
    parser.add_argument("--rate", type=float, default=50.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        echo, *_ = measure("echo", args.updates, args.rate, Path(tmp))
        print(json.dumps(echo, ensure_ascii=False), flush=True)
        ours, mixed = measure("bot", args.updates, args.rate, Path(tmp))
        print(json.dumps(ours, ensure_ascii=False), flush=True)
        print(json.dumps(mixed, ensure_ascii=False), flush=True)
    steady_share = ours["achieved_replies_per_second"] / echo["achieved_replies_per_second"]
    burst_share = ours["burst_replies_per_second"] / echo["burst_replies_per_second"]
    print(json.dumps({"steady_share_of_echo": round(steady_share, 3),
                      "burst_share_of_echo": round(burst_share, 3)}), flush=True)  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
