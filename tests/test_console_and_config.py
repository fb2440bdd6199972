"""The console chat runs the same Application; configuration comes from the environment."""

from __future__ import annotations

import io

from bot.settings import Settings, parse_ids
from handlers.app import build_application
from handlers.console import run_console
from handlers.local_api import LocalBotApi


async def test_console_shows_buttons_as_numbers_and_presses_them(assistant, engine) -> None:
    api = LocalBotApi()
    application = build_application("local:console", assistant, engine, request=api)
    out = io.StringIO()
    await run_console(application, api, stdin=io.StringIO("1\n2\n공공근로 시급\n/quit\n"), out=out)
    text = out.getvalue()
    assert "[1] 📋 프로그램 안내" in text
    assert "[2] 구민 일자리" in text
    assert "구민 일자리 분야 사업이에요" in text
    assert "7,530원" in text


def test_base_url_is_passed_to_the_bot(assistant, engine) -> None:
    application = build_application(
        "123:ABC", assistant, engine, base_url="http://127.0.0.1:8081/bot"
    )
    assert application.bot.base_url == "http://127.0.0.1:8081/bot123:ABC"


def test_settings_from_environment(monkeypatch) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "1:T")
    monkeypatch.setenv("ADMIN_IDS", "11, 22,x,")
    monkeypatch.delenv("TELEGRAM_BASE_URL", raising=False)
    settings = Settings.from_env()
    assert settings.token == "1:T" and settings.base_url is None
    assert settings.admin_ids == frozenset({11, 22})
    assert parse_ids("") == frozenset()


async def test_the_readme_names_the_console_user_for_trying_staff_commands(
    assistant, engine
) -> None:
    from pathlib import Path

    from handlers.console import CONSOLE_USER_ID

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert f"ADMIN_IDS={CONSOLE_USER_ID} make run" in readme
    api = LocalBotApi()
    application = build_application(
        "local:console", assistant, engine, frozenset({CONSOLE_USER_ID}), request=api
    )
    out = io.StringIO()
    await run_console(application, api, stdin=io.StringIO("/broadcast\n/quit\n"), out=out)
    assert "📣 공지 작성" in out.getvalue()


class Typist:
    """Types `lines`; before the last one waits until `go_on` is set (someone reading)."""

    def __init__(self, lines: list[str], go_on) -> None:
        self.lines, self.go_on = lines, go_on

    def readline(self) -> str:
        if len(self.lines) == 1:
            self.go_on.wait(10)
        return self.lines.pop(0) if self.lines else ""


async def test_console_prints_what_the_bot_sends_in_the_background(assistant, engine) -> None:
    """A reminder that comes due while the console waits for a line is shown at once."""
    import asyncio
    import threading
    from datetime import datetime, timedelta

    from bot.clock import SEOUL
    from handlers.console import CONSOLE_USER_ID
    from handlers.reminders import dispatch
    from storage.reminders import add_reminder

    api = LocalBotApi()
    application = build_application("local:console", assistant, engine, request=api)
    out, go_on = io.StringIO(), threading.Event()
    console = asyncio.create_task(
        run_console(application, api, stdin=Typist(["/help\n", "/quit\n"], go_on), out=out)
    )
    for _ in range(500):
        if "상담원 연결" in out.getvalue():  # the /help reply: waiting for the next line
            break
        await asyncio.sleep(0.01)
    at = datetime(2018, 4, 10, 10, tzinfo=SEOUL)
    add_reminder(
        engine, CONSOLE_USER_ID, CONSOLE_USER_ID, "x", "백그라운드 알림", at - timedelta(1)
    )
    assert await dispatch(application.bot_data["deps"], application.bot_data["sender"], at) == 1
    for _ in range(500):
        if "백그라운드 알림" in out.getvalue():
            break
        await asyncio.sleep(0.01)
    shown_while_waiting = "백그라운드 알림" in out.getvalue()
    go_on.set()
    await console
    assert shown_while_waiting
    assert out.getvalue().count("백그라운드 알림") == 1
