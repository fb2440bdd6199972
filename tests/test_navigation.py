"""No dead ends: every screen a resident or staff member reaches has a way on (Home or Back)."""

from __future__ import annotations

from handlers.local_api import LocalChat
from tests.helpers import labels


async def test_my_subscriptions_lead_on(chat: LocalChat) -> None:
    [empty] = await chat.send("/mysubscriptions")
    assert empty.text.startswith("받고 있는 알림이 없어요")
    assert labels(empty) == ["🔔 알림 설정", "🏠 처음으로"]
    await chat.send("/start public_works")
    [subscribed] = await chat.press("🔔 알림 받기")
    assert labels(subscribed) == ["📄 공공근로사업 안내 더 보기", "🏠 처음으로"]
    [mine] = await chat.send("/mysubscriptions")
    assert labels(mine) == ["🔕 공공근로사업 알림 끄기", "🔔 알림 설정", "🏠 처음으로"]
    [unsubscribed] = await chat.press("🔕 공공근로사업 알림 끄기")
    assert unsubscribed.text.startswith("🔕 공공근로사업 알림을 껐어요")
    assert labels(unsubscribed) == ["📄 공공근로사업 안내 더 보기", "🏠 처음으로"]
    [home] = await chat.press("🏠 처음으로")
    assert home.text.startswith("안녕하세요!")


async def test_nothing_to_cancel_leads_home(chat: LocalChat) -> None:
    [reply] = await chat.send("/cancel")
    assert reply.text == "취소할 진행 중인 작업이 없어요."
    assert labels(reply) == ["🏠 처음으로"]


async def test_the_language_menu_has_a_way_out(chat: LocalChat) -> None:
    [menu] = await chat.send("/lang")
    assert labels(menu) == ["한국어", "English", "🏠 처음으로"]
    [home] = await chat.press("🏠 처음으로")
    assert home.text.startswith("안녕하세요!")


async def test_the_unanswered_tag_picker_goes_back(chat: LocalChat, staff_chat) -> None:
    await chat.send("주차 위반 과태료 납부")
    await staff_chat.send("/unanswered")
    [picker] = await staff_chat.press("🏷 1 사업 지정")
    assert labels(picker)[-1] == "⬅️ 이전"
    [listing] = await staff_chat.press("⬅️ 이전")
    assert listing.text.startswith("❔ 답하지 못한 질문 (1묶음, 최근 순)")


async def test_forget_leads_home(chat: LocalChat) -> None:
    [reply] = await chat.send("/forget")
    assert labels(reply) == ["🏠 처음으로"]


async def test_the_staff_only_refusal_leads_home(chat: LocalChat) -> None:
    [reply] = await chat.send("/broadcast")
    assert reply.text == "담당 직원만 쓸 수 있는 기능이에요."
    assert labels(reply) == ["🏠 처음으로"]


async def test_a_stale_button_leads_home(staff_chat: LocalChat) -> None:
    await staff_chat.send("/broadcast")
    [prompt] = await staff_chat.send("공지 내용")
    await staff_chat.send("/cancel")  # the notice is discarded; its buttons are stale now
    [reply] = await staff_chat.press("공공근로사업", message=prompt)
    assert reply.text == "이 버튼은 더 이상 쓸 수 없어요. 처음 화면에서 다시 골라 주세요."
    assert labels(reply) == ["🏠 처음으로"]
    [reply] = await staff_chat.press_data("stf:open:999", prompt)  # an application gone
    assert labels(reply) == ["🏠 처음으로"]


async def test_the_test_copy_note_carries_the_way_on(staff_chat: LocalChat, application) -> None:
    await staff_chat.send("/broadcast")
    await staff_chat.send("공지 내용")
    await staff_chat.press("공공근로사업")
    await staff_chat.press("다음 ▶️")
    [copy, note] = await staff_chat.press("🧪 나에게 테스트 발송")
    assert copy.text == "공지 내용"
    assert note.text.startswith("🧪")
    assert "🚀 지금 발송" in labels(note) and "✖️ 공지 작성 취소" in labels(note)


async def test_an_error_is_told_in_the_language_the_person_chose(
    chat: LocalChat, assistant, monkeypatch
) -> None:
    """Telegram says Korean; the person chose English with /lang."""
    await chat.send("/lang")
    await chat.press("English")

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(assistant, "ask", broken)
    replies = await chat.send("public works wage")
    assert replies[-1].text.startswith("Sorry, something went wrong.")
