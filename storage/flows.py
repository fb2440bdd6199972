"""Reading and writing the state of a user's flow, as JSON in one row."""

from __future__ import annotations

import json
from collections.abc import Collection
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, delete
from sqlmodel import Session, col, select

from storage.models import FlowState, utcnow


def load_flow(engine: Engine, user_id: int, flow: str) -> dict[str, Any] | None:
    with Session(engine) as session:
        row = session.get(FlowState, (user_id, flow))
        return json.loads(row.data) if row is not None else None


def save_flow(engine: Engine, user_id: int, flow: str, data: dict[str, Any]) -> None:
    with Session(engine) as session:
        row = session.get(FlowState, (user_id, flow))
        if row is None:
            row = FlowState(user_id=user_id, flow=flow, data="")
        row.data = json.dumps(data, ensure_ascii=False)
        row.updated_at = utcnow()
        session.add(row)
        session.commit()


def delete_flow(engine: Engine, user_id: int, flow: str) -> bool:
    """Delete the row; True when there was one."""
    with Session(engine) as session:
        row = session.get(FlowState, (user_id, flow))
        if row is None:
            return False
        session.delete(row)
        session.commit()
        return True


def delete_where(engine: Engine, flow: str, field: str, values: Collection[str]) -> int:
    """Delete the rows of a flow whose state has `field` among `values` (drafts of rounds whose
    review period is over); returns how many."""
    if not values:
        return 0
    with Session(engine) as session:
        rows = session.exec(select(FlowState).where(FlowState.flow == flow)).all()
        doomed = [row for row in rows if json.loads(row.data).get(field) in values]
        for row in doomed:
            session.delete(row)
        session.commit()
        return len(doomed)


def delete_stale(engine: Engine, flow: str, before: datetime) -> int:
    """Delete the rows of a flow last written before `before`; returns how many."""
    with Session(engine) as session:
        statement = delete(FlowState).where(
            col(FlowState.flow) == flow, col(FlowState.updated_at) < before
        )
        result = session.exec(statement)
        session.commit()
        return result.rowcount


def flows_by_recency(engine: Engine, user_id: int) -> list[str]:
    """The flows the user has state in, the one they touched last first (one query; most users
    have none): typed text belongs to the flow the person is in now."""
    with Session(engine) as session:
        statement = (
            select(FlowState.flow)
            .where(FlowState.user_id == user_id)
            .order_by(col(FlowState.updated_at).desc())
        )
        return list(session.exec(statement))
