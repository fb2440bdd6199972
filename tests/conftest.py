"""Shared fixtures: the shipped knowledge base, a fresh database, and the real Application
running against the in-process Bot API."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine

from bot.assistant import Assistant
from bot.clock import SEOUL
from handlers.app import build_application, post_init
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


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    return make_engine(f"sqlite:///{tmp_path / 'test.db'}")


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
