"""Subscriptions and reminders through the real Application, with time moved, not slept:
local time, quiet hours, one message a day, combining, restarts, blocked users."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, select

from bot.clock import SEOUL
from handlers.app import build_application
from handlers.delivery import RateLimiter, Sender
from handlers.local_api import LocalChat
from handlers.reminders import dispatch
from storage.models import Reminder, Subscription, User
from storage.reminders import add_reminder, all_reminders
from tests.helpers import labels


def kst(*args: int) -> datetime:
    return datetime(*args, tzinfo=SEOUL)


async def no_sleep(_: float) -> None:
    return None


def sender_for(chat: LocalChat, engine) -> Sender:
    return Sender(
        chat.application.bot, engine, RateLimiter(rate=1000, sleep=no_sleep), sleep=no_sleep
    )


def deps_of(chat: LocalChat):
    return chat.application.bot_data["deps"]


async def test_subscribe_and_unsubscribe_by_buttons(chat: LocalChat, engine, now) -> None:
    now[0] = kst(2018, 3, 1, 12)
    await chat.send("/subscribe")
    await chat.press("▫️ 공공근로사업")
    assert "🔔 공공근로사업" in labels(chat.last)
    with Session(engine) as session:
        assert session.exec(select(Subscription)).one().program_id == "public_works"
    keys = [r.key for r in all_reminders(engine) if r.status == "pending"]
    # The 2017 call and the 1.10 start are already past.
    assert keys == ["event:public_works_2018h2_selection", "event:public_works_2018h2_start"]
    await chat.send("/mysubscriptions")
    assert "받고 있는 알림: 공공근로사업" in chat.last.text
    await chat.press("🔕 공공근로사업 알림 끄기")
    assert "알림을 껐어요" in chat.last.text
    assert [r.status for r in all_reminders(engine)] == ["cancelled", "cancelled"]


async def test_card_offers_reminders(chat: LocalChat, engine, now) -> None:
    now[0] = kst(2017, 12, 1, 12)
    await chat.send("/start community_jobs")
    await chat.press("🔔 알림 받기")
    assert "지역공동체 일자리사업 알림을 켰어요" in chat.last.text
    assert len([r for r in all_reminders(engine) if r.status == "pending"]) == 4


async def test_due_reminder_is_delivered_at_the_local_send_hour(
    chat: LocalChat, engine, now
) -> None:
    now[0] = kst(2018, 3, 20, 12)
    await chat.send("/start public_works")
    await chat.press("🔔 알림 받기")
    sender = sender_for(chat, engine)
    assert await dispatch(deps_of(chat), sender, kst(2018, 4, 1, 9, 59)) == 0  # due at 10:00 KST
    assert await dispatch(deps_of(chat), sender, kst(2018, 4, 1, 10, 0)) == 1
    assert (
        chat.last.text
        == "🔔 알림\n2018 하반기 공공근로 수요조사·계획수립과 대상자 선발이 4~6월에 있어요."
    )
    assert labels(chat.last) == ["🔕 공공근로사업 알림 끄기"]
    assert await dispatch(deps_of(chat), sender, kst(2018, 4, 1, 10, 5)) == 0  # never twice


async def test_quiet_hours_hold_until_eight(chat: LocalChat, engine, now) -> None:
    now[0] = kst(2018, 3, 20, 12)
    await chat.send("/start public_works")
    await chat.press("🔔 알림 받기")
    sender = sender_for(chat, engine)
    assert await dispatch(deps_of(chat), sender, kst(2018, 4, 1, 21, 0)) == 0
    assert await dispatch(deps_of(chat), sender, kst(2018, 4, 2, 7, 59)) == 0
    assert await dispatch(deps_of(chat), sender, kst(2018, 4, 2, 8, 0)) == 1


async def test_several_due_items_are_combined_and_one_message_a_day(chat, engine, now) -> None:
    now[0] = kst(2017, 12, 1, 12)
    await chat.send("/start community_jobs")
    await chat.press("🔔 알림 받기")
    await chat.send("/start public_works")
    await chat.press("🔔 알림 받기")
    sender = sender_for(chat, engine)
    before = len(chat.api.outbox)
    # By 2018-05-02 five reminders are overdue (1.1, 1.10, 3.1, 4.1, 5.1): one message carries all.
    assert await dispatch(deps_of(chat), sender, kst(2018, 5, 2, 9)) == 1
    [message] = chat.api.outbox[before:]
    assert message.text.startswith("🔔 알림 5건")
    assert message.text.count("\n• ") == 5
    assert sorted(labels(message)) == [
        "🔕 공공근로사업 알림 끄기",
        "🔕 지역공동체 일자리사업 알림 끄기",
    ]
    deps = deps_of(chat)
    add_reminder(engine, chat.user_id, chat.user_id, "extra", "하나 더", kst(2018, 5, 2, 10))
    assert await dispatch(deps, sender, kst(2018, 5, 2, 11)) == 0  # already had today's message
    assert await dispatch(deps, sender, kst(2018, 5, 3, 8)) == 1


async def test_restart_delivers_overdue_reminders_exactly_once(
    chat, engine, api, assistant, now
) -> None:
    now[0] = kst(2017, 12, 1, 12)
    await chat.send("/start community_jobs")
    await chat.press("🔔 알림 받기")
    await chat.application.shutdown()  # the bot is down through January and half of February
    restarted = build_application(
        "1:T", assistant, engine, request=api, clock=lambda: now[0], background=False
    )
    await restarted.initialize()
    sender = Sender(restarted.bot, engine, RateLimiter(rate=1000, sleep=no_sleep), sleep=no_sleep)
    deps = restarted.bot_data["deps"]
    before = len(api.outbox)
    assert await dispatch(deps, sender, kst(2018, 2, 15, 9)) == 1
    await restarted.shutdown()
    # Restarting right after the send finds nothing left to send.
    again = build_application(
        "1:T", assistant, engine, request=api, clock=lambda: now[0], background=False
    )
    await again.initialize()
    sender = Sender(again.bot, engine, RateLimiter(rate=1000, sleep=no_sleep), sleep=no_sleep)
    assert await dispatch(again.bot_data["deps"], sender, kst(2018, 2, 16, 9)) == 0
    assert len(api.outbox) - before == 1
    await again.shutdown()
    await chat.application.initialize()


async def test_blocked_user_is_marked_inactive_and_not_retried(chat, engine, api, now) -> None:
    now[0] = kst(2018, 3, 20, 12)
    await chat.send("/start public_works")
    await chat.press("🔔 알림 받기")
    api.blocked.add(chat.user_id)
    sender = sender_for(chat, engine)
    calls = len(api.calls)
    assert await dispatch(deps_of(chat), sender, kst(2018, 4, 1, 10)) == 0
    assert len(api.calls) == calls + 1
    with Session(engine) as session:
        assert session.get(User, chat.user_id).active is False
        statuses = {r.key: r.status for r in session.exec(select(Reminder))}
    assert statuses == {
        "event:public_works_2018h2_selection": "failed",
        "event:public_works_2018h2_start": "pending",  # comes due in July: not sent either
    }
    assert await dispatch(deps_of(chat), sender, kst(2018, 4, 2, 10)) == 0
    assert len(api.calls) == calls + 1


async def test_flood_limit_waits_and_retries_the_same_recipient(chat, engine, api, now) -> None:
    now[0] = kst(2018, 3, 20, 12)
    await chat.send("/start public_works")
    await chat.press("🔔 알림 받기")
    api.rate_limits[chat.user_id] = 2
    waits: list[float] = []

    async def record(seconds: float) -> None:
        waits.append(seconds)

    sender = Sender(
        chat.application.bot, engine, RateLimiter(rate=1000, sleep=no_sleep), sleep=record
    )
    assert await dispatch(deps_of(chat), sender, kst(2018, 4, 1, 10)) == 1
    assert waits == [1.0, 1.0]
    assert chat.last.text.startswith("🔔 알림")


async def test_unsubmitted_draft_gets_deadline_reminders(chat: LocalChat, engine, now) -> None:
    await chat.send("/apply")
    await chat.press("✅ 동의하고 시작")
    sender = sender_for(chat, engine)
    assert await dispatch(deps_of(chat), sender, kst(2018, 4, 27, 10)) == 1  # D-3 of 04-30
    assert "마감(2018-04-30)까지 3일 남았어요" in chat.last.text
    await chat.send("/cancel")
    await chat.press("네, 지워 주세요")
    assert await dispatch(deps_of(chat), sender, kst(2018, 4, 29, 10)) == 0  # D-1: no draft now
    assert [r.status for r in all_reminders(engine)] == ["sent", "cancelled"]


async def test_scheduler_starts_in_post_init_and_stops_on_shutdown(assistant, engine, api) -> None:
    from handlers.app import post_init

    app = build_application("1:T", assistant, engine, request=api)
    await app.initialize()
    await post_init(app)
    scheduler = app.bot_data["scheduler"]
    assert scheduler.running
    assert len(scheduler.get_jobs()) == 4
    await app.post_shutdown(app)
    await app.shutdown()
    assert "scheduler" not in app.bot_data


def edited(kb, **changes):
    """The knowledge base as staff left it after editing reminders.yaml."""
    from dataclasses import replace

    from knowledge.schema import ReminderEvent

    events = []
    for event in kb.reminders.events:
        if event.id in changes:
            if changes[event.id] is not None:
                events.append(event.model_copy(update=changes[event.id]))
        else:
            events.append(event)
    for event_id, fields in changes.items():
        if fields is not None and event_id not in {e.id for e in kb.reminders.events}:
            events.append(ReminderEvent(id=event_id, **fields))
    return replace(kb, reminders=kb.reminders.model_copy(update={"events": events}))


async def test_start_up_replans_pending_reminders_from_the_edited_knowledge_base(
    chat: LocalChat, engine, api, kb, now
) -> None:
    from bot.assistant import Assistant
    from handlers.app import post_init
    from handlers.reminders import replan
    from knowledge.schema import Text

    now[0] = kst(2017, 12, 1, 12)
    await chat.send("/start community_jobs")
    await chat.press("🔔 알림 받기")
    await chat.send("/start public_works")
    await chat.press("🔔 알림 받기")
    sender = sender_for(chat, engine)
    assert await dispatch(deps_of(chat), sender, kst(2018, 1, 1, 10)) == 1  # the January one
    staff_edit = edited(
        kb,
        community_jobs_2018h1_selection={"day": 20},  # already sent: stays sent
        community_jobs_2018h2_selection={
            "month": 6,
            "day": 4,
            "text": Text(ko="하반기 선발이 6월 4일로 바뀌었어요.", en="Moved to 4 June."),
        },
        public_works_2018h2_selection=None,  # staff removed it
        public_works_test_added={
            "program": "public_works",
            "year": 2018,
            "month": 7,
            "text": Text(ko="하반기 사업이 시작돼요."),
            "source": "test",
        },
    )
    restarted = build_application(
        "1:T", Assistant(staff_edit), engine, request=api, clock=lambda: now[0], background=False
    )
    await restarted.initialize()
    await post_init(restarted)  # start-up re-plans from the knowledge base as it is now
    rows = {r.key: r for r in all_reminders(engine)}
    assert rows["event:community_jobs_2018h1_selection"].status == "sent"
    moved = rows["event:community_jobs_2018h2_selection"]
    assert (moved.status, moved.due_at) == ("pending", kst(2018, 6, 4, 10))
    assert moved.text == "하반기 선발이 6월 4일로 바뀌었어요."
    assert rows["event:public_works_2018h2_selection"].status == "cancelled"
    assert rows["event:public_works_test_added"].status == "pending"
    assert replan(restarted.bot_data["deps"]) == (0, 0, 0)  # idempotent
    deps = restarted.bot_data["deps"]
    sender = Sender(restarted.bot, engine, RateLimiter(rate=1000, sleep=no_sleep), sleep=no_sleep)
    assert await dispatch(deps, sender, kst(2018, 5, 1, 10)) == 1  # what else came due
    assert "5~6월" not in api.outbox[-1].text  # the old May date is gone
    assert await dispatch(deps, sender, kst(2018, 6, 4, 10)) == 1
    assert api.outbox[-1].text == "🔔 알림\n하반기 선발이 6월 4일로 바뀌었어요."
    await restarted.shutdown()


async def test_reminder_is_worded_in_the_language_the_user_has_when_it_is_sent(
    chat: LocalChat, engine, now
) -> None:
    now[0] = kst(2018, 3, 20, 12)
    await chat.send("/start public_works")
    await chat.press("🔔 알림 받기")  # subscribed while the bot spoke Korean
    await chat.send("/lang")
    await chat.press("English")
    assert await dispatch(deps_of(chat), sender_for(chat, engine), kst(2018, 4, 1, 10)) == 1
    assert chat.last.text == (
        "🔔 Reminder\nPlanning and selection for public works jobs in the second half of 2018"
        " run from April to June."
    )
    assert labels(chat.last) == ["🔕 Stop Public Works Jobs reminders"]


async def test_a_crash_during_the_send_is_never_followed_by_a_second_copy(
    chat, engine, api, assistant, now
) -> None:
    """The instance claimed the reminder and died inside the API call: Telegram may have
    delivered it. The restarted bot takes it as sent rather than risk a double."""
    from storage.reminders import claim

    now[0] = kst(2018, 3, 20, 12)
    await chat.send("/start public_works")
    await chat.press("🔔 알림 받기")
    [row] = [r for r in all_reminders(engine) if r.key == "event:public_works_2018h2_selection"]
    assert claim(engine, [row.id], kst(2018, 4, 1, 10))  # … and the process was killed here
    await chat.application.shutdown()
    restarted = build_application(
        "1:T", assistant, engine, request=api, clock=lambda: now[0], background=False
    )
    await restarted.initialize()
    sender = Sender(restarted.bot, engine, RateLimiter(rate=1000, sleep=no_sleep), sleep=no_sleep)
    deps = restarted.bot_data["deps"]
    before = len(api.outbox)
    for minute in (1, 11, 30):
        assert await dispatch(deps, sender, kst(2018, 4, 1, 10, minute)) == 0
    assert await dispatch(deps, sender, kst(2018, 4, 2, 10)) == 0
    assert len(api.outbox) == before
    assert [r.status for r in all_reminders(engine)] == ["sent", "pending"]  # July's is to come
    await restarted.shutdown()
    await chat.application.initialize()


async def test_a_send_known_to_have_failed_is_tried_again(chat, engine, api, now) -> None:
    now[0] = kst(2018, 3, 20, 12)
    await chat.send("/start public_works")
    await chat.press("🔔 알림 받기")
    api.network_failures[chat.user_id] = 4  # every retry of the first attempt fails
    sender = sender_for(chat, engine)
    assert await dispatch(deps_of(chat), sender, kst(2018, 4, 1, 10)) == 0
    assert [r.status for r in all_reminders(engine)] == ["pending", "pending"]
    assert await dispatch(deps_of(chat), sender, kst(2018, 4, 1, 10, 1)) == 1
    assert chat.last.text.startswith("🔔 알림")


async def test_turning_off_a_draft_deadline_reminder_stops_the_next_one(
    chat: LocalChat, engine, now
) -> None:
    await chat.send("/apply")
    await chat.press("✅ 동의하고 시작")
    sender = sender_for(chat, engine)
    assert await dispatch(deps_of(chat), sender, kst(2018, 4, 27, 10)) == 1  # D-3
    reminder = chat.last
    await chat.press("sub:off:youth_dream_team", message=reminder)
    assert await dispatch(deps_of(chat), sender, kst(2018, 4, 29, 10)) == 0  # no D-1
    assert [r.status for r in all_reminders(engine)] == ["sent", "cancelled"]


async def test_subscribing_says_truthfully_whether_a_reminder_is_coming(
    chat: LocalChat, engine, now
) -> None:
    now[0] = kst(2018, 3, 20, 12)
    await chat.send("/start public_works")
    [reply] = await chat.press("🔔 알림 받기")
    assert reply.text == "🔔 공공근로사업 알림을 켰어요. 다음 일정 알림은 2018-04-01에 보내 드려요."
    await chat.send("/start youth_network")  # a program with no dated events
    [reply] = await chat.press("🔔 알림 받기")
    assert "지금은 예정된 일정 알림이 없어요" in reply.text
    assert "구독자에게 보내는 공지는 받으실 수 있어요" in reply.text
    now[0] = kst(2026, 5, 1, 12)  # the real clock: every event of the report is past
    await chat.send("/start community_jobs")
    [reply] = await chat.press("🔔 알림 받기")
    assert "지금은 예정된 일정 알림이 없어요" in reply.text
    assert "일정이 다가오면" not in reply.text
    await chat.send("/subscribe")
    [menu] = await chat.press("▫️ 협동조합")
    assert menu.text.startswith("🔔 협동조합 알림을 켰어요. 지금은 예정된 일정 알림이 없어요.")


def test_the_periods_starting_are_reminded_of(kb) -> None:
    """The report's 사업기간: 공공근로 상반기 1.10, 하반기 7.1; 지역공동체 3월, 7월."""
    from bot.reminders import program_reminders

    starts = {
        p.key: p.due_at.date().isoformat()
        for program in ("public_works", "community_jobs")
        for p in program_reminders(kb, program, "ko")
        if p.key.endswith("_start")
    }
    assert starts == {
        "event:public_works_2018h1_start": "2018-01-10",
        "event:public_works_2018h2_start": "2018-07-01",
        "event:community_jobs_2018h1_start": "2018-03-01",
        "event:community_jobs_2018h2_start": "2018-07-01",
    }


async def test_a_new_users_row_exists_as_soon_as_they_subscribe(assistant, engine, api) -> None:
    """Contacts are written in the background, but not a new user's: a notice to subscribers
    counted a second after someone subscribed must include them."""
    from storage.broadcasts import count_audience

    app = build_application("1:T", assistant, engine, request=api)  # write-behind, no scheduler
    await app.initialize()
    resident = LocalChat(app, api, user_id=5151)
    await resident.send("/subscribe")
    await resident.press("▫️ 공공근로사업")
    audience = {"kind": "programs", "programs": ["public_works"]}
    assert count_audience(engine, audience) == 1
    await app.shutdown()


async def test_a_first_word_in_the_staff_group_keeps_notices_private(
    assistant, engine, api
) -> None:

    app = build_application("1:T", assistant, engine, request=api, staff_chat_id=-100777)
    await app.initialize()
    staff = LocalChat(app, api, user_id=900001)
    await staff.send_update(
        {
            "message": {
                "message_id": 1,
                "date": 0,
                "chat": {"id": -100777, "type": "supergroup"},
                "from": staff.user,
                "text": "안녕하세요",
            }
        }
    )
    app.bot_data["activity"].flush()
    with Session(engine) as session:
        assert session.get(User, 900001).chat_id == 900001
    await app.shutdown()


async def start_a_draft(chat: LocalChat) -> None:
    await chat.send("/apply")
    await chat.press("✅ 동의하고 시작")


def statuses(engine) -> dict[str, str]:
    return {r.key: r.status for r in all_reminders(engine)}


async def test_a_late_deadline_reminder_counts_the_days_from_when_it_is_sent(
    chat: LocalChat, engine, now
) -> None:
    await start_a_draft(chat)
    sender = sender_for(chat, engine)
    assert await dispatch(deps_of(chat), sender, kst(2018, 4, 28, 10)) == 1  # D-3, a day late
    assert "마감(2018-04-30)까지 2일 남았어요" in chat.last.text


async def test_deadline_reminders_due_together_make_one_line(chat: LocalChat, engine) -> None:
    await start_a_draft(chat)
    sender = sender_for(chat, engine)
    assert await dispatch(deps_of(chat), sender, kst(2018, 4, 29, 10)) == 1  # D-3 and D-1
    assert chat.last.text == (
        "🔔 알림\n청년 드림팀 신청서가 아직 제출되지 않았어요. 마감(2018-04-30)까지 1일 "
        "남았어요. /apply 로 이어서 작성하세요."
    )
    assert set(statuses(engine).values()) == {"sent"}


async def test_on_the_last_day_the_reminder_says_today(chat: LocalChat, engine) -> None:
    await start_a_draft(chat)
    assert await dispatch(deps_of(chat), sender_for(chat, engine), kst(2018, 4, 30, 9)) == 1
    assert "오늘(2018-04-30)이 마감일이에요" in chat.last.text


async def test_no_deadline_reminder_after_the_deadline(chat: LocalChat, engine) -> None:
    await start_a_draft(chat)
    before = len(chat.api.outbox)
    assert await dispatch(deps_of(chat), sender_for(chat, engine), kst(2018, 5, 1, 10)) == 0
    assert chat.api.outbox[before:] == []
    assert statuses(engine) == {"draft:2018H1:d3": "expired", "draft:2018H1:d1": "expired"}


async def test_no_round_opening_reminder_once_the_round_closed(
    chat: LocalChat, engine, now
) -> None:
    now[0] = kst(2018, 3, 1, 12)
    await chat.send("/start youth_dream_team")
    await chat.press("🔔 알림 받기")
    sender = sender_for(chat, engine)
    before = len(chat.api.outbox)
    assert await dispatch(deps_of(chat), sender, kst(2018, 5, 2, 10)) == 0  # 2018H1 closed 4-30
    assert chat.api.outbox[before:] == []
    assert statuses(engine) == {"round:2018H1:open": "expired", "round:2018H2:open": "pending"}


async def test_a_reminder_moved_into_the_past_at_start_up_is_not_sent(
    chat: LocalChat, engine, api, kb, now
) -> None:
    """Staff moved a date to one already past: like an event added with a past date, it is not
    sent late (the row is expired), rather than sent at once with its old wording."""
    from bot.assistant import Assistant
    from handlers.app import post_init
    from knowledge.schema import Text

    await chat.send("/start community_jobs")  # 2018-04-10: May's selection and July's start
    await chat.press("🔔 알림 받기")
    staff_edit = edited(
        kb,
        community_jobs_2018h2_selection={"month": 4, "day": 2, "text": Text(ko="4월 2일 선발")},
        community_jobs_test_added={
            "program": "community_jobs",
            "year": 2018,
            "month": 4,
            "day": 3,
            "text": Text(ko="4월 3일 안내"),
            "source": "test",
        },
    )
    restarted = build_application(
        "1:T", Assistant(staff_edit), engine, request=api, clock=lambda: now[0], background=False
    )
    await restarted.initialize()
    await post_init(restarted)
    assert statuses(engine) == {
        "event:community_jobs_2018h2_selection": "expired",
        "event:community_jobs_2018h2_start": "pending",
    }
    sender = Sender(restarted.bot, engine, RateLimiter(rate=1000, sleep=no_sleep), sleep=no_sleep)
    assert await dispatch(restarted.bot_data["deps"], sender, kst(2018, 4, 10, 12)) == 0
    await restarted.shutdown()
