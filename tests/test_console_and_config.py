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
