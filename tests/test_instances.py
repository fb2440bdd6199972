"""Several instances on one PostgreSQL database: one leader for scheduled work, taken over when
it dies; conversation state shared; reminders and broadcasts never sent twice."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from datetime import timedelta

import pytest
from sqlmodel import Session, select
from telegram import Update

from handlers import broadcast_lease, broadcasts
from handlers.app import build_application, post_init
from handlers.delivery import RateLimiter, Sender
from handlers.flood import FloodGate
from handlers.leader import Leadership
from handlers.local_api import LocalBotApi, LocalChat
from handlers.person_lock import OnePersonAtATime
from handlers.reminders import dispatch
from storage import broadcasts as broadcast_store
from storage.db import make_engine
from storage.models import Delivery
from storage.reminders import add_reminder
from storage.users import touch_user


@pytest.fixture
def shared(engine):
    if engine.dialect.name != "postgresql":
        pytest.skip("several instances need PostgreSQL")
    second = make_engine(engine.url.render_as_string(hide_password=False))
    yield engine, second
    second.dispose()


async def no_sleep(_: float) -> None:
    await asyncio.sleep(0)


@pytest.fixture
def two(engine, monkeypatch):
    """Two engines on one database, on PostgreSQL and on SQLite; the SQLite bot is told it may
    have company, so it honours other runners' leases as it does on PostgreSQL."""
    if engine.dialect.name == "sqlite":
        monkeypatch.setattr(broadcasts, "serves_several_instances", lambda _engine: True)
    second = make_engine(engine.url.render_as_string(hide_password=False))
    yield engine, second
    second.dispose()


async def instance(assistant, engine, now):
    api = LocalBotApi()
    app = build_application(
        "1:T",
        assistant,
        engine,
        request=api,
        clock=lambda: now[0],
        background=False,
        flood=FloodGate(max_updates=10_000),
    )
    app.bot_data["sender"] = Sender(
        app.bot, engine, RateLimiter(rate=100_000, sleep=no_sleep), sleep=no_sleep
    )
    await app.initialize()
    await post_init(app)
    return app, api


def test_one_leader_and_a_takeover_when_it_dies(shared) -> None:
    first, second = Leadership(shared[0]), Leadership(shared[1])
    assert first.ensure() is True
    assert second.ensure() is False
    first._connection.invalidate()  # the leader's process dies: its session and lock go
    # PostgreSQL frees the lock once that backend has exited, a moment after the socket closed;
    # the next tick takes over (in the product, 15-30 s later)
    deadline = time.monotonic() + 5
    while not second.ensure() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert second.ensure() is True
    assert first.ensure() is False
    second.release()
    assert first.ensure() is True
    first.release()


async def test_a_conversation_moves_between_instances(shared, assistant, now) -> None:
    (app_a, api_a), (app_b, api_b) = [await instance(assistant, e, now) for e in shared]
    await LocalChat(app_a, api_a, user_id=4242).send("/check")
    await LocalChat(app_a, api_a, user_id=4242).send("27")
    question = LocalChat(app_a, api_a, user_id=4242).last
    on_b = LocalChat(app_b, api_b, user_id=4242)
    await on_b.press("영등포구", message=question)
    assert "지금 일하고 계세요" in on_b.last.text
    await app_a.shutdown()
    await app_b.shutdown()


async def test_a_due_reminder_is_sent_once_by_two_instances(shared, assistant, now) -> None:
    (app_a, api_a), (app_b, api_b) = [await instance(assistant, e, now) for e in shared]
    touch_user(shared[0], 4242, 4242)
    add_reminder(shared[0], 4242, 4242, "event:x", "알림 내용", now[0] - timedelta(minutes=1))
    sent = await asyncio.gather(
        dispatch(app_a.bot_data["deps"], app_a.bot_data["sender"], now[0]),
        dispatch(app_b.bot_data["deps"], app_b.bot_data["sender"], now[0]),
    )
    assert sorted(sent) == [0, 1]
    received = [m for m in api_a.outbox + api_b.outbox if m.chat_id == 4242]
    assert len(received) == 1
    await app_a.shutdown()
    await app_b.shutdown()


async def test_a_broadcast_is_taken_over_only_when_its_runner_died(shared, assistant, now) -> None:
    (app_a, api_a), (app_b, api_b) = [await instance(assistant, e, now) for e in shared]
    for user_id in range(50_000, 50_030):
        touch_user(shared[0], user_id, user_id)
    draft = {"text": "공지", "program": "public_works", "audience": {"kind": "all"}}
    broadcast = broadcast_store.create(shared[0], draft, 1, 1, now[0])
    gate = asyncio.Event()

    async def stuck(_: float) -> None:
        await gate.wait()

    app_a.bot_data["sender"] = Sender(
        app_a.bot, shared[0], RateLimiter(rate=100_000, sleep=stuck), sleep=stuck
    )
    app_a.bot_data["sender"].limiter._next = float("inf")
    task = await broadcasts.start(app_a, broadcast.id)
    await asyncio.sleep(0.05)
    assert await broadcasts.start(app_b, broadcast.id) is None  # A's lease is fresh
    task.cancel()  # A dies mid-send
    now[0] = now[0] + broadcasts.LEASE + timedelta(seconds=1)
    taken = await broadcasts.start(app_b, broadcast.id)
    assert taken is not None
    await taken
    got = Counter(m.chat_id for m in api_a.outbox + api_b.outbox if m.text == "공지")
    assert all(got[user_id] == 1 for user_id in range(50_000, 50_030))
    with Session(shared[0]) as session:
        assert {d.status for d in session.exec(select(Delivery))} == {"sent"}
    assert broadcast_store.get(shared[0], broadcast.id).status == "done"
    await app_a.shutdown()
    await app_b.shutdown()


def message_from(user_id: int, update_id: int) -> Update:
    return Update.de_json(
        {
            "update_id": update_id,
            "message": {
                "message_id": update_id,
                "date": 0,
                "chat": {"id": user_id, "type": "private"},
                "from": {"id": user_id, "is_bot": False, "first_name": "구민"},
                "text": "x",
            },
        },
        None,
    )


async def test_one_persons_updates_wait_for_another_instance_others_do_not(shared) -> None:
    """Instance A is handling someone's message; the same person's next message on instance B
    waits until A is done (both would read and write the same draft), another person's does
    not wait."""
    a, b, c = OnePersonAtATime(shared[0]), OnePersonAtATime(shared[1]), OnePersonAtATime(shared[1])
    gate, order = asyncio.Event(), []

    async def slow() -> None:
        order.append("a starts")
        await gate.wait()
        order.append("a ends")

    async def quick(tag: str) -> None:
        order.append(tag)

    first = asyncio.create_task(a.process_update(message_from(4343, 1), slow()))
    await asyncio.sleep(0.05)
    same = asyncio.create_task(b.process_update(message_from(4343, 2), quick("same person")))
    other = asyncio.create_task(c.process_update(message_from(5454, 3), quick("someone else")))
    await asyncio.sleep(0.2)
    assert order == ["a starts", "someone else"]
    gate.set()
    await asyncio.gather(first, same, other)
    assert order == ["a starts", "someone else", "a ends", "same person"]


def notice_to_everyone(engine, now, count: int = 12) -> tuple[int, list[int]]:
    ids = list(range(50_000, 50_000 + count))
    for user_id in ids:
        touch_user(engine, user_id, user_id)
    draft = {"text": "공지", "program": "public_works", "audience": {"kind": "all"}}
    return broadcast_store.create(engine, draft, 1, 1, now[0]).id, ids


def waiting_out_429s(app, api: LocalBotApi, engine, ids: list[int]) -> asyncio.Event:
    """Every recipient's first send gets a 429 whose wait lasts until the returned gate opens."""
    gate = asyncio.Event()

    async def wait(_: float) -> None:
        await gate.wait()

    for user_id in ids:
        api.rate_limits[user_id] = 1
    app.bot_data["sender"] = Sender(
        app.bot, engine, RateLimiter(rate=100_000, sleep=no_sleep), sleep=wait
    )
    return gate


def notices(*apis: LocalBotApi) -> Counter[int]:
    return Counter(m.chat_id for api in apis for m in api.outbox if m.text == "공지")


async def test_a_runner_waiting_out_429s_keeps_its_lease(two, assistant, now, monkeypatch) -> None:
    """The heartbeat is renewed in the background, not after each send: a long 429 wait does
    not let the lease run out, so no other instance starts sending the same notice."""
    monkeypatch.setattr(broadcast_lease, "HEARTBEAT_SECONDS", 0.01)
    (app_a, api_a), (app_b, api_b) = [await instance(assistant, e, now) for e in two]
    broadcast_id, ids = notice_to_everyone(two[0], now)
    gate = waiting_out_429s(app_a, api_a, two[0], ids)
    task = await broadcasts.start(app_a, broadcast_id)
    await asyncio.sleep(0.05)  # A's workers are all waiting out a 429
    now[0] = now[0] + broadcasts.LEASE * 3  # the wait is long
    for _ in range(200):  # A renews meanwhile
        if broadcast_store.get(two[0], broadcast_id).heartbeat_at >= now[0]:
            break
        await asyncio.sleep(0.01)
    assert await broadcasts.start(app_b, broadcast_id) is None  # A is alive: no takeover
    gate.set()
    await task
    assert notices(api_a, api_b) == Counter(ids)
    assert broadcast_store.get(two[0], broadcast_id).status == "done"
    await app_a.shutdown()
    await app_b.shutdown()


async def test_a_runner_that_lost_its_lease_sends_nothing_more(
    two, assistant, now, monkeypatch
) -> None:
    """A's heartbeats stop counting (its clock lags: to B it looks dead), B takes over and
    sends to everyone; A, released from its 429 waits, sends nothing more and leaves the
    broadcast to B."""
    monkeypatch.setattr(broadcast_lease, "HEARTBEAT_SECONDS", 0.01)
    lagging = [now[0]]
    app_a, api_a = await instance(assistant, two[0], lagging)
    app_b, api_b = await instance(assistant, two[1], now)
    broadcast_id, ids = notice_to_everyone(two[0], now)
    gate = waiting_out_429s(app_a, api_a, two[0], ids)
    task_a = await broadcasts.start(app_a, broadcast_id)
    await asyncio.sleep(0.05)
    now[0] = now[0] + broadcasts.LEASE + timedelta(seconds=1)
    task_b = await broadcasts.start(app_b, broadcast_id)
    assert task_b is not None
    await task_b
    await asyncio.sleep(0.05)  # A's next heartbeat finds B's name on the broadcast
    gate.set()
    await task_a
    assert notices(api_a) == Counter()
    assert notices(api_b) == Counter(ids)
    broadcast = broadcast_store.get(two[0], broadcast_id)
    assert (broadcast.status, broadcast.runner) == ("done", broadcasts.instance_of(app_b))
    await app_a.shutdown()
    await app_b.shutdown()


def test_sqlite_has_one_instance_which_always_leads(tmp_path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'one.db'}", create_tables=True)
    assert Leadership(engine).ensure() is True
