"""What residents ask, for staff: grouping of unanswered questions and the statistics."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from sqlmodel import Session, select

from bot import grouping
from bot.grouping import group_questions, similarity
from handlers.local_api import LocalChat
from storage.models import QuestionLog, UnansweredQuestion
from tests.helpers import labels


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


PAIRS = [
    json.loads(line)
    for line in (Path(__file__).parent / "data" / "unanswered_pairs.jsonl")
    .read_text("utf-8")
    .splitlines()
]


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: f"{p['a']}|{p['b']}")
def test_labelled_pairs_are_grouped_as_labelled(pair) -> None:
    grouped = similarity(pair["a"], pair["b"]) >= grouping.SIMILAR
    assert grouped == pair["same"]
    assert (similarity(pair["b"], pair["a"]) >= grouping.SIMILAR) == pair["same"]


def test_the_word_cutoff_sits_inside_the_range_the_pairs_allow(monkeypatch) -> None:
    """Looser, 국민연금 and 기초연금 are one word; stricter, a typo makes another word."""

    def errors(cutoff: float) -> int:
        monkeypatch.setattr(grouping, "SAME_WORD", cutoff)
        return sum((similarity(p["a"], p["b"]) >= grouping.SIMILAR) != p["same"] for p in PAIRS)

    assert errors(70) > 0 and errors(75) == errors(80) == 0 and errors(85) > 0


def test_paraphrases_share_a_group_and_different_questions_do_not() -> None:
    texts = [
        "구청 전화번호 알려줘",
        "기초연금 얼마 받아요",
        "What is the minimum wage?",
        "국민연금 얼마 받아요",
        "영등포구청 전화번호",
        "minimum wage?",
    ]
    groups = group_questions([Q(text) for text in texts])
    assert [[q.text for q in g.members] for g in groups] == [
        ["구청 전화번호 알려줘", "영등포구청 전화번호"],
        ["기초연금 얼마 받아요"],
        ["What is the minimum wage?", "minimum wage?"],
        ["국민연금 얼마 받아요"],
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


async def test_every_group_can_be_reached_page_by_page(staff_chat, engine, now) -> None:
    from datetime import timedelta

    from storage.questions import record_unanswered

    topics = (
        "여권 발급", "운전면허 갱신", "도서관 휴관일", "수영장 강습", "쓰레기 배출 요일",
        "전입신고 서류", "자전거 대여", "반려견 등록", "가로등 고장 신고", "주차 위반 과태료",
        "예방접종 일정",
    )  # fmt: skip
    for minutes, text in enumerate(topics):
        record_unanswered(engine, 4242, text, "ko", now[0] + timedelta(minutes=minutes))
    [listing] = await staff_chat.send("/unanswered")
    lines = listing.text.splitlines()
    assert lines[:2] == ["❔ 답하지 못한 질문 (11묶음, 최근 순)", "1~10번째 묶음 (전체 11묶음)"]
    assert lines[2].startswith('1. 1회 · 04-10 10:10 · "예방접종 일정"')
    assert labels(listing)[-2:] == ["다음 ▶️", "🏠 처음으로"]
    [second] = await staff_chat.press("다음 ▶️")
    assert second.text.splitlines()[1:] == [
        "11~11번째 묶음 (전체 11묶음)",
        '11. 1회 · 04-10 10:00 · "여권 발급" · 사업: 미지정',
    ]
    assert labels(second) == ["✅ 11 처리", "🏷 11 사업 지정", "⬅️ 이전", "🏠 처음으로"]
    [handled] = await staff_chat.press("✅ 11 처리")
    assert handled.text.splitlines()[0] == "❔ 답하지 못한 질문 (10묶음, 최근 순)"
    assert "다음 ▶️" not in labels(handled)


def test_the_chart_has_whole_number_counts_and_no_emoji() -> None:
    from matplotlib import pyplot as plt

    from bot.charts import stats_figure

    per_day = {f"2018-04-{day:02d}": day % 3 for day in range(1, 15)}
    figure = stats_figure(
        per_day, [("공공근로사업", 2), ("청년 드림팀", 1)], "📊 최근 14일 질문 수"
    )
    figure.canvas.draw()
    days_axis, programs_axis = figure.axes
    assert days_axis.get_title() == "최근 14일 질문 수"
    assert all(float(tick).is_integer() for tick in days_axis.get_yticks())
    assert all(float(tick).is_integer() for tick in programs_axis.get_xticks())
    plt.close(figure)
