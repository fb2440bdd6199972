"""A broadcast through Telegram's refusals, end to end: the real bot process against the fake Bot
API server, which is scripted to answer 429, 403 or nothing at all for some recipients."""

from __future__ import annotations

from tests.e2e import Harness

STAFF = 900001
FLOODED, BLOCKED, DROPPED, PLAIN = 6001, 6002, 6003, 6004
NOTICE = "하반기 공공근로 참여자 모집 안내"


def test_a_notice_reaches_everyone_once_through_429_403_and_dropped_connections(
    tmp_path,
) -> None:
    h = Harness(tmp_path, {"ADMIN_IDS": str(STAFF), "FLOOD_MAX_UPDATES": "1000"})
    try:
        for resident in (FLOODED, BLOCKED, DROPPED, PLAIN):
            h.send(resident, "/subscribe")
            h.press(resident, "▫️ 공공근로사업")
            h.latest_with_button(resident, "🔔 공공근로사업")
        h.script_faults(
            [
                {"chat": FLOODED, "fault": "429", "times": 2},
                {"chat": BLOCKED, "fault": "403"},
                {"chat": DROPPED, "fault": "drop"},
            ]
        )
        h.send(STAFF, "/broadcast")
        h.wait_for(STAFF, "보낼 내용을 적어 주세요")
        h.send(STAFF, NOTICE)
        h.press(STAFF, "공공근로사업")
        h.press(STAFF, "다음 ▶️")
        h.wait_for(STAFF, "받는 사람 지금 기준 4명")
        h.press(STAFF, "🚀 지금 발송")
        report = h.wait_for(STAFF, "✅ 발송 완료", timeout=30)
        assert "보냄 3" in report["text"] and "차단 1" in report["text"]
        for resident, copies in ((FLOODED, 1), (BLOCKED, 0), (DROPPED, 1), (PLAIN, 1)):
            got = [m for m in h.messages(resident) if m["text"].startswith(NOTICE)]
            assert len(got) == copies, (resident, got)
        assert h.stats()["scripted"] == {"429": 2, "403": 1, "drop": 1}
    finally:
        h.close()
