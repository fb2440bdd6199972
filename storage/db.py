"""The database: the engine from DATABASE_URL (a SQLite file under ./data/ by default), and the
schema's version, kept by Alembic migrations in storage/migrations."""

from __future__ import annotations

import os
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, event, text
from sqlmodel import SQLModel, create_engine

from storage import models  # noqa: F401  (registers the tables)

DEFAULT_PATH = Path("data") / "bot.db"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


class SchemaBehind(RuntimeError):
    """The database is not at the schema this code expects."""


def database_url() -> str:
    url = os.environ.get("DATABASE_URL")
    if url:
        return url
    DEFAULT_PATH.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{DEFAULT_PATH}"


def make_engine(url: str | None = None, create_tables: bool = False) -> Engine:
    """An engine; `create_tables` builds the schema directly (tests and throwaway databases)."""
    url = url or database_url()
    connect_args = {"check_same_thread": False} if url.startswith("sqlite") else {}
    engine = create_engine(url, connect_args=connect_args, pool_pre_ping=True)
    if url.startswith("sqlite"):
        event.listen(engine, "connect", _sqlite_pragmas)
    if create_tables:
        SQLModel.metadata.create_all(engine)
    return engine


def serves_several_instances(engine: Engine) -> bool:
    """PostgreSQL may be shared by several instances of the bot; a SQLite file serves one."""
    return engine.dialect.name == "postgresql"


def _sqlite_pragmas(connection, _record) -> None:
    """WAL lets readers and the writer work at once; NORMAL sync is safe with WAL."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option(
        "sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%")
    )
    return config


MIGRATION_LOCK = 0x59445043  # "YDPC": one migration at a time on a shared database


def migrate(engine: Engine) -> None:
    """Upgrade the database to the newest schema (`python bot.py migrate`). On PostgreSQL the
    upgrade holds a transaction-level advisory lock, so instances starting together migrate one
    after the other (the second finds nothing left to do)."""
    config = _config(engine)
    with engine.begin() as connection:
        if serves_several_instances(engine):
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def schema_versions(engine: Engine) -> tuple[str | None, str]:
    """(the database's revision, the code's newest revision)."""
    head = ScriptDirectory.from_config(_config(engine)).get_current_head()
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
    return current, head or ""


def require_current_schema(engine: Engine) -> None:
    current, head = schema_versions(engine)
    if current != head:
        raise SchemaBehind(
            f"the database schema is at {current or 'nothing'}, this code needs {head}: "
            "run `python bot.py migrate` (make run does it for you)"
        )
