"""Load benchmark: simulated users' updates through the loopback fake Bot API to the real bot
(long polling, its own process), beside a minimal echo bot on the same harness.

Reports, for each bot: the most replies per second (a burst of N updates from N users), and at a
steady 50 updates/s the latency from an update being queued to its reply, p50 and p99.

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


def start(kind: str, port: int, folder: Path) -> subprocess.Popen:
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": "123:LOAD", "TELEGRAM_BASE_URL": f"http://127.0.0.1:{port}/bot",
           "DATABASE_URL": f"sqlite:///{folder / f'{kind}.db'}", "FLOOD_MAX_UPDATES": "100000",
           "PYTHONPATH": str(ROOT)}  # fmt: skip
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


def steady(port: int, count: int, rate: float, first_chat: int) -> list[float]:
    """Latency (ms) of each update sent at a steady rate, from queueing to its reply."""
    rng = random.Random(2)
    sent: dict[int, float] = {}
    started = time.monotonic()
    for i in range(count):
        time.sleep(max(0.0, started + i / rate - time.monotonic()))
        chat = first_chat + i
        sent[chat] = time.time()
        post(port, [update(chat, rng.choice(QUESTIONS), i + 10)])
    replies = wait_replies(port, set(sent), 120)
    return sorted(1000 * (replies[c] - sent[c]) for c in replies)


def measure(kind: str, updates: int, rate: float, folder: Path) -> dict:
    port = free_port()
    command = [sys.executable, "-m", "tools.fake_bot_api", "--port", str(port), "--cap", "100000"]
    server = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    server.stdout.readline()
    bot = start(kind, port, folder)
    try:
        warm_up(port)
        throughput = burst(port, updates, 100_000)
        latencies = steady(port, updates, rate, 200_000)
        return {
            "bot": kind, "burst_replies_per_second": round(throughput, 1),
            "steady_rate": rate, "replied": len(latencies),
            "p50_ms": round(statistics.median(latencies), 1),
            "p99_ms": round(latencies[int(0.99 * (len(latencies) - 1))], 1),
            "max_ms": round(latencies[-1], 1),
        }  # fmt: skip
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
        echo = measure("echo", args.updates, args.rate, Path(tmp))
        print(json.dumps(echo, ensure_ascii=False), flush=True)
        ours = measure("bot", args.updates, args.rate, Path(tmp))
        print(json.dumps(ours, ensure_ascii=False), flush=True)
    share = ours["burst_replies_per_second"] / echo["burst_replies_per_second"]
    print(json.dumps({"throughput_share_of_echo": round(share, 3)}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
