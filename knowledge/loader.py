"""Load and validate the YAML knowledge base; errors name the file, the entry and the field."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from knowledge.schema import Division, Program, ReminderPlan, Round, Strict, Topic

M = TypeVar("M", bound=BaseModel)

DATA_DIR = Path(__file__).resolve().parent / "data"


class KnowledgeError(Exception):
    """A knowledge file is missing, unreadable or does not match the schema."""


class Vocabulary(Strict):
    """How residents type: topic words, and typed forms mapped to the canonical word."""

    topics: dict[Topic, list[str]]
    question_words: dict[Topic, list[str]] = {}
    amount_of: dict[Topic, list[str]] = {}
    replacements: dict[str, str] = {}
    years: dict[str, int] = {}
    past_tense_year: int | None = None
    comparison_words: list[str] = []
    not_past: list[str] = []
    greetings: list[str] = []
    keyword_synonyms: dict[str, list[str]] = {}
    screener_triggers: list[str] = []
    first_person: list[str] = []
    work_words: list[str] = []
    particles: list[str] = []
    generic_terms: list[str] = []
    stated_persona: dict[str, dict[str, list[str]]] = {}
    other_people: list[str] = []
    not_in_report: list[str] = []
    period_words: list[str] = []


class MedianIncome(Strict):
    """기준중위소득 by household size: turns an income share into won for the screener."""

    year: int
    source: str
    monthly_krw: dict[int, int]


@dataclass(frozen=True)
class KnowledgeBase:
    programs: dict[str, Program]
    division: Division
    vocabulary: Vocabulary
    median_income: MedianIncome
    rounds: tuple[Round, ...] = ()
    reminders: ReminderPlan | None = None
    files: dict[str, Path] = field(default_factory=dict)

    def team_name(self, team_id: str, lang: str = "ko") -> str:
        for team in self.division.teams:
            if team.id == team_id:
                return (team.name.en if lang == "en" else None) or team.name.ko
        raise KeyError(team_id)


def _read_yaml(path: Path) -> object:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise KnowledgeError(f"{path.name}: cannot read: {error}") from error


def _validate(model: type[M], path: Path, data: object) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        entry = data.get("id", "?") if isinstance(data, dict) else "?"
        problems = "; ".join(
            f"field {'.'.join(str(p) for p in e['loc']) or '(root)'}: {e['msg']}"
            for e in error.errors()
        )
        raise KnowledgeError(f"{path.name}: entry {entry!r}: {problems}") from error


def load_knowledge(data_dir: Path = DATA_DIR) -> KnowledgeBase:
    """Read every data file, validate it and check cross-references."""
    programs: dict[str, Program] = {}
    files: dict[str, Path] = {}
    program_files = sorted((data_dir / "programs").glob("*.yaml"))
    if not program_files:
        raise KnowledgeError(f"{data_dir / 'programs'}: no program files")
    for path in program_files:
        program = _validate(Program, path, _read_yaml(path))
        if program.id in programs:
            raise KnowledgeError(
                f"{path.name}: entry {program.id!r}: id already in {files[program.id].name}"
            )
        programs[program.id] = program
        files[program.id] = path
    division_path = data_dir / "division.yaml"
    division = _validate(Division, division_path, _read_yaml(division_path))
    vocabulary_path = data_dir / "vocabulary.yaml"
    vocabulary = _validate(Vocabulary, vocabulary_path, _read_yaml(vocabulary_path))

    income_path = data_dir / "median_income.yaml"
    median_income = _validate(MedianIncome, income_path, _read_yaml(income_path))

    rounds_path = data_dir / "rounds.yaml"
    rounds_data = _read_yaml(rounds_path)
    raw_rounds = rounds_data.get("rounds", []) if isinstance(rounds_data, dict) else []
    rounds = tuple(
        sorted((_validate(Round, rounds_path, r) for r in raw_rounds), key=lambda r: r.opens)
    )

    reminders_path = data_dir / "reminders.yaml"
    reminders = _validate(ReminderPlan, reminders_path, _read_yaml(reminders_path))
    for event in reminders.events:
        if event.program not in programs:
            raise KnowledgeError(
                f"reminders.yaml: entry {event.id!r}: field program: unknown {event.program!r}"
            )

    for center in division.centers:
        if center not in programs or not any(f.topic == "place" for f in programs[center].facts):
            raise KnowledgeError(
                f"division.yaml: field centers: {center!r} is not a program with a place fact"
            )
    team_ids = {team.id for team in division.teams}
    for program_id, program in programs.items():
        for team in program.teams:
            if team not in team_ids:
                where = f"{files[program_id].name}: entry {program_id!r}"
                raise KnowledgeError(f"{where}: field teams: unknown team {team!r}")
    return KnowledgeBase(
        programs=programs,
        division=division,
        vocabulary=vocabulary,
        median_income=median_income,
        rounds=rounds,
        reminders=reminders,
        files=files,
    )


@cache
def knowledge() -> KnowledgeBase:
    """The knowledge base shipped with the bot, loaded once per process."""
    return load_knowledge()
