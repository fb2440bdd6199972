"""Staff kept in the database (besides ADMIN_IDS): `python bot.py staff add|remove|list`."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from storage.models import StaffAction, StaffMember, utcnow


def add(engine: Engine, user_id: int) -> bool:
    """Make the user staff; False when they already were."""
    with Session(engine) as session:
        member = session.get(StaffMember, user_id)
        if member is not None and member.removed_at is None:
            return False
        member = member or StaffMember(user_id=user_id)
        member.added_at, member.removed_at = utcnow(), None
        session.add(member)
        session.add(StaffAction(staff_id=user_id, action="staff:add", actor="cli"))
        session.commit()
        return True


def remove(engine: Engine, user_id: int) -> bool:
    """Take staff rights away; False when the user was not staff in the database."""
    with Session(engine) as session:
        member = session.get(StaffMember, user_id)
        if member is None or member.removed_at is not None:
            return False
        member.removed_at = utcnow()
        session.add(member)
        session.add(StaffAction(staff_id=user_id, action="staff:remove", actor="cli"))
        session.commit()
        return True


def members(engine: Engine) -> list[StaffMember]:
    """Current staff members kept in the database, oldest first."""
    with Session(engine, expire_on_commit=False) as session:
        statement = (
            select(StaffMember)
            .where(col(StaffMember.removed_at).is_(None))
            .order_by(StaffMember.added_at)
        )
        return list(session.exec(statement))


def ids(engine: Engine) -> frozenset[int]:
    return frozenset(member.user_id for member in members(engine))


def removed_ids(engine: Engine) -> frozenset[int]:
    with Session(engine) as session:
        statement = select(StaffMember.user_id).where(col(StaffMember.removed_at).is_not(None))
        return frozenset(session.exec(statement))
