"""Bad input: arbitrary updates through every handler of the real Application. No unhandled
exception, every user gets a reply or a polite refusal, nobody else's state changes; and a
flood from one user gets one polite notice."""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import Session, select

from bot.assistant import Assistant
from handlers.app import build_application, post_init
from handlers.flood import FloodGate
from handlers.local_api import LocalBotApi, LocalChat
from storage.db import make_engine
from storage.models import Application, FlowState, Subscription, User
from tests.helpers import STICKER

USERS = (7001, 7002, 7003)
BYSTANDER = 7999
STAFF_CHAT = -100999
COMMANDS = (
    "start",
    "help",
    "lang",
    "cancel",
    "check",
    "apply",
    "myapplication",
    "subscribe",
    "mysubscriptions",
    "forget",
    "applications",
    "broadcast",
    "stats",
    "nosuchcommand",
)
PREFIXES = (
    "home",
    "menu:",
    "aud:",
    "prog:",
    "topic:",
    "lang:",
    "scr:",
    "scra:",
    "frm:",
    "my:",
    "sub:",
    "stf:",
    "bc:",
    "unq:",
    "ho:",
    "ntc:",
    "",
)

texts = st.one_of(
    st.text(max_size=50),
    st.text(min_size=4000, max_size=4096),
    st.sampled_from(["공공근로 시급", "27", "010-1234-5678", "모름", "?", "\u200b", "🙂" * 30]),
)
commands = st.builds(
    lambda c, junk: f"/{c} {junk}".strip(), st.sampled_from(COMMANDS), st.text(max_size=30)
)
callback_data = st.one_of(
    st.builds(lambda p, junk: p + junk, st.sampled_from(PREFIXES), st.text(max_size=70)),
    st.text(max_size=80),
)
kinds = st.sampled_from(["text", "command", "sticker", "edited", "callback", "document"])
events = st.lists(
    st.tuples(st.sampled_from(USERS), kinds, texts, commands, callback_data),
    min_size=1,
    max_size=12,
)


def state_of(engine, user_id: int) -> list:
    with Session(engine) as session:
        flows = [
            (f.flow, f.data)
            for f in session.exec(select(FlowState).where(FlowState.user_id == user_id))
        ]
        subs = [
            s.program_id
            for s in session.exec(select(Subscription).where(Subscription.user_id == user_id))
        ]
        apps = [
            a.receipt
            for a in session.exec(
                select(Application).where(Application.representative_id == user_id)
            )
        ]
        user = session.get(User, user_id)
        person = (user.language, user.active, user.notices_off) if user else None
    return [flows, subs, apps, person]


def payload(chat: LocalChat, kind: str, text: str, command: str, data: str, message_ids) -> dict:
    base = {
        "message_id": next(message_ids),
        "date": int(time.time()),
        "from": chat.user,
        "chat": {"id": chat.user_id, "type": "private"},
    }
    if kind == "text":
        return {"message": {**base, "text": text}} if text else {"message": {**base, "text": " "}}
    if kind == "command":
        entity = [{"type": "bot_command", "offset": 0, "length": len(command.split()[0])}]
        return {"message": {**base, "text": command, "entities": entity}}
    if kind == "sticker":
        return {"message": {**base, "sticker": STICKER}}
    if kind == "edited":
        return {"edited_message": {**base, "text": text or "x", "edit_date": int(time.time())}}
    if kind == "document":
        return {
            "message": {
                **base,
                "document": {"file_id": "d", "file_unique_id": "d", "file_size": 10},
            }
        }
    message = {**base, "from": {"id": 1000001, "is_bot": True, "first_name": "bot"}, "text": "메뉴"}
    return {
        "callback_query": {
            "id": str(next(message_ids)),
            "from": chat.user,
            "chat_instance": "x",
            "data": data,
            "message": message,
        }
    }


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(events=events)
def test_arbitrary_updates_are_handled_politely(
    tmp_path_factory, assistant: Assistant, events
) -> None:
    asyncio.run(_run(tmp_path_factory.mktemp("fuzz"), assistant, events))


async def _run(folder: Path, assistant: Assistant, events) -> None:
    engine = make_engine(f"sqlite:///{folder / 'fuzz.db'}", create_tables=True)
    api = LocalBotApi()
    app = build_application(
        "1:T",
        assistant,
        engine,
        frozenset({USERS[0]}),
        request=api,
        background=False,
        flood=FloodGate(max_updates=10_000),
        staff_chat_id=STAFF_CHAT,
    )
    await app.initialize()
    await post_init(app)
    bystander = LocalChat(app, api, user_id=BYSTANDER)
    await bystander.send("/subscribe")
    await bystander.press("▫️ 공공근로사업")
    await bystander.send("/check")
    await bystander.send("27")
    before = state_of(engine, BYSTANDER)
    message_ids = itertools.count(1)
    try:
        for user_id, kind, text, command, data in events:
            chat = LocalChat(app, api, user_id=user_id)
            answers_before = len(api.callback_answers)
            sent = await chat.send_update(payload(chat, kind, text, command, data, message_ids))
            replied = (
                any(m.chat_id == user_id for m in sent)
                or len(api.callback_answers) > answers_before
            )
            assert replied, (kind, text[:40], command, data)
            assert all(len(m.text) <= 4096 for m in sent)
        assert app.bot_data.get("errors", []) == []
        assert state_of(engine, BYSTANDER) == before
    finally:
        await app.shutdown()
        engine.dispose()


async def test_a_flood_gets_one_polite_notice(assistant, engine, api) -> None:
    app = build_application(
        "1:T",
        assistant,
        engine,
        request=api,
        background=False,
        flood=FloodGate(max_updates=5, window=60),
    )
    await app.initialize()
    chat = LocalChat(app, api, user_id=4242)
    replies = [await chat.send("공공근로 시급") for _ in range(9)]
    assert all("7,530원" in r[0].text for r in replies[:5])
    assert replies[5][0].text == "메시지가 너무 빨리 오고 있어요. 잠시 후 다시 보내 주세요."
    assert replies[6:] == [[], [], []]
    other = LocalChat(app, api, user_id=4343)
    [answer] = await other.send("공공근로 시급")
    assert "7,530원" in answer.text
    await app.shutdown()


def test_the_gate_reopens_after_the_window() -> None:
    gate = FloodGate(max_updates=2, window=10)
    assert [gate.admit(1, t) for t in (0, 1, 2, 3)] == [True, True, False, None]
    assert gate.admit(1, 11.5) is True


async def test_a_redelivered_update_is_applied_once(chat: LocalChat, engine) -> None:
    from telegram import Update

    await chat.send("/apply")
    await chat.press("✅ 동의하고 시작")
    payload = {
        "update_id": 987654,
        "message": {
            "message_id": 1,
            "date": 0,
            "from": chat.user,
            "chat": {"id": chat.user_id, "type": "private"},
            "text": "팀 이름",
        },
    }
    for _ in range(2):  # the crash came after handling it and before acknowledging it
        await chat.application.process_update(Update.de_json(payload, chat.application.bot))
    with Session(engine) as session:
        [draft] = session.exec(select(FlowState).where(FlowState.flow == "application")).all()
    data = json.loads(draft.data)
    assert data["data"]["team_name"] == "팀 이름" and "title" not in data["data"]
    assert data["step"] == "title"


async def test_forged_buttons_with_huge_numbers_are_refused(chat, staff_chat, api) -> None:
    await chat.send("/start")
    await staff_chat.send("/applications")
    for user, data in (
        (chat, "ho:end:99999999999999999999999999"),
        (chat, "ho:close:2147483648"),
        (staff_chat, "stf:open:99999999999999999999999999"),
        (staff_chat, "stf:set:9999999999:selected"),
        (staff_chat, "unq:done:99999999999999999999"),
        (staff_chat, "bc:stop:99999999999999999999"),
        (chat, "frm:mdel:99999999999999999999999"),
    ):
        before = len(api.outbox)
        await user.press_data(data)
        assert api.callback_answers[-1].get("text", "").startswith("이 버튼은 더 이상"), data
        assert not [m for m in api.outbox[before:] if m.text.startswith("죄송해요, 잠시")], data


async def test_a_user_whose_id_needs_more_than_32_bits_is_served(application, api) -> None:
    resident = LocalChat(application, api, user_id=6_123_456_789)
    [answer] = await resident.send("공공근로 시급")
    assert "7,530원" in answer.text
    await resident.send("/check")
    [reply] = await resident.send("27")
    assert "어디에 사세요" in reply.text
    await resident.send("/subscribe")
    await resident.press("▫️ 공공근로사업")
    assert "알림을 켰어요" in resident.last.text


def test_typed_numbers_int_cannot_read_are_not_ages() -> None:
    from bot.validation import parse_age, parse_user_id

    assert parse_age("²") is None and parse_age("27") == 27
    assert [parse_user_id(v) for v in ("123", "0", "-3", "9" * 30, "²", " 42 ")] == [
        123, None, None, None, None, 42,
    ]  # fmt: skip
