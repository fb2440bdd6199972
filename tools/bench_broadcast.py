"""Broadcast benchmark: a notice to N recipients through the loopback fake Bot API, which caps
the rate (429), blocks some chats (403) and floods a few (one-off 429). Reports the achieved rate
as a share of the cap, duplicates and losses; then the same with the bot SIGKILLed mid-send and
restarted (it resumes from the Delivery rows). A delivery is 'sending' only inside its API call:
the rows the kill leaves 'sending' are reported as uncertain (the resume takes them as sent and
never resends them, so `lost` can be at most `uncertain`, and `duplicates` stays 0).

  python -m tools.bench_broadcast --recipients 10000 --cap 200 --rate 195
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BLOCKED_EVERY = 97
FLOOD_CHATS = 5
FIRST_CHAT = 1_000_000
STAFF = 999


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def seed(db: Path, recipients: int) -> int:
    """N active subscribers and a broadcast to them, status 'sending' as if /broadcast had run."""
    sys.path.insert(0, str(ROOT))
    from sqlmodel import Session

    from storage import broadcasts
    from storage.db import make_engine
    from storage.models import Subscription, User

    engine = make_engine(f"sqlite:///{db}", create_tables=True)
    with Session(engine) as session:
        session.add(User(id=STAFF, chat_id=STAFF))
        for i in range(recipients):
            chat = FIRST_CHAT + i
            session.add(User(id=chat, chat_id=chat))
            session.add(Subscription(user_id=chat, program_id="public_works"))
        session.commit()
    draft = {
        "text": "2018 하반기 공공근로 참여자 모집 안내",
        "program": "public_works",
        "audience": {"kind": "programs", "programs": ["public_works"]},
    }
    broadcast = broadcasts.create(engine, draft, STAFF, STAFF, datetime.now(UTC))
    broadcasts.update(engine, broadcast.id, status="sending")
    return broadcast.id


async def worker(db: Path, base_url: str, rate: float) -> None:
    """The bot process: resume every sending broadcast and finish it."""
    sys.path.insert(0, str(ROOT))
    from bot.assistant import Assistant
    from handlers import broadcasts
    from handlers.app import build_application
    from knowledge.loader import knowledge
    from storage.db import make_engine

    engine = make_engine(f"sqlite:///{db}", create_tables=True)
    app = build_application(
        "123:BENCH",
        Assistant(knowledge()),
        engine,
        base_url=base_url,
        background=False,
        broadcast_rate=rate,
    )
    await app.initialize()
    await broadcasts.resume(app)
    await asyncio.gather(*app.bot_data.get("broadcast_tasks", {}).values())
    await app.shutdown()


def stats(port: int) -> dict:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stats", timeout=5) as response:
        return json.loads(response.read())


def start_server(port: int, cap: float) -> subprocess.Popen:
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tools.fake_bot_api",
            "--port",
            str(port),
            "--cap",
            str(cap),
            "--blocked-every",
            str(BLOCKED_EVERY),
            "--flood-chats",
            str(FLOOD_CHATS),
            "--count-from",
            str(FIRST_CHAT),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    server.stdout.readline()  # "fake Bot API on …": it is listening
    return server


def start_worker(db: Path, port: int, rate: float) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tools.bench_broadcast",
            "worker",
            "--db",
            str(db),
            "--base-url",
            f"http://127.0.0.1:{port}/bot",
            "--rate",
            str(rate),
        ],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def db_counts(db: Path) -> dict[str, int]:
    sys.path.insert(0, str(ROOT))
    from collections import Counter

    from sqlmodel import Session, select

    from storage.db import make_engine
    from storage.models import Delivery

    with Session(make_engine(f"sqlite:///{db}")) as session:
        return dict(Counter(session.exec(select(Delivery.status))))


def scenario(
    name: str, recipients: int, cap: float, rate: float, kill_at: float | None, workdir: Path
) -> dict:
    port = free_port()
    server = start_server(port, cap)
    db = workdir / f"{name}.db"
    try:
        seed(db, recipients)
        blocked = sum(1 for i in range(recipients) if (FIRST_CHAT + i) % BLOCKED_EVERY == 0)
        started = time.monotonic()
        bot = start_worker(db, port, rate)
        killed_after = uncertain = None
        if kill_at is not None:
            while stats(port)["messages"] < kill_at * recipients:
                if bot.poll() is not None:
                    raise RuntimeError(f"the bot exited early with code {bot.returncode}")
                time.sleep(0.05)
            os.kill(bot.pid, signal.SIGKILL)
            bot.wait()
            killed_after = stats(port)["messages"]
            uncertain = db_counts(db).get("sending", 0)
            bot = start_worker(db, port, rate)
        bot.wait(timeout=3600)
        wall = time.monotonic() - started
        final = stats(port)
        expected = recipients - blocked
        return {
            "scenario": name,
            "recipients": recipients,
            "cap": cap,
            "rate_setting": rate,
            "achieved_rate": round(final["rate"], 1),
            "share_of_cap": round(final["rate"] / cap, 3),
            "wall_seconds": round(wall, 1),
            "delivered_distinct": final["distinct_chats"],
            "duplicates": final["duplicates"],
            "lost": expected - final["distinct_chats"],
            "blocked_403": final["rejected_403"],
            "cap_429": final["rejected_429"],
            "injected_429": final["injected_429"],
            "killed_after": killed_after,
            "uncertain": uncertain,
            "delivery_rows": db_counts(db),
        }
    finally:
        server.terminate()
        server.wait()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command")
    work = sub.add_parser("worker")
    work.add_argument("--db", type=Path, required=True)
    work.add_argument("--base-url", required=True)
    work.add_argument("--rate", type=float, required=True)
    parser.add_argument("--recipients", type=int, default=10_000)
    parser.add_argument("--cap", type=float, default=200.0)
    parser.add_argument("--rate", type=float, default=195.0)
    parser.add_argument("--kill-at", type=float, default=0.4)
    args = parser.parse_args()
    if args.command == "worker":
        asyncio.run(worker(args.db, args.base_url, args.rate))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, kill_at in (("plain", None), ("sigkill", args.kill_at)):
            result = scenario(name, args.recipients, args.cap, args.rate, kill_at, Path(tmp))
            print(json.dumps(result, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
