"""What the core hands to a channel: text and rows of buttons, nothing Telegram-specific."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Button:
    label: str
    data: str


@dataclass
class Reply:
    text: str
    buttons: list[list[Button]] = field(default_factory=list)
    program_id: str | None = None
    answered: bool = True
    wants_screener: bool = False
    topic: str | None = None
