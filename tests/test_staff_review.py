"""Staff review through the real Application: refusals for everyone else, status changes with a
reason that reach the team, the cap on selected teams, the audit trail, and the exports."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from openpyxl import load_workbook
from sqlmodel import Session, select

from bot.clock import SEOUL
from handlers.app import build_application, post_init
from handlers.deps import Deps
from handlers.local_api import LocalChat
from handlers.reminders import dispatch
from storage import applications as store
from storage import staff as staff_store
from storage.db import make_engine
from storage.models import Application, StaffAction
from tests.conftest import ADMIN_ID
from tests.helpers import FORM_DATA, fill_until_review, labels

ROOT = Path(__file__).resolve().parent.parent


def seed(
    engine, round_id: str, count: int, status: str = "submitted", first_user: int = 70000
) -> list[Application]:
    made = []
    for i in range(count):
        user = first_user + i
        result = store.submit(engine, round_id, user, user, {**FORM_DATA, "team_name": f"팀{i}"})
        assert result.created
        if status != "submitted":
            store.set_status(engine, result.application.id, status, "seed", 1)
        made.append(result.application)
    return made


async def test_non_staff_are_refused_commands_and_forged_buttons(
    chat: LocalChat, engine, api
) -> None:
    [app] = seed(engine, "2018H1", 1)
    [reply] = await chat.send("/applications")
    assert reply.text == "담당 직원만 쓸 수 있는 기능이에요."
    sent_before = len(api.outbox)
    for forged in (
        "stf:list:2018H1",
        f"stf:open:{app.id}",
        f"stf:set:{app.id}:selected",
        "stf:xlsx:2018H1",
    ):
        assert await chat.press_data(forged, reply) == []
    assert len(api.outbox) == sent_before
    assert api.callback_answers[-1]["text"] == "담당 직원만 쓸 수 있는 기능이에요."
    with Session(engine) as session:
        assert session.get(Application, app.id).status == "submitted"
        assert session.exec(select(StaffAction)).all() == []


async def test_status_change_with_reason_reaches_the_team(chat, staff_chat, engine, api) -> None:
    await fill_until_review(chat)
    await chat.press("📨 제출")
    await staff_chat.send("/applications")
    await staff_chat.press("2018H1")
    assert "2018H1 신청서 1건" in staff_chat.last.text
    await staff_chat.press("DT-2018H1-0001 · 문래 청춘들 · 제출")
    assert "010-1234-5678" in staff_chat.last.text
    await staff_chat.press("선정")
    assert "사유를 적어 주세요" in staff_chat.last.text
    await staff_chat.send("지역 연계가 좋아요")
    assert "DT-2018H1-0001: '선정'(으)로 바꿨어요. 팀에 알렸어요." in staff_chat.last.text
    notice = chat.last.text
    assert "📢 청년 드림팀 신청(DT-2018H1-0001) 상태가 '선정'" in notice
    assert "사유: 지역 연계가 좋아요" in notice
    with Session(engine) as session:
        listed, opened, action = session.exec(select(StaffAction)).all()
    assert (listed.action, listed.detail) == ("list", "2018H1")  # who looked at the list
    assert (opened.action, opened.detail) == ("open", "DT-2018H1-0001")
    assert action.at is not None
    assert (action.staff_id, action.action, action.detail) == (
        staff_chat.user_id,
        "status:selected",
        "지역 연계가 좋아요",
    )
    await chat.send("/myapplication")
    assert "상태: 선정" in chat.last.text


async def test_an_eleventh_selection_is_refused(staff_chat, engine) -> None:
    seed(engine, "2018H1", 10, status="selected")
    [eleventh] = seed(engine, "2018H1", 1, first_user=80000)
    await staff_chat.send("/applications")
    await staff_chat.press("2018H1")
    await staff_chat.press_data(f"stf:open:{eleventh.id}")
    [reply] = await staff_chat.press("선정")
    assert (
        reply.text
        == "이 공모는 최대 10팀까지 선정할 수 있어요. 이미 10팀을 선정해서 더 선정할 수 없어요."
    )
    assert store.get(engine, eleventh.id).status == "submitted"


async def test_exports_open_in_excel_with_korean(staff_chat, chat, engine, api) -> None:
    await fill_until_review(chat)
    await chat.press("📨 제출")
    await staff_chat.send("/applications")
    await staff_chat.press("2018H1")
    listing = staff_chat.last
    await staff_chat.press("📥 엑셀(.xlsx)")
    upload = api.uploads[-1]
    assert upload.filename == "dreamteam-2018H1.xlsx"
    book = load_workbook(io.BytesIO(upload.content))
    sheet, members = book["신청서"], book["팀원"]
    assert [c.value for c in sheet[1]][:4] == ["접수번호", "상태", "사유", "팀 이름"]
    assert [c.value for c in sheet[2]][:5] == [
        "DT-2018H1-0001",
        "제출",
        None,
        "문래 청춘들",
        "골목 벽화 프로젝트",
    ]
    assert sheet["H2"].value == "010-1234-5678" and sheet["J2"].value == 1_000_000
    assert [[c.value for c in row] for row in members.iter_rows(min_row=2)] == [
        ["DT-2018H1-0001", "문래 청춘들", "김하나", 24, "영등포구에 살아요"],
        ["DT-2018H1-0001", "문래 청춘들", "이둘", 31, "영등포구에서 일해요"],
        ["DT-2018H1-0001", "문래 청춘들", "박셋", 19, "영등포구에서 활동해요"],
    ]
    await staff_chat.press("📥 CSV", message=listing)
    applications_file, members_file = api.uploads[-2:]
    assert applications_file.filename == "dreamteam-2018H1.csv"
    raw = applications_file.content
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert table[1][:4] == ["DT-2018H1-0001", "제출", "", "문래 청춘들"]
    assert members_file.filename == "dreamteam-2018H1-members.csv"
    assert list(csv.reader(io.StringIO(members_file.content.decode("utf-8-sig")))) == [
        ["접수번호", "팀 이름", "이름", "나이", "영등포구와의 관계"],
        ["DT-2018H1-0001", "문래 청춘들", "김하나", "24", "영등포구에 살아요"],
        ["DT-2018H1-0001", "문래 청춘들", "이둘", "31", "영등포구에서 일해요"],
        ["DT-2018H1-0001", "문래 청춘들", "박셋", "19", "영등포구에서 활동해요"],
    ]
    with Session(engine) as session:
        trail = [(a.action, a.detail) for a in session.exec(select(StaffAction))]
    assert trail == [("list", "2018H1"), ("export:xlsx", "2018H1"), ("export:csv", "2018H1")]


STAFF_COMMANDS = ("/applications", "/broadcast", "/broadcasts", "/unanswered", "/stats")
FORGED = (
    "stf:list:2018H1",
    "stf:set:1:selected",
    "bc:now:-",
    "bc:stop:1",
    "unq:done:1",
    "unq:set:1:public_works",
)


async def test_every_staff_command_and_button_refuses_residents(
    chat: LocalChat, api, engine
) -> None:
    for command in STAFF_COMMANDS:
        [reply] = await chat.send(command)
        assert reply.text == "담당 직원만 쓸 수 있는 기능이에요.", command
    before = len(api.outbox)
    for data in FORGED:
        assert await chat.press_data(data) == [], data
        assert api.callback_answers[-1] == {
            "callback_query_id": api.callback_answers[-1]["callback_query_id"],
            "text": "담당 직원만 쓸 수 있는 기능이에요.",
            "show_alert": True,
        }
    assert len(api.outbox) == before
    with Session(engine) as session:
        assert session.exec(select(StaffAction)).all() == []


async def test_exports_keep_formulas_as_text_and_times_in_seoul(staff_chat, engine, api) -> None:
    [app] = seed(engine, "2018H1", 1)
    with Session(engine) as session:
        stored = session.get(Application, app.id)
        stored.team_name = '=HYPERLINK("http://evil.example","열기")'
        stored.title = "+SUM(1,2)"
        stored.budget_json = '[{"item": "=1+1", "amount": 100000}]'
        session.add(stored)
        session.commit()
        session.refresh(stored)
        submitted = stored.submitted_at
    await staff_chat.send("/applications")
    await staff_chat.press("2018H1")
    listing = staff_chat.last
    await staff_chat.press("📥 엑셀(.xlsx)")
    book = load_workbook(io.BytesIO(api.uploads[-1].content))
    sheet, members, budget = book["신청서"], book["팀원"], book["예산"]
    team, title = sheet["D2"], sheet["E2"]
    assert (team.value, team.data_type) == ('=HYPERLINK("http://evil.example","열기")', "s")
    assert (title.value, title.data_type) == ("+SUM(1,2)", "s")
    assert members["B2"].data_type == "s" and budget["B2"].value == "=1+1"
    assert budget["B2"].data_type == "s" and budget["C2"].value == 100000
    assert sheet["L1"].value == "제출 시각(한국 시간)"
    expected = (submitted if submitted.tzinfo else submitted.replace(tzinfo=UTC)).astimezone(SEOUL)
    assert isinstance(sheet["L2"].value, datetime)
    assert sheet["L2"].value == expected.replace(tzinfo=None, second=0, microsecond=0)
    await staff_chat.press("📥 CSV", message=listing)
    table = list(csv.reader(io.StringIO(api.uploads[-2].content.decode("utf-8-sig"))))
    assert table[1][3] == '\'=HYPERLINK("http://evil.example","열기")'
    assert table[1][4] == "'+SUM(1,2)"
    assert table[1][7] == "010-1111-2222"  # a phone number is not a formula
    assert table[1][11] == expected.strftime("%Y-%m-%d %H:%M")


async def open_application(staff_chat: LocalChat, application_id: int) -> None:
    await staff_chat.send("/applications")
    await staff_chat.press("2018H1")
    await staff_chat.press_data(f"stf:open:{application_id}")


async def test_a_pending_status_change_is_dropped_when_staff_move_on(
    staff_chat: LocalChat, engine, api
) -> None:
    [app] = seed(engine, "2018H1", 1)
    await open_application(staff_chat, app.id)
    [reply] = await staff_chat.press("미선정")
    assert reply.text.startswith("✏️ 상태 변경 대기 중: DT-2018H1-0001 · 팀0\n'제출' → '미선정'")
    assert labels(reply) == ["✖️ 상태 변경 취소"]
    note, listing = await staff_chat.send("/applications")
    assert note.text.startswith("ℹ️ 사유를 적기 전에 다른 작업을 해서 DT-2018H1-0001을(를) '미선정'")
    assert listing.text == "어느 공모의 신청서를 볼까요?"
    replies = await staff_chat.send("공공근로 시급이 얼마예요?")
    assert replies[-1].text.startswith("[공공근로사업]")  # a question, not a reason
    await staff_chat.press("2018H1", message=listing)
    rounds = staff_chat.last
    await staff_chat.press_data(f"stf:open:{app.id}")
    await staff_chat.press("선정")
    note, detail = await staff_chat.press("DT-2018H1-0001 · 팀0 · 제출", message=rounds)
    assert note.text.startswith("ℹ️ 사유를 적기 전에") and "'선정'" in note.text
    assert detail.text.startswith("DT-2018H1-0001 · 팀0 · 제출")
    await staff_chat.send("지역 연계가 좋아요")
    assert store.get(engine, app.id).status == "submitted"
    assert [m for m in api.outbox if m.chat_id == app.chat_id] == []  # the team heard nothing
    with Session(engine) as session:
        actions = [a.action for a in session.exec(select(StaffAction))]
    assert actions == ["list", "open", "list", "open", "open"]


async def test_cancelling_a_pending_change_says_what_was_cancelled(staff_chat, engine) -> None:
    [app] = seed(engine, "2018H1", 1)
    await open_application(staff_chat, app.id)
    await staff_chat.press("선정")
    [reply] = await staff_chat.press("✖️ 상태 변경 취소")
    assert reply.text.startswith(
        "DT-2018H1-0001을(를) '선정'(으)로 바꾸려던 것을 취소했어요. 상태는 그대로예요."
    )
    await staff_chat.press("미선정")
    [reply] = await staff_chat.send("/cancel")
    assert reply.text.startswith("DT-2018H1-0001을(를) '미선정'(으)로 바꾸려던 것을 취소했어요")
    [reply] = await staff_chat.send("/cancel")
    assert reply.text == "취소할 진행 중인 작업이 없어요."
    assert store.get(engine, app.id).status == "submitted"


async def test_a_withdrawn_application_cannot_change_status(staff_chat, engine) -> None:
    [withdrawn] = seed(engine, "2018H1", 1, status="withdrawn")
    await open_application(staff_chat, withdrawn.id)
    detail = staff_chat.last
    assert "팀이 철회한 신청서라 상태를 바꿀 수 없어요" in detail.text
    assert "선정" not in labels(detail)
    [reply] = await staff_chat.press_data(f"stf:set:{withdrawn.id}:selected")
    assert reply.text == "DT-2018H1-0001은(는) 팀이 철회한 신청서라 상태를 바꿀 수 없어요."
    [pending] = seed(engine, "2018H1", 1, first_user=71000)
    await staff_chat.press_data(f"stf:set:{pending.id}:selected")
    store.set_status(engine, pending.id, "withdrawn", None, 71000)  # the team withdraws meanwhile
    [reply] = await staff_chat.send("좋아요")
    assert reply.text == "DT-2018H1-0002은(는) 팀이 철회한 신청서라 상태를 바꿀 수 없어요."
    assert [store.get(engine, a.id).status for a in (withdrawn, pending)] == ["withdrawn"] * 2


async def test_a_status_change_at_night_says_when_the_team_is_told(
    chat, staff_chat, engine, application, now
) -> None:
    await fill_until_review(chat)
    await chat.press("📨 제출")
    [app] = store.list_round(engine, "2018H1")
    now[0] = datetime(2018, 4, 10, 22, 30, tzinfo=SEOUL)
    await open_application(staff_chat, app.id)
    await staff_chat.press("선정")
    await staff_chat.send("지역 연계가 좋아요")
    done = staff_chat.last.text
    assert done.startswith("DT-2018H1-0001: '선정'(으)로 바꿨어요. 팀 알림은 2018-04-11 08:00")
    assert "팀에 알렸어요" not in done
    assert "📢" not in chat.last.text
    now[0] = datetime(2018, 4, 11, 8, 0, tzinfo=SEOUL)
    deps, sender = application.bot_data["deps"], application.bot_data["sender"]
    assert await dispatch(deps, sender, now[0]) == 1
    assert "📢 청년 드림팀 신청(DT-2018H1-0001) 상태가 '선정'" in chat.last.text


async def test_staff_are_told_when_the_team_cannot_be_reached(staff_chat, engine) -> None:
    [app] = seed(engine, "2018H1", 1)  # a team that never talked to the bot (or blocked it)
    await open_application(staff_chat, app.id)
    await staff_chat.press("선정")
    [reply] = await staff_chat.send("좋아요")
    assert reply.text == (
        "DT-2018H1-0001: '선정'(으)로 바꿨어요. "
        "팀이 봇을 차단해서 알리지 못했어요. 연락처로 직접 알려 주세요."
    )


def cli(*args: str, database_url: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": database_url, "ADMIN_IDS": str(ADMIN_ID)}
    return subprocess.run(
        [sys.executable, "bot.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )


async def test_staff_kept_in_the_database_by_the_command_line(assistant, api, tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'staff.db'}"
    assert cli("migrate", database_url=url).returncode == 0
    added = cli("staff", "add", "555", database_url=url)
    assert added.returncode == 0 and added.stdout.startswith("staff: 555 added")
    listing = cli("staff", "list", database_url=url)
    assert listing.stdout.splitlines()[0] == f"staff: {ADMIN_ID} (ADMIN_IDS)"
    assert listing.stdout.splitlines()[1].startswith("staff: 555 (database, since ")
    engine = make_engine(url)

    async def started():
        app = build_application(
            "123456:TEST", assistant, engine, frozenset({ADMIN_ID}), request=api, background=False
        )
        await app.initialize()
        await post_init(app)
        return app

    app = await started()
    chat_scope = '{"chat_id": 555, "type": "chat"}|'
    assert "applications" in [c["command"] for c in api.commands[chat_scope]]
    [reply] = await LocalChat(app, api, user_id=555).send("/applications")
    assert reply.text == "어느 공모의 신청서를 볼까요?"
    await app.shutdown()
    removed = cli("staff", "remove", "555", database_url=url)
    assert removed.returncode == 0 and removed.stdout.startswith("staff: 555 removed")
    assert cli("staff", "remove", "555", database_url=url).returncode == 1
    assert "555" not in cli("staff", "list", database_url=url).stdout
    app = await started()
    assert ("deleteMyCommands", {"scope": {"type": "chat", "chat_id": 555}}) in api.calls
    [reply] = await LocalChat(app, api, user_id=555).send("/applications")
    assert reply.text == "담당 직원만 쓸 수 있는 기능이에요."
    await app.shutdown()
    with Session(engine) as session:
        trail = [(a.staff_id, a.action, a.actor) for a in session.exec(select(StaffAction))]
    assert trail == [(555, "staff:add", "cli"), (555, "staff:remove", "cli")]


def test_database_staff_are_read_at_most_once_a_minute(assistant, engine) -> None:
    deps = Deps(assistant, engine, frozenset({ADMIN_ID}))
    assert deps.is_staff(ADMIN_ID) and not deps.is_staff(556)
    staff_store.add(engine, 556)
    assert not deps.is_staff(556)  # cached
    deps.staff_cache.read_at -= 61
    assert deps.is_staff(556)
    assert deps.all_staff() == {ADMIN_ID, 556}


async def test_a_withdrawal_is_recorded_with_the_resident_as_actor(
    chat, staff_chat, engine
) -> None:
    await fill_until_review(chat)
    await chat.press("📨 제출")
    await chat.send("/myapplication")
    await chat.press("↩️ 철회")
    await chat.press("네, 철회할게요")
    with Session(engine) as session:
        [action] = session.exec(select(StaffAction)).all()
    assert (action.staff_id, action.action, action.actor) == (
        chat.user_id,
        "status:withdrawn",
        "resident",
    )


async def test_staff_get_the_proposal_file_and_it_is_recorded(
    staff_chat, chat, engine, api
) -> None:
    data = {**FORM_DATA, "file_id": "proposal-file-id", "file_name": "제안서.hwp"}
    made = store.submit(engine, "2018H1", 70500, 70500, data).application
    [reply] = await chat.send("/start")
    before = len(api.outbox)
    assert await chat.press_data(f"stf:file:{made.id}", reply) == []  # a resident: refused
    assert len(api.outbox) == before
    await staff_chat.send("/applications")
    await staff_chat.press_data(f"stf:open:{made.id}")
    [sent] = await staff_chat.press("📎 제안서")
    assert (sent.chat_id, sent.document) == (ADMIN_ID, "proposal-file-id")
    assert sent.text == f"📎 {made.receipt} 제안서"
    with Session(engine) as session:
        action = session.exec(select(StaffAction).where(StaffAction.action == "file")).one()
    assert (action.staff_id, action.application_id, action.detail) == (
        ADMIN_ID,
        made.id,
        "제안서.hwp",
    )
    without = store.submit(engine, "2018H1", 70501, 70501, FORM_DATA).application
    [detail] = await staff_chat.press_data(f"stf:open:{without.id}")
    assert "📎 제안서" not in labels(detail)


def test_the_command_line_refuses_what_is_not_a_telegram_user_id(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'ids.db'}"
    assert cli("migrate", database_url=url).returncode == 0
    for wrong in ("9" * 30, "-3", "0", "abc"):
        refused = cli("staff", "add", wrong, database_url=url)
        assert refused.returncode == 2, wrong
        assert "is not a Telegram user id (a positive whole number" in refused.stderr, wrong
        assert "Traceback" not in refused.stderr
    added = cli("staff", "add", "5123456789", database_url=url)  # more than 32 bits
    assert added.returncode == 0 and added.stdout.startswith("staff: 5123456789 added")
    assert "5123456789 (database" in cli("staff", "list", database_url=url).stdout


def test_staff_with_ids_beyond_32_bits_are_kept(engine) -> None:
    assert staff_store.add(engine, 5_123_456_789)
    assert staff_store.ids(engine) == frozenset({5_123_456_789})


async def test_stored_times_follow_the_injected_clock(chat, staff_chat, engine, now) -> None:
    await fill_until_review(chat)
    await chat.press("📨 제출")  # at ROUND_OPEN: 2018-04-10 10:00 in Seoul
    now[0] = datetime(2018, 4, 11, 14, 30, tzinfo=SEOUL)
    await staff_chat.send("/applications")
    await staff_chat.press("2018H1")
    await staff_chat.press("DT-2018H1-0001 · 문래 청춘들 · 제출")
    await staff_chat.press("검토 중")
    await staff_chat.send("서류 확인 중이에요")
    with Session(engine) as session:
        [stored] = session.exec(select(Application)).all()
        trail = [(a.action, a.at) for a in session.exec(select(StaffAction))]
    assert stored.submitted_at.astimezone(UTC) == datetime(2018, 4, 10, 1, 0, tzinfo=UTC)
    assert stored.updated_at.astimezone(UTC) == datetime(2018, 4, 11, 5, 30, tzinfo=UTC)
    assert {action for action, _ in trail} >= {"open", "status:reviewing"}
    assert all(at.astimezone(UTC) == datetime(2018, 4, 11, 5, 30, tzinfo=UTC) for _, at in trail)


async def test_a_second_status_change_the_same_day_reaches_the_team_at_once(
    chat, staff_chat, engine, application, now
) -> None:
    from storage import reminders as reminder_store

    await fill_until_review(chat)
    await chat.press("📨 제출")
    [app] = store.list_round(engine, "2018H1")
    await open_application(staff_chat, app.id)
    await staff_chat.press("검토 중")
    await staff_chat.send("서류를 보고 있어요")
    assert "'검토 중'" in chat.last.text
    now[0] = datetime(2018, 4, 10, 15, 0, tzinfo=SEOUL)
    await open_application(staff_chat, app.id)
    await staff_chat.press("선정")
    await staff_chat.send("축하해요")
    assert staff_chat.last.text == "DT-2018H1-0001: '선정'(으)로 바꿨어요. 팀에 알렸어요."
    assert "📢 청년 드림팀 신청(DT-2018H1-0001) 상태가 '선정'" in chat.last.text
    # Status notices do not use up the day's one reminder either.
    reminder_store.add_reminder(engine, chat.user_id, chat.user_id, "event:test", "행사", now[0])
    deps, sender = application.bot_data["deps"], application.bot_data["sender"]
    assert await dispatch(deps, sender, now[0]) == 1
    assert chat.last.text == "🔔 알림\n행사"
    reminder_store.add_reminder(engine, chat.user_id, chat.user_id, "event:two", "둘째", now[0])
    assert await dispatch(deps, sender, now[0]) == 0  # the planned one a day still holds
