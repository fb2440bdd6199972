"""Schema changes go through Alembic: the migrations build exactly the models' schema, on SQLite
and PostgreSQL, and the bot refuses to start on a database that is behind."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text
from sqlmodel import SQLModel

from storage.db import SchemaBehind, migrate, require_current_schema, schema_versions

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def empty(engine):
    """The test database with nothing in it."""
    SQLModel.metadata.drop_all(engine)
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
    return engine


def test_migrations_build_the_models_schema(empty) -> None:
    with pytest.raises(SchemaBehind, match=re.escape("python bot.py migrate")):
        require_current_schema(empty)
    migrate(empty)
    current, head = schema_versions(empty)
    assert current == head == "0007"
    require_current_schema(empty)
    with empty.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    assert differences == []


def test_migrate_twice_is_harmless(empty) -> None:
    migrate(empty)
    migrate(empty)
    assert schema_versions(empty)[0] == "0007"


def test_the_bot_refuses_a_database_that_is_behind(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    env = {**os.environ, "DATABASE_URL": url, "TELEGRAM_BOT_TOKEN": ""}
    proc = subprocess.run(
        [sys.executable, "bot.py"], cwd=ROOT, env=env, capture_output=True, text=True, input=""
    )
    assert proc.returncode == 2
    assert "python bot.py migrate" in proc.stderr
    migrated = subprocess.run(
        [sys.executable, "bot.py", "migrate"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert migrated.returncode == 0 and "schema 0007" in migrated.stdout


def test_users_of_an_older_schema_keep_getting_notices(empty) -> None:
    from alembic import command

    from storage.db import _config

    config = _config(empty)
    with empty.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0003")
    with empty.begin() as connection:
        connection.execute(
            text(
                'INSERT INTO "user" (id, chat_id, language, first_seen, last_seen, active)'
                " VALUES (7, 7, 'ko', :at, :at, :yes)"
            ),
            {"at": "2018-04-10 00:00:00+00:00", "yes": True},
        )
    migrate(empty)
    with empty.connect() as connection:
        assert connection.execute(text('SELECT notices_off FROM "user"')).scalar() in (False, 0)


def test_instances_starting_together_migrate_one_after_the_other(empty) -> None:
    """Two processes run `bot.py migrate` at once (two instances starting): both succeed and the
    schema ends at head once. (A SQLite file serves one instance.)"""
    if empty.dialect.name != "postgresql":
        pytest.skip("several instances need PostgreSQL")
    url = empty.url.render_as_string(hide_password=False)
    env = {**os.environ, "DATABASE_URL": url, "TELEGRAM_BOT_TOKEN": ""}
    runs = [
        subprocess.Popen(
            [sys.executable, "bot.py", "migrate"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(2)
    ]
    assert [run.wait(timeout=120) for run in runs] == [0, 0]
    current, head = schema_versions(empty)
    assert current == head


def test_telegram_ids_beyond_32_bits_fit_after_the_upgrade(empty) -> None:
    from alembic import command

    from storage.db import _config

    config = _config(empty)
    with empty.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0005")
    insert = text(
        'INSERT INTO "user" (id, chat_id, language, first_seen, last_seen, active, notices_off)'
        " VALUES (:id, :id, 'ko', :at, :at, :yes, :no)"
    )
    values = {"at": "2018-04-10 00:00:00+00:00", "yes": True, "no": False}
    with empty.begin() as connection:
        connection.execute(insert, {**values, "id": 7})
    migrate(empty)
    with empty.begin() as connection:
        connection.execute(insert, {**values, "id": 6_123_456_789})
    with empty.connect() as connection:
        ids = connection.execute(text('SELECT id, chat_id FROM "user" ORDER BY id')).all()
    assert [tuple(row) for row in ids] == [(7, 7), (6_123_456_789, 6_123_456_789)]
