"""What a question says about the person asking (서른여섯 살, 중위소득 70%, 재산 2억5천, 휴학 중),
read into the screener's persona fields, so that an answer on eligibility can say whether that
person fits: by the same rules and engine as the screener, never by a guess. Only plain
statements count: a negated one (생계급여 안 받아요), someone else's age (아이가 3살), or two
different ages say nothing."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from bot.eligibility import Persona, check_rule, evaluate, understood
from bot.normalize import compact
from bot.texts import t
from bot.validation import parse_won
from knowledge.loader import Vocabulary
from knowledge.schema import PERSONA_FLAGS, Fact, Program

# Korean native numbers as people write ages (서른여섯 살, 열일곱 살, 스무 살).
NATIVE_TENS = {
    "열": 10, "스물": 20, "스무": 20, "서른": 30, "마흔": 40, "쉰": 50, "예순": 60, "일흔": 70,
    "여든": 80, "아흔": 90,
}  # fmt: skip
NATIVE_UNITS = {
    "하나": 1, "한": 1, "둘": 2, "두": 2, "셋": 3, "세": 3, "넷": 4, "네": 4, "다섯": 5,
    "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9,
}  # fmt: skip
NATIVE_AGE = re.compile("(" + "|".join(NATIVE_TENS) + ")(" + "|".join(NATIVE_UNITS) + ")?살(?!때)")
# An age as a number, unless it states a limit (39세 이하만, 18세부터: the rule asked about, not
# the person asking), a household (1세대) or a time (스무살 때).
DIGIT_AGE = re.compile(
    r"(?<![0-9])(?<![0-9]\.)([0-9]{1,3})(?:살(?!때)|세(?!대|때))"
    r"(?!이하|까지|미만|부터|이상만|이상이면|이상이어야)"
)
ENGLISH_AGE = re.compile(
    r"\b(?:i am|i'm|im|aged)\s+([0-9]{1,3})\b|(?<!have )\ba\s+([0-9]{1,3})[\s-]+years?[\s-]+old\b"
)
INCOME = re.compile(r"소득[^0-9]{0,8}([0-9]{1,3})(?:%|퍼센트|프로)")
# 재산 (not 재산세, the property tax) and its amount: 2억, 2.5억, 2억5천 (the 천 of 억 talk is
# 천만), 2억 5000만원, 5천만원.
ASSETS = re.compile(
    r"재산(?!세)[^0-9]{0,6}([0-9][0-9,.]*(?:억|천만|천|만)?(?:[0-9][0-9,]*(?:천만|천|만))?원?)"
)
COLLOQUIAL_EOK = re.compile(r"([0-9]+(?:\.[0-9]+)?)억(?:([0-9])천)?원?")
WON_PER_EOK = 100_000_000
WON_PER_CHEON_MAN = 10_000_000
# After a number: more than it (넘는데, 초과) or less (안 되는데, 미만), not it.
MORE_THAN = re.compile(r"^[^0-9]{0,4}(?:넘|초과)")
LESS_THAN = re.compile(r"^[^0-9]{0,4}(?:미만|안되|안돼|못되|못돼)")
NEGATION = re.compile(r"^[^0-9]{0,3}(?:않|없|아니|아닌|안했|안해)")
OTHERS_BEFORE = 6  # characters before an age where 아이, 아들, 사장… make it someone else's
OTHERS_AFTER = 4  # … and after it (45세 사장님)


@dataclass(frozen=True)
class StatedPhrases:
    """The vocabulary's words for persona values, and for people other than the asker, compact
    as questions are compared."""

    values: Mapping[str, Mapping[str, tuple[str, ...]]]
    others: tuple[str, ...]

    @classmethod
    def of(cls, vocabulary: Vocabulary) -> StatedPhrases:
        values = {
            field: {value: tuple(compact(w) for w in words) for value, words in said.items()}
            for field, said in vocabulary.stated_persona.items()
        }
        return cls(values, tuple(compact(word) for word in vocabulary.other_people))


def _shifted(value: float, after: str) -> float:
    """The value as stated, moved past its bound when the words after it say more or less."""
    if MORE_THAN.search(after):
        return value + 1
    if LESS_THAN.search(after):
        return value - 1
    return value


def _native_age(found: re.Match[str]) -> int:
    return NATIVE_TENS[found.group(1)] + NATIVE_UNITS.get(found.group(2) or "", 0)


# How each way of writing an age reads its number (27살, 서른여섯 살).
AGE_READERS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], int]], ...] = (
    (DIGIT_AGE, lambda found: int(found.group(1))),
    (NATIVE_AGE, _native_age),
)


def _ages(packed: str, english: str, others: tuple[str, ...]) -> set[int]:
    ages: set[int] = set()
    for pattern, read in AGE_READERS:
        for found in pattern.finditer(packed):
            if not _someone_else(packed, found, others):
                ages.add(int(_shifted(read(found), packed[found.end() :])))
    for found in ENGLISH_AGE.finditer(english):
        ages.add(int(found.group(1) or found.group(2)))
    return ages


def _someone_else(packed: str, found: re.Match[str], others: tuple[str, ...]) -> bool:
    """Whether the age is someone else's: a word for another person just before it (아이가 3살)
    or right after it (45세 사장님)."""
    before = packed[max(0, found.start() - OTHERS_BEFORE) : found.start()]
    after = packed[found.end() : found.end() + OTHERS_AFTER]
    return any(other in before or other in after for other in others)


def _assets(packed: str) -> int | None:
    found = ASSETS.search(packed)
    if found is None:
        return None
    amount = found.group(1).rstrip(".,")
    if (eok := COLLOQUIAL_EOK.fullmatch(amount)) is not None:
        won = float(eok.group(1)) * WON_PER_EOK + int(eok.group(2) or 0) * WON_PER_CHEON_MAN
    elif (parsed := parse_won(amount)) is not None:
        won = parsed
    else:
        return None
    return int(_shifted(won, packed[found.end() :]))


def stated_persona(text: str, phrases: StatedPhrases) -> dict[str, Any]:
    """The persona fields the question states outright. Nothing is inferred beyond them."""
    korean = compact(text)
    packed = "".join(text.split())  # numbers with their signs: 70%, 2.5억
    english = " ".join(text.lower().split())
    persona: dict[str, Any] = {}
    ages = _ages(packed, english, phrases.others)
    if len(ages) == 1:  # two ages (스무 살 때부터… 지금 마흔둘): which is meant is not said
        persona["age"] = ages.pop()
    if (income := INCOME.search(packed)) is not None:
        share = _shifted(int(income.group(1)), packed[income.end() :])
        persona["household_income_pct_median"] = share
    if (assets := _assets(packed)) is not None:
        persona["assets_krw"] = assets
    for field, values in phrases.values.items():
        for value, words in values.items():  # the first value said wins: list the stronger first
            if any(_said(word, korean) for word in words):
                persona[field] = True if field in PERSONA_FLAGS else value
                break
    return persona


def _said(word: str, korean: str) -> bool:
    """The phrase is in the question and not negated right after (받지 않는데, 받은 적 없어요)."""
    start = korean.find(word)
    while start >= 0:
        if not NEGATION.search(korean[start + len(word) :]):
            return True
        start = korean.find(word, start + 1)
    return False


AGE_KEYWORD = re.compile(r"^([0-9]{1,3})세$")


def age_facts(program: Program, persona: Persona) -> list[Fact]:
    """The program's facts keyed to an age the person has reached (65세: 하루 3시간 근무), so a
    70-year-old asking whether they can take part also hears what applies to them."""
    age = understood(persona).get("age")
    if age is None:
        return []
    return [
        fact
        for fact in program.facts
        if fact.topic != "eligibility"
        and any(
            (found := AGE_KEYWORD.match(word)) is not None and age >= int(found.group(1))
            for word in fact.keywords
        )
    ]


def verdict(program: Program, persona: Persona, lang: str) -> str | None:
    """One line on whether the person the question describes fits the program's rules: the
    reasons when a stated fact fails one, a yes for the stated facts that every rule on them
    accepts (the others are for the screener). None when the question states nothing the
    rules decide."""
    result = evaluate(program, persona, lang)
    if result.status == "ineligible":
        return t("stated_ineligible", lang, reasons=" ".join(result.brief))
    if result.status == "eligible":
        return t("stated_eligible", lang)
    known = understood(persona)
    confirmed = [
        field
        for field in known
        if (rules := [r for r in program.rules if field in {c.field for c in r.conditions()}])
        and all(check_rule(rule, known) is True for rule in rules)
    ]
    if not confirmed:
        return None
    fields = ", ".join(t(f"field_{field}", lang) for field in confirmed)
    return t("stated_fits", lang, fields=fields)
