"""One path through every flow, end to end: the real bot process long-polling a fake Bot API
server process over HTTP, and killed (SIGKILL) in the middle of an application."""

from __future__ import annotations

import pytest

from tests.e2e import Harness

RESIDENT, STAFF, STAFF_CHAT = 4242, 900001, -100555


@pytest.fixture
def harness(tmp_path):
    env = {
        "ADMIN_IDS": str(STAFF),
        "STAFF_CHAT_ID": str(STAFF_CHAT),
        "BOT_NOW": "2018-04-10T10:00:00",
        "FLOOD_MAX_UPDATES": "1000",
    }
    running = Harness(tmp_path, env)
    yield running
    running.close()


def test_every_flow_end_to_end(harness: Harness) -> None:
    h = harness
    h.send(RESIDENT, "/start")
    h.wait_for(RESIDENT, "영등포구 일자리정책과 안내 봇")
    h.send(RESIDENT, "공공근로 시급이 얼마예요?")
    h.wait_for(RESIDENT, "7,530원")

    # the screener
    h.press(RESIDENT, "📄 공공근로사업 안내 더 보기")
    h.wait_for(RESIDENT, "[공공근로사업]")
    h.send(RESIDENT, "/check")
    h.wait_for(RESIDENT, "만 나이를 숫자로")
    h.send(RESIDENT, "30")
    for label in (
        "영등포구",
        "일자리를 찾고 있어요 (실업)",
        "학생이 아니에요",
        "1명",
        "월 1,003,263원 이하 (중위소득 60% 이하)",
        "2억원 이하",
        "받는 것 없어요",
    ):
        h.press(RESIDENT, label)
    h.wait_for(RESIDENT, "✅ 신청 가능")

    # reminders
    h.send(RESIDENT, "/subscribe")
    h.press(RESIDENT, "▫️ 공공근로사업")
    h.latest_with_button(RESIDENT, "🔔 공공근로사업")

    # the application, with the bot killed half-way
    h.send(RESIDENT, "/apply")
    h.press(RESIDENT, "✅ 동의하고 시작")
    h.wait_for(RESIDENT, "팀 이름을 적어 주세요")
    h.send(RESIDENT, "문래 청춘들")
    h.wait_for(RESIDENT, "프로젝트 제목")
    h.send(RESIDENT, "골목 벽화")
    h.wait_for(RESIDENT, "공모 주제를 골라")
    h.kill_bot()
    h.start_bot()
    h.send(RESIDENT, "/apply")
    h.wait_for(RESIDENT, "저장된 신청서를 이어서 작성할게요")
    h.press(RESIDENT, "청년문화")
    h.send(RESIDENT, "벽화를 그려요")
    for name, age, tie in (
        ("김하나", "24", "영등포구에 살아요"),
        ("이둘", "31", "영등포구에서 일해요"),
        ("박셋", "19", "영등포구에서 활동해요"),
    ):
        h.wait_for(RESIDENT, "이름을 적어 주세요")
        h.send(RESIDENT, name)
        h.wait_for(RESIDENT, "만 나이를")
        h.send(RESIDENT, age)
        h.press(RESIDENT, tie)
        if name != "박셋":
            h.press(RESIDENT, "➕ 팀원 추가")
    h.press(RESIDENT, "다음 ▶️")
    h.send(RESIDENT, "01012345678")
    h.wait_for(RESIDENT, "예산 항목 이름")
    h.send(RESIDENT, "재료비")
    h.wait_for(RESIDENT, "금액을 원 단위로")
    h.send(RESIDENT, "50만원")
    h.press(RESIDENT, "다음 ▶️")
    h.press(RESIDENT, "건너뛰기")
    h.press(RESIDENT, "📨 제출")
    h.wait_for(RESIDENT, "접수번호는 DT-2018H1-0001")

    # staff: review, broadcast
    h.send(STAFF, "/applications")
    h.press(STAFF, "2018H1")
    h.wait_for(STAFF, "2018H1 신청서 1건")
    h.send(STAFF, "/broadcast")
    h.wait_for(STAFF, "보낼 내용을 적어 주세요")
    h.send(STAFF, "하반기 공공근로 모집 안내")
    h.press(STAFF, "공공근로사업")
    h.press(STAFF, "다음 ▶️")
    h.wait_for(STAFF, "받는 사람 지금 기준 1명")
    h.press(STAFF, "🚀 지금 발송")
    h.wait_for(RESIDENT, "하반기 공공근로 모집 안내")
    h.wait_for(STAFF, "✅ 발송 완료: 보냄 1")

    # a person, both ways
    h.send(RESIDENT, "/help")
    h.press(RESIDENT, "🙋 상담원 연결")
    # the question asked before the bot was killed is still there to hand over
    h.wait_for(RESIDENT, "담당 직원에게 질문을 전달했어요")
    request = h.wait_for(STAFF_CHAT, "🙋 상담 요청 #1")
    assert "• 공공근로 시급이 얼마예요?" in request["text"]
    h.send(RESIDENT, "팀원이 바뀌면 어떻게 하나요?")
    h.wait_for(STAFF_CHAT, "팀원이 바뀌면 어떻게 하나요?")
    h.send(STAFF_CHAT, "확인해 드릴게요", reply_to=request, sender=STAFF)
    h.wait_for(RESIDENT, "👩‍💼 담당 직원: 확인해 드릴게요")
