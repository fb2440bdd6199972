"""Reading and writing 청년 드림팀 applications and the staff actions on them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from storage.models import Application, ReceiptCounter, StaffAction, utcnow
from storage.reminders import utc

STATUSES = ("submitted", "reviewing", "selected", "rejected", "withdrawn")


@dataclass(frozen=True)
class Submitted:
    application: Application
    created: bool  # False when the representative had already submitted in this round


def members(application: Application) -> list[dict[str, Any]]:
    return json.loads(application.members_json)


def budget(application: Application) -> list[dict[str, Any]]:
    return json.loads(application.budget_json)


def form_data(application: Application) -> dict[str, Any]:
    """The application as the form's data (the inverse of what `submit` stores)."""
    return {
        "team_name": application.team_name,
        "title": application.title,
        "theme": application.theme,
        "description": application.description,
        "phone": application.phone,
        "members": members(application),
        "budget": budget(application),
        "file_id": application.file_id,
        "file_name": application.file_name,
    }


def _fields(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "team_name": data["team_name"],
        "title": data["title"],
        "theme": data["theme"],
        "description": data["description"],
        "phone": data["phone"],
        "budget_json": json.dumps(data["budget"], ensure_ascii=False),
        "members_json": json.dumps(data["members"], ensure_ascii=False),
        "file_id": data.get("file_id"),
        "file_name": data.get("file_name"),
    }


def find_for(engine: Engine, round_id: str, representative_id: int) -> Application | None:
    """The representative's application in the round that counts: any status but withdrawn
    (after withdrawing, a team may apply again while the round is open)."""
    with Session(engine) as session:
        statement = select(Application).where(
            Application.round_id == round_id,
            Application.representative_id == representative_id,
            Application.status != "withdrawn",
        )
        return session.exec(statement).first()


def latest_for(engine: Engine, round_id: str, representative_id: int) -> Application | None:
    """What /myapplication shows for the round: the application that counts, else the last one
    withdrawn."""
    with Session(engine) as session:
        statement = (
            select(Application)
            .where(
                Application.round_id == round_id,
                Application.representative_id == representative_id,
            )
            .order_by(col(Application.status) == "withdrawn", col(Application.id).desc())
        )
        return session.exec(statement).first()


def _at(at: datetime | None) -> datetime:
    """When a row is written: the injected clock's time (BOT_NOW in a demo), stored as UTC."""
    return utc(at) if at is not None else utcnow()


def submit(
    engine: Engine,
    round_id: str,
    representative_id: int,
    chat_id: int,
    data: dict[str, Any],
    at: datetime | None = None,
) -> Submitted:
    """Create the application with the next receipt number, once per representative and round:
    a second submit (a double tap, a retried request) returns the first."""
    existing = find_for(engine, round_id, representative_id)
    if existing is not None:
        return Submitted(existing, created=False)
    for _ in range(5):
        with Session(engine, expire_on_commit=False) as session:
            counter = session.get(ReceiptCounter, round_id) or ReceiptCounter(round_id=round_id)
            counter.last += 1
            application = Application(
                receipt=f"DT-{round_id}-{counter.last:04d}",
                round_id=round_id,
                representative_id=representative_id,
                chat_id=chat_id,
                submitted_at=_at(at),
                updated_at=_at(at),
                **_fields(data),
            )
            session.add(counter)
            session.add(application)
            try:
                session.commit()
                return Submitted(application, created=True)
            except IntegrityError:
                session.rollback()
        existing = find_for(engine, round_id, representative_id)
        if existing is not None:
            return Submitted(existing, created=False)
    raise RuntimeError("could not allocate a receipt number")


def update(
    engine: Engine, application_id: int, data: dict[str, Any], at: datetime | None = None
) -> Application:
    with Session(engine, expire_on_commit=False) as session:
        application = session.get(Application, application_id)
        if application is None:
            raise LookupError(application_id)
        for key, value in _fields(data).items():
            setattr(application, key, value)
        application.updated_at = _at(at)
        session.add(application)
        session.commit()
        return application


def get(engine: Engine, application_id: int) -> Application | None:
    with Session(engine, expire_on_commit=False) as session:
        return session.get(Application, application_id)


def list_round(engine: Engine, round_id: str) -> list[Application]:
    with Session(engine, expire_on_commit=False) as session:
        statement = (
            select(Application).where(Application.round_id == round_id).order_by(Application.id)
        )
        return list(session.exec(statement))


def count_status(engine: Engine, round_id: str, status: str) -> int:
    with Session(engine) as session:
        statement = (
            select(func.count())
            .select_from(Application)
            .where(Application.round_id == round_id, Application.status == status)
        )
        return session.exec(statement).one()


def set_status(
    engine: Engine,
    application_id: int,
    status: str,
    reason: str | None,
    actor_id: int,
    actor: str = "staff",
    at: datetime | None = None,
) -> Application:
    """Change the status and record who did it: staff, or the representative withdrawing
    (actor "resident")."""
    with Session(engine, expire_on_commit=False) as session:
        application = session.get(Application, application_id)
        if application is None:
            raise LookupError(application_id)
        application.status = status
        application.status_reason = reason
        application.updated_at = _at(at)
        session.add(application)
        session.add(
            StaffAction(
                staff_id=actor_id,
                action=f"status:{status}",
                application_id=application_id,
                detail=reason or "",
                actor=actor,
                at=_at(at),
            )
        )
        session.commit()
        return application


def record_action(
    engine: Engine,
    staff_id: int,
    action: str,
    detail: str = "",
    application_id: int | None = None,
    at: datetime | None = None,
) -> None:
    with Session(engine) as session:
        session.add(
            StaffAction(
                staff_id=staff_id,
                action=action,
                detail=detail,
                application_id=application_id,
                at=_at(at),
            )
        )
        session.commit()


def actions(engine: Engine) -> list[StaffAction]:
    with Session(engine) as session:
        return list(session.exec(select(StaffAction).order_by(StaffAction.id)))


def of_representative(engine: Engine, representative_id: int) -> list[Application]:
    """The representative's applications that are kept (every status but withdrawn)."""
    with Session(engine, expire_on_commit=False) as session:
        statement = (
            select(Application)
            .where(
                Application.representative_id == representative_id,
                Application.status != "withdrawn",
            )
            .order_by(Application.id)
        )
        return list(session.exec(statement))


def delete_withdrawn(engine: Engine, representative_id: int) -> int:
    with Session(engine) as session:
        rows = session.exec(
            select(Application).where(
                Application.representative_id == representative_id,
                Application.status == "withdrawn",
            )
        ).all()
        for row in rows:
            session.delete(row)
        session.commit()
        return len(rows)


def delete_rounds(engine: Engine, round_ids: list[str]) -> int:
    """Delete every application of rounds whose review period is over."""
    if not round_ids:
        return 0
    with Session(engine) as session:
        rows = session.exec(select(Application).where(Application.round_id.in_(round_ids))).all()
        for row in rows:
            session.delete(row)
        session.commit()
        return len(rows)
