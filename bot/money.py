"""Won amounts as Korean readers expect them (the units are in the message catalogue)."""

from __future__ import annotations

from bot.texts import t

EOK = 100_000_000


def format_krw(amount: int) -> str:
    """2억원 for whole 억, otherwise the amount with thousands separators: 2,711,521원."""
    if amount >= EOK and amount % EOK == 0:
        return t("krw_eok", amount=amount // EOK)
    return t("krw", amount=f"{amount:,}")
