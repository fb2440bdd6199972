"""The eligibility screener: a few questions answered by buttons, then which programs fit.

The state is plain data (saved as a row by the channel), so a restart resumes where the person
stopped. Which question comes next is derived from the rules: only a field that some program
still undecided needs is asked, so nobody answers what cannot change their result.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from bot import callbacks
from bot.answers import (
    first_sentence,
    pick_value,
    program_name,
    team_line,
    topic_label,
    value_text,
)
from bot.application_form import PROGRAM_ID as DREAM_TEAM
from bot.eligibility import ProgramResult, screen, youth_ages
from bot.money import format_krw
from bot.reply import Button, Reply
from bot.rounds import next_round, open_round, period_text
from bot.texts import t, t_count
from knowledge.loader import KnowledgeBase

FLOW = "screener"
MAX_AGE = 120
# Steps in the order they are asked; each but household_size is a persona field.
STEPS = (
    "age",
    "residence",  # also answers works_in_yeongdeungpo: one question, not two
    "employment",
    "student",
    "household_size",
    "household_income_pct_median",
    "assets_krw",
    "benefits",
)
CHOICES: dict[str, tuple[str, ...]] = {
    "residence": (
        "yeongdeungpo",
        "seoul_other_works",
        "seoul_other",
        "outside_seoul_works",
        "outside_seoul",
    ),
    "employment": ("unemployed", "irregular_daily", "employed"),
    "student": ("none", "university_enrolled", "university_on_leave", "other_enrolled"),
    "benefits": ("none", "livelihood", "unemployment", "both"),
}
BENEFIT_FIELDS = ("livelihood_benefit", "unemployment_benefit")
# A program's schedule in the result: its period fact whole when it is this short (the dates are
# often its second sentence), else its first sentence.
SHORT_SCHEDULE = {"ko": 60, "en": 150}


@dataclass
class ScreenerState:
    answers: dict[str, Any] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    history: list[str] = field(default_factory=list)
    step: str | None = None
    editing: bool = False

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ScreenerState:
        return cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def done(self) -> bool:
        return self.step is None and bool(self.history or self.skipped)


class Screener:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.income_cuts = self._thresholds("household_income_pct_median")
        self.asset_cuts = self._thresholds("assets_krw")
        self.period_words = set(kb.vocabulary.period_words)

    def _thresholds(self, field_name: str) -> list[int]:
        """The limits the rules set on a field (60% of the median, 2억원): the ranges offered."""
        cuts = {
            int(c.value)
            for p in self.kb.programs.values()
            for r in p.rules
            for c in r.conditions()
            if c.field == field_name and c.op in ("le", "ge") and isinstance(c.value, int)
        }
        return sorted(cuts)

    # --- what to ask -------------------------------------------------------------------
    def persona(self, state: ScreenerState) -> dict[str, Any]:
        return {k: v for k, v in state.answers.items() if k != "household_size"}

    def needed_fields(self, state: ScreenerState) -> set[str]:
        results = screen(self.kb, self.persona(state))
        return {name for result in results if result.status == "unknown" for name in result.missing}

    def next_step(self, state: ScreenerState) -> str | None:
        needed = self.needed_fields(state)
        for step in STEPS:
            if step in state.history or step in state.skipped:
                continue
            fields = self._fields_of(step)
            if any(f in needed for f in fields):
                return step
        return None

    @staticmethod
    def _fields_of(step: str) -> tuple[str, ...]:
        if step == "household_size":
            return ("household_income_pct_median",)
        if step == "benefits":
            return BENEFIT_FIELDS
        if step == "residence":
            return ("residence", "works_in_yeongdeungpo")
        return (step,)

    # --- moving through it --------------------------------------------------------------
    def start(self) -> ScreenerState:
        state = ScreenerState()
        state.step = self.next_step(state)
        return state

    @staticmethod
    def _seen(state: ScreenerState, step: str) -> None:
        """Record the question as the latest one the person saw (answered or skipped), so the
        numbering counts it and 이전 returns to it."""
        if step in state.history:
            state.history.remove(step)
        state.history.append(step)

    def advance(self, state: ScreenerState) -> ScreenerState:
        if state.step is not None:
            self._seen(state, state.step)
            if state.step in state.skipped:  # answered after all (an edit of a skipped one)
                state.skipped.remove(state.step)
        if state.editing and state.step == "household_size":
            state.step = "household_income_pct_median"  # a new household size needs its income
            return state
        # After an edit too: a changed answer can make a question matter that was never asked
        # (now living in 영등포구: work, studies, benefits); the result comes when none is left.
        state.step = self.next_step(state)
        state.editing = False
        return state

    def choose(self, state: ScreenerState, step: str, value: str) -> ScreenerState | None:
        """Record a button answer; None when the button is not for the current question."""
        if step != state.step or not self._valid_choice(state, step, value):
            return None
        if step == "residence":
            state.answers["residence"] = value.removesuffix("_works")
            state.answers["works_in_yeongdeungpo"] = value.endswith("_works")
        elif step == "benefits":
            state.answers["livelihood_benefit"] = value in ("livelihood", "both")
            state.answers["unemployment_benefit"] = value in ("unemployment", "both")
        elif step == "household_size" or step in ("household_income_pct_median", "assets_krw"):
            state.answers[step] = int(value)
        else:
            state.answers[step] = value
        return self.advance(state)

    def _valid_choice(self, state: ScreenerState, step: str, value: str) -> bool:
        if step in CHOICES:
            return value in CHOICES[step]
        if step == "household_size":
            return value in {str(size) for size in self.kb.median_income.monthly_krw}
        if step == "household_income_pct_median":
            return value in {str(v) for v in self._range_values(self.income_cuts)}
        if step == "assets_krw":
            return value in {str(v) for v in self._range_values(self.asset_cuts)}
        return False

    def type_answer(self, state: ScreenerState, text: str) -> tuple[ScreenerState, str | None]:
        """A typed answer (the age); returns an error message key when it is not valid."""
        if state.step != "age":
            return state, "use_buttons"
        digits = text.strip().removesuffix("살").removesuffix("세").removeprefix("만").strip()
        if not digits.isdecimal() or not 0 < int(digits) <= MAX_AGE:  # "²" is a digit int() refuses
            return state, "age_invalid"
        state.answers["age"] = int(digits)
        return self.advance(state), None

    def skip(self, state: ScreenerState) -> ScreenerState:
        step = state.step
        if step is not None:
            for name in self._fields_of(step):
                state.answers.pop(name, None)
            skipped = [step, "household_income_pct_median"] if step == "household_size" else [step]
            state.skipped.extend(name for name in skipped if name not in state.skipped)
            self._seen(state, step)
        state.step = self.next_step(state)
        state.editing = False
        return state

    def back(self, state: ScreenerState) -> ScreenerState:
        """Return to the previous question (answered or skipped); its answer is kept until it is
        answered again."""
        if state.history:
            previous = state.history.pop()
            state.step = previous
            unskip = {previous}
            if previous == "household_size":  # skipping the size skipped its income too
                unskip.add("household_income_pct_median")
            state.skipped = [name for name in state.skipped if name not in unskip]
        return state

    def edit(self, state: ScreenerState, step: str) -> ScreenerState | None:
        """Ask an earlier question again; a skipped one stays skipped until it is answered (이전
        leaves the edit as it was)."""
        if step not in state.history and step not in state.skipped:
            return None
        state.step, state.editing = step, True
        return state

    @staticmethod
    def leave_edit(state: ScreenerState) -> ScreenerState:
        """이전 while editing: back to the result, the answer as it was."""
        state.step, state.editing = None, False
        return state

    @staticmethod
    def _range_values(cuts: list[int]) -> list[int]:
        """A representative value per range: each limit itself, and just over the last."""
        return [*cuts, cuts[-1] + 1] if cuts else []

    # --- what to show -------------------------------------------------------------------
    def intro(self, lang: str) -> str:
        """What the screener is and what its answers are used for (young people get notices)."""
        low, high = youth_ages(self.kb)
        return t("screener_intro", lang, low=low, high=high)

    def prompt(self, state: ScreenerState, lang: str, today: date | None = None) -> Reply:
        """The current question, or the result (with the 청년 드림팀 round open on `today`)."""
        step = state.step
        if step is None:
            return self.result(state, lang, today)
        if state.editing:  # not a new question: which answer is being changed
            header = t("screener_editing", lang, label=t(f"screener_label_{step}", lang))
        else:
            header = t("screener_progress", lang, number=len(state.history) + 1)
        income = self.kb.median_income
        question = t(
            f"screener_q_{step}",
            lang,
            year=income.year,
            over=max(income.monthly_krw) + 1,  # the data's largest household, plus one
        )
        rows: list[list[Button]] = []
        if step in CHOICES:
            rows = [
                [Button(t(f"screener_{step}_{v}", lang), callbacks.screener(step, v))]
                for v in CHOICES[step]
            ]
        elif step == "household_size":
            sizes = sorted(self.kb.median_income.monthly_krw)
            labels = [(str(s), t("screener_household", lang, size=s)) for s in sizes]
            rows = [
                [Button(label, callbacks.screener(step, v)) for v, label in labels[i : i + 3]]
                for i in range(0, len(labels), 3)
            ]
        elif step == "household_income_pct_median":
            rows = self._income_rows(state, lang)
        elif step == "assets_krw":
            rows = self._asset_rows(lang)
        rows.append([Button(t("screener_skip", lang), callbacks.screener_action("skip"))])
        nav = [Button(t("screener_cancel", lang), callbacks.screener_action("cancel"))]
        if state.history:
            nav.insert(0, Button(t("back", lang), callbacks.screener_action("back")))
        rows.append(nav)
        return Reply(f"{header}\n{question}", rows)

    def _income_rows(self, state: ScreenerState, lang: str) -> list[list[Button]]:
        size = state.answers.get("household_size", 1)
        median = self.kb.median_income.monthly_krw.get(size) or self.kb.median_income.monthly_krw[1]
        rows, low = [], None
        for cut in self.income_cuts:
            amount = format_krw(median * cut // 100, lang)
            rows.append(
                [
                    Button(
                        t("screener_income_upto", lang, amount=amount, pct=cut),
                        callbacks.screener("household_income_pct_median", str(cut)),
                    )
                ]
            )
            low = cut
        if low is not None:
            amount = format_krw(median * low // 100, lang)
            rows.append(
                [
                    Button(
                        t("screener_income_over", lang, amount=amount, pct=low),
                        callbacks.screener("household_income_pct_median", str(low + 1)),
                    )
                ]
            )
        return rows

    def _asset_rows(self, lang: str) -> list[list[Button]]:
        rows = [
            [
                Button(
                    t("screener_assets_upto", lang, amount=format_krw(cut, lang)),
                    callbacks.screener("assets_krw", str(cut)),
                )
            ]
            for cut in self.asset_cuts
        ]
        if self.asset_cuts:
            last = self.asset_cuts[-1]
            rows.append(
                [
                    Button(
                        t("screener_assets_over", lang, amount=format_krw(last, lang)),
                        callbacks.screener("assets_krw", str(last + 1)),
                    )
                ]
            )
        return rows

    def result(self, state: ScreenerState, lang: str, today: date | None = None) -> Reply:
        results = screen(self.kb, self.persona(state), lang)
        groups: dict[str, list[str]] = {"eligible": [], "unknown": [], "ineligible": []}
        for result in results:
            groups[result.status].append(self._result_line(result, lang, today))
        parts = [t("screener_result_title", lang)]
        for status in ("eligible", "unknown", "ineligible"):
            if groups[status]:
                parts.append(t(f"screener_group_{status}", lang))
                parts.extend(groups[status])
        parts.append(t("screener_result_note", lang))
        rows = [
            [
                Button(t("screener_again", lang), callbacks.screener_action("result")),
                Button(t("screener_edit", lang), callbacks.screener_action("edit")),
            ],
            [
                Button(t("menu_programs", lang), callbacks.menu("programs")),
                Button(t("card_subscribe", lang), callbacks.screener_action("remind")),
            ],
            [Button(t("home", lang), callbacks.home())],
        ]
        dream_team = next((r for r in results if r.program == DREAM_TEAM), None)
        if (
            dream_team is not None
            and dream_team.status == "eligible"
            and today is not None
            and open_round(self.kb, today) is not None
        ):
            rows.insert(2, [Button(t("menu_apply", lang), callbacks.menu("apply"))])
        return Reply("\n".join(parts), rows)

    def _schedule(self, program_id: str, text: str, lang: str, today: date | None) -> str:
        """The schedule line: for the 청년 드림팀 the round open now (or the next one), as staff
        set it in rounds.yaml, saying so; else the period fact, its dates kept."""
        if program_id == DREAM_TEAM and today is not None:
            current = open_round(self.kb, today)
            if current is not None:
                return period_text("screener_round_open", current, lang)
            upcoming = next_round(self.kb, today)
            if upcoming is not None:
                return period_text("form_next_round", upcoming, lang)
        return text if len(text) <= SHORT_SCHEDULE[lang] else first_sentence(text).strip()

    def _result_line(self, result: ProgramResult, lang: str, today: date | None = None) -> str:
        program = self.kb.programs[result.program]
        name = program_name(program, lang)
        if result.status == "ineligible":
            return f"• {name}: {result.brief[0]}"
        if result.status == "unknown":
            return f"• {name}: {result.reasons[0]} · {team_line(self.kb, program, lang)}"
        details = []
        for topic in ("pay", "schedule", "apply"):
            facts = [f for f in program.facts if f.topic == topic]
            periods = [f for f in facts if set(f.keywords) & self.period_words]
            fact = next(iter(periods or facts), None)
            whole = value_text(pick_value(fact), lang).strip() if fact else ""
            if topic == "schedule" and (whole or program.id == DREAM_TEAM):
                text = self._schedule(program.id, whole, lang, today)
            else:
                text = first_sentence(whole).strip()
            if not text and topic == "apply":  # where to apply is never left out
                teams = ", ".join(self.kb.team_name(team, lang) for team in program.teams)
                text = t("screener_ask_team", lang, teams=teams)
            if text:
                details.append(f"{topic_label(topic, lang)}: {text}")
        return "\n  ".join([f"• {name}", *details])

    def remind_menu(self, state: ScreenerState, lang: str) -> Reply:
        """🔔 알림 받기 under the result: reminders for the programs the person can apply to (or
        should check), one button each, beside the full reminder settings."""
        results = screen(self.kb, self.persona(state), lang)
        fitting = [r.program for r in results if r.status == "eligible"]
        fitting += [r.program for r in results if r.status == "unknown"]
        rows = [
            [
                Button(
                    t("screener_remind_program", lang, program=program_name(program, lang)),
                    callbacks.subscription("on", program.id),
                )
            ]
            for program in (self.kb.programs[program_id] for program_id in fitting)
        ]
        rows.append([Button(t("menu_subscribe", lang), callbacks.menu("subscribe"))])
        rows.append([Button(t("back", lang), callbacks.screener_action("result"))])
        key = "screener_remind_title" if fitting else "screener_remind_none"
        return Reply(t(key, lang), rows)

    def resume_offer(self, state: ScreenerState, lang: str) -> Reply:
        """/check while a screener waits for an answer: carry on, or start again."""
        rows = [
            [Button(t("screener_continue", lang), callbacks.screener_action("resume"))],
            [Button(t("screener_restart", lang), callbacks.screener_action("restart"))],
            [Button(t("screener_cancel", lang), callbacks.screener_action("cancel"))],
        ]
        text = t_count("screener_in_progress", lang, len(state.history))
        return Reply(text, rows)

    def edit_menu(self, state: ScreenerState, lang: str) -> Reply:
        steps = [
            s
            for s in STEPS
            if (s in state.history or s in state.skipped) and s != "household_income_pct_median"
        ]
        rows = [
            [Button(t(f"screener_label_{s}", lang), callbacks.screener_action(f"edit_{s}"))]
            for s in steps
        ]
        rows.append([Button(t("back", lang), callbacks.screener_action("result"))])
        return Reply(t("screener_edit_choose", lang), rows)


SKIP_WORDS = {"모름", "몰라", "몰라요", "모르겠어요", "건너뛰기", "패스", "skip", "pass"}


def on_text(
    screener: Screener,
    state: ScreenerState,
    text: str,
    lang: str,
    answer: Reply | None,
    today: date | None = None,
) -> tuple[ScreenerState, list[Reply]]:
    """A typed message during the screener: the age, a skip, or a question answered on the way
    (`answer` is the core's answer to it, or None when it was not understood)."""
    if text.strip().lower() in SKIP_WORDS:
        state = screener.skip(state)
        return state, [screener.prompt(state, lang, today)]
    if state.step == "age":
        state, error = screener.type_answer(state, text)
        if error is None:
            return state, [screener.prompt(state, lang, today)]
    else:
        error = "use_buttons"
    if answer is not None:
        resume = screener.prompt(state, lang, today)
        resume.text = f"{t('screener_resume', lang)}\n\n{resume.text}"
        return state, [answer, resume]
    reply = screener.prompt(state, lang, today)
    reply.text = f"{t(error, lang)}\n\n{reply.text}"
    return state, [reply]


def on_action(
    screener: Screener, state: ScreenerState, action: str, lang: str, today: date | None = None
) -> tuple[ScreenerState | None, Reply | None]:
    """A screener button other than an answer; (None, None) when it is not valid now."""
    if action == "skip" and state.step is not None:
        return screener.skip(state), None
    if action == "back" and state.editing:
        state = screener.leave_edit(state)
        return state, screener.edit_menu(state, lang)
    if action == "back" and state.step is not None:
        return screener.back(state), None
    if action == "resume":
        return state, None
    if action == "result" and state.step is None:
        return state, screener.result(state, lang, today)
    if action == "edit" and state.step is None:
        return state, screener.edit_menu(state, lang)
    if action == "remind" and state.step is None:
        return state, screener.remind_menu(state, lang)
    if action.startswith("edit_") and state.step is None:
        edited = screener.edit(state, action.removeprefix("edit_"))
        return (edited, None) if edited is not None else (None, None)
    return None, None
