"""What a question says of the person asking is read into the screener's fields, and an answer
on who can take part says whether they fit, by the screener's own rules."""

from __future__ import annotations

import pytest

from bot.stated import stated_persona


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("서른여섯 살 미취업자인데 청년인턴 되나요?", {"age": 36, "employment": "unemployed"}),
        ("열일곱 살인데 뉴딜 할 수 있어요?", {"age": 17}),
        ("스무 살 대학생인데요", {"age": 20, "student": "university_enrolled"}),
        ("27살인데 뉴딜일자리 할 수 있어요?", {"age": 27}),
        ("가구소득이 기준중위소득 70%인데 되나요", {"household_income_pct_median": 70}),
        (
            "중위소득 50%인데 재산이 2억5천이면",
            {"household_income_pct_median": 50, "assets_krw": 250_000_000},
        ),
        ("재산 2.5억이면 못해요?", {"assets_krw": 250_000_000}),
        ("재산이 5천만원 있는데 공공근로 돼요?", {"assets_krw": 50_000_000}),
        ("생계급여 받는데 공공근로 돼요?", {"livelihood_benefit": True}),
        # not said, or said of someone else, or not exactly: nothing, or the bound passed
        ("생계급여 받지 않는데 공공근로 돼요?", {}),
        ("기초생활수급자인데 주거급여만 받아요", {}),  # only 생계급여 excludes
        ("재학 중이 아니에요", {}),
        ("6세 아이 엄마인데 공공근로 돼요?", {}),
        ("45세 사장인데 청년인턴 채용하려면", {}),
        ("1세대 가구예요", {}),
        ("스무살 때부터 일했고 지금 마흔둘이에요", {}),
        ("I have a 3-year-old, can I apply?", {}),
        ("재산 2억5000만원이에요", {"assets_krw": 250_000_000}),
        ("재산 2억 조금 넘는데", {"assets_krw": 200_000_001}),
        ("재산세 20만원 내요", {}),
        ("중위소득 60% 넘으면 안 돼요?", {"household_income_pct_median": 61}),
        ("18세 안 되는데 아카데미 돼요?", {"age": 17}),
        ("회사 다니다가 그만뒀는데 공공근로 돼요?", {"employment": "unemployed"}),
        ("다른 구 살다가 영등포로 이사 왔는데요", {"residence": "yeongdeungpo"}),
        ("지금 다른 데 취직해 있는데 신청 가능해요?", {"employment": "employed"}),
        ("I am 41, can I join?", {"age": 41}),
        ("Can a 41-year-old join?", {"age": 41}),
        # a limit is the rule asked about, not the person asking
        ("뉴딜 39세 이하만 돼요?", {}),
        ("청년네트워크 몇 살부터 가입돼요", {}),
    ],
)
def test_what_a_question_states_of_the_person(assistant, question: str, expected: dict) -> None:
    assert stated_persona(question, assistant.stated_phrases) == expected


@pytest.mark.parametrize(
    ("question", "verdict", "reason"),
    [
        ("서른여섯 살인데 중소기업 청년인턴 지원 대상 되나요?", "참여할 수 없어요", "만 35세 이하"),
        ("열일곱 살인데 서울형 뉴딜일자리 할 수 있어요?", "참여할 수 없어요", "만 18세 이상"),
        ("중위소득 70%인데 지역공동체 일자리 할 수 있나요?", "참여할 수 없어요", "60% 이하"),
        ("대학생 아르바이트 다른 구 사람도 돼요?", "참여할 수 없어요", "주민등록"),
        ("27살인데 뉴딜일자리 할 수 있어요?", "말씀하신 조건(나이)은 맞아요", ""),
        # a condition the rules cannot decide alone is never called a match
        ("경기도 살아요. 25살인데 청년 네트워크 가입 돼요?", "말씀하신 조건(나이)은 맞아요", ""),
    ],
)
def test_an_eligibility_answer_says_whether_the_person_fits(
    assistant, question: str, verdict: str, reason: str
) -> None:
    reply = assistant.ask(question)
    header, line, *_ = reply.text.split("\n")
    assert header.endswith("년 자료)") or header.endswith("년 계획)")
    assert verdict in line and reason in line, reply.text
    assert len(reply.text) <= 500


def test_without_a_stated_fact_the_answer_is_the_rule_alone(assistant) -> None:
    text = assistant.ask("청년네트워크 몇 살부터 가입돼요").text
    assert "🙅" not in text and "🙆" not in text and "15~39세" in text


def test_the_english_answer_says_it_in_english(assistant) -> None:
    text = assistant.ask("I am 41, can I join the youth network?").text
    assert "From what you said, you cannot take part" in text and "39 or under" in text


@pytest.mark.parametrize(
    ("question", "line"),
    [
        ("70세인데 공공근로 할 수 있나요?", "65세 이상은 하루 3시간 근무해요"),
        ("65살인데 지역공동체 일자리 신청되나요", "65세 이상은 하루 3시간"),
    ],
)
def test_a_fact_keyed_to_an_age_reached_is_said_with_its_source(
    assistant, question: str, line: str
) -> None:
    text = assistant.ask(question).text
    assert line in text and "(근로시간)" in text.split("\n")[-1], text  # cited on the source line
    assert len(text) <= 500


def test_a_fact_keyed_to_an_age_not_reached_is_not_said(assistant) -> None:
    assert "65세 이상" not in assistant.ask("40살인데 공공근로 할 수 있나요?").text
