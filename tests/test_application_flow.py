"""청년 드림팀 applications through the real Application: consent, every validation, drafts that
survive a restart, submit once, edit and withdraw, a closed round."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, select

from bot import application_form
from bot.clock import SEOUL
from handlers.app import build_application, post_init
from handlers.local_api import LocalChat
from storage import applications as store
from storage.models import Application, FlowState
from tests.helpers import (
    FORM_DATA,
    MEMBERS,
    add_members,
    fill_until_review,
    labels,
    start_members,
)


def rows(engine, model) -> list:
    with Session(engine) as session:
        return list(session.exec(select(model)))


async def test_consent_comes_first_and_nothing_is_stored_before_it(chat: LocalChat, engine) -> None:
    [reply] = await chat.send("/apply")
    assert "개인정보 수집·이용 동의" in reply.text and "휴대전화번호" in reply.text
    assert rows(engine, FlowState) == []
    await chat.press("동의하지 않아요")
    assert "아무것도 저장하지 않았어요" in chat.last.text
    assert rows(engine, FlowState) == []


async def test_happy_path_submits_one_application_with_a_receipt(chat: LocalChat, engine) -> None:
    await fill_until_review(chat)
    review = chat.last
    assert review.text.startswith("📝 신청 내용을 확인해 주세요")
    assert "합계 1,000,000원 / 최대 1,000,000원" in review.text
    assert "010-1234-5678" in review.text
    await chat.press("📨 제출")
    assert "접수번호는 DT-2018H1-0001" in chat.last.text
    assert "골목 벽화 프로젝트" in chat.last.text  # the copy of the application
    [stored] = rows(engine, Application)
    assert (stored.receipt, stored.team_name, stored.phone) == (
        "DT-2018H1-0001",
        "문래 청춘들",
        "010-1234-5678",
    )
    assert '"tie": "work"' in stored.members_json and '"amount": 600000' in stored.budget_json
    assert rows(engine, FlowState) == []


async def test_double_submit_creates_one_application(chat: LocalChat, engine) -> None:
    await fill_until_review(chat)
    review = chat.last
    await chat.press("📨 제출", message=review)
    await chat.press("📨 제출", message=review)
    assert "이미 신청하셨어요" in chat.last.text and "DT-2018H1-0001" in chat.last.text
    assert len(rows(engine, Application)) == 1


async def test_every_validation_error_keeps_what_was_entered(chat: LocalChat, engine) -> None:
    await chat.send("/apply")
    await chat.press("✅ 동의하고 시작")
    [reply] = await chat.send("가" * 31)
    assert reply.text.startswith("30자 이내로 적어 주세요. (지금 31자)")
    await chat.send("팀")
    await chat.send("제목")
    await chat.press("청년문화")
    [reply] = await chat.send("가" * 1001)
    assert reply.text.startswith("1,000자 이내로 적어 주세요. (지금 1,001자)")
    await chat.send("소개")
    await chat.send("김하나")
    [reply] = await chat.send("마흔")
    assert reply.text.startswith("나이는 숫자로 적어 주세요")
    [reply] = await chat.send("40")
    assert reply.text.startswith("청년 드림팀 팀원은 만 15~39세여야 해요")
    [reply] = await chat.send("14")
    assert "15~39세" in reply.text
    await chat.send("24")
    [reply] = await chat.press("해당 없음")
    assert reply.text.startswith("영등포구에 살거나, 일하거나, 활동하는 청년만")
    await chat.press("영등포구에 살아요")
    [reply] = await chat.press("다음 ▶️")
    assert reply.text.startswith("팀원은 3명 이상이어야 해요. (지금 1명)")
    for name, age, tie in MEMBERS[1:]:
        await chat.press("➕ 팀원 추가")
        await chat.send(name)
        await chat.send(age)
        await chat.press(tie)
    await chat.press("다음 ▶️")
    [reply] = await chat.send("02-123-4567")
    assert reply.text.startswith("휴대전화번호 형식이 아니에요")
    await chat.send("01012345678")
    await chat.send("재료비")
    [reply] = await chat.send("많이")
    assert reply.text.startswith("금액은 원 단위 숫자로")
    await chat.send("600000")
    await chat.press("➕ 예산 항목 추가")
    await chat.send("대관료")
    [reply] = await chat.send("50만원")
    assert reply.text.startswith("합계가 팀당 최대 1,000,000원을 넘어요. 이 항목에는 400,000원까지")
    await chat.send("40만원")
    await chat.press("다음 ▶️")
    big = {
        "file_id": "f1",
        "file_unique_id": "u1",
        "file_name": "제안서.pdf",
        "file_size": 11 * 1024 * 1024,
    }
    [reply] = await chat.send_update({"message": document_message(chat, big)})
    assert reply.text.startswith("파일이 10MB를 넘어요")
    small = {**big, "file_size": 200_000}
    [reply] = await chat.send_update({"message": document_message(chat, small)})
    assert reply.text.startswith("📝 신청 내용을 확인해 주세요")
    assert "제안서.pdf" in reply.text and "김하나 (24세, 영등포구에 살아요)" in reply.text


def document_message(chat: LocalChat, document: dict) -> dict:
    return {
        "message_id": 777,
        "date": 0,
        "chat": {"id": chat.user_id, "type": "private"},
        "from": chat.user,
        "document": document,
    }


async def test_draft_survives_a_restart(chat: LocalChat, assistant, engine, api, now) -> None:
    await chat.send("/apply")
    await chat.press("✅ 동의하고 시작")
    await chat.send("문래 청춘들")
    await chat.send("골목 벽화 프로젝트")
    await chat.application.shutdown()
    restarted = build_application(
        "123456:TEST", assistant, engine, request=api, clock=lambda: now[0], background=False
    )
    await restarted.initialize()
    await post_init(restarted)
    again = LocalChat(restarted, api, user_id=chat.user_id)
    [reply] = await again.send("/apply")
    assert reply.text.startswith("저장된 신청서를 이어서 작성할게요")
    assert "공모 주제를 골라 주세요" in reply.text
    await again.press("청년문화")
    assert "프로젝트를 소개해 주세요" in again.last.text
    await restarted.shutdown()
    await chat.application.initialize()


async def test_back_and_edit_from_review(chat: LocalChat, engine) -> None:
    await fill_until_review(chat)
    await chat.press("✏️ 제목")
    await chat.send("새 제목")
    assert (
        chat.last.text.startswith("📝 신청 내용을 확인해 주세요")
        and "제목: 새 제목" in chat.last.text
    )
    await chat.press("✏️ 팀원")
    await chat.press("➖ 박셋 빼기")
    [reply] = await chat.press("다음 ▶️")
    assert reply.text.startswith("팀원은 3명 이상이어야 해요. (지금 2명)")


async def test_question_mid_form_is_answered_and_the_form_resumes(chat: LocalChat) -> None:
    await chat.send("/apply")
    await chat.press("✅ 동의하고 시작")
    await chat.send("팀")
    await chat.send("제목")
    answer, resume = await chat.send("드림팀 팀당 얼마 지원해줘요?")
    assert "100만" in answer.text
    assert resume.text.startswith("신청서를 이어서 작성할게요") and "공모 주제" in resume.text


async def test_cancel_discards_the_draft_after_confirmation(chat: LocalChat, engine) -> None:
    await chat.send("/apply")
    await chat.press("✅ 동의하고 시작")
    await chat.send("팀")
    [reply] = await chat.send("/cancel")
    assert "지울까요" in reply.text
    await chat.press("아니요, 계속할게요")
    assert len(rows(engine, FlowState)) == 1
    await chat.send("/cancel")
    await chat.press("네, 지워 주세요")
    assert rows(engine, FlowState) == []


async def test_edit_after_submit_keeps_the_receipt(chat: LocalChat, engine) -> None:
    await fill_until_review(chat)
    await chat.press("📨 제출")
    await chat.send("/myapplication")
    assert "DT-2018H1-0001" in chat.last.text and "상태: 제출" in chat.last.text
    await chat.press("✏️ 수정")
    await chat.press("✏️ 제목")
    await chat.send("바뀐 제목")
    await chat.press("📨 제출")
    assert "수정한 내용으로 저장했어요" in chat.last.text
    [stored] = rows(engine, Application)
    assert (stored.title, stored.receipt) == ("바뀐 제목", "DT-2018H1-0001")


async def test_withdraw_then_forget_deletes_it(chat: LocalChat, engine) -> None:
    await fill_until_review(chat)
    await chat.press("📨 제출")
    await chat.send("/myapplication")
    await chat.press("↩️ 철회")
    await chat.press("네, 철회할게요")
    assert "철회했어요" in chat.last.text
    assert [a.status for a in rows(engine, Application)] == ["withdrawn"]
    await chat.send("/forget")
    assert rows(engine, Application) == []


async def test_no_edit_after_the_round_closes(chat: LocalChat, now) -> None:
    await fill_until_review(chat)
    await chat.press("📨 제출")
    now[0] = datetime(2018, 5, 2, 9, 0, tzinfo=SEOUL)
    [reply] = await chat.send("/myapplication")
    assert "✏️ 수정" not in labels(reply)


async def test_outside_a_round_says_when_the_next_one_is(chat: LocalChat, now, engine) -> None:
    now[0] = datetime(2018, 6, 1, 9, 0, tzinfo=SEOUL)
    [reply] = await chat.send("/apply")
    assert reply.text.startswith("지금은 청년 드림팀 공모 기간이 아니에요")
    assert "2018H2 (2018-09-03~2018-09-28, 담당 팀이 정한 일정" in reply.text
    assert "🔔 알림 설정" in labels(reply)
    assert rows(engine, FlowState) == []


async def test_free_text_and_deep_link_open_the_form(chat: LocalChat) -> None:
    replies = await chat.send("드림팀 신청하고 싶어요")
    assert "개인정보 수집·이용 동의" in replies[-1].text
    [reply] = await chat.send("/start youth_dream_team")
    assert "개인정보 수집·이용 동의" in reply.text


async def test_one_user_cannot_touch_anothers_draft(
    chat: LocalChat, application, api, engine
) -> None:
    await chat.send("/apply")
    await chat.press("✅ 동의하고 시작")
    await chat.send("내 팀")
    other = LocalChat(application, api, user_id=5151)
    await other.press_data("frm:cancelyes:-", chat.last)
    assert len(rows(engine, FlowState)) == 1
    assert '"team_name": "내 팀"' in rows(engine, FlowState)[0].data


async def test_the_flow_started_last_gets_the_typed_text(chat: LocalChat, engine) -> None:
    await chat.send("/apply")
    await chat.press("✅ 동의하고 시작")
    await chat.send("우리팀")
    await chat.send("/check")
    [reply] = await chat.send("25")
    assert "어디에 사세요" in reply.text  # the screener took the age
    [draft] = [row for row in rows(engine, FlowState) if row.flow == "application"]
    assert '"title":' not in draft.data
    [reply] = await chat.send("/apply")
    assert reply.text.startswith("저장된 신청서를 이어서 작성할게요")
    [reply] = await chat.send("골목 벽화 프로젝트")
    assert "공모 주제를 골라 주세요" in reply.text
    [draft] = [row for row in rows(engine, FlowState) if row.flow == "application"]
    assert '"title": "골목 벽화 프로젝트"' in draft.data
    [screening] = [row for row in rows(engine, FlowState) if row.flow == "screener"]
    assert '"step": "residence"' in screening.data and "골목" not in screening.data


async def test_a_closed_rounds_draft_does_not_take_typed_text(chat: LocalChat, engine, now) -> None:
    await chat.send("/apply")
    await chat.press("✅ 동의하고 시작")
    now[0] = datetime(2018, 5, 2, 10, 0, tzinfo=SEOUL)  # 2018H1 closed on 04-30
    note, answer = await chat.send("공공근로 시급이 얼마예요?")
    assert note.text.startswith("ℹ️ 작성 중이던 청년 드림팀 신청서(2018H1)는 공모가 마감되어")
    assert answer.text.startswith("[공공근로사업]") and "7,530원" in answer.text
    [draft] = [row for row in rows(engine, FlowState) if row.flow == "application"]
    assert '"team_name":' not in draft.data
    [answer] = await chat.send("공공근로 시급이 얼마예요?")  # told once, not every time
    assert answer.text.startswith("[공공근로사업]")
    [reply] = await chat.send("/apply")
    assert reply.text.startswith("작성 중이던 신청서(2018H1)는 공모가 마감되어 제출할 수 없어요")
    assert "2018-07-29까지 보관해 두었다가" in reply.text  # the purge job's day after that
    assert "다음 공모: 2018H2 (2018-09-03~2018-09-28" in reply.text
    assert [row.flow for row in rows(engine, FlowState) if row.flow == "application"] == [
        "application"
    ]  # kept for the next round; /cancel deletes it


async def test_a_closed_rounds_draft_is_never_submitted_into_it(
    chat: LocalChat, engine, now
) -> None:
    await fill_until_review(chat)
    review = chat.last
    now[0] = datetime(2018, 9, 10, 10, 0, tzinfo=SEOUL)  # 2018H2 is open
    [reply] = await chat.press("📨 제출", message=review)
    assert rows(engine, Application) == []
    assert reply.text.startswith(
        "ℹ️ 2018H1 공모는 마감됐어요. 작성 중이던 신청서를 지금 열린 2018H2 공모로 옮겼어요"
    )
    assert "공모: 2018H2" in reply.text and "📨 제출" in labels(reply)
    [reply] = await chat.press("📨 제출", message=review)  # the old review's button is stale
    assert reply.text.startswith("이 버튼은 지금 단계의 것이 아니에요")
    assert rows(engine, Application) == []
    await chat.press("📨 제출")
    assert "접수번호는 DT-2018H2-0001" in chat.last.text
    [stored] = rows(engine, Application)
    assert stored.round_id == "2018H2"


async def test_apply_moves_a_closed_rounds_draft_to_the_open_round(chat: LocalChat, now) -> None:
    await chat.send("/apply")
    await chat.press("✅ 동의하고 시작")
    await chat.send("문래 청춘들")
    now[0] = datetime(2018, 9, 10, 10, 0, tzinfo=SEOUL)
    [reply] = await chat.send("/apply")
    assert "지금 열린 2018H2 공모로 옮겼어요" in reply.text
    assert "프로젝트 제목을 적어 주세요" in reply.text
    [reply] = await chat.send("골목 벽화 프로젝트")
    assert "공모 주제를 골라 주세요" in reply.text


async def test_changes_left_open_when_the_round_closes_are_not_saved(
    chat: LocalChat, engine, now
) -> None:
    await fill_until_review(chat)
    await chat.press("📨 제출")
    await chat.send("/myapplication")
    await chat.press("✏️ 수정")
    await chat.press("✏️ 제목")
    now[0] = datetime(2018, 5, 2, 10, 0, tzinfo=SEOUL)
    [note] = await chat.send("새 제목")  # an answer to the edit: not answered as a question
    assert note.text.startswith("2018H1 공모가 마감되어 고치던 내용은 저장하지 않았어요")
    [stored] = rows(engine, Application)
    assert stored.title == "골목 벽화 프로젝트"
    assert rows(engine, FlowState) == []


async def test_a_question_at_a_free_text_step_is_answered_not_stored(
    chat: LocalChat, engine
) -> None:
    await chat.send("/apply")
    await chat.press("✅ 동의하고 시작")
    answer, step = await chat.send("드림팀 팀당 얼마 지원해줘요?")
    assert "100만" in answer.text
    assert step.text.startswith("📝 신청서 작성 중이에요: 위 질문에 답했어요")
    assert "팀 이름을 적어 주세요" in step.text
    assert '"team_name":' not in rows(engine, FlowState)[0].data
    [reply] = await chat.send("문래 청춘들")
    assert "프로젝트 제목을 적어 주세요" in reply.text
    answer, step = await chat.send("공공근로 시급이 얼마예요")  # no question mark
    assert answer.text.startswith("[공공근로사업]") and "7,530원" in answer.text
    assert "프로젝트 제목을 적어 주세요" in step.text
    [reply] = await chat.send("골목 벽화 프로젝트")  # an answer that names a program is kept
    assert "공모 주제를 골라 주세요" in reply.text
    data = rows(engine, FlowState)[0].data
    assert '"team_name": "문래 청춘들"' in data and '"title": "골목 벽화 프로젝트"' in data


async def test_a_text_taken_for_a_question_is_the_answer_when_sent_again(chat: LocalChat) -> None:
    await chat.send("/apply")
    await chat.press("✅ 동의하고 시작")
    await chat.send("팀")
    replies = await chat.send("뭐 하지?")
    assert replies[-1].text.startswith("📝 신청서 작성 중이에요")
    assert "프로젝트 제목을 적어 주세요" in replies[-1].text
    [reply] = await chat.send("뭐 하지?")
    assert "공모 주제를 골라 주세요" in reply.text
    await chat.press("청년문화")
    description = "청년 동아리가 무엇을 할 수 있는지 골목에서 보여 주는 프로젝트예요. 매주 모여요."
    [reply] = await chat.send(description)  # a description, though it says 무엇 and 프로젝트
    assert reply.text.startswith("5. 팀원 1의 이름을 적어 주세요")


async def test_an_old_consent_button_after_submitting_makes_no_second_draft(
    chat: LocalChat, api, engine
) -> None:
    await fill_until_review(chat)
    await chat.press("📨 제출")
    consent = next(
        m for m in api.outbox if m.chat_id == chat.user_id and "✅ 동의하고 시작" in labels(m)
    )
    [reply] = await chat.press("✅ 동의하고 시작", message=consent)
    assert reply.text.startswith("이번 공모(2018H1)에 이미 신청하셨어요. 접수번호 DT-2018H1-0001")
    assert "/myapplication" in reply.text
    assert rows(engine, FlowState) == []
    assert len(rows(engine, Application)) == 1


async def test_submit_says_so_when_nothing_new_was_saved(chat: LocalChat, engine) -> None:
    await fill_until_review(chat)
    other_device = {**FORM_DATA, "team_name": "먼저 낸 팀"}  # a second device, say
    store.submit(engine, "2018H1", chat.user_id, chat.user_id, other_device)
    [reply] = await chat.press("📨 제출")
    assert not reply.text.startswith("✅ 제출했어요")
    assert reply.text.startswith("작성하던 신청서는 저장하지 않았어요.\n이번 공모(2018H1)에 이미")
    [stored] = rows(engine, Application)
    assert stored.team_name == "먼저 낸 팀"


async def test_changes_are_refused_at_submit_once_staff_decided(
    chat: LocalChat, staff_chat: LocalChat, engine
) -> None:
    await fill_until_review(chat)
    await chat.press("📨 제출")
    await chat.send("/myapplication")
    await chat.press("✏️ 수정")
    await chat.press("✏️ 제목")
    await chat.send("바뀐 제목")
    review = chat.last
    [stored] = rows(engine, Application)
    await staff_chat.send("/applications")
    await staff_chat.press_data(f"stf:set:{stored.id}:selected")
    await staff_chat.send("좋아요")
    [reply] = await chat.press("📨 제출", message=review)
    assert reply.text.startswith("고치던 내용은 저장하지 않았어요.\n신청서가 '선정' 상태가 되어")
    [stored] = rows(engine, Application)
    assert (stored.title, stored.status) == ("골목 벽화 프로젝트", "selected")
    assert [row for row in rows(engine, FlowState) if row.user_id == chat.user_id] == []


async def test_back_inside_a_member_returns_to_its_previous_question(chat: LocalChat) -> None:
    await start_members(chat)
    await chat.send("김하나")
    await chat.send("24")
    [reply] = await chat.press("⬅️ 이전")  # from the tie: the age, kept
    assert reply.text.startswith("김하나 님의 만 나이를")
    assert "↩️ 그대로 두기: 24" in labels(reply)
    [reply] = await chat.press("⬅️ 이전")  # from the age: the name, kept
    assert reply.text.startswith("5. 팀원 1의 이름을")
    assert "↩️ 그대로 두기: 김하나" in labels(reply)
    [reply] = await chat.press("↩️ 그대로 두기: 김하나")
    [reply] = await chat.press("↩️ 그대로 두기: 24")
    assert reply.text.startswith("김하나 님은 영등포구와 어떤 관계예요?")
    await chat.press("영등포구에 살아요")
    [reply] = await chat.press("➕ 팀원 추가")
    assert "그대로 두기" not in " ".join(labels(reply))  # a new member starts empty
    [reply] = await chat.press("⬅️ 이전")  # from a new member's name: the list
    assert reply.text.startswith("팀원 1명 (최소 3명)")
    [reply] = await chat.press("⬅️ 이전")  # from the list: the description, kept
    assert reply.text.startswith("4. 프로젝트를 소개해 주세요")
    assert "↩️ 그대로 두기: 문래동 골목에 청년 작가들과 벽화를 그려요." in labels(reply)


async def test_back_inside_a_budget_line_and_from_the_phone(chat: LocalChat) -> None:
    await start_members(chat)
    await add_members(chat)
    await chat.press("다음 ▶️")
    await chat.send("010 1234 5678")
    await chat.send("재료비")
    [reply] = await chat.press("⬅️ 이전")  # from the amount: the item
    assert reply.text.startswith("7. 예산 항목 이름을") and "↩️ 그대로 두기: 재료비" in labels(reply)
    [reply] = await chat.press("⬅️ 이전")  # from the first item: the phone, kept
    assert reply.text.startswith("6. 대표자 휴대전화번호를")
    [reply] = await chat.press("⬅️ 이전")  # from the phone: the member list
    assert reply.text.startswith("팀원 3명 (최소 3명)")
    await chat.press("다음 ▶️")
    [reply] = await chat.press("↩️ 그대로 두기: 010-1234-5678")
    assert reply.text.startswith("7. 예산 항목 이름을")


async def test_a_member_who_cannot_join_can_be_left_out(chat: LocalChat, engine) -> None:
    await start_members(chat)
    await chat.send("김하나")
    [reply] = await chat.send("40")
    assert reply.text.startswith("청년 드림팀 팀원은 만 15~39세여야 해요")
    assert "'➖ 김하나 빼기'" in reply.text and "➖ 김하나 빼기" in labels(reply)
    [reply] = await chat.press("➖ 김하나 빼기")
    assert reply.text.startswith("5. 팀원 1의 이름을")
    await chat.send("이둘")
    await chat.send("31")
    [reply] = await chat.press("해당 없음")
    assert "'➖ 이둘 빼기'" in reply.text
    await chat.press("➖ 이둘 빼기")
    assert chat.last.text.startswith("5. 팀원 1의 이름을")
    assert '"members": []' in rows(engine, FlowState)[0].data


async def test_a_full_budget_refuses_another_line_and_a_line_can_be_dropped(
    chat: LocalChat,
) -> None:
    await fill_until_review(chat)
    await chat.press("✏️ 예산")
    [reply] = await chat.press("➕ 예산 항목 추가")
    assert reply.text.startswith("예산이 이미 팀당 최대 1,000,000원까지 찼어요")
    await chat.press("➖ 홍보물 빼기")
    await chat.press("➕ 예산 항목 추가")
    await chat.send("대관료")
    [reply] = await chat.send("50만원")
    assert reply.text.startswith("합계가 팀당 최대 1,000,000원을 넘어요")
    [reply] = await chat.press("➖ 대관료 빼기")
    assert reply.text.startswith("• 재료비: 600,000원")


async def test_back_from_a_section_edited_from_the_review_returns_to_it(chat: LocalChat) -> None:
    await fill_until_review(chat)
    [reply] = await chat.press("✏️ 소개")
    assert "↩️ 그대로 두기: 문래동 골목에 청년 작가들과 벽화를 그려요." in labels(reply)
    [reply] = await chat.press("⬅️ 이전")
    assert reply.text.startswith("📝 신청 내용을 확인해 주세요")
    await chat.press("✏️ 팀 이름")
    [reply] = await chat.press("⬅️ 이전")  # the first step has 이전 too when editing
    assert reply.text.startswith("📝 신청 내용을 확인해 주세요")
    await chat.press("✏️ 팀원")
    await chat.press("➕ 팀원 추가")
    [reply] = await chat.press("⬅️ 이전")
    assert reply.text.startswith("팀원 3명")
    [reply] = await chat.press("⬅️ 이전")
    assert reply.text.startswith("📝 신청 내용을 확인해 주세요")
    await chat.press("✏️ 제목")
    [reply] = await chat.press("↩️ 그대로 두기: 골목 벽화 프로젝트")
    assert reply.text.startswith("📝 신청 내용을 확인해 주세요")


async def test_leaving_an_edit_keeps_the_submitted_application(chat: LocalChat, engine) -> None:
    await fill_until_review(chat)
    await chat.press("📨 제출")
    await chat.send("/myapplication")
    [reply] = await chat.press("✏️ 수정")
    assert "✖️ 수정 그만두기" in labels(reply) and "✖️ 신청 취소" not in labels(reply)
    [reply] = await chat.press("✖️ 수정 그만두기")
    assert reply.text == "고치던 내용을 버릴까요? 제출한 신청서는 그대로 남아요."
    [reply] = await chat.press("네, 지워 주세요")
    assert reply.text.startswith("고치던 내용을 버렸어요. 제출한 신청서는 그대로예요.")
    [stored] = rows(engine, Application)
    assert stored.status == "submitted"


async def test_a_photo_at_the_file_step_asks_for_a_document(chat: LocalChat) -> None:
    await fill_until_review(chat)
    await chat.press("✏️ 파일")
    photo = {k: v for k, v in document_message(chat, {}).items() if k != "document"}
    photo["photo"] = [{"file_id": "p1", "file_unique_id": "u1", "width": 90, "height": 90}]
    [reply] = await chat.send_update({"message": photo})
    assert reply.text.startswith("사진으로는 받을 수 없어요. 제안서는 📎 첨부에서 '파일'을")
    assert "8. 제안서 파일이 있으면 문서로 보내 주세요" in reply.text


async def test_forget_lists_what_it_deleted_and_what_is_kept(chat: LocalChat, engine) -> None:
    await chat.send("/apply")
    await chat.press("✅ 동의하고 시작")
    await chat.send("팀")
    [reply] = await chat.send("/forget")
    assert reply.text == "🗑 지웠어요:\n• 작성 중이던 청년 드림팀 신청서"
    assert rows(engine, FlowState) == []
    await fill_until_review(chat)
    await chat.press("📨 제출")
    await chat.send("/check")
    [reply] = await chat.send("/forget")
    assert reply.text == (
        "🗑 지웠어요:\n• 자격 확인 답과 결과\n\n📁 보관 중이에요:\n"
        "• 제출한 청년 드림팀 신청서 DT-2018H1-0001: 심사 기간이 끝나는 2018-07-29까지 보관한 뒤"
        " 자동으로 지워요."
    )
    [reply] = await chat.send("/forget")
    assert reply.text.startswith("지울 기록이 없어요.\n\n📁 보관 중이에요:\n• 제출한 청년 드림팀")
    assert len(rows(engine, Application)) == 1


async def test_the_file_limit_in_the_texts_follows_the_code(chat: LocalChat, monkeypatch) -> None:
    monkeypatch.setattr(application_form, "MAX_FILE_BYTES", 5 * 1024 * 1024)
    await fill_until_review(chat)
    [reply] = await chat.press("✏️ 파일")
    assert "(5MB 이하)" in reply.text
    big = {"file_id": "f", "file_unique_id": "u", "file_name": "a.pdf", "file_size": 6 * 2**20}
    [reply] = await chat.send_update({"message": document_message(chat, big)})
    assert reply.text.startswith("파일이 5MB를 넘어요")


async def test_cancel_stops_the_flow_the_user_is_in(chat: LocalChat, engine) -> None:
    await chat.send("/apply")
    await chat.press("✅ 동의하고 시작")
    await chat.send("우리팀")
    await chat.send("/check")  # the screener, started after the draft
    [reply] = await chat.send("/cancel")
    assert reply.text.startswith("자격 확인을 그만뒀어요")
    assert [row.flow for row in rows(engine, FlowState)] == ["application"]
    [reply] = await chat.send("/cancel")  # now the draft is the flow in progress
    assert reply.text.startswith("작성 중인 신청서를 지울까요?")


async def test_a_double_tap_on_remove_removes_one_entry(chat: LocalChat, engine) -> None:
    await fill_until_review(chat)
    [members] = await chat.press("✏️ 팀원")
    await chat.press("➖ 김하나 빼기", message=members)
    [reply] = await chat.press("➖ 김하나 빼기", message=members)  # the same button again
    assert reply.text.startswith("이 버튼은 지금 단계의 것이 아니에요")
    names = [m["name"] for m in application_form.FormState.from_json(draft(engine)).data["members"]]
    assert names == ["이둘", "박셋"]
    await chat.press("➕ 팀원 추가")
    await chat.send("최넷")
    await chat.send("22")
    await chat.press("영등포구에 살아요")
    await chat.press("다음 ▶️")
    [budget] = await chat.press("✏️ 예산")
    await chat.press("➖ 재료비 빼기", message=budget)
    [reply] = await chat.press("➖ 재료비 빼기", message=budget)
    assert reply.text.startswith("이 버튼은 지금 단계의 것이 아니에요")
    lines = application_form.FormState.from_json(draft(engine)).data["budget"]
    assert [line["item"] for line in lines] == ["홍보물"]


def draft(engine) -> dict:
    import json

    [row] = [row for row in rows(engine, FlowState) if row.flow == "application"]
    return json.loads(row.data)


async def test_declining_on_an_old_consent_message_says_what_is_kept(
    chat: LocalChat, api, engine
) -> None:
    [consent] = await chat.send("/apply")
    await chat.press("✅ 동의하고 시작")
    await chat.send("문래 청춘들")
    [reply] = await chat.press("동의하지 않아요", message=consent)
    assert reply.text.startswith("작성 중이던 청년 드림팀 신청서(2018H1)는 그대로 있어요")
    assert "/cancel" in reply.text and "아무것도 저장하지 않았어요" not in reply.text
    assert draft(engine)["data"]["team_name"] == "문래 청춘들"  # kept, as the reply says
    await chat.send("/cancel")
    await chat.press("네, 지워 주세요")
    await fill_until_review(chat)
    await chat.press("📨 제출")
    [reply] = await chat.press("동의하지 않아요", message=consent)
    assert reply.text.startswith("제출한 신청서(DT-2018H1-0001)는 그대로 있어요")
    assert "/myapplication" in reply.text
    assert len(rows(engine, Application)) == 1


async def test_a_phone_typed_just_after_closing_is_not_kept_as_a_question(
    chat: LocalChat, engine, now
) -> None:
    from storage.models import UnansweredQuestion

    await start_members(chat)
    await add_members(chat)
    [phone_step] = await chat.press("다음 ▶️")
    assert phone_step.text.startswith("6. 대표자 휴대전화번호를")
    now[0] = datetime(2018, 5, 1, 0, 1, tzinfo=SEOUL)  # 2018H1 closed at the end of 04-30
    [reply] = await chat.send("010-1234-5678")
    assert reply.text.startswith("ℹ️ 작성 중이던 청년 드림팀 신청서(2018H1)는 공모가 마감되어")
    assert rows(engine, UnansweredQuestion) == []
    assert "010-1234-5678" not in draft(engine)["data"].values()
    [reply] = await chat.send("010 1234 5678")  # said again, not recorded either
    assert rows(engine, UnansweredQuestion) == []
    await chat.send("제 번호 010-9876-5432 로 연락 주실 수 있나요")  # a question, not the phone
    [stored] = rows(engine, UnansweredQuestion)
    assert "010-****-5432" in stored.text and "9876" not in stored.text


async def test_after_withdrawing_the_team_may_apply_again_in_the_open_round(
    chat: LocalChat, engine, now
) -> None:
    await fill_until_review(chat)
    await chat.press("📨 제출")
    await chat.send("/myapplication")
    [confirm] = await chat.press("↩️ 철회")
    assert "/apply 로 새로 신청할 수 있어요" in confirm.text
    await chat.press("네, 철회할게요")
    [consent] = await chat.send("/apply")  # not "already applied": the withdrawn one does not count
    assert "개인정보 수집·이용 동의" in consent.text
    await fill_until_review(chat)
    review = chat.last
    await chat.press("📨 제출", message=review)
    assert "접수번호는 DT-2018H1-0002" in chat.last.text  # a new number, never the old one
    await chat.press("📨 제출", message=review)  # a double tap still makes one
    assert [(a.receipt, a.status) for a in rows(engine, Application)] == [
        ("DT-2018H1-0001", "withdrawn"),
        ("DT-2018H1-0002", "submitted"),
    ]
    [mine] = await chat.send("/myapplication")
    assert "DT-2018H1-0002" in mine.text and "상태: 제출" in mine.text
    [reply] = await chat.send("/apply")
    assert reply.text.startswith("이번 공모(2018H1)에 이미 신청하셨어요. 접수번호 DT-2018H1-0002")
    await chat.send("/forget")  # the withdrawn one goes; the one that counts is kept
    assert [a.receipt for a in rows(engine, Application)] == ["DT-2018H1-0002"]
    await chat.send("/myapplication")
    await chat.press("↩️ 철회")
    await chat.press("네, 철회할게요")
    await chat.send("/apply")
    await chat.press("✅ 동의하고 시작")
    now[0] = datetime(2018, 5, 1, 10, 0, tzinfo=SEOUL)  # closed: nothing to apply to
    [reply] = await chat.send("/apply")
    assert "제출할 수 없어요" in reply.text


async def test_the_form_in_english_words_amounts_themes_and_counts(chat: LocalChat) -> None:
    await chat.send("/lang")
    await chat.press("English")
    await chat.send("/apply")
    await chat.press("✅ I agree, start")
    await chat.send("Mullae youth")
    [themes] = await chat.send("Alley murals")
    assert labels(themes)[:2] == [
        "Youth culture",
        "Anything for the development of the local community",
    ]
    await chat.press("Youth culture")
    await chat.send("We paint murals with young artists in Mullae-dong alleys.")
    await chat.send("Kim Hana")
    await chat.send("24")
    [members] = await chat.press("Lives in Yeongdeungpo")
    assert members.text.startswith("1 member (at least 3)")
    for name in ("Lee Dul", "Park Set"):
        await chat.press("➕ Add a member")
        await chat.send(name)
        await chat.send("30")
        await chat.press("Works in Yeongdeungpo")
    await chat.press("Next ▶️")
    await chat.send("010-1234-5678")
    await chat.send("Paint")
    [budget] = await chat.send("600000")
    assert budget.text.startswith(
        "• Paint: KRW 600,000\nTotal KRW 600,000 of at most KRW 1,000,000"
    )
    await chat.press("➕ Add a budget line")
    await chat.send("Venue")
    [over] = await chat.send("500000")
    assert over.text.startswith(
        "The total would exceed KRW 1,000,000; this line can be at most KRW 400,000."
    )
    await chat.send("400000")
    await chat.press("Next ▶️")
    [review] = await chat.press("Skip")
    assert "Theme: Youth culture" in review.text and "원" not in review.text
