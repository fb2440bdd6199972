"""What residents ask, for staff: grouping of unanswered questions and the statistics."""

from __future__ import annotations

import io

from sqlmodel import Session, select

from bot.grouping import group_questions
from handlers.local_api import LocalChat
from storage.models import QuestionLog, UnansweredQuestion


class Q:
    def __init__(self, text: str) -> None:
        self.text = text


def test_similar_questions_share_a_group() -> None:
    questions = [
        Q(s)
        for s in (
            "청년 월세 지원 있나요",
            "청년월세지원 있어요?",
            "주차 위반 과태료",
            "청년 월세 지원은요",
        )
    ]
    groups = group_questions(questions)
    assert [[q.text for q in g.members] for g in groups] == [
        ["청년 월세 지원 있나요", "청년월세지원 있어요?", "청년 월세 지원은요"],
        ["주차 위반 과태료"],
    ]


async def test_unanswered_grouped_tagged_and_handled(chat: LocalChat, staff_chat, engine) -> None:
    for text in ("청년 월세 지원 있나요", "주차 위반 과태료 납부", "청년월세지원 있어요?"):
        await chat.send(text)
    [reply] = await chat.send("/unanswered")
    assert reply.text == "담당 직원만 쓸 수 있는 기능이에요."
    [listing] = await staff_chat.send("/unanswered")
    assert listing.text.splitlines()[0] == "❔ 답하지 못한 질문 (2묶음, 최근 순)"
    assert "1. 2회 · " in listing.text and '"청년월세지원 있어요?" · 사업: 미지정' in listing.text
    await staff_chat.press("🏷 1 사업 지정")
    await staff_chat.press("서울형 청년 뉴딜일자리")
    assert "사업: 서울형 청년 뉴딜일자리" in staff_chat.last.text
    await staff_chat.press("✅ 1 처리")
    assert "(1묶음, 최근 순)" in staff_chat.last.text and "주차 위반" in staff_chat.last.text
    with Session(engine) as session:
        rows = {q.text: q for q in session.exec(select(UnansweredQuestion))}
    assert (
        rows["청년 월세 지원 있나요"].handled
        and rows["청년 월세 지원 있나요"].program_id == "seoul_new_deal"
    )
    assert not rows["주차 위반 과태료 납부"].handled


async def test_stats_figures_and_chart(chat: LocalChat, staff_chat, api, engine) -> None:
    for text in ("공공근로 시급", "공공근로 자격", "뉴딜 나이", "주식 추천"):
        await chat.send(text)
    with Session(engine) as session:
        assert len(session.exec(select(QuestionLog)).all()) == 4
    await staff_chat.send("/stats")
    text = staff_chat.last.text
    assert "질문 4건 (오늘 4건) · 답하지 못한 비율 25%" in text
    assert "많이 물어본 사업: 공공근로사업 2, 서울형 청년 뉴딜일자리 1" in text
    assert "이용자 2명" in text
    upload = api.uploads[-1]
    assert upload.method == "sendPhoto" and upload.content.startswith(b"\x89PNG")
    from PIL import Image

    width, height = Image.open(io.BytesIO(upload.content)).size
    assert (width, height) == (800, 700)


async def test_unanswered_questions_are_dated_by_the_clock_in_seoul_time(
    chat: LocalChat, staff_chat, engine, now
) -> None:
    from datetime import UTC, datetime

    from bot.clock import SEOUL

    now[0] = datetime(2018, 4, 10, 8, 30, tzinfo=SEOUL)  # still 04-09 in UTC
    await chat.send("주차 위반 과태료 납부")
    with Session(engine) as session:
        [row] = session.exec(select(UnansweredQuestion)).all()
    assert row.created_at == datetime(2018, 4, 9, 23, 30, tzinfo=UTC)
    [listing] = await staff_chat.send("/unanswered")
    assert '1. 1회 · 04-10 08:30 · "주차 위반 과태료 납부"' in listing.text
