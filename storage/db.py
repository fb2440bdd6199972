"""The database engine, from DATABASE_URL (a SQLite file under ./data/ by default)."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import SQLModel, create_engine

from storage import models  # noqa: F401  (registers the tables)

DEFAULT_PATH = Path("data") / "bot.db"


def database_url() -> str:
    url = os.environ.get("DATABASE_URL")
    if url:
        return url
    DEFAULT_PATH.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{DEFAULT_PATH}"


def make_engine(url: str | None = None) -> Engine:
    """An engine with every table created."""
    url = url or database_url()
    connect_args = {"check_same_thread": False} if url.startswith("sqlite") else {}
    engine = create_engine(url, connect_args=connect_args, pool_pre_ping=True)
    SQLModel.metadata.create_all(engine)
    return engine
