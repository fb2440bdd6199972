"""Won amounts as Korean readers expect them."""

from __future__ import annotations

EOK = 100_000_000


def format_krw(amount: int) -> str:
    """2억원 for whole 억, otherwise the amount with thousands separators: 2,711,521원."""
    if amount >= EOK and amount % EOK == 0:
        return f"{amount // EOK}억원"
    return f"{amount:,}원"
