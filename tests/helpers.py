"""Small helpers the tests share."""

from __future__ import annotations

from handlers.local_api import LocalChat, SentMessage

# A Telegram sticker as the Bot API sends one: media the bot has no use for anywhere.
STICKER = {
    "file_id": "s",
    "file_unique_id": "s",
    "width": 1,
    "height": 1,
    "is_animated": False,
    "is_video": False,
    "type": "regular",
}


def labels(message: SentMessage) -> list[str]:
    """The button labels of a message, row by row, left to right."""
    return [label for row in message.button_rows() for label, _ in row]


# The 청년 드림팀 form's answers as stored: a complete application, for tests that need one in
# the database without filling the form in.
FORM_DATA = {
    "team_name": "팀", "title": "제목", "theme": "청년문화", "description": "소개",
    "phone": "010-1111-2222", "members": [{"name": "가", "age": 20, "tie": "reside"}] * 3,
    "budget": [{"item": "재료비", "amount": 100000}],
}  # fmt: skip
# Three members who may join (name, age, tie to the district), as typed and pressed in the form.
MEMBERS = [
    ("김하나", "24", "영등포구에 살아요"),
    ("이둘", "31", "영등포구에서 일해요"),
    ("박셋", "19", "영등포구에서 활동해요"),
]


async def start_members(chat: LocalChat) -> None:
    """/apply, consent and the answers before the members: the form asks for the first one."""
    await chat.send("/apply")
    await chat.press("✅ 동의하고 시작")
    await chat.send("문래 청춘들")
    await chat.send("골목 벽화 프로젝트")
    await chat.press("청년문화")
    await chat.send("문래동 골목에 청년 작가들과 벽화를 그려요.")


async def add_members(chat: LocalChat) -> None:
    """Enters the three MEMBERS, from the first member's name question; the form is left at
    the member list, where 다음 ▶️ goes on to the phone."""
    for name, age, tie in MEMBERS:
        if chat.last.text.startswith("팀원"):
            await chat.press("➕ 팀원 추가")
        await chat.send(name)
        await chat.send(age)
        await chat.press(tie)


async def fill_until_review(chat: LocalChat) -> None:
    """A whole application, typed and pressed as a team would, up to the review screen."""
    await start_members(chat)
    await add_members(chat)
    await chat.press("다음 ▶️")
    await chat.send("010 1234 5678")
    await chat.send("재료비")
    await chat.send("60만원")
    await chat.press("➕ 예산 항목 추가")
    await chat.send("홍보물")
    await chat.send("400,000")
    await chat.press("다음 ▶️")
    await chat.press("건너뛰기")
