"""Won amounts as readers expect them (the units are in the message catalogue): 2억원 and
2,711,521원 in Korean, 200 million won and KRW 2,711,521 in English."""

from __future__ import annotations

from bot.texts import t

EOK = 100_000_000


def format_krw(amount: int, lang: str = "ko") -> str:
    """Whole 억 as 억 (in English, millions of won), otherwise the amount with thousands
    separators."""
    if amount >= EOK and amount % EOK == 0:
        return t("krw_eok", lang, amount=amount // EOK, million=f"{amount // 1_000_000:,}")
    return t("krw", lang, amount=f"{amount:,}")
