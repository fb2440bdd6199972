"""Figures for staff: who uses the bot, what they ask, how the flows and notices go."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import Engine
from sqlmodel import Session, select

from bot.clock import SEOUL
from storage.models import Application, Delivery, FlowState, QuestionLog, User


@dataclass
class Figures:
    users: int = 0
    active_users: int = 0
    questions: int = 0
    unanswered: int = 0
    per_day: dict[str, int] = field(default_factory=dict)
    programs: Counter[str] = field(default_factory=Counter)
    topics: Counter[str] = field(default_factory=Counter)
    screener_results: int = 0
    applications: Counter[str] = field(default_factory=Counter)
    deliveries: Counter[str] = field(default_factory=Counter)

    @property
    def fallback_rate(self) -> float:
        return self.unanswered / self.questions if self.questions else 0.0


def figures(engine: Engine, now: datetime, days: int = 14) -> Figures:
    result = Figures()
    first_day = (now.astimezone(SEOUL) - timedelta(days=days - 1)).date()
    result.per_day = {str(first_day + timedelta(days=i)): 0 for i in range(days)}
    with Session(engine) as session:
        users = list(session.exec(select(User)))
        result.users, result.active_users = len(users), sum(u.active for u in users)
        for row in session.exec(select(QuestionLog)):
            result.questions += 1
            result.unanswered += not row.answered
            day = str(row.at.astimezone(SEOUL).date())
            if day in result.per_day:
                result.per_day[day] += 1
            if row.program_id:
                result.programs[row.program_id] += 1
            if row.topic:
                result.topics[row.topic] += 1
        for row in session.exec(select(FlowState).where(FlowState.flow == "screener")):
            data = json.loads(row.data)
            result.screener_results += data.get("step") is None and bool(data.get("history"))
        result.applications = Counter(a.round_id for a in session.exec(select(Application)))
        result.deliveries = Counter(d.status for d in session.exec(select(Delivery)))
    return result
