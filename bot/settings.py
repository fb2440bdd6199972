"""Configuration from the environment (see CONTRACTS.md)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Settings:
    token: str | None
    base_url: str | None
    database_url: str | None
    admin_ids: frozenset[int]
    staff_chat_id: int | None = None
    office_hours: str | None = None
    broadcast_rate: float = 25.0
    webhook_url: str | None = None
    webhook_secret: str | None = None
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = 8443
    flood_max_updates: int = 20
    flood_window_seconds: float = 10.0
    now_override: str | None = None  # BOT_NOW: run as if it were this Seoul time (demos, e2e)

    @classmethod
    def from_env(cls) -> Settings:
        return cls(
            token=os.environ.get("TELEGRAM_BOT_TOKEN") or None,
            base_url=os.environ.get("TELEGRAM_BASE_URL") or None,
            database_url=os.environ.get("DATABASE_URL") or None,
            admin_ids=parse_ids(os.environ.get("ADMIN_IDS", "")),
            staff_chat_id=parse_int(os.environ.get("STAFF_CHAT_ID")),
            office_hours=os.environ.get("OFFICE_HOURS") or None,
            broadcast_rate=float(os.environ.get("BROADCAST_RATE") or 25.0),
            webhook_url=os.environ.get("WEBHOOK_URL") or None,
            webhook_secret=os.environ.get("WEBHOOK_SECRET") or None,
            webhook_listen=os.environ.get("WEBHOOK_LISTEN") or "0.0.0.0",
            webhook_port=parse_int(os.environ.get("WEBHOOK_PORT")) or 8443,
            flood_max_updates=parse_int(os.environ.get("FLOOD_MAX_UPDATES")) or 20,
            flood_window_seconds=float(os.environ.get("FLOOD_WINDOW_SECONDS") or 10.0),
            now_override=os.environ.get("BOT_NOW") or None,
        )

    def webhook_path(self) -> str:
        """The path part of WEBHOOK_URL, where the local server listens."""
        return urlsplit(self.webhook_url or "").path.lstrip("/")


def parse_ids(text: str) -> frozenset[int]:
    """Comma-separated Telegram user ids; anything that is not a whole number is ignored."""
    return frozenset(
        int(part) for part in text.replace(" ", "").split(",") if part.lstrip("-").isdigit()
    )


def parse_int(text: str | None) -> int | None:
    text = (text or "").strip()
    return int(text) if text.lstrip("-").isdigit() else None
