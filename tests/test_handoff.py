"""상담원 연결 through the real Application: the request reaches the staff chat with only what the
resident wrote, replies come back, follow-ups join the thread, and closing ends it."""

from __future__ import annotations

import time
from datetime import datetime, timedelta

import pytest

from bot.clock import SEOUL
from bot.office_hours import OfficeHours
from handlers.app import build_application, post_init
from handlers.local_api import LocalBotApi, LocalChat, SentMessage
from tests.helpers import FORM_DATA, STICKER

STAFF_CHAT = -100555


@pytest.fixture
async def app_with_staff_chat(assistant, engine, now):
    api = LocalBotApi()
    app = build_application(
        "1:T", assistant, engine, frozenset({900001}), request=api, clock=lambda: now[0],
        background=False, staff_chat_id=STAFF_CHAT, office_hours=OfficeHours.parse("09:00-18:00"),
    )  # fmt: skip
    await app.initialize()
    await post_init(app)
    yield app, api
    await app.shutdown()


def staff_messages(api: LocalBotApi) -> list[SentMessage]:
    return [m for m in api.outbox if m.chat_id == STAFF_CHAT]


async def staff_reply(app, api: LocalBotApi, to: SentMessage, text: str) -> None:
    staff = {"id": 900001, "is_bot": False, "first_name": "직원"}
    message = {
        "message_id": 9000 + len(api.outbox),
        "date": int(time.time()),
        "chat": {"id": STAFF_CHAT, "type": "supergroup", "title": "일자리정책과"},
        "from": staff,
        "text": text,
        "reply_to_message": {**to.as_json(), "chat": {"id": STAFF_CHAT, "type": "supergroup"}},
    }
    await LocalChat(app, api, user_id=900001).send_update({"message": message})


async def test_handoff_both_ways_until_closed(app_with_staff_chat, engine) -> None:
    app, api = app_with_staff_chat
    resident = LocalChat(app, api, user_id=4242, first_name="김구민")
    await resident.send("공공근로 시급")
    await resident.send("제 경우에도 주휴수당 받나요? 010-1234-5678")
    [fallback] = await resident.send("우리 아버지 경우는 어떻게 되는지 궁금해요")
    await resident.press("🙋 상담원 연결", message=fallback)
    assert resident.last.text.startswith("🙋 담당 직원에게 질문을 전달했어요")
    assert "상담 시간" not in resident.last.text  # Tuesday 10:00 is office hours
    [request] = staff_messages(api)
    assert request.text.startswith("🙋 상담 요청 #1 (김구민)")
    assert "• 공공근로 시급" in request.text and "• 우리 아버지 경우는" in request.text
    assert "7,530원" not in request.text  # staff see what the resident sent, not the bot's answers

    await staff_reply(app, api, request, "아버님 연세와 소득을 알려주시면 확인해 드릴게요.")
    assert resident.last.text == "👩‍💼 담당 직원: 아버님 연세와 소득을 알려주시면 확인해 드릴게요."

    sent = await resident.send("72세이고 소득은 없어요")  # goes to staff, the bot does not answer
    assert [m.chat_id for m in sent] == [STAFF_CHAT, resident.user_id]
    assert sent[1].text.startswith("💬 담당 직원에게 전달했어요.")  # the first is acknowledged
    followup = staff_messages(api)[-1]
    assert followup.text == "💬 #1 주민: 72세이고 소득은 없어요"
    sent = await resident.send("기초연금은 받고 있어요")
    assert [m.chat_id for m in sent] == [STAFF_CHAT]  # later ones pass silently
    await staff_reply(app, api, followup, "공공근로 신청 대상이세요.")
    assert resident.last.text == "👩‍💼 담당 직원: 공공근로 신청 대상이세요."

    await LocalChat(app, api, user_id=900001).press_data("ho:close:1", request)
    assert resident.last.text.startswith("상담이 끝났어요")
    [answer] = await resident.send("공공근로 시급")
    assert "7,530원" in answer.text


async def test_after_hours_the_resident_is_told(app_with_staff_chat, now) -> None:
    app, api = app_with_staff_chat
    now[0] = datetime(2018, 4, 14, 11, 0, tzinfo=SEOUL)  # a Saturday
    resident = LocalChat(app, api, user_id=4343)
    await resident.send("/help")
    await resident.press("🙋 상담원 연결")
    await resident.send("주말에도 답해 주시나요?")
    assert "지금은 상담 시간(평일 09:00~18:00)이 아니어서" in resident.last.text


async def test_another_resident_cannot_close_a_thread(app_with_staff_chat) -> None:
    app, api = app_with_staff_chat
    owner = LocalChat(app, api, user_id=4444)
    await owner.send("/help")
    await owner.press("🙋 상담원 연결")
    await owner.send("질문이 있어요")
    intruder = LocalChat(app, api, user_id=4545)
    await intruder.send("/help")
    await intruder.press_data("ho:end:1")
    assert intruder.last.text.startswith("이 버튼은 더 이상 쓸 수 없어요")
    await owner.send("아직 열려 있나요?")
    assert staff_messages(api)[-1].text == "💬 #1 주민: 아직 열려 있나요?"


async def test_staff_chat_chatter_is_ignored(app_with_staff_chat) -> None:
    app, api = app_with_staff_chat
    before = len(api.outbox)
    staff = {"id": 900001, "is_bot": False, "first_name": "직원"}
    message = {
        "message_id": 1,
        "date": 0,
        "chat": {"id": STAFF_CHAT, "type": "supergroup"},
        "from": staff,
        "text": "점심 뭐 먹죠",
    }
    await LocalChat(app, api, user_id=900001).send_update({"message": message})
    assert len(api.outbox) == before


async def test_without_a_staff_chat_the_button_explains(chat: LocalChat) -> None:
    await chat.send("/help")
    await chat.press("🙋 상담원 연결")
    assert chat.last.text.startswith("지금은 상담원 연결을 할 수 없어요")


async def test_answers_typed_into_a_flow_never_reach_staff(app_with_staff_chat) -> None:
    app, api = app_with_staff_chat
    resident = LocalChat(app, api, user_id=4646)
    await resident.send("/check")
    await resident.send("67")  # the screener's age question
    await resident.press("✖️ 그만하기")
    [fallback] = await resident.send("우리 아버지 경우는 어떻게 되는지 궁금해요")
    await resident.press("🙋 상담원 연결", message=fallback)
    [request] = staff_messages(api)
    assert "• 우리 아버지 경우는 어떻게 되는지 궁금해요" in request.text
    assert "67" not in request.text


async def test_from_help_the_question_is_asked_for_first(app_with_staff_chat) -> None:
    app, api = app_with_staff_chat
    resident = LocalChat(app, api, user_id=4747, first_name="박구민")
    await resident.send("/help")
    [asked] = await resident.press("🙋 상담원 연결")
    assert asked.text.startswith("🙋 담당 직원에게 전달할 질문을 적어 주세요.")
    assert staff_messages(api) == []  # nothing to pass on yet: no "(없음)" request
    await resident.send("공공근로 신청 서류가 궁금해요")  # would be answered by the bot otherwise
    [request] = staff_messages(api)
    assert request.text.startswith("🙋 상담 요청 #1 (박구민)")
    assert "• 공공근로 신청 서류가 궁금해요" in request.text and "(없음)" not in request.text
    assert resident.last.text.startswith("🙋 담당 직원에게 질문을 전달했어요")


async def test_an_english_resident_reads_the_handoff_in_english(app_with_staff_chat) -> None:
    app, api = app_with_staff_chat
    resident = LocalChat(app, api, user_id=4848, language_code="en")
    [fallback] = await resident.send("Can my father join?")
    await resident.press("🙋 Talk to a person", message=fallback)
    [request] = staff_messages(api)
    await staff_reply(app, api, request, "네, 가능합니다.")
    assert resident.last.text == "👩‍💼 Staff: 네, 가능합니다."
    await LocalChat(app, api, user_id=900001).press_data("ho:close:1", request)
    assert resident.last.text == "The conversation has ended. Ask me anything any time."


async def test_cancel_ends_the_conversation_and_tells_staff(app_with_staff_chat) -> None:
    app, api = app_with_staff_chat
    resident = LocalChat(app, api, user_id=4949)
    [fallback] = await resident.send("우리 아버지 경우는 어떻게 되는지 궁금해요")
    await resident.press("🙋 상담원 연결", message=fallback)
    [ended] = [m for m in await resident.send("/cancel") if m.chat_id == resident.user_id]
    assert ended.text.startswith("상담이 끝났어요")
    assert staff_messages(api)[-1].text == "#1 주민이 상담을 끝냈어요."
    [answer] = await resident.send("공공근로 시급")  # the bot answers again
    assert "7,530원" in answer.text


async def test_an_answer_to_a_flow_is_not_taken_for_the_question(app_with_staff_chat) -> None:
    app, api = app_with_staff_chat
    resident = LocalChat(app, api, user_id=5050)
    await resident.send("/help")
    await resident.press("🙋 상담원 연결")
    await resident.send("/check")  # changed their mind: the screener asks for the age
    await resident.send("67")
    assert staff_messages(api) == []
    await resident.press("✖️ 그만하기")
    # going elsewhere dropped the request: this is a question for the bot, and 67 stayed here
    await resident.send("제 경우 신청할 수 있나요")
    assert staff_messages(api) == []
    await resident.press("🙋 상담원 연결")
    [request] = staff_messages(api)
    assert "• 제 경우 신청할 수 있나요" in request.text and "67" not in request.text


PHOTO = [{"file_id": "photo-1", "file_unique_id": "u1", "width": 1, "height": 1}]


async def test_photos_are_relayed_both_ways(app_with_staff_chat) -> None:
    app, api = app_with_staff_chat
    resident = LocalChat(app, api, user_id=5151)
    [fallback] = await resident.send("우리 아버지 경우는 어떻게 되는지 궁금해요")
    await resident.press("🙋 상담원 연결", message=fallback)
    [request] = staff_messages(api)
    staff = {"id": 900001, "is_bot": False, "first_name": "직원"}
    reply = {
        "message_id": 9500,
        "date": int(time.time()),
        "chat": {"id": STAFF_CHAT, "type": "supergroup", "title": "일자리정책과"},
        "from": staff,
        "photo": PHOTO,
        "caption": "신청서 양식이에요",
        "reply_to_message": {**request.as_json(), "chat": {"id": STAFF_CHAT, "type": "supergroup"}},
    }
    sent = await LocalChat(app, api, user_id=900001).send_update({"message": reply})
    assert [(m.chat_id, m.text) for m in sent] == [
        (resident.user_id, "👩‍💼 담당 직원이 보낸 자료예요 (아래):"),
        (resident.user_id, ""),
    ]
    assert sent[1].document == f"copy:{STAFF_CHAT}:9500"
    assert not [m for m in staff_messages(api) if "글자로 된 질문만" in m.text]

    photo = {
        "message_id": 777,
        "date": int(time.time()),
        "chat": {"id": resident.user_id, "type": "private"},
        "from": resident.user,
        "photo": PHOTO,
    }
    sent = await resident.send_update({"message": photo})
    header, copy = [m for m in sent if m.chat_id == STAFF_CHAT]
    assert header.text == "💬 #1 주민이 보낸 자료예요 (아래):"
    assert copy.document == f"copy:{resident.user_id}:777"
    await staff_reply(app, api, copy, "잘 받았어요.")  # a reply to the copy reaches the resident
    assert resident.last.text == "👩‍💼 담당 직원: 잘 받았어요."


async def test_nothing_is_said_in_the_staff_chat_about_its_own_media(app_with_staff_chat) -> None:
    app, api = app_with_staff_chat
    before = len(api.outbox)
    message = {
        "message_id": 2,
        "date": 0,
        "chat": {"id": STAFF_CHAT, "type": "supergroup"},
        "from": {"id": 900001, "is_bot": False, "first_name": "직원"},
        "sticker": STICKER,
    }
    await LocalChat(app, api, user_id=900001).send_update({"message": message})
    assert len(api.outbox) == before


async def test_without_a_thread_a_photo_still_gets_the_note(app_with_staff_chat) -> None:
    app, api = app_with_staff_chat
    resident = LocalChat(app, api, user_id=5252)
    photo = {
        "message_id": 1,
        "date": int(time.time()),
        "chat": {"id": resident.user_id, "type": "private"},
        "from": resident.user,
        "photo": PHOTO,
    }
    [note] = await resident.send_update({"message": photo})
    assert note.text.startswith("글자로 된 질문만 이해할 수 있어요")
    assert staff_messages(api) == []


async def test_after_a_restart_only_the_first_follow_up_is_acknowledged(
    app_with_staff_chat, assistant, engine, now
) -> None:
    app, api = app_with_staff_chat
    resident = LocalChat(app, api, user_id=5353)
    [fallback] = await resident.send("우리 아버지 경우는 어떻게 되는지 궁금해요")
    await resident.press("🙋 상담원 연결", message=fallback)
    restarted = build_application(
        "1:T", assistant, engine, request=api, clock=lambda: now[0], background=False,
        staff_chat_id=STAFF_CHAT,
    )  # fmt: skip
    await restarted.initialize()
    resident = LocalChat(restarted, api, user_id=5353)
    first = await resident.send("하나 더 여쭤볼게요")
    second = await resident.send("그리고 하나 더요")
    assert [m.chat_id for m in first] == [STAFF_CHAT, 5353]
    assert [m.chat_id for m in second] == [STAFF_CHAT]
    await restarted.shutdown()


async def test_pressing_again_while_connected_posts_nothing_new(app_with_staff_chat) -> None:
    app, api = app_with_staff_chat
    resident = LocalChat(app, api, user_id=5454)
    [fallback] = await resident.send("우리 아버지 경우는 어떻게 되는지 궁금해요")
    await resident.press("🙋 상담원 연결", message=fallback)
    await resident.send("/help")
    [reply] = await resident.press("🙋 상담원 연결")
    assert reply.text.startswith("🙋 담당 직원과 연결되어 있어요.")
    assert len(staff_messages(api)) == 1  # no second request, no "(없음)"


def document(chat: LocalChat, file_id: str = "proposal-1") -> dict:
    return {
        "message": {
            "message_id": 778,
            "date": int(time.time()),
            "chat": {"id": chat.user_id, "type": "private"},
            "from": chat.user,
            "document": {"file_id": file_id, "file_unique_id": "u", "file_name": "제안서.pdf"},
        }
    }


def form_at_file_step(engine, user_id: int) -> None:
    from bot.application_form import FormState
    from storage.flows import save_flow

    state = FormState(round_id="2018H1", step="file", data=dict(FORM_DATA))
    save_flow(engine, user_id, "application", state.to_json())


async def test_form_answers_typed_after_connecting_never_reach_staff(app_with_staff_chat) -> None:
    app, api = app_with_staff_chat
    resident = LocalChat(app, api, user_id=5555)
    [fallback] = await resident.send("우리 아버지 경우는 어떻게 되는지 궁금해요")
    await resident.press("🙋 상담원 연결", message=fallback)
    await resident.send("/apply")  # the form, touched after the thread was opened
    await resident.press("✅ 동의하고 시작")
    [reply] = await resident.send("문래 청춘들")
    assert reply.text.startswith("2. 프로젝트 제목을 적어 주세요")
    await resident.send("골목 벽화 프로젝트")
    assert len(staff_messages(api)) == 1  # the request only: no answer of the form
    assert not [m for m in staff_messages(api) if "문래" in m.text or "골목" in m.text]
    await resident.send("/cancel")  # the form is the flow the resident is in: its draft
    await resident.press("네, 지워 주세요")
    await resident.send("신청서는 지웠어요. 다른 걸 여쭤볼게요")  # no flow left: to staff
    assert staff_messages(api)[-1].text == "💬 #1 주민: 신청서는 지웠어요. 다른 걸 여쭤볼게요"


async def test_a_thread_opened_after_the_form_takes_text_until_the_form_is_resumed(
    app_with_staff_chat, engine
) -> None:
    app, api = app_with_staff_chat
    resident = LocalChat(app, api, user_id=5656)
    [fallback] = await resident.send("우리 아버지 경우는 어떻게 되는지 궁금해요")
    await resident.send("/apply")
    await resident.press("✅ 동의하고 시작")
    await resident.send("문래 청춘들")  # an answer of the form, before the thread exists
    await resident.press("🙋 상담원 연결", message=fallback)  # now the resident turns to staff
    [request] = staff_messages(api)
    assert "문래" not in request.text
    await resident.send("팀원이 외국인이어도 되나요")
    assert staff_messages(api)[-1].text == "💬 #1 주민: 팀원이 외국인이어도 되나요"
    [resumed] = await resident.send("/apply")
    assert resumed.text.startswith("저장된 신청서를 이어서 작성할게요")
    before = len(staff_messages(api))
    [reply] = await resident.send("골목 벽화 프로젝트")  # the form's title again, not for staff
    assert reply.text.startswith("3. 공모 주제를 골라 주세요")
    assert len(staff_messages(api)) == before
    [cancelled] = [m for m in await resident.send("/cancel") if m.chat_id == resident.user_id]
    assert cancelled.text.startswith("작성 중인 신청서를 지울까요?")  # the form, not the thread
    await resident.press("아니요, 계속할게요")
    await resident.send("/help")
    await resident.press("🙋 상담원 연결")  # back to staff: what is typed goes to them again
    await resident.send("하나 더 여쭤볼게요")
    assert staff_messages(api)[-1].text == "💬 #1 주민: 하나 더 여쭤볼게요"
    [ended] = [m for m in await resident.send("/cancel") if m.chat_id == resident.user_id]
    assert ended.text.startswith("상담이 끝났어요")


async def test_a_proposal_sent_to_the_form_is_not_copied_to_staff(
    app_with_staff_chat, engine
) -> None:
    app, api = app_with_staff_chat
    resident = LocalChat(app, api, user_id=5757)
    [fallback] = await resident.send("우리 아버지 경우는 어떻게 되는지 궁금해요")
    await resident.press("🙋 상담원 연결", message=fallback)
    form_at_file_step(engine, resident.user_id)
    await resident.send("/apply")  # resumes the form at its file step
    [review] = await resident.send_update(document(resident))
    assert review.text.startswith("📝 신청 내용을 확인해 주세요") and "제안서.pdf" in review.text
    assert len(staff_messages(api)) == 1


async def test_a_staff_members_notice_draft_leaves_the_form_its_document(
    app_with_staff_chat, engine
) -> None:
    app, api = app_with_staff_chat
    member = LocalChat(app, api, user_id=900001)
    form_at_file_step(engine, member.user_id)
    await member.send("/broadcast")  # a notice draft waiting for its text or attachment
    await member.send("/apply")  # then back to the form: the document is the proposal
    [review] = await member.send_update(document(member))
    assert review.text.startswith("📝 신청 내용을 확인해 주세요") and "제안서.pdf" in review.text
    [notice] = await member.send_update(document(member, "notice-file"))
    assert not notice.text.startswith("첨부 파일을 받았어요")


async def test_messages_of_4096_characters_are_relayed_whole_both_ways(app_with_staff_chat) -> None:
    app, api = app_with_staff_chat
    resident = LocalChat(app, api, user_id=5858)
    [fallback] = await resident.send("우리 아버지 경우는 어떻게 되는지 궁금해요")
    await resident.press("🙋 상담원 연결", message=fallback)
    long_question = ("가나다라마바사 " * 512)[:4096]  # as long as Telegram lets a resident write
    sent = await resident.send(long_question)
    pieces = [m for m in sent if m.chat_id == STAFF_CHAT]
    assert len(pieces) == 2 and all(len(m.text) <= 4096 for m in pieces)
    assert pieces[0].text.startswith("💬 #1 주민: 가나다라마바사")
    assert "".join(m.text for m in pieces).replace(" ", "").endswith(long_question.replace(" ", ""))
    assert sent[-1].text.startswith("💬 담당 직원에게 전달했어요.")  # acknowledged, not lost

    long_answer = "안" * 4096
    await staff_reply(app, api, pieces[1], long_answer)  # a reply to any piece reaches them
    answer = [m for m in api.outbox if m.chat_id == resident.user_id][-2:]
    assert answer[0].text.startswith("👩‍💼 담당 직원: 안")
    assert all(len(m.text) <= 4096 for m in answer)
    assert "".join(m.text for m in answer).count("안") == 4096


def test_long_texts_are_cut_at_a_line_or_a_space_and_never_inside_a_character() -> None:
    from handlers.sending import split_text, units

    assert split_text("짧은 글") == ["짧은 글"]
    lines = "\n".join(["한 줄 " * 10] * 300)
    pieces = split_text(lines)
    assert all(4000 < units(p) <= 4096 for p in pieces[:-1]) and len(pieces) == 4
    assert "\n".join(pieces) == lines  # cut at a line break, which is all that is dropped
    emoji = "🙂" * 3000  # two UTF-16 units each
    pieces = split_text(emoji)
    assert [units(p) for p in pieces] == [4096, 1904] and "".join(pieces) == emoji


async def test_a_thread_quiet_for_a_day_ends_and_the_bot_answers_again(
    app_with_staff_chat, now
) -> None:
    app, api = app_with_staff_chat
    resident = LocalChat(app, api, user_id=4343)
    [fallback] = await resident.send("기초연금 어떻게 받나요")
    await resident.press("🙋 상담원 연결", message=fallback)
    request = staff_messages(api)[-1]
    await staff_reply(app, api, request, "국민연금공단에 문의해 주세요")
    await resident.send("감사합니다")  # joins the thread
    assert staff_messages(api)[-1].text.endswith("감사합니다")
    now[0] = now[0] + timedelta(hours=25)
    replies = await resident.send("공공근로 시급이 얼마예요?")
    assert "상담 연결을 마쳤어요" in replies[0].text
    assert "7,530원" in replies[-1].text  # answered by the bot, not sent to staff
    assert "#1 24시간 동안 대화가 없어 상담을 마쳤어요" in staff_messages(api)[-1].text


async def test_a_pending_request_is_dropped_when_the_resident_goes_elsewhere(
    app_with_staff_chat,
) -> None:
    app, api = app_with_staff_chat
    resident = LocalChat(app, api, user_id=4444)
    await resident.send("/help")
    await resident.press("🙋 상담원 연결")
    assert not staff_messages(api)  # asked for the question first
    await resident.press("🏠 처음으로")
    [answer] = await resident.send("공공근로 시급이 얼마예요?")
    assert "7,530원" in answer.text and not staff_messages(api)


async def test_questions_asked_on_one_instance_are_handed_over_by_another(
    app_with_staff_chat, assistant, engine, now
) -> None:
    app, api = app_with_staff_chat
    other = build_application(
        "1:T", assistant, engine, request=api, clock=lambda: now[0], background=False,
        staff_chat_id=STAFF_CHAT, office_hours=OfficeHours.parse("09:00-18:00"),
    )  # fmt: skip
    await other.initialize()
    await LocalChat(app, api, user_id=5757).send("공공근로 주휴수당 나와요?")
    resident = LocalChat(other, api, user_id=5757)
    [fallback] = await resident.send("우리 아버지 경우는 어떻게 되는지 궁금해요")
    await resident.press("🙋 상담원 연결", message=fallback)
    [request] = staff_messages(api)
    assert "• 공공근로 주휴수당 나와요?" in request.text  # asked on the first instance
    assert "• 우리 아버지 경우는 어떻게 되는지 궁금해요" in request.text
    # the first follow-up is acknowledged once, whichever instance gets the next one
    first = await resident.send("하나 더 여쭤볼게요")
    second = await LocalChat(app, api, user_id=5757).send("그리고 하나 더요")
    assert [m.chat_id for m in first] == [STAFF_CHAT, 5757]
    assert [m.chat_id for m in second] == [STAFF_CHAT]
    await other.shutdown()


async def test_recent_questions_are_kept_an_hour_then_forgotten(
    app_with_staff_chat, engine, now
) -> None:
    app, api = app_with_staff_chat
    resident = LocalChat(app, api, user_id=5858)
    await resident.send("공공근로 주휴수당 나와요?")
    now[0] += timedelta(hours=1, minutes=1)
    [reply] = await resident.send("/help")
    await resident.press("🙋 상담원 연결", message=reply)
    assert resident.last.text.startswith("🙋 담당 직원에게 전달할 질문을 적어 주세요")
    assert staff_messages(api) == []  # the hour-old question is not handed over
    # each question ages on its own: a new one does not keep an old one fresh
    resident = LocalChat(app, api, user_id=5859)
    await resident.send("주민등록번호 900101-1234567 인데 공공근로 되나요")
    now[0] += timedelta(minutes=40)
    await resident.send("마을기업 지원금")
    now[0] += timedelta(minutes=30)
    [reply] = await resident.send("/help")
    await resident.press("🙋 상담원 연결", message=reply)
    [request] = staff_messages(api)
    assert "마을기업 지원금" in request.text and "주민등록번호" not in request.text


async def test_the_purge_deletes_stale_question_memory_and_forget_deletes_it_now(
    app_with_staff_chat, engine
) -> None:
    from sqlmodel import Session

    from handlers.handoff import RECENT_FLOW
    from handlers.jobs import forget_handoff_memory
    from storage.flows import load_flow
    from storage.models import FlowState, utcnow

    app, api = app_with_staff_chat
    for user_id in (5959, 6060):
        await LocalChat(app, api, user_id=user_id).send("공공근로 주휴수당 나와요?")
    with Session(engine) as session:
        row = session.get(FlowState, (5959, RECENT_FLOW))
        row.updated_at = utcnow() - timedelta(hours=2)
        session.add(row)
        session.commit()
    deps = app.bot_data["deps"]
    assert forget_handoff_memory(deps) == 1
    assert load_flow(engine, 5959, RECENT_FLOW) is None
    assert load_flow(engine, 6060, RECENT_FLOW) is not None  # still fresh
    resident = LocalChat(app, api, user_id=6060)
    [reply] = await resident.send("/forget")
    assert "최근 질문" in reply.text
    assert load_flow(engine, 6060, RECENT_FLOW) is None
