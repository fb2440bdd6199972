"""Shared fixtures: the shipped knowledge base, a fresh database, and the real Application
running against the in-process Bot API."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import SQLModel

from bot.assistant import Assistant
from bot.clock import SEOUL
from handlers.app import build_application, post_init
from handlers.flood import FloodGate
from handlers.local_api import LocalBotApi, LocalChat
from knowledge.loader import KnowledgeBase, knowledge
from storage.db import make_engine

ADMIN_ID = 900001


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return knowledge()


@pytest.fixture(scope="session")
def assistant(kb: KnowledgeBase) -> Assistant:
    return Assistant(kb)


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """Every storage and flow test runs on SQLite and on a real PostgreSQL server
    (TEST_DATABASE_URL; `tools/with_test_postgres.sh <command>` runs a command beside one)."""
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'test.db'}", create_tables=True)
    else:
        url = os.environ.get("TEST_DATABASE_URL")
        if not url:
            if os.environ.get("CI"):
                pytest.fail("CI must run the PostgreSQL tests: TEST_DATABASE_URL is not set")
            pytest.skip("no PostgreSQL: run the tests with tools/with_test_postgres.sh")
        engine = make_engine(url)
        SQLModel.metadata.drop_all(engine)
        SQLModel.metadata.create_all(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def api() -> LocalBotApi:
    return LocalBotApi()


# Inside the 2018 상반기 청년 드림팀 round of knowledge/data/rounds.yaml.
ROUND_OPEN = datetime(2018, 4, 10, 10, 0, tzinfo=SEOUL)


@pytest.fixture
def now() -> list[datetime]:
    """The tests' clock: replace now[0] to move time."""
    return [ROUND_OPEN]


@pytest.fixture
async def application(
    assistant: Assistant, engine: Engine, api: LocalBotApi, now: list[datetime]
) -> AsyncIterator:
    app = build_application(
        "123456:TEST",
        assistant,
        engine,
        frozenset({ADMIN_ID}),
        request=api,
        clock=lambda: now[0],
        background=False,
        flood=FloodGate(max_updates=10_000),
    )
    await app.initialize()
    await post_init(app)
    yield app
    await app.shutdown()


@pytest.fixture
def chat(application, api: LocalBotApi) -> LocalChat:
    return LocalChat(application, api, user_id=4242)


@pytest.fixture
def staff_chat(application, api: LocalBotApi) -> LocalChat:
    return LocalChat(application, api, user_id=ADMIN_ID, first_name="직원")
