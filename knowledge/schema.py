"""Schema of the knowledge base: programs, their dated facts and eligibility rules."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Year = Literal[2017, 2018]
Audience = Literal["youth", "residents", "social_economy", "employment_support"]
Topic = Literal["pay", "eligibility", "schedule", "place", "apply", "figures", "about"]
Operator = Literal["eq", "ne", "ge", "le", "in", "not_in"]
PersonaField = Literal[
    "age",
    "residence",
    "works_in_yeongdeungpo",
    "employment",
    "student",
    "household_income_pct_median",
    "assets_krw",
    "livelihood_benefit",
    "unemployment_benefit",
]

# What each persona field may hold (CONTRACTS.md). A value outside these is not understood,
# and the engine treats it as unknown rather than guessing.
PERSONA_CHOICES: dict[str, frozenset[str]] = {
    "residence": frozenset({"yeongdeungpo", "seoul_other", "outside_seoul"}),
    "employment": frozenset({"unemployed", "irregular_daily", "employed"}),
    "student": frozenset({"none", "university_enrolled", "university_on_leave", "other_enrolled"}),
}
PERSONA_FLAGS = frozenset({"works_in_yeongdeungpo", "livelihood_benefit", "unemployment_benefit"})
PERSONA_RANGES: dict[str, tuple[float, float]] = {  # plausible bounds, inclusive
    "age": (0, 130),
    "household_income_pct_median": (0, 10_000),
    "assets_krw": (0, 10**15),
}


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    """A user-facing sentence in Korean, with an English version beside it when written."""

    ko: str = Field(min_length=1)
    en: str | None = None


class DatedValue(Strict):
    """One year's value of a fact, with the section of the source it comes from."""

    year: Year
    ko: str = Field(min_length=1)
    en: str | None = None
    source: str = Field(min_length=3)


class Fact(Strict):
    """A fact about a program on one topic; `values` holds one entry per year it is known for."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    topic: Topic
    keywords: list[str] = []
    values: list[DatedValue] = Field(min_length=1)
    with_rounds: bool = False  # the answer adds the round dates staff set in rounds.yaml

    @model_validator(mode="after")
    def _one_value_per_year(self) -> Fact:
        years = [value.year for value in self.values]
        if len(years) != len(set(years)):
            raise ValueError(f"fact {self.id!r} has two values for one year")
        return self


class Condition(Strict):
    field: PersonaField
    op: Operator
    value: int | bool | str | list[str]


class Rule(Strict):
    """One eligibility condition, or `any` of several (e.g. lives OR works in the district)."""

    field: PersonaField | None = None
    op: Operator | None = None
    value: int | bool | str | list[str] | None = None
    any: list[Condition] = []
    reason: Text
    source: str = Field(min_length=3)
    year: Year

    @model_validator(mode="after")
    def _single_or_any(self) -> Rule:
        single = self.field is not None and self.op is not None and self.value is not None
        if single == bool(self.any):
            raise ValueError("a rule has either field/op/value or a non-empty `any` list")
        return self

    @model_validator(mode="after")
    def _values_a_persona_can_hold(self) -> Rule:
        for condition in self.conditions():
            choices = PERSONA_CHOICES.get(condition.field)
            values = condition.value if isinstance(condition.value, list) else [condition.value]
            if choices is not None and not set(values) <= choices:
                unknown = sorted(set(map(str, values)) - choices)
                raise ValueError(f"{condition.field} cannot be {unknown}; one of {sorted(choices)}")
        return self

    def conditions(self) -> list[Condition]:
        if self.any:
            return list(self.any)
        return [Condition(field=self.field, op=self.op, value=self.value)]


class Program(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: Text
    aliases: list[str] = Field(min_length=1)
    # What residents say they need when they do not know the program's name (직원 구하는 거 → the
    # job centre). Weaker than a name: used only when the question names no program.
    needs: list[str] = []
    audience: Audience
    order: int = 100  # position in the menus, lowest first
    teams: list[str] = Field(min_length=1)
    summary: DatedValue
    facts: list[Fact] = Field(min_length=1)
    rules: list[Rule] = []

    @model_validator(mode="after")
    def _unique_fact_ids(self) -> Program:
        ids = [fact.id for fact in self.facts]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"duplicate fact ids: {duplicates}")
        return self


class Round(Strict):
    """A 청년 드림팀 application round (dates are set by staff; the report gives none)."""

    id: str = Field(pattern=r"^[0-9]{4}H[12]$")
    year: int
    half: Literal[1, 2]
    opens: date
    closes: date
    themes: list[str] = Field(min_length=1)
    themes_en: list[str] | None = None  # the same themes in English, in the same order
    max_selected: int = Field(gt=0)
    max_grant_krw: int = Field(gt=0)
    min_members: int = Field(gt=0)
    review_days: int = Field(ge=0)
    source: str

    @model_validator(mode="after")
    def _opens_before_closes(self) -> Round:
        if self.closes < self.opens:
            raise ValueError("closes is before opens")
        if self.themes_en is not None and len(self.themes_en) != len(self.themes):
            raise ValueError("themes_en must give one English theme for each of themes")
        return self


class ReminderEvent(Strict):
    """A dated step of a program that subscribers are reminded of."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    program: str
    year: int
    month: int = Field(ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)
    text: Text
    source: str

    @model_validator(mode="after")
    def _a_real_day(self) -> ReminderEvent:
        if self.day is not None:
            try:
                date(self.year, self.month, self.day)
            except ValueError:
                raise ValueError(
                    f"day {self.day} does not exist in {self.year}-{self.month:02d}"
                ) from None
        return self


class ReminderPlan(Strict):
    day_of_month: int = Field(ge=1, le=28)
    send_hour: int = Field(ge=8, le=20)
    events: list[ReminderEvent] = []


class Duty(Strict):
    """A team's duty as the organisation chart words it, and in English (always: the English
    fallback answer names the duties)."""

    ko: str = Field(min_length=1)
    en: str = Field(min_length=1)


class Team(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: Text
    duty_texts: list[Duty] = Field(alias="duties", min_length=1)
    source: str

    @property
    def duties(self) -> list[str]:
        """The duties in the report's Korean words (what residents' questions are matched to)."""
        return [duty.ko for duty in self.duty_texts]

    def duties_in(self, lang: str) -> list[str]:
        return [duty.en if lang == "en" else duty.ko for duty in self.duty_texts]


class Division(Strict):
    name: Text
    teams: list[Team] = Field(min_length=1)
    centers: list[str] = []  # programs whose place the fallback gives, as places to go and ask
    year: Year
    source: str
