"""One small engine for every program's eligibility rules (the rules themselves are data).

A rule passes, fails, or is unknown when the persona lacks a field it needs. A program is
ineligible when any rule fails (each failure gives its reason), unknown when none fails but
some cannot be decided, and eligible when all pass.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from bot.answers import program_name
from bot.texts import t
from knowledge.loader import KnowledgeBase
from knowledge.schema import (
    PERSONA_CHOICES,
    PERSONA_FLAGS,
    PERSONA_RANGES,
    Condition,
    Program,
    Rule,
)

YOUTH_PROGRAM = "youth_network"  # its target group defines 청년 for the division
Status = Literal["eligible", "ineligible", "unknown"]
Persona = Mapping[str, Any]


@dataclass
class ProgramResult:
    program: str
    status: Status
    reasons: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    brief: list[str] = field(default_factory=list)  # the reasons without the program's name

    def as_json(self) -> dict[str, Any]:
        return {"program": self.program, "status": self.status, "reasons": self.reasons}


def understood(persona: Persona) -> dict[str, Any]:
    """The persona's values the engine can read: a known choice (case and spaces ignored), a
    true/false flag, a finite number in a plausible range. Anything else is left out, so the
    rules that need it give unknown, never a guess."""
    clean: dict[str, Any] = {}
    for name, choices in PERSONA_CHOICES.items():
        value = persona.get(name)
        if isinstance(value, str) and value.strip().lower() in choices:
            clean[name] = value.strip().lower()
    for name in PERSONA_FLAGS:
        if isinstance(persona.get(name), bool):
            clean[name] = persona[name]
    for name, (low, high) in PERSONA_RANGES.items():
        value = persona.get(name)
        if isinstance(value, int | float) and not isinstance(value, bool) and low <= value <= high:
            clean[name] = value  # NaN and infinities fail the range test too
    return clean


def _compare(op: str, actual: Any, expected: Any) -> bool | None:
    """The comparison, or None when the persona's value has the wrong type to compare."""
    if op in ("ge", "le"):
        if isinstance(actual, bool) or not isinstance(actual, int | float):
            return None
        return actual >= expected if op == "ge" else actual <= expected
    if op in ("in", "not_in"):
        inside = actual in expected
        return inside if op == "in" else not inside
    if isinstance(expected, bool) and not isinstance(actual, bool):
        return None
    return actual == expected if op == "eq" else actual != expected


def check_condition(condition: Condition, persona: Persona) -> bool | None:
    value = persona.get(condition.field)
    if value is None:
        return None
    return _compare(condition.op, value, condition.value)


def check_rule(rule: Rule, persona: Persona) -> bool | None:
    """True / False, or None when it cannot be decided from what the persona says."""
    outcomes = [check_condition(condition, persona) for condition in rule.conditions()]
    if any(outcome is True for outcome in outcomes):
        return True
    if any(outcome is None for outcome in outcomes):
        return None
    return False


def evaluate(program: Program, persona: Persona, lang: str = "ko") -> ProgramResult:
    name = re.sub(r"\s*\(.*\)$", "", program_name(program, lang))  # without "(…)" asides
    persona = understood(persona)
    failed: list[str] = []
    brief: list[str] = []
    missing: list[str] = []
    for rule in program.rules:
        outcome = check_rule(rule, persona)
        if outcome is False:
            reason = (rule.reason.en if lang == "en" else None) or rule.reason.ko
            failed.append(t("rule_failed", lang, reason=reason, program=name, year=rule.year))
            brief.append(t("rule_failed_brief", lang, reason=reason, year=rule.year))
        elif outcome is None:
            missing.extend(
                c.field for c in rule.conditions() if check_condition(c, persona) is None
            )
    missing = list(dict.fromkeys(missing))
    if failed:
        return ProgramResult(program.id, "ineligible", failed, missing, brief)
    if missing:
        labels = ", ".join(t(f"field_{name}", lang) for name in missing)
        return ProgramResult(
            program.id, "unknown", [t("needs_answer", lang, fields=labels)], missing
        )
    return ProgramResult(program.id, "eligible")


def age_band(program: Program) -> tuple[int, int] | None:
    """The youngest and the oldest age the program's rules allow, when they set both."""
    low = high = None
    for rule in program.rules:
        for condition in rule.conditions():
            if condition.field == "age" and isinstance(condition.value, int) and not rule.any:
                if condition.op == "ge":
                    low = condition.value
                elif condition.op == "le":
                    high = condition.value
    return (low, high) if low is not None and high is not None else None


def youth_ages(kb: KnowledgeBase) -> tuple[int, int]:
    """Who counts as young (청년) for notices: the youth network's target ages (15–39 in 2017)."""
    band = age_band(kb.programs[YOUTH_PROGRAM])
    if band is None:
        raise ValueError(f"{YOUTH_PROGRAM} has no age rules")
    return band


def screen(kb: KnowledgeBase, persona: Persona, lang: str = "ko") -> list[ProgramResult]:
    """A result for every program that has eligibility rules, in knowledge-base order."""
    return [evaluate(p, persona, lang) for p in kb.programs.values() if p.rules]
