"""Webhook mode: Telegram's secret token header is required; with it, updates are answered."""

from __future__ import annotations

import asyncio
import socket

import httpx

from handlers.local_api import LocalChat

UPDATE = {
    "update_id": 1,
    "message": {
        "message_id": 1,
        "date": 0,
        "chat": {"id": 4242, "type": "private"},
        "from": {"id": 4242, "is_bot": False, "first_name": "구민"},
        "text": "공공근로 시급",
    },
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def test_requests_without_the_secret_are_refused(application, api, engine) -> None:
    port = free_port()
    await application.start()
    await application.updater.start_webhook(
        listen="127.0.0.1", port=port, url_path="tg/hook",
        webhook_url="https://bot.example.org/tg/hook", secret_token="s3cret-token",
    )  # fmt: skip
    try:
        url = f"http://127.0.0.1:{port}/tg/hook"
        async with httpx.AsyncClient() as client:
            missing = await client.post(url, json=UPDATE)
            wrong = await client.post(
                url, json=UPDATE, headers={"X-Telegram-Bot-Api-Secret-Token": "guess"}
            )
            assert (missing.status_code, wrong.status_code) == (403, 403)
            assert not [m for m in api.outbox if m.chat_id == 4242]
            right = await client.post(
                url, json=UPDATE, headers={"X-Telegram-Bot-Api-Secret-Token": "s3cret-token"}
            )
            assert right.status_code == 200
        for _ in range(100):
            if [m for m in api.outbox if m.chat_id == 4242]:
                break
            await asyncio.sleep(0.02)
        assert "7,530원" in LocalChat(application, api, user_id=4242).last.text
        [(_, params)] = [call for call in api.calls if call[0] == "setWebhook"]
        assert params["url"] == "https://bot.example.org/tg/hook"
        assert params["secret_token"] == "s3cret-token"
    finally:
        await application.updater.stop()
        await application.stop()
