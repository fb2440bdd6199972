"""What a question says about the person asking (서른여섯 살, 중위소득 70%, 재산 2억5천, 휴학 중),
read into the screener's persona fields, so that an answer on eligibility can say whether that
person fits: by the same rules and engine as the screener, never by a guess."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from bot.eligibility import Persona, evaluate
from bot.normalize import compact
from bot.texts import t
from bot.validation import parse_won
from knowledge.schema import PERSONA_FLAGS, Program

# Korean native numbers as people write ages (서른여섯 살, 열일곱 살, 스무 살).
NATIVE_TENS = {
    "열": 10, "스물": 20, "스무": 20, "서른": 30, "마흔": 40, "쉰": 50, "예순": 60, "일흔": 70,
    "여든": 80, "아흔": 90,
}  # fmt: skip
NATIVE_UNITS = {
    "하나": 1, "한": 1, "둘": 2, "두": 2, "셋": 3, "세": 3, "넷": 4, "네": 4, "다섯": 5,
    "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9,
}  # fmt: skip
NATIVE_AGE = re.compile("(" + "|".join(NATIVE_TENS) + ")(" + "|".join(NATIVE_UNITS) + ")?살")
# An age as a number, unless it states a limit (39세 이하만, 18세부터): that is the rule asked
# about, not the person asking.
DIGIT_AGE = re.compile(
    r"(?<![0-9.])([0-9]{1,3})(?:살|세)(?!이하|까지|미만|부터|이상만|이상이면|이상이어야)"
)
ENGLISH_AGE = re.compile(
    r"\b(?:i am|i'm|im|aged)\s+([0-9]{1,3})\b|\b([0-9]{1,3})[\s-]+years?[\s-]+old\b"
)
INCOME = re.compile(r"소득[^0-9]{0,8}([0-9]{1,3})(?:%|퍼센트|프로)")
# 재산 2억5천 says 2억 5천만 (the 천 of 억 talk); other amounts are read as typed (5천만원).
ASSETS_EOK = re.compile(r"재산[^0-9]{0,6}([0-9]+(?:\.[0-9]+)?)억(?:([0-9])천)?")
ASSETS_WON = re.compile(r"재산[^0-9]{0,6}([0-9][0-9,]*(?:천만|만|천)?원?)")
WON_PER_EOK = 100_000_000
WON_PER_CHEON_MAN = 10_000_000


def _age(korean: str, english: str) -> int | None:
    if (found := DIGIT_AGE.search(korean)) is not None:
        return int(found.group(1))
    if (found := NATIVE_AGE.search(korean)) is not None:
        return NATIVE_TENS[found.group(1)] + NATIVE_UNITS.get(found.group(2) or "", 0)
    if (found := ENGLISH_AGE.search(english)) is not None:
        return int(found.group(1) or found.group(2))
    return None


def stated_persona(text: str, phrases: Mapping[str, Mapping[str, list[str]]]) -> dict[str, Any]:
    """The persona fields the question states outright; `phrases` maps a field and its value to
    the words that say it (vocabulary.yaml). Nothing is inferred beyond them."""
    korean = compact(text)
    packed = "".join(text.split())  # numbers with their signs: 70%, 2.5억
    english = " ".join(text.lower().split())
    persona: dict[str, Any] = {}
    if (age := _age(packed, english)) is not None:
        persona["age"] = age
    if (income := INCOME.search(packed)) is not None:
        persona["household_income_pct_median"] = int(income.group(1))
    if (assets := ASSETS_EOK.search(packed)) is not None:
        won = float(assets.group(1)) * WON_PER_EOK + int(assets.group(2) or 0) * WON_PER_CHEON_MAN
        persona["assets_krw"] = int(won)
    elif (assets := ASSETS_WON.search(packed)) is not None and (
        won := parse_won(assets.group(1))
    ) is not None:
        persona["assets_krw"] = won
    for field, values in phrases.items():
        for value, words in values.items():
            if any(compact(word) in korean for word in words):
                persona[field] = True if field in PERSONA_FLAGS else value
                break
    return persona


def verdict(program: Program, persona: Persona, lang: str) -> str | None:
    """One line on whether the person the question describes fits the program's rules: the
    reasons when a stated fact fails one, a yes for the stated facts when they pass (the others
    are for the screener). None when the question states nothing the rules ask about."""
    asked_about = {c.field for rule in program.rules for c in rule.conditions()}
    stated = [field for field in persona if field in asked_about]
    if not stated:
        return None
    result = evaluate(program, persona, lang)
    if result.status == "ineligible":
        return t("stated_ineligible", lang, reasons=" ".join(result.brief))
    if result.status == "eligible":
        return t("stated_eligible", lang)
    fields = ", ".join(t(f"field_{field}", lang) for field in stated)
    return t("stated_fits", lang, fields=fields)
