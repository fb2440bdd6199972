"""Staff broadcasts through the real Application: composing, the exact audience count, a test
copy, background sending with progress, scheduling, resuming after a crash, Telegram's refusals."""

from __future__ import annotations

import asyncio
from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session, select

from bot.assistant import Assistant
from bot.clock import SEOUL
from handlers import broadcasts
from handlers.app import build_application
from handlers.delivery import RateLimiter, Sender
from handlers.local_api import LocalChat
from storage.models import Broadcast, Delivery, User
from storage.reminders import subscribe
from storage.users import touch_user
from tests.conftest import ADMIN_ID
from tests.helpers import labels


async def no_sleep(_: float) -> None:
    await asyncio.sleep(0)


def fast_sender(application, engine) -> Sender:
    sender = Sender(
        application.bot, engine, RateLimiter(rate=100_000, sleep=no_sleep), sleep=no_sleep
    )
    application.bot_data["sender"] = sender
    return sender


def residents(
    engine, count: int, program: str | None = "public_works", first: int = 50_000
) -> list[int]:
    ids = list(range(first, first + count))
    for user_id in ids:
        touch_user(engine, user_id, user_id)
        if program:
            subscribe(engine, user_id, program)
    return ids


async def compose(staff: LocalChat, text: str = "2018 하반기 공공근로 참여자를 모집해요.") -> None:
    await staff.send("/broadcast")
    await staff.send(text)
    await staff.press("공공근로사업")


async def wait_all(application) -> None:
    await asyncio.gather(*application.bot_data.get("broadcast_tasks", {}).values())


async def restart_and_resume(assistant, engine, api, text: str) -> Counter[int]:
    """A new process starts and resumes what was sending; who got `text` from it."""
    restarted = build_application("1:T", assistant, engine, request=api, background=False)
    await restarted.initialize()
    fast_sender(restarted, engine)
    before = len(api.outbox)
    await broadcasts.resume(restarted)
    await wait_all(restarted)
    await restarted.shutdown()
    return Counter(m.chat_id for m in api.outbox[before:] if m.text == text)


async def test_non_staff_cannot_broadcast(chat: LocalChat, api, engine) -> None:
    [reply] = await chat.send("/broadcast")
    assert reply.text == "담당 직원만 쓸 수 있는 기능이에요."
    before = len(api.outbox)
    for forged in ("bc:now:-", "bc:stop:1", "bc:program:public_works"):
        assert await chat.press_data(forged, reply) == []
    assert len(api.outbox) == before
    with Session(engine) as session:
        assert session.exec(select(Broadcast)).all() == []


async def test_preview_counts_recipients_exactly(staff_chat, engine) -> None:
    residents(engine, 7)
    residents(engine, 3, program="community_jobs", first=60_000)
    residents(engine, 2, program=None, first=70_000)
    blocked = residents(engine, 1, first=80_000)
    with Session(engine) as session:
        user = session.get(User, blocked[0])
        user.active = False
        session.add(user)
        session.commit()
    await compose(staff_chat)
    await staff_chat.press("다음 ▶️")
    assert "받는 사람 지금 기준 7명" in staff_chat.last.text
    await staff_chat.press("⬅️ 이전")
    await staff_chat.press("▫️ 지역공동체 일자리사업 알림 구독자")
    await staff_chat.press("다음 ▶️")
    assert "받는 사람 지금 기준 10명" in staff_chat.last.text
    await staff_chat.press("⬅️ 이전")
    await staff_chat.press("▫️ 모든 이용자")
    await staff_chat.press("다음 ▶️")
    assert (
        "받는 사람 지금 기준 13명" in staff_chat.last.text
    )  # staff member included, inactive excluded


async def test_test_copy_then_send_now_with_progress_and_report(
    staff_chat, application, engine, api
) -> None:
    ids = residents(engine, 25)
    fast_sender(application, engine)
    await compose(staff_chat)
    await staff_chat.press("다음 ▶️")
    preview = staff_chat.last
    await staff_chat.press("🧪 나에게 테스트 발송")
    test_copy = [m for m in api.outbox if m.chat_id == staff_chat.user_id][-2]
    assert test_copy.text == "2018 하반기 공공근로 참여자를 모집해요."
    assert labels(test_copy) == ["📄 공공근로사업 안내 더 보기", "🔕 공공근로사업 알림 끄기"]
    await staff_chat.press("🚀 지금 발송", message=preview)
    await wait_all(application)
    received = Counter(m.chat_id for m in api.outbox if m.text.startswith("2018 하반기 공공근로"))
    assert all(received[i] == 1 for i in ids)
    report = api.messages[(staff_chat.user_id, staff_chat.last.message_id)]
    assert report.text == "✅ 발송 완료: 보냄 25 · 차단 0 · 실패 0 / 전체 25"
    with Session(engine) as session:
        assert {d.status for d in session.exec(select(Delivery))} == {"sent"}
    await staff_chat.send("/broadcasts")
    assert "완료 · 공공근로사업 · 보냄 25/25" in staff_chat.last.text


async def test_blocked_flooded_and_unreachable_recipients(
    staff_chat, application, engine, api
) -> None:
    blocked, flooded, flaky, dead = residents(engine, 4)
    fast_sender(application, engine)
    api.blocked.add(blocked)
    api.rate_limits[flooded] = 2
    api.network_failures[flaky] = 2
    api.network_failures[dead] = 10
    await compose(staff_chat)
    await staff_chat.press("다음 ▶️")
    await staff_chat.press("🚀 지금 발송")
    await wait_all(application)
    with Session(engine) as session:
        rows = {d.chat_id: d for d in session.exec(select(Delivery))}
        assert session.get(User, blocked).active is False
    assert (rows[blocked].status, rows[blocked].attempts) == ("blocked", 1)
    assert (rows[flooded].status, rows[flooded].attempts) == ("sent", 3)
    assert (rows[flaky].status, rows[flaky].attempts) == ("sent", 3)
    assert (rows[dead].status, rows[dead].attempts) == ("failed", 4)


async def test_resume_after_a_crash_sends_only_what_is_left(
    staff_chat, application, assistant, engine, api
) -> None:
    ids = residents(engine, 10)
    await compose(staff_chat)
    await staff_chat.press("다음 ▶️")
    # The process "dies" after four deliveries: rows say sending, four sent, six pending.
    from storage import broadcasts as store

    draft = {
        "text": "공지",
        "program": "public_works",
        "audience": {"kind": "programs", "programs": ["public_works"]},
    }
    broadcast = store.create(
        engine, draft, staff_chat.user_id, staff_chat.user_id, datetime.now(SEOUL)
    )
    store.update(engine, broadcast.id, status="sending")
    assert store.add_recipients(engine, broadcast.id) == 10  # sending had started
    with Session(engine) as session:
        for delivery in session.exec(select(Delivery).where(Delivery.chat_id.in_(ids[:4]))):
            delivery.status = "sent"
            session.add(delivery)
        session.commit()
    got = await restart_and_resume(assistant, engine, api, "공지")
    assert got == Counter(ids[4:])
    assert store.get(engine, broadcast.id).status == "done"


async def test_a_restart_resumes_at_once_where_no_other_instance_can_be_sending(
    application, assistant, engine, api
) -> None:
    """SIGKILL leaves a fresh heartbeat behind. On SQLite this process is the only instance, so
    the restart resumes at once; on PostgreSQL that runner may be another live instance, so the
    lease must run out first (test_instances shows the takeover)."""
    from storage import broadcasts as store

    ids = residents(engine, 5)
    draft = {"text": "공지", "program": "public_works", "audience": {"kind": "all"}}
    broadcast = store.create(engine, draft, 1, 1, datetime.now(SEOUL))
    store.update(
        engine, broadcast.id, status="sending", runner="host:1:dead", heartbeat_at=datetime.now(UTC)
    )
    got = await restart_and_resume(assistant, engine, api, "공지")
    if engine.dialect.name == "postgresql":
        assert got == Counter()
        assert store.get(engine, broadcast.id).runner == "host:1:dead"
    else:
        assert got == Counter(ids)
        assert store.get(engine, broadcast.id).status == "done"


async def test_scheduled_broadcast_fires_at_its_time(
    staff_chat, application, engine, api, now
) -> None:
    residents(engine, 3)
    fast_sender(application, engine)
    await compose(staff_chat)
    await staff_chat.press("다음 ▶️")
    await staff_chat.press("⏰ 예약 발송")
    [reply] = await staff_chat.send("2018-04-10 09:00")
    assert reply.text.startswith("날짜·시각 형식이 맞지 않거나 이미 지난 시각이에요")
    [reply] = await staff_chat.send("2018-04-11 14:00")
    assert "2018-04-11 14:00(한국 시간)에 보내도록 예약했어요" in reply.text
    now[0] = datetime(2018, 4, 11, 13, 59, tzinfo=SEOUL)
    await broadcasts.start_due(application)
    await wait_all(application)
    assert not [
        m
        for m in api.outbox
        if m.text.startswith("2018 하반기 공공근로") and m.chat_id != staff_chat.user_id
    ]
    now[0] = datetime(2018, 4, 11, 14, 0, tzinfo=SEOUL)
    await broadcasts.start_due(application)
    await wait_all(application)
    assert len([m for m in api.outbox if m.text.startswith("2018 하반기 공공근로")]) == 3


async def test_stop_button_halts_the_send(staff_chat, application, engine, api) -> None:
    residents(engine, 60)
    gate = asyncio.Event()

    async def slow(_: float) -> None:
        await gate.wait()

    application.bot_data["sender"] = Sender(
        application.bot, engine, RateLimiter(rate=100_000, sleep=slow), sleep=slow
    )
    application.bot_data["sender"].limiter._next = float("inf")  # every send waits for the gate
    await compose(staff_chat)
    await staff_chat.press("다음 ▶️")
    await staff_chat.press("🚀 지금 발송")
    await asyncio.sleep(0)
    progress = staff_chat.last
    assert progress.text.startswith("📣 발송 중… 보냄 0")
    await staff_chat.press("⏹ 중지", message=progress)
    gate.set()
    await wait_all(application)
    with Session(engine) as session:
        statuses = Counter(d.status for d in session.exec(select(Delivery)))
    assert statuses["pending"] > 0 and statuses["sent"] < 60
    assert api.messages[(staff_chat.user_id, progress.message_id)].text.startswith("⏹ 발송 중지")


async def test_residents_are_answered_during_a_send(
    staff_chat, chat, application, engine, api
) -> None:
    residents(engine, 200)
    application.bot_data["sender"] = Sender(application.bot, engine, RateLimiter(rate=2000))
    await compose(staff_chat)
    await staff_chat.press("다음 ▶️")
    await staff_chat.press("🚀 지금 발송")
    [answer] = await chat.send("공공근로 시급")
    assert "7,530원" in answer.text
    task = next(iter(application.bot_data["broadcast_tasks"].values()))
    assert not task.done()  # the answer came while the notice was still going out
    await wait_all(application)


def with_ages(kb, program_id: str, low: int, high: int):
    """The knowledge base with a program's age rules set to low..high (as staff would edit)."""
    program = kb.programs[program_id]
    rules = [
        rule.model_copy(update={"value": {"ge": low, "le": high}[rule.op]})
        if rule.field == "age"
        else rule
        for rule in program.rules
    ]
    programs = {**kb.programs, program_id: program.model_copy(update={"rules": rules})}
    return replace(kb, programs=programs)


async def test_the_youth_audience_is_who_said_a_youth_age_in_the_screener(
    staff_chat: LocalChat, application, api, engine
) -> None:
    for user_id, age in ((61_001, "25"), (61_002, "45"), (61_003, "15")):
        await LocalChat(application, api, user_id=user_id).send("/check")
        await LocalChat(application, api, user_id=user_id).send(age)
    await compose(staff_chat)
    await staff_chat.press("▫️ 청년 (자격 확인에서 만 15~39세라고 답한 분)")
    await staff_chat.press("다음 ▶️")
    assert staff_chat.last.text.startswith("📣 미리보기 · 받는 사람 지금 기준 2명")
    assert "대상: 청년 (자격 확인에서 만 15~39세라고 답한 분)" in staff_chat.last.text


async def test_youth_and_member_ages_come_from_the_knowledge_base(kb, engine, api, now) -> None:
    changed = with_ages(with_ages(kb, "youth_network", 19, 34), "youth_dream_team", 19, 34)
    app = build_application(
        "123456:TEST",
        Assistant(changed),
        engine,
        frozenset({ADMIN_ID}),
        request=api,
        clock=lambda: now[0],
        background=False,
    )
    await app.initialize()
    try:
        for user_id, age in ((62_001, "18"), (62_002, "25"), (62_003, "36")):
            await LocalChat(app, api, user_id=user_id).send("/check")
            await LocalChat(app, api, user_id=user_id).send(age)
        staff = LocalChat(app, api, user_id=ADMIN_ID)
        await compose(staff)
        await staff.press("▫️ 청년 (자격 확인에서 만 19~34세라고 답한 분)")
        await staff.press("다음 ▶️")
        assert staff.last.text.startswith("📣 미리보기 · 받는 사람 지금 기준 1명")
        team = LocalChat(app, api, user_id=62_100)
        await team.send("/apply")
        await team.press("✅ 동의하고 시작")
        await team.send("팀")
        await team.send("제목")
        await team.press("청년문화")
        await team.send("소개")
        await team.send("김하나")
        [reply] = await team.send("36")
        assert reply.text.startswith("청년 드림팀 팀원은 만 19~34세여야 해요")
    finally:
        await app.shutdown()


async def test_a_recipient_flooded_many_times_still_gets_the_notice(
    staff_chat, application, engine, api
) -> None:
    """429 is Telegram saying "wait", not "fail": the same recipient is retried every time."""
    [flooded, other] = residents(engine, 2)
    fast_sender(application, engine)
    api.rate_limits[flooded] = 12
    await compose(staff_chat)
    await staff_chat.press("다음 ▶️")
    await staff_chat.press("🚀 지금 발송")
    await wait_all(application)
    with Session(engine) as session:
        rows = {d.chat_id: d for d in session.exec(select(Delivery))}
    assert (rows[flooded].status, rows[flooded].attempts) == ("sent", 13)
    assert rows[other].status == "sent"


async def test_a_recipient_deferred_by_long_waits_is_sent_on_resume(
    staff_chat, application, assistant, engine, api, now
) -> None:
    """Past the total wait cap the recipient is not failed: it stays pending, the broadcast
    stays sending, and the resume after a restart delivers it, once."""
    from storage import broadcasts as store

    [flooded, *others] = residents(engine, 3)
    application.bot_data["sender"] = Sender(
        application.bot,
        engine,
        RateLimiter(rate=100_000, sleep=no_sleep),
        sleep=no_sleep,
        max_retry_wait=2.5,
    )
    api.rate_limits[flooded] = 4  # waits of 1 s: the third would pass the 2.5 s cap
    await compose(staff_chat)
    await staff_chat.press("다음 ▶️")
    await staff_chat.press("🚀 지금 발송")
    await wait_all(application)
    [broadcast] = store.recent(engine)
    assert store.get(engine, broadcast.id).status == "sending"
    with Session(engine) as session:
        rows = {d.chat_id: d for d in session.exec(select(Delivery))}
    assert (rows[flooded].status, rows[flooded].attempts) == ("pending", 3)
    assert {rows[o].status for o in others} == {"sent"}
    a_minute_later = now[0] + timedelta(minutes=1)  # the dead runner's lease has run out
    restarted = build_application(
        "1:T", assistant, engine, request=api, background=False, clock=lambda: a_minute_later
    )
    await restarted.initialize()
    fast_sender(restarted, engine)
    before = len(api.outbox)
    await broadcasts.resume(restarted)
    await wait_all(restarted)
    got = Counter(m.chat_id for m in api.outbox[before:] if m.text.startswith("2018 하반기"))
    assert got == Counter([flooded])
    assert store.get(engine, broadcast.id).status == "done"
    await restarted.shutdown()


async def test_a_scheduled_broadcast_goes_to_the_audience_as_it_is_at_its_time(
    staff_chat, application, engine, api, now
) -> None:
    from storage.reminders import unsubscribe

    leaving, staying = residents(engine, 2)
    fast_sender(application, engine)
    await compose(staff_chat)
    await staff_chat.press("다음 ▶️")
    assert "받는 사람 지금 기준 2명 (발송을 시작할 때 다시 세요)" in staff_chat.last.text
    await staff_chat.press("⏰ 예약 발송")
    await staff_chat.send("2018-04-11 14:00")
    unsubscribe(engine, leaving, "public_works")  # after scheduling: must not get it
    [joining] = residents(engine, 1, first=60_000)  # subscribed after scheduling: must get it
    now[0] = datetime(2018, 4, 11, 14, 0, tzinfo=SEOUL)
    await broadcasts.start_due(application)
    await wait_all(application)
    got = Counter(m.chat_id for m in api.outbox if m.text.startswith("2018 하반기 공공근로"))
    assert got == Counter([staying, joining])


async def test_a_scheduled_broadcast_can_be_cancelled_by_staff_only(
    staff_chat, chat, application, engine, api, now
) -> None:
    from storage import broadcasts as store

    residents(engine, 2)
    fast_sender(application, engine)
    await compose(staff_chat)
    await staff_chat.press("다음 ▶️")
    await staff_chat.press("⏰ 예약 발송")
    await staff_chat.send("2018-04-11 14:00")
    [listing] = await staff_chat.send("/broadcasts")
    assert labels(listing) == ["✖️ #1 예약 취소", "🏠 처음으로"]
    await chat.send("/help")
    assert await chat.press_data("bc:unschedule:1", listing) == []  # forged: refused
    assert api.callback_answers[-1]["text"] == "담당 직원만 쓸 수 있는 기능이에요."
    assert store.get(engine, 1).status == "scheduled"
    [edited] = await staff_chat.press("✖️ #1 예약 취소", message=listing)
    assert edited.text.startswith("✖️ 예약한 공지 #1를 취소했어요.")
    assert "예약 취소 · 공공근로사업" in edited.text and labels(edited) == ["🏠 처음으로"]
    now[0] = datetime(2018, 4, 11, 14, 0, tzinfo=SEOUL)
    await broadcasts.start_due(application)
    await wait_all(application)
    assert not [m for m in api.outbox if m.text.startswith("2018 하반기 공공근로")]


async def test_broadcasts_are_listed_in_seoul_time(staff_chat, engine, monkeypatch) -> None:
    import time

    monkeypatch.setenv("TZ", "UTC")  # the server's own zone must not matter
    time.tzset()
    try:
        residents(engine, 1)
        await compose(staff_chat)
        await staff_chat.press("다음 ▶️")
        await staff_chat.press("⏰ 예약 발송")
        await staff_chat.send("2018-04-11 14:00")
        [listing] = await staff_chat.send("/broadcasts")
        assert listing.text.startswith("#1 2018-04-11 14:00 · 예약")
    finally:
        monkeypatch.undo()
        time.tzset()


async def test_notice_buttons_are_in_each_recipients_language(
    staff_chat, application, engine, api
) -> None:
    from storage.users import set_language

    korean, english = residents(engine, 2)
    set_language(engine, english, "en")
    fast_sender(application, engine)
    await compose(staff_chat)
    await staff_chat.press("다음 ▶️")
    await staff_chat.press("🚀 지금 발송")
    await wait_all(application)
    notices = {m.chat_id: m for m in api.outbox if m.text.startswith("2018 하반기 공공근로")}
    assert labels(notices[korean]) == ["📄 공공근로사업 안내 더 보기", "🔕 공공근로사업 알림 끄기"]
    assert labels(notices[english]) == [
        "📄 More on Public Works Jobs",
        "🔕 Stop Public Works Jobs reminders",
    ]


async def send_to_everyone(staff: LocalChat, application, text: str) -> None:
    await compose(staff, text)
    await staff.press("▫️ 모든 이용자")
    await staff.press("다음 ▶️")
    await staff.press("🚀 지금 발송")
    await wait_all(application)


async def test_a_notice_to_everyone_can_be_turned_off_and_on_again(
    staff_chat, chat, application, engine, api
) -> None:
    """🔕 on a notice to everyone stops such notices (a program subscription would not)."""
    await chat.send("/start")
    subscribe(engine, chat.user_id, "public_works")
    fast_sender(application, engine)
    await send_to_everyone(staff_chat, application, "첫 번째 전체 공지")
    notice = next(
        m for m in api.outbox if m.chat_id == chat.user_id and m.text == "첫 번째 전체 공지"
    )
    assert labels(notice) == ["📄 공공근로사업 안내 더 보기", "🔕 전체 공지 그만 받기"]
    [reply] = await chat.press("🔕 전체 공지 그만 받기", message=notice)
    assert reply.text.startswith("🔕 모든 이용자·청년에게 보내는 공지를 더 이상 보내지 않을게요.")
    assert labels(reply) == ["🔔 전체 공지 다시 받기", "🏠 처음으로"]
    await send_to_everyone(staff_chat, application, "두 번째 전체 공지")
    assert not [
        m for m in api.outbox if m.chat_id == chat.user_id and m.text == "두 번째 전체 공지"
    ]
    await compose(staff_chat, "공공근로 구독자 공지")  # subscribers of the program still get theirs
    await staff_chat.press("다음 ▶️")
    await staff_chat.press("🚀 지금 발송")
    await wait_all(application)
    assert [m for m in api.outbox if m.chat_id == chat.user_id and m.text == "공공근로 구독자 공지"]
    await chat.send("/subscribe")
    [menu] = await chat.press("📣 전체 공지: 안 받음")
    assert menu.text.startswith("🔔 모든 이용자·청년에게 보내는 공지를 다시 받아요.")
    assert "📣 전체 공지: 받음" in labels(menu)
    await send_to_everyone(staff_chat, application, "세 번째 전체 공지")
    assert [m for m in api.outbox if m.chat_id == chat.user_id and m.text == "세 번째 전체 공지"]


async def test_cancel_discards_a_notice_being_written(staff_chat, engine) -> None:
    [prompt] = await staff_chat.send("/broadcast")
    assert labels(prompt) == ["✖️ 공지 작성 취소"]
    await staff_chat.send("보낼 내용")
    [reply] = await staff_chat.send("/cancel")
    assert reply.text == "공지 작성을 취소했어요."
    [answer] = await staff_chat.send("공공근로 시급")  # a question again, not notice text
    assert "7,530원" in answer.text
    with Session(engine) as session:
        assert session.exec(select(Broadcast)).all() == []


async def test_resume_reaches_recipients_an_older_version_failed_after_429s(
    application, assistant, engine, api, now
) -> None:
    from storage import broadcasts as store

    flooded, unreachable, waiting = residents(engine, 3)
    draft = {"text": "공지", "program": "public_works", "audience": {"kind": "all"}}
    broadcast = store.create(engine, draft, 1, 1, now[0])
    store.update(engine, broadcast.id, status="sending")
    store.add_recipients(engine, broadcast.id)
    with Session(engine) as session:
        for delivery in session.exec(select(Delivery)):
            if delivery.chat_id == flooded:
                delivery.status = "failed"
                delivery.last_error = "Flood control exceeded. Retry in 1 seconds"
            elif delivery.chat_id == unreachable:
                delivery.status, delivery.last_error = "failed", "Timed out"
            session.add(delivery)
        session.commit()
    later = now[0] + timedelta(minutes=5)
    restarted = build_application(
        "1:T", assistant, engine, request=api, background=False, clock=lambda: later
    )
    await restarted.initialize()
    fast_sender(restarted, engine)
    before = len(api.outbox)
    await broadcasts.resume(restarted)
    await wait_all(restarted)
    got = Counter(m.chat_id for m in api.outbox[before:] if m.text == "공지")
    assert got == Counter([flooded, waiting])
    await restarted.shutdown()


class DiesInsideTheCall(Sender):
    """The process dies right after Telegram accepted the `fatal`-th notice, before the bot
    could record it (as SIGKILL would: the runner task is gone at once)."""

    def __init__(self, application, engine, fatal: int) -> None:
        super().__init__(
            application.bot, engine, RateLimiter(rate=100_000, sleep=no_sleep), sleep=no_sleep
        )
        self.fatal, self.done, self.runner = fatal, 0, None

    async def send(self, *args, **kwargs):
        result = await super().send(*args, **kwargs)
        self.done += 1
        if self.done == self.fatal:
            self.runner.cancel()
            await asyncio.sleep(0)  # the cancellation lands here: nothing records the send
        return result


async def test_a_crash_inside_the_api_call_never_doubles_a_notice_on_resume(
    application, assistant, engine, api, now
) -> None:
    """A delivery is 'sending' from right before its API call until right after it: the resume
    takes a row left 'sending' as sent (uncertain), so nobody gets the notice twice."""
    from storage import broadcasts as store

    ids = residents(engine, 10)
    draft = {"text": "공지", "program": "public_works", "audience": {"kind": "all"}}
    broadcast = store.create(engine, draft, 1, 1, now[0])
    dying = DiesInsideTheCall(application, engine, fatal=5)
    application.bot_data["sender"] = dying
    dying.runner = await broadcasts.start(application, broadcast.id)
    with pytest.raises(asyncio.CancelledError):
        await dying.runner
    before_crash = Counter(m.chat_id for m in api.outbox if m.text == "공지")
    with Session(engine) as session:
        left_sending = {
            d.chat_id for d in session.exec(select(Delivery).where(Delivery.status == "sending"))
        }
    after = await restart_and_resume(assistant, engine, api, "공지")
    received = before_crash + after
    assert max(received.values()) == 1  # nobody twice
    assert set(received) == set(ids)
    assert left_sending and left_sending <= set(before_crash)  # delivered, not yet recorded
    assert store.uncertain(engine, broadcast.id) == len(left_sending)
    assert store.get(engine, broadcast.id).status == "done"


async def test_a_notice_to_several_programs_turns_off_what_reached_each_recipient(
    staff_chat, application, engine, api
) -> None:
    from storage.reminders import subscriptions

    [works_only] = residents(engine, 1)
    [jobs_only] = residents(engine, 1, program="community_jobs", first=60_000)
    [both] = residents(engine, 1, first=70_000)
    subscribe(engine, both, "community_jobs")
    fast_sender(application, engine)
    await compose(staff_chat)
    await staff_chat.press("▫️ 지역공동체 일자리사업 알림 구독자")
    [preview] = await staff_chat.press("다음 ▶️")
    await staff_chat.press("🧪 나에게 테스트 발송")
    test_copy = [m for m in api.outbox if m.chat_id == staff_chat.user_id][-2]
    [note] = await staff_chat.press("🔕 이 공지를 받은 사업 알림 끄기", message=test_copy)
    assert note.text.startswith("테스트 발송본의 버튼이라 아무것도 바꾸지 않았어요.")
    assert labels(note) == ["🏠 처음으로"]
    await staff_chat.press("🚀 지금 발송", message=preview)
    await wait_all(application)
    notices = {
        m.chat_id: m
        for m in api.outbox
        if m.text.startswith("2018 하반기 공공근로") and m.chat_id != staff_chat.user_id
    }
    assert set(notices) == {works_only, jobs_only, both}
    replies = {}
    for user_id in (jobs_only, both):
        resident = LocalChat(application, api, user_id=user_id)
        assert labels(notices[user_id])[1] == "🔕 이 공지를 받은 사업 알림 끄기"
        [replies[user_id]] = await resident.press(
            "🔕 이 공지를 받은 사업 알림 끄기", message=notices[user_id]
        )
    assert replies[jobs_only].text == "🔕 지역공동체 일자리사업 알림을 껐어요."
    assert replies[both].text == "🔕 공공근로사업, 지역공동체 일자리사업 알림을 껐어요."
    assert labels(replies[jobs_only]) == ["📄 지역공동체 일자리사업 안내 더 보기", "🏠 처음으로"]
    assert subscriptions(engine, jobs_only) == subscriptions(engine, both) == set()
    assert subscriptions(engine, works_only) == {"public_works"}
    resident = LocalChat(application, api, user_id=jobs_only)
    [again] = await resident.press("🔕 이 공지를 받은 사업 알림 끄기", message=notices[jobs_only])
    assert again.text == "🔕 공공근로사업, 지역공동체 일자리사업 알림은 이미 꺼져 있어요."


async def test_a_notice_to_another_programs_subscribers_turns_that_program_off(
    staff_chat, application, engine, api
) -> None:
    [subscriber] = residents(engine, 1, program="community_jobs")
    fast_sender(application, engine)
    await compose(staff_chat)  # about 공공근로, sent to 지역공동체 일자리 subscribers only
    await staff_chat.press("☑️ 공공근로사업 알림 구독자")
    await staff_chat.press("▫️ 지역공동체 일자리사업 알림 구독자")
    await staff_chat.press("다음 ▶️")
    await staff_chat.press("🚀 지금 발송")
    await wait_all(application)
    [notice] = [m for m in api.outbox if m.chat_id == subscriber]
    assert labels(notice) == ["📄 공공근로사업 안내 더 보기", "🔕 지역공동체 일자리사업 알림 끄기"]


async def test_a_notice_with_nobody_chosen_goes_no_further(staff_chat, engine) -> None:
    residents(engine, 2)
    await compose(staff_chat)
    await staff_chat.press("☑️ 공공근로사업 알림 구독자")  # no program ticked now
    [reply] = await staff_chat.press("다음 ▶️")
    assert reply.text.startswith("⚠️ 받을 대상을 먼저 골라 주세요")
    assert "미리보기" not in reply.text and "다음 ▶️" in labels(reply)
    # A preview left from before (or an old button) cannot send to nobody either.
    from bot.broadcast_compose import FLOW, Draft
    from storage.flows import save_flow

    empty = {"kind": "programs", "programs": []}
    draft = Draft(step="preview", text="공지", program="public_works", audience=empty)
    save_flow(engine, staff_chat.user_id, FLOW, draft.to_json())
    for action in ("bc:now:-", "bc:later:-"):
        [reply] = await staff_chat.press_data(action, staff_chat.last)
        assert reply.text.startswith("⚠️ 받을 대상을 먼저 골라 주세요")
    with Session(engine) as session:
        assert session.exec(select(Broadcast)).all() == []


async def test_a_notice_to_no_one_right_now_is_not_sent_but_can_be_scheduled(
    staff_chat, engine
) -> None:
    await compose(staff_chat)  # nobody subscribes to 공공근로 yet
    [preview] = await staff_chat.press("다음 ▶️")
    assert "받는 사람 지금 기준 0명" in preview.text
    [reply] = await staff_chat.press("🚀 지금 발송")
    assert reply.text.startswith("⚠️ 지금 기준 받는 사람이 0명이라 지금 보낼 수 없어요.")
    with Session(engine) as session:
        assert session.exec(select(Broadcast)).all() == []
    await staff_chat.press("⏰ 예약 발송")
    [reply] = await staff_chat.send("2018-04-11 14:00")
    assert "예약했어요" in reply.text
