"""Broadcasts and their deliveries."""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, and_, or_, true
from sqlalchemy import update as update_
from sqlmodel import Session, col, select

from storage.models import Broadcast, Delivery, FlowState, Subscription, User, utcnow
from storage.reminders import utc


def audience_users(
    engine: Engine, audience: dict[str, Any], youth_ages: tuple[int, int] | None = None
) -> list[tuple[int, int]]:
    """(user_id, chat_id) of the active users the audience describes; "youth" are those whose
    screener age is within `youth_ages` (the knowledge base's, passed by the caller). Whoever
    turned notices off gets none sent to everyone or to young people; subscribers of a program
    chose it."""
    with Session(engine) as session:
        kind = audience.get("kind")
        active = select(User).where(User.active == True)  # noqa: E712
        if kind != "programs":
            active = active.where(User.notices_off == False)  # noqa: E712
        users = {u.id: u.chat_id for u in session.exec(active)}
        if kind == "programs":
            programs = audience.get("programs", [])
            chosen = {
                s.user_id
                for s in session.exec(
                    select(Subscription).where(col(Subscription.program_id).in_(programs))
                )
            }
        elif kind == "youth":
            if youth_ages is None:
                raise ValueError("a youth audience needs the youth ages")
            low, high = youth_ages
            chosen = set()
            for row in session.exec(select(FlowState).where(FlowState.flow == "screener")):
                age = json.loads(row.data).get("answers", {}).get("age")
                if isinstance(age, int) and low <= age <= high:
                    chosen.add(row.user_id)
        else:
            chosen = set(users)
    return sorted((uid, users[uid]) for uid in chosen if uid in users)


def create(
    engine: Engine,
    draft: dict[str, Any],
    staff_id: int,
    staff_chat_id: int,
    send_at: datetime,
) -> Broadcast:
    """The broadcast, without recipients: who gets it is decided when sending starts
    (add_recipients), so a scheduled notice reaches the audience as it is at its time."""
    with Session(engine, expire_on_commit=False) as session:
        broadcast = Broadcast(
            staff_id=staff_id,
            staff_chat_id=staff_chat_id,
            text=draft["text"],
            media_kind=draft.get("media_kind"),
            media_file_id=draft.get("media_file_id"),
            program_id=draft["program"],
            audience=json.dumps(draft["audience"]),
            send_at=utc(send_at),
        )
        session.add(broadcast)
        session.commit()
        return broadcast


def add_recipients(
    engine: Engine, broadcast_id: int, youth_ages: tuple[int, int] | None = None
) -> int:
    """One pending delivery per member of the audience as it is now, in one transaction, once:
    a broadcast that already has its rows (a resume after a restart) keeps them."""
    with Session(engine) as session:
        broadcast = session.get(Broadcast, broadcast_id)
        started = session.exec(
            select(Delivery.id).where(Delivery.broadcast_id == broadcast_id).limit(1)
        ).first()
        if broadcast is None or started is not None:
            return 0
        recipients = audience_users(engine, json.loads(broadcast.audience), youth_ages)
        for user_id, chat_id in recipients:
            session.add(Delivery(broadcast_id=broadcast_id, user_id=user_id, chat_id=chat_id))
        session.commit()
        return len(recipients)


FLOOD_ERROR = "Flood control exceeded"  # how python-telegram-bot words a 429


def requeue_flooded(engine: Engine, broadcast_id: int) -> int:
    """Recipients marked failed only because Telegram kept answering 429 (the sender used to
    give up after five waits) go back to pending, so resuming the broadcast reaches them."""
    with Session(engine) as session:
        result = session.exec(
            update_(Delivery)
            .where(
                Delivery.broadcast_id == broadcast_id,
                Delivery.status == "failed",
                col(Delivery.last_error).startswith(FLOOD_ERROR),
            )
            .values(status="pending")
        )
        session.commit()
        return result.rowcount


def cancel_scheduled(engine: Engine, broadcast_id: int) -> bool:
    """Cancel a broadcast that has not started; False when it is no longer scheduled."""
    with Session(engine) as session:
        result = session.exec(
            update_(Broadcast)
            .where(Broadcast.id == broadcast_id, Broadcast.status == "scheduled")
            .values(status="cancelled", finished_at=utcnow())
        )
        session.commit()
        return result.rowcount == 1


def get(engine: Engine, broadcast_id: int) -> Broadcast | None:
    with Session(engine, expire_on_commit=False) as session:
        return session.get(Broadcast, broadcast_id)


def update(engine: Engine, broadcast_id: int, **values: Any) -> None:
    with Session(engine) as session:
        broadcast = session.get(Broadcast, broadcast_id)
        for key, value in values.items():
            setattr(broadcast, key, value)
        session.add(broadcast)
        session.commit()


def pending(
    engine: Engine, broadcast_id: int, limit: int = 200, after_id: int = 0
) -> list[Delivery]:
    with Session(engine, expire_on_commit=False) as session:
        statement = (
            select(Delivery)
            .where(
                Delivery.broadcast_id == broadcast_id,
                Delivery.status == "pending",
                Delivery.id > after_id,
            )
            .order_by(Delivery.id)
            .limit(limit)
        )
        return list(session.exec(statement))


UNCERTAIN = "uncertain: the runner stopped during the send"


def claim_delivery(engine: Engine, delivery_id: int, broadcast_id: int, runner: str) -> bool:
    """Mark a delivery 'sending' right before its API call, only while `runner` still holds the
    broadcast (it is sending, under this runner's name): one statement, so a runner that lost
    its lease, or a stopped broadcast, sends nothing more. A row already 'sending' is this
    runner's own, retried after a network error."""
    owned = (
        select(Broadcast.id)
        .where(
            Broadcast.id == broadcast_id,
            Broadcast.runner == runner,
            Broadcast.status == "sending",
        )
        .exists()
    )
    with Session(engine) as session:
        result = session.exec(
            update_(Delivery)
            .where(
                Delivery.id == delivery_id,
                col(Delivery.status).in_(("pending", "sending")),
                owned,
            )
            .values(status="sending")
        )
        session.commit()
        return result.rowcount == 1


def release_delivery(engine: Engine, delivery_id: int) -> None:
    """Telegram answered "wait" (429): nothing went out, the row is pending while we wait."""
    with Session(engine) as session:
        session.exec(
            update_(Delivery)
            .where(Delivery.id == delivery_id, Delivery.status == "sending")
            .values(status="pending")
        )
        session.commit()


def settle_sending(engine: Engine, broadcast_id: int) -> int:
    """Deliveries a dead runner left 'sending' (it died inside the API call: nobody knows whether
    the notice arrived) are taken as sent, marked uncertain, never resent: a resume must not
    give anyone the notice twice. Returns how many."""
    with Session(engine) as session:
        result = session.exec(
            update_(Delivery)
            .where(Delivery.broadcast_id == broadcast_id, Delivery.status == "sending")
            .values(status="sent", last_error=UNCERTAIN)
        )
        session.commit()
        return result.rowcount


def uncertain(engine: Engine, broadcast_id: int | None = None) -> int:
    """How many deliveries were settled as sent without knowing (settle_sending)."""
    with Session(engine) as session:
        statement = select(Delivery.id).where(Delivery.last_error == UNCERTAIN)
        if broadcast_id is not None:
            statement = statement.where(Delivery.broadcast_id == broadcast_id)
        return len(list(session.exec(statement)))


def record(engine: Engine, delivery_id: int, status: str, attempts: int, error: str | None) -> None:
    with Session(engine) as session:
        delivery = session.get(Delivery, delivery_id)
        delivery.status = status
        delivery.attempts += attempts
        delivery.last_error = error
        if status == "sent":
            delivery.sent_at = utcnow()
        session.add(delivery)
        session.commit()


def counts(engine: Engine, broadcast_id: int) -> Counter[str]:
    with Session(engine) as session:
        rows = session.exec(select(Delivery.status).where(Delivery.broadcast_id == broadcast_id))
        return Counter(rows)


def due_scheduled(engine: Engine, now: datetime) -> list[Broadcast]:
    with Session(engine, expire_on_commit=False) as session:
        statement = select(Broadcast).where(
            Broadcast.status == "scheduled", Broadcast.send_at <= utc(now)
        )
        return list(session.exec(statement))


def unfinished(engine: Engine) -> list[Broadcast]:
    """Broadcasts that were sending when the process stopped: to resume."""
    with Session(engine, expire_on_commit=False) as session:
        return list(session.exec(select(Broadcast).where(Broadcast.status == "sending")))


def recent(engine: Engine, limit: int = 10) -> list[Broadcast]:
    with Session(engine, expire_on_commit=False) as session:
        return list(session.exec(select(Broadcast).order_by(col(Broadcast.id).desc()).limit(limit)))


def count_audience(
    engine: Engine, audience: dict[str, Any], youth_ages: tuple[int, int] | None = None
) -> int:
    return len(audience_users(engine, audience, youth_ages))


def claim(
    engine: Engine, broadcast_id: int, runner: str, now: datetime, stale_before: datetime | None
) -> bool:
    """Take the broadcast for this instance: a scheduled one, or a sending one whose runner's
    heartbeat is older than `stale_before` (it died; None: any runner is taken to be dead).
    Atomic: two instances never both win."""
    dead_runner = (
        true()
        if stale_before is None
        else or_(Broadcast.heartbeat_at.is_(None), Broadcast.heartbeat_at < utc(stale_before))
    )
    statement = (
        update_(Broadcast)
        .where(
            Broadcast.id == broadcast_id,
            or_(
                Broadcast.status == "scheduled",
                and_(Broadcast.status == "sending", dead_runner),
            ),
        )
        .values(status="sending", runner=runner, heartbeat_at=utc(now))
    )
    with Session(engine) as session:
        claimed = session.exec(statement).rowcount == 1
        session.commit()
        return claimed


def heartbeat(engine: Engine, broadcast_id: int, runner: str, now: datetime) -> bool:
    """Renew this runner's lease; False when it no longer holds it (another instance took the
    broadcast over, or staff stopped it): the runner must stop at once."""
    with Session(engine) as session:
        result = session.exec(
            update_(Broadcast)
            .where(
                Broadcast.id == broadcast_id,
                Broadcast.runner == runner,
                Broadcast.status == "sending",
            )
            .values(heartbeat_at=utc(now))
        )
        session.commit()
        return result.rowcount == 1
