"""Every number the knowledge base states must appear in the source report.

A number passes when its digits appear in the source (commas ignored, dates compared part by
part), or when, with its unit (억, 천만, 만, 천, million, thousand), it equals an amount the source
states with a unit ("200 million won" is the source's "2억원").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from knowledge.loader import KnowledgeBase

SOURCE = Path(__file__).resolve().parent / "source" / "yeongdeungpo-job-policy-2017-2018.txt"

_NUMBER = re.compile(r"(\d[\d,]*(?:\.\d+)*)\s*(억|천만|백만|만|천|million|thousand)?")
_UNITS = {
    "억": 10**8,
    "천만": 10**7,
    "백만": 10**6,
    "만": 10**4,
    "천": 10**3,
    "million": 10**6,
    "thousand": 10**3,
}


def _parts(token: str) -> list[str]:
    return [part for part in token.replace(",", "").split(".") if part]


def _amount(token: str, unit: str | None) -> int | None:
    if unit is None:
        return None
    try:
        return round(float(token.replace(",", "")) * _UNITS[unit])
    except ValueError:
        return None


class SourceNumbers:
    def __init__(self, text: str) -> None:
        self.tokens: set[str] = set()
        self.amounts: set[int] = set()
        for match in _NUMBER.finditer(text):
            token, unit = match.group(1), match.group(2)
            self.tokens.add(token.replace(",", ""))
            self.tokens.update(_parts(token))
            amount = _amount(token, unit)
            if amount is not None:
                self.amounts.add(amount)
            if all(part.isdigit() for part in _parts(token)) and "." not in token:
                self.amounts.add(int(token.replace(",", "")))

    def supports(self, token: str, unit: str | None) -> bool:
        plain = token.replace(",", "")
        if unit is not None:
            # "300 million" must be an amount the source states; a table figure (the source's
            # tables give their unit once, "단위: 천원") may match by its digits alone.
            return _amount(token, unit) in self.amounts or (
                len(plain) >= 4 and plain in self.tokens
            )
        if plain in self.tokens or all(p in self.tokens for p in _parts(token)):
            return True
        return plain.isdigit() and int(plain) in self.amounts


def _texts(kb: KnowledgeBase) -> Iterator[tuple[str, str]]:
    for program in kb.programs.values():
        summary = program.summary
        for text in (summary.ko, summary.en):
            if text:
                yield f"{program.id}.summary", text
        for fact in program.facts:
            for value in fact.values:
                for text in (value.ko, value.en):
                    if text:
                        yield f"{program.id}.{fact.id}.{value.year}", text
        for event in (e for e in kb.reminders.events if e.program == program.id):
            for text in (event.text.ko, event.text.en):
                if text:
                    yield f"reminders.{event.id}", text
        for index, rule in enumerate(program.rules):
            for text in (rule.reason.ko, rule.reason.en):
                if text:
                    yield f"{program.id}.rules[{index}]", text
            for condition in rule.conditions():
                if isinstance(condition.value, int) and not isinstance(condition.value, bool):
                    yield f"{program.id}.rules[{index}].value", str(condition.value)


def unsupported_numbers(kb: KnowledgeBase, source: Path = SOURCE) -> list[str]:
    """'where: number' for every number in the knowledge base that the source does not state."""
    numbers = SourceNumbers(source.read_text(encoding="utf-8"))
    problems = []
    for where, text in _texts(kb):
        for match in _NUMBER.finditer(text):
            if not numbers.supports(match.group(1), match.group(2)):
                problems.append(f"{where}: {match.group(0).strip()!r} in {text!r}")
    return problems
