"""The real python-telegram-bot Application, driven end to end through the local Bot API."""

from __future__ import annotations

from sqlmodel import Session, select

from handlers.local_api import LocalChat
from storage.models import UnansweredQuestion, User
from tests.helpers import STICKER, labels


async def test_start_greets_and_offers_the_five_main_buttons(chat: LocalChat) -> None:
    [reply] = await chat.send("/start")
    assert "영등포구 일자리정책과" in reply.text
    assert labels(reply) == [
        "📋 프로그램 안내",
        "✅ 자격 확인",
        "🧑‍🤝‍🧑 청년 드림팀 신청",
        "🔔 알림 설정",
        "❓ 도움말",
    ]


async def test_deep_link_opens_the_program_card(chat: LocalChat) -> None:
    [reply] = await chat.send("/start public_works")
    assert reply.text.startswith("[공공근로사업]")
    assert {"💰 임금·지원금", "🙋 자격", "📅 일정", "📍 장소·문의", "📝 신청 방법"} <= set(
        labels(reply)
    )


async def test_browsing_programs_by_audience_down_to_a_topic_and_back(chat: LocalChat) -> None:
    await chat.send("/start")
    await chat.press("📋 프로그램 안내")
    assert labels(chat.last)[:4] == ["청년", "구민 일자리", "사회적경제", "취업지원"]
    await chat.press("청년")
    assert "서울형 청년 뉴딜일자리" in labels(chat.last)
    await chat.press("서울형 청년 뉴딜일자리")
    await chat.press("💰 임금·지원금")
    assert "8,200원" in chat.last.text
    assert "2017" in chat.last.text
    await chat.press("⬅️ 이전")
    assert chat.last.text.startswith("[서울형 청년 뉴딜일자리]")
    await chat.press("⬅️ 이전")
    assert "청년 분야" in chat.last.text


async def test_button_presses_edit_the_message_in_place(chat: LocalChat, api) -> None:
    [home] = await chat.send("/start")
    [edited] = await chat.press("📋 프로그램 안내")
    assert edited.message_id == home.message_id
    assert any(name == "editMessageText" for name, _ in api.calls)


async def test_free_text_wage_question_gets_the_2018_hourly_wage(chat: LocalChat) -> None:
    [reply] = await chat.send("공공근로 시급이 얼마예요?")
    assert "7,530원" in reply.text
    assert "주·월차수당" in reply.text
    assert "2018년" in reply.text
    assert len(reply.text) < 500
    assert "📄 공공근로사업 안내 더 보기" in labels(reply)


async def test_student_parttime_eligibility_in_colloquial_korean(chat: LocalChat) -> None:
    [reply] = await chat.send("대학생 알바 자격")
    assert "주민등록" in reply.text
    assert "휴학" in reply.text


async def test_unknown_question_gets_honest_fallback_and_is_stored(chat: LocalChat, engine) -> None:
    [reply] = await chat.send("주식 추천 좀 해주세요")
    assert "자료에 없어" in reply.text
    assert "청년지원팀" in reply.text and "지역일자리사업팀" in reply.text
    with Session(engine) as session:
        stored = session.exec(select(UnansweredQuestion)).all()
    assert [q.text for q in stored] == ["주식 추천 좀 해주세요"]
    assert stored[0].user_id == 4242


async def test_answered_questions_are_not_stored_as_unanswered(chat: LocalChat, engine) -> None:
    await chat.send("공공근로 시급")
    with Session(engine) as session:
        assert session.exec(select(UnansweredQuestion)).all() == []


async def test_forged_button_is_refused_and_changes_nothing(chat: LocalChat, api) -> None:
    [home] = await chat.send("/start")
    outbox_before = len(api.outbox)
    for forged in (
        "prog:not_a_program",
        "topic:public_works:salary",
        "menu:admin",
        "x" * 80,
        "home:1",
    ):
        assert await chat.press_data(forged, home) == []
    assert len(api.outbox) == outbox_before
    assert all(answer.get("show_alert") for answer in api.callback_answers[-5:])
    assert "더 이상 쓸 수 없어요" in api.callback_answers[-1]["text"]


async def test_language_switch_is_remembered(chat: LocalChat, engine) -> None:
    await chat.send("/lang")
    await chat.press("English")
    assert "English" in chat.last.text
    with Session(engine) as session:
        assert session.get(User, 4242).language == "en"
    [reply] = await chat.send("/start")
    assert reply.text.startswith("Hello!")
    [answer] = await chat.send("공공근로 시급")
    assert "7,530 won per hour" in answer.text


async def test_english_question_is_answered_in_english(chat: LocalChat) -> None:
    [reply] = await chat.send("What is the hourly wage of the Seoul New Deal jobs?")
    assert "8,200 won" in reply.text
    assert "2017" in reply.text


async def test_user_row_records_first_contact(chat: LocalChat, engine) -> None:
    await chat.send("/start")
    with Session(engine) as session:
        user = session.get(User, 4242)
    assert user is not None and user.language == "ko" and user.first_seen is not None


async def test_sticker_gets_a_polite_note(chat: LocalChat) -> None:
    sticker = {
        "message_id": 5,
        "date": 0,
        "chat": {"id": 4242, "type": "private"},
        "from": chat.user,
        "sticker": STICKER,
    }
    [reply] = await chat.send_update({"message": sticker})
    assert "글자로 된 질문" in reply.text


async def test_commands_are_published_in_post_init(application, api) -> None:
    menus = {key: [c["command"] for c in commands] for key, commands in api.commands.items()}
    public = [
        "start", "check", "apply", "myapplication", "subscribe", "mysubscriptions",
        "help", "lang", "forget", "cancel",
    ]  # fmt: skip
    default = [names for key, names in menus.items() if '"default"' in key]
    assert default == [public, public]  # Korean and English
    staff = [names for key, names in menus.items() if '"chat"' in key]
    assert staff == [[*public, "applications", "broadcast", "broadcasts", "unanswered", "stats"]]
    assert all("applications" not in names for names in default)


async def test_an_internal_error_gets_a_polite_reply(
    chat: LocalChat, assistant, monkeypatch
) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(assistant, "ask", broken)
    replies = await chat.send("공공근로 시급")
    assert replies[-1].text.startswith("죄송해요, 잠시 문제가 생겼어요")


async def test_dream_team_deep_link_outside_a_round_shows_the_card(chat: LocalChat, now) -> None:
    from datetime import datetime

    from bot.clock import SEOUL

    now[0] = datetime(2018, 6, 1, 9, 0, tzinfo=SEOUL)  # between the two rounds
    [reply] = await chat.send("/start youth_dream_team")
    assert reply.text.startswith("지금은 청년 드림팀 공모 기간이 아니에요.\n다음 공모: 2018H2")
    assert "[청년 드림팀" in reply.text  # the program's card follows
    assert "🔔 알림 받기" in labels(reply) and "📅 일정" in labels(reply)
