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

from handlers import broadcasts
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


def test_sqlite_has_one_instance_which_always_leads(tmp_path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'one.db'}", create_tables=True)
    assert Leadership(engine).ensure() is True
