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
