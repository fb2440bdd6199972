"""SIGKILL at random points of a flow: the bot restarts and the person carries on; nothing they
entered is lost and nothing is applied twice."""

from __future__ import annotations

import random
import sqlite3

import pytest

from tests.e2e import Harness

RESIDENT = 5151
STEPS = [  # (kind, value, what the bot says next)
    ("send", "/apply", "개인정보 수집·이용 동의"),
    ("press", "✅ 동의하고 시작", "팀 이름을 적어 주세요"),
    ("send", "문래 청춘들", "프로젝트 제목"),
    ("send", "골목 벽화", "공모 주제를 골라"),
    ("press", "청년문화", "프로젝트를 소개해"),
    ("send", "골목에 벽화를 그려요", "팀원 1의 이름"),
    ("send", "김하나", "김하나 님의 만 나이"),
    ("send", "24", "김하나 님은 영등포구와"),
    ("press", "영등포구에 살아요", "팀원 1명"),
    ("press", "➕ 팀원 추가", "팀원 2의 이름"),
    ("send", "이둘", "이둘 님의 만 나이"),
    ("send", "31", "이둘 님은 영등포구와"),
    ("press", "영등포구에서 일해요", "팀원 2명"),
    ("press", "➕ 팀원 추가", "팀원 3의 이름"),
    ("send", "박셋", "박셋 님의 만 나이"),
    ("send", "19", "박셋 님은 영등포구와"),
    ("press", "영등포구에서 활동해요", "팀원 3명"),
    ("press", "다음 ▶️", "휴대전화번호"),
    ("send", "010-2222-3333", "예산 항목 이름"),
    ("send", "재료비", "금액을 원 단위로"),
    ("send", "70만원", "합계 700,000원"),
    ("press", "다음 ▶️", "제안서 파일"),
    ("press", "건너뛰기", "신청 내용을 확인해"),
    ("press", "📨 제출", "접수번호는 DT-2018H1-0001"),
]


@pytest.mark.parametrize("seed", [11, 29])
def test_application_survives_random_kills(tmp_path, seed: int) -> None:
    kills = set(random.Random(seed).sample(range(2, len(STEPS)), 3))
    h = Harness(tmp_path, {"BOT_NOW": "2018-04-10T10:00:00", "FLOOD_MAX_UPDATES": "1000"})
    try:
        for index, (kind, value, reply) in enumerate(STEPS):

            def act(kind: str = kind, value: str = value) -> None:
                (h.send if kind == "send" else h.press)(RESIDENT, value)

            act()
            if (
                index in kills
            ):  # killed right after the person acted: maybe before, maybe after handling
                h.kill_bot()
                h.start_bot()
            try:
                h.wait_for(RESIDENT, reply, timeout=8)
            except AssertionError:  # no answer came: the person repeats, as anyone would
                act()
                h.wait_for(RESIDENT, reply)
    finally:
        h.close()
    db = sqlite3.connect(tmp_path / "e2e.db")
    rows = db.execute(
        "SELECT team_name, title, phone, members_json, budget_json FROM application"
    ).fetchall()
    assert len(rows) == 1
    team, title, phone, members, budget = rows[0]
    assert (team, title, phone) == ("문래 청춘들", "골목 벽화", "010-2222-3333")
    assert [m for m in ("김하나", "이둘", "박셋") if m in members] == ["김하나", "이둘", "박셋"]
    assert members.count('"name"') == 3 and budget.count('"item"') == 1 and "700000" in budget
