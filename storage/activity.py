"""Write-behind for the two rows every message touches: the user's last contact and the question
log. They are buffered and written together every second (or at once when `immediate`), so
answering a message needs no database write. A crash can lose at most the last second of
last-seen times and question statistics; conversation state is never buffered."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Engine
from sqlmodel import Session

from storage.models import QuestionLog, User


@dataclass
class ActivityBuffer:
    engine: Engine
    immediate: bool = False
    _users: dict[int, tuple[int, str, datetime, datetime]] = field(default_factory=dict)
    _questions: list[QuestionLog] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def seen(self, user_id: int, chat_id: int, language: str, at: datetime) -> None:
        with self._lock:
            first = self._users[user_id][2] if user_id in self._users else at
            self._users[user_id] = (chat_id, language, first, at)
        if self.immediate:
            self.flush()

    def question(self, row: QuestionLog) -> None:
        with self._lock:
            self._questions.append(row)
        if self.immediate:
            self.flush()

    def flush(self) -> int:
        with self._lock:
            users, self._users = self._users, {}
            questions, self._questions = self._questions, []
        if not users and not questions:
            return 0
        with Session(self.engine) as session:
            for user_id, (chat_id, language, first, last) in users.items():
                user = session.get(User, user_id)
                if user is None:
                    user = User(id=user_id, chat_id=chat_id, language=language, first_seen=first)
                user.last_seen, user.active = last, True
                session.add(user)
            session.add_all(questions)
            session.commit()
        return len(users) + len(questions)
