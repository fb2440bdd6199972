"""The screener driven through the real Application: buttons, typed age, back, skip, a question
on the way, a restart mid-way, cancel and forget."""

from __future__ import annotations

import json
import random
from dataclasses import replace

from sqlmodel import Session, select

from bot.screener import CHOICES, STEPS, Screener, ScreenerState
from handlers.app import build_application, post_init
from handlers.local_api import LocalChat
from storage.models import FlowState
from tests.helpers import labels


async def answer_resident_in_their_fifties(chat: LocalChat) -> None:
    await chat.send("/check")
    await chat.send("58")
    await chat.press("영등포구")
    await chat.press("일자리를 찾고 있어요 (실업)")
    await chat.press("학생이 아니에요")
    await chat.press("4명")
    await chat.press("월 2,711,521원 이하 (중위소득 60% 이하)")
    await chat.press("2억원 이하")
    await chat.press("받는 것 없어요")


async def test_full_screener_gives_three_groups_with_reasons(chat: LocalChat) -> None:
    await answer_resident_in_their_fifties(chat)
    result = chat.last.text
    assert result.startswith("📋 자격 확인 결과")
    eligible, _, ineligible = result.partition("❌ 해당 없음")
    assert "공공근로사업" in eligible and "7,530원" in eligible
    assert "지역공동체 일자리사업" in eligible and "45,180원" in eligible
    assert "서울형 청년 뉴딜일자리: 만 39세 이하만 참여할 수 있어요" in ineligible
    assert labels(chat.last)[:4] == [
        "🔁 결과 다시 보기",
        "✏️ 답 수정",
        "📋 프로그램 안내",
        "🔔 알림 받기",
    ]


async def test_income_question_shows_won_amounts_for_the_household(chat: LocalChat) -> None:
    await chat.send("/check")
    await chat.send("50")
    await chat.press("서울 다른 구")
    # At 50 outside the district only 지역공동체 일자리 is open: income comes next, no job question.
    assert "가구원은 모두 몇 명" in chat.last.text
    await chat.press("4명")
    assert "월 2,711,521원 이하 (중위소득 60% 이하)" in labels(chat.last)
    await chat.press("⬅️ 이전")
    await chat.press("1명")
    assert "월 1,003,263원 이하 (중위소득 60% 이하)" in labels(chat.last)


async def test_only_questions_that_change_a_result_are_asked(chat: LocalChat) -> None:
    await chat.send("/check")
    await chat.send("70")
    await chat.press("서울 밖")
    asked = chat.last.text
    # At 70 outside Seoul, public works and every youth program are decided: no student,
    # residence-work or benefit questions; only community jobs' income and assets remain.
    assert "가구원" in asked
    await chat.press("🤷 모름/건너뛰기")
    assert "재산" in chat.last.text
    await chat.press("2억원 초과")
    assert chat.last.text.startswith("📋 자격 확인 결과")
    assert "재산이 2억원 이하여야 해요" in chat.last.text


async def test_bad_age_is_refused_politely_and_asked_again(chat: LocalChat) -> None:
    await chat.send("/check")
    [reply] = await chat.send("스무살이요")
    assert reply.text.startswith("나이는 1부터 120 사이의 숫자로")
    assert "만 나이를 숫자로" in reply.text
    [reply] = await chat.send("200")
    assert reply.text.startswith("나이는")
    [reply] = await chat.send("만 27세")
    assert "어디에 사세요" in reply.text


async def test_back_keeps_earlier_answers(chat: LocalChat, engine) -> None:
    await chat.send("/check")
    await chat.send("27")
    await chat.press("영등포구")
    await chat.press("⬅️ 이전")
    assert "어디에 사세요" in chat.last.text
    with Session(engine) as session:
        row = session.exec(select(FlowState)).one()
    assert '"age": 27' in row.data


async def test_question_on_the_way_is_answered_and_the_screener_resumes(chat: LocalChat) -> None:
    await chat.send("/check")
    await chat.send("27")
    answer, resume = await chat.send("뉴딜이 뭐예요?")
    assert answer.text.startswith("[서울형 청년 뉴딜일자리]")
    assert resume.text.startswith("자격 확인을 이어서 할게요")
    assert "어디에 사세요" in resume.text
    await chat.press("영등포구")
    assert "지금 일하고 계세요" in chat.last.text


async def test_typing_instead_of_pressing_gets_a_hint(chat: LocalChat) -> None:
    await chat.send("/check")
    await chat.send("27")
    [reply] = await chat.send("ㅁㄴㅇㄹ")
    assert reply.text.startswith("이 질문은 아래 버튼으로 답해 주세요")


async def test_restart_mid_way_resumes_where_it_stopped(
    chat: LocalChat, assistant, engine, api
) -> None:
    await chat.send("/check")
    await chat.send("27")
    await chat.press("영등포구")
    question = chat.last
    await chat.application.shutdown()

    restarted = build_application("123456:TEST", assistant, engine, request=api, background=False)
    await restarted.initialize()
    await post_init(restarted)
    again = LocalChat(restarted, api, user_id=chat.user_id)
    await again.press("일자리를 찾고 있어요 (실업)", message=question)
    assert "학교에 다니고 계세요" in again.last.text
    await restarted.shutdown()
    await chat.application.initialize()  # the fixture shuts it down again


async def test_stale_or_forged_screener_buttons_change_nothing(chat: LocalChat, engine) -> None:
    await chat.send("/check")
    await chat.send("27")
    first_question = chat.last
    await chat.press("영등포구")
    await chat.press_data("scr:residence:outside_seoul", first_question)
    assert chat.last.text.startswith("이 질문은 이미 지나갔어요")
    await chat.press_data("scr:employment:ceo")
    assert chat.last.text.startswith("이 질문은 이미 지나갔어요")
    with Session(engine) as session:
        data = session.exec(select(FlowState)).one().data
    assert '"residence": "yeongdeungpo"' in data and "ceo" not in data


async def test_cancel_and_forget_delete_the_answers(chat: LocalChat, engine) -> None:
    await chat.send("/check")
    await chat.send("27")
    [reply] = await chat.send("/cancel")
    assert "그만뒀어요" in reply.text
    with Session(engine) as session:
        assert session.exec(select(FlowState)).all() == []
    await answer_resident_in_their_fifties(chat)
    [reply] = await chat.send("/forget")
    assert "지웠어요" in reply.text
    with Session(engine) as session:
        assert session.exec(select(FlowState)).all() == []


async def test_first_person_eligibility_question_starts_the_screener(chat: LocalChat) -> None:
    replies = await chat.send("나도 공공근로 할 수 있어?")
    assert replies[0].text.startswith("[공공근로사업] 자격")
    assert "만 나이를 숫자로" in replies[-1].text


async def test_edit_an_answer_after_the_result(chat: LocalChat) -> None:
    await answer_resident_in_their_fifties(chat)
    await chat.press("✏️ 답 수정")
    await chat.press("나이")
    await chat.send("30")
    assert chat.last.text.startswith("📋 자격 확인 결과")
    assert "서울형 청년 뉴딜일자리" in chat.last.text.partition("❌")[0]


def test_never_more_than_eight_questions(kb) -> None:
    screener = Screener(kb)
    rng = random.Random(7)
    for _ in range(3000):
        state = screener.start()
        asked = 0
        while state.step is not None:
            asked += 1
            step = state.step
            if step == "age":
                state, _ = screener.type_answer(
                    state, str(rng.choice([14, 17, 18, 25, 36, 39, 40, 70]))
                )
            elif rng.random() < 0.15:
                state = screener.skip(state)
            elif step in CHOICES:
                state = screener.choose(state, step, rng.choice(CHOICES[step]))
            elif step == "household_size":
                state = screener.choose(state, step, str(rng.randint(1, 6)))
            else:
                cuts = screener.income_cuts if step != "assets_krw" else screener.asset_cuts
                state = screener.choose(state, step, str(rng.choice([cuts[0], cuts[0] + 1])))
            assert step in STEPS
        assert asked <= 8


async def test_a_skipped_question_is_counted_and_back_returns_to_it(chat: LocalChat) -> None:
    await chat.send("/check")
    [reply] = await chat.send("27")
    assert reply.text.startswith("자격 확인 2번째 질문") and "어디에 사세요" in reply.text
    [reply] = await chat.press("🤷 모름/건너뛰기")
    assert reply.text.startswith("자격 확인 3번째 질문")
    assert "⬅️ 이전" in labels(reply)
    [reply] = await chat.press("⬅️ 이전")
    assert reply.text.startswith("자격 확인 2번째 질문") and "어디에 사세요" in reply.text
    [reply] = await chat.press("영등포구")
    assert "지금 일하고 계세요" in reply.text


async def test_a_skipped_household_size_can_be_answered_after_back(chat: LocalChat) -> None:
    await chat.send("/check")
    await chat.send("50")
    await chat.press("서울 다른 구")
    await chat.press("🤷 모름/건너뛰기")  # the household size, and so its income
    assert "재산" in chat.last.text
    await chat.press("⬅️ 이전")
    await chat.press("4명")
    assert "월 2,711,521원 이하 (중위소득 60% 이하)" in labels(chat.last)


async def test_editing_an_answer_asks_the_questions_it_makes_relevant(chat: LocalChat) -> None:
    await chat.send("/check")
    await chat.send("58")
    await chat.press("서울 밖")
    await chat.press("4명")
    await chat.press("월 2,711,521원 이하 (중위소득 60% 이하)")
    await chat.press("2억원 이하")
    assert chat.last.text.startswith("📋 자격 확인 결과")
    assert "공공근로사업" in chat.last.text.partition("❌ 해당 없음")[2]
    await chat.press("✏️ 답 수정")
    await chat.press("사는 곳")
    [reply] = await chat.press("영등포구")
    # Living in the district, public works now depends on work, studies and benefits.
    assert "지금 일하고 계세요" in reply.text
    assert "⬅️ 이전" in labels(reply)
    await chat.press("일자리를 찾고 있어요 (실업)")
    await chat.press("학생이 아니에요")
    await chat.press("받는 것 없어요")
    result = chat.last.text
    assert result.startswith("📋 자격 확인 결과")
    assert "❓ 확인 필요" not in result
    assert "공공근로사업" in result.partition("❌ 해당 없음")[0]


STUDENT_AT_22 = {
    "어디에 사세요": "영등포구",
    "지금 일하고 계세요": "일자리를 찾고 있어요 (실업)",
    "학교에 다니고": "대학 재학 중",
    "가구원은 모두": "4명",
    "한 달 소득": "월 2,711,521원 이하 (중위소득 60% 이하)",
    "재산": "2억원 이하",
    "받고 계신 급여": "받는 것 없어요",
    "Where do you live": "Yeongdeungpo-gu",
    "working now": "Looking for work (unemployed)",
    "Are you a student": "University, enrolled",
    "How many people": "4",
    "earn a month": "KRW 2,711,521 a month or less (60% of median or less)",
    "assets": "200 million won or less",
    "benefits": "None",
}


async def screen_student_at_22(chat: LocalChat) -> str:
    await chat.send("/check")
    await chat.send("22")
    for _ in range(10):
        text = chat.last.text
        if text.startswith(("📋 자격 확인 결과", "📋 Your eligibility")):
            return text
        question = next(key for key in STUDENT_AT_22 if key in text)
        await chat.press(STUDENT_AT_22[question])
    raise AssertionError("the screener did not end")


async def test_result_details_are_whole_sentences_with_where_to_apply(chat: LocalChat) -> None:
    result = await screen_student_at_22(chat)
    eligible, _, ineligible = result.partition("❌ 해당 없음")
    # A date is not a sentence end: "2018. 3.~10." stays whole.
    assert "일정: 사업기간은 2018. 3.~10.이에요 (상반기 3~6월, 하반기 7~10월)." in eligible
    assert not any(line.isspace() for line in result.split("\n"))  # no empty detail line
    parttime = eligible.split("• 대학생 아르바이트 (청년 공공일자리)\n")[1].split("\n• ")[0]
    assert parttime.startswith(
        "  신청 방법: 자료에 나와 있지 않아요. 일자리정책과 청년지원팀에 문의"
    )
    intern = eligible.split("• 중소기업 청년인턴\n")[1].split("\n• ")[0]
    assert "임금·지원금: 월 급여의 60%" in intern and "신청 방법:" in intern
    new_deal = eligible.split("• 서울형 청년 뉴딜일자리\n")[1].split("\n• ")[0]
    assert "일정: 근로기간은 2. 27.~12. 31.이고 사업별로 달라요." in new_deal
    assert "신청 방법:" in new_deal
    assert "• 공공근로사업: 재학생은 참여할 수 없어요 (2018년 기준)" in ineligible


async def test_english_result_details_do_not_stop_inside_a_date(chat: LocalChat) -> None:
    await chat.send("/lang")
    await chat.press("English")
    result = await screen_student_at_22(chat)
    eligible = result.partition("❌")[0]
    assert "Schedule: The 2018 period is March to October (2018. 3.~10.); first half" in eligible
    assert "Schedule: The work period was 2. 27. to 12. 31., varying by project" in eligible
    assert "• Public Works Jobs: Enrolled students are excluded (as of 2018)" in result


async def test_ineligible_reasons_keep_the_year_of_the_rule(chat: LocalChat) -> None:
    await answer_resident_in_their_fifties(chat)
    ineligible = chat.last.text.partition("❌ 해당 없음")[2]
    assert "• 서울형 청년 뉴딜일자리: 만 39세 이하만 참여할 수 있어요 (2017년 기준)" in ineligible
    assert "• 중소기업 청년인턴: 만 35세 이하 청년만 참여할 수 있어요 (2017년 기준)" in ineligible


async def test_the_intro_says_what_the_answers_are_used_for(chat: LocalChat) -> None:
    [reply] = await chat.send("/check")
    intro = reply.text.split("\n\n")[0]
    assert "전달하지 않아요" not in intro
    assert "나이가 만 15~39세이면 담당 팀이 청년에게 보내는 모집 공지를 받게 돼요" in intro
    assert "담당 직원은 개인별 답을 볼 수 없고, /forget 으로 언제든 지울 수 있어요" in intro


async def test_households_beyond_the_data_are_told_to_ask_the_team(chat: LocalChat) -> None:
    await chat.send("/check")
    await chat.send("50")
    [reply] = await chat.press("서울 다른 구")
    assert "7명 이상 가구는 자료에 기준액이 없어요" in reply.text
    assert [label for label in labels(reply) if label.endswith("명")] == [
        f"{size}명" for size in range(1, 7)
    ]


def test_household_and_income_questions_follow_the_median_income_data(kb) -> None:
    income = kb.median_income.model_copy(
        update={"year": 2019, "monthly_krw": {**kb.median_income.monthly_krw, 7: 7_000_000}}
    )
    screener = Screener(replace(kb, median_income=income))
    state = ScreenerState(answers={"age": 50}, history=["age"], step="household_size")
    assert "8명 이상 가구는" in screener.prompt(state, "ko").text
    state.step = "household_income_pct_median"
    assert "(2019년 기준중위소득 기준)" in screener.prompt(state, "ko").text


async def test_check_offers_to_continue_a_screener_in_progress(chat: LocalChat, engine) -> None:
    await chat.send("/check")
    await chat.send("27")
    await chat.press("영등포구")
    [offer] = await chat.send("/check")
    assert offer.text.startswith("하던 자격 확인이 있어요 (답한 질문 2개)")
    assert labels(offer) == ["▶️ 이어서 하기", "🔄 처음부터", "✖️ 그만하기"]
    [reply] = await chat.press("▶️ 이어서 하기")
    assert reply.text.startswith("자격 확인 3번째 질문\n지금 일하고 계세요?")
    await chat.send("/check")
    [reply] = await chat.press("🔄 처음부터")
    assert "만 나이를 숫자로" in reply.text
    with Session(engine) as session:
        [row] = session.exec(select(FlowState)).all()
    assert ScreenerState.from_json(json.loads(row.data)).answers == {}


async def test_an_edit_is_numbered_by_its_answer_and_back_returns_to_the_menu(
    chat: LocalChat,
) -> None:
    await answer_resident_in_their_fifties(chat)
    result = chat.last.text
    await chat.press("✏️ 답 수정")
    [reply] = await chat.press("나이")
    assert reply.text.startswith("✏️ 답 수정: 나이\n만 나이를 숫자로")
    assert "번째 질문" not in reply.text
    [menu] = await chat.press("⬅️ 이전")
    assert menu.text == "어떤 답을 바꿀까요?"
    [again] = await chat.press("⬅️ 이전")
    assert again.text == result  # nothing changed: the age is still 58
    await chat.press("✏️ 답 수정")
    await chat.press("재산")
    [reply] = await chat.press("🤷 모름/건너뛰기")  # a skip while editing shows the result
    assert reply.text.startswith("📋 자격 확인 결과")


async def test_the_result_keeps_the_dates_of_a_schedule(chat: LocalChat) -> None:
    await answer_resident_in_their_fifties(chat)
    eligible = chat.last.text.partition("❌")[0]
    public_works = eligible.split("• 공공근로사업\n")[1].split("\n• ")[0]
    assert "일정: 연 2단계로 운영해요. 상반기 1.10~6.30, 하반기 7.1~12.20이에요." in public_works


def section(result: str, program: str) -> str:
    """A program's lines in the screener result."""
    return result.split(f"• {program}\n")[1].split("\n• ")[0]


async def test_the_result_names_the_dream_team_round_open_now_with_its_button(
    chat: LocalChat, now
) -> None:
    result = await screen_student_at_22(chat)
    dream_team = section(result.partition("❌")[0], "청년 드림팀 (청년지원 프로젝트 공모)")
    assert (
        "일정: 지금 2018H1 공모 중이에요: 2018-04-02~2018-04-30 (담당 팀이 정한 일정" in dream_team
    )
    assert "🧑‍🤝‍🧑 청년 드림팀 신청" in labels(chat.last)
    [consent] = await chat.press("🧑‍🤝‍🧑 청년 드림팀 신청")
    assert "개인정보 수집·이용 동의" in consent.text
    now[0] = now[0].replace(month=6, day=1)  # between the rounds
    await chat.send("/forget")
    result = await screen_student_at_22(chat)
    dream_team = section(result.partition("❌")[0], "청년 드림팀 (청년지원 프로젝트 공모)")
    assert "일정: 다음 공모: 2018H2 (2018-09-03~2018-09-28" in dream_team
    assert "🧑‍🤝‍🧑 청년 드림팀 신청" not in labels(chat.last)


async def test_remind_me_under_the_result_offers_the_programs_that_fit(
    chat: LocalChat, engine
) -> None:
    from storage.models import Subscription

    await answer_resident_in_their_fifties(chat)
    result = chat.last.text
    [menu] = await chat.press("🔔 알림 받기")
    assert menu.text.startswith("어느 사업의 모집·선발 일정을 알려 드릴까요?")
    assert "🔔 공공근로사업 알림 받기" in labels(menu)
    assert "🔔 서울형 청년 뉴딜일자리 알림 받기" not in labels(menu)  # not for a 58-year-old
    assert labels(menu)[-2:] == ["🔔 알림 설정", "⬅️ 이전"]
    [note] = await chat.press("🔔 공공근로사업 알림 받기")
    assert note.text.startswith("🔔 공공근로사업 알림을 켰어요")
    with Session(engine) as session:
        assert [s.program_id for s in session.exec(select(Subscription))] == ["public_works"]
    [back] = await chat.press("⬅️ 이전", message=menu)
    assert back.text == result
