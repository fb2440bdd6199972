"""The 청년 드림팀 application form: one question at a time, every answer validated, a draft that
is plain data (saved as a row after every answer by the channel), a review screen, a submit.

Nothing here touches the database or Telegram: the channel loads the state, calls one of the
`on_*` methods and saves what comes back.
"""

from __future__ import annotations

import secrets
from dataclasses import asdict, dataclass, field
from typing import Any

from bot import callbacks
from bot.eligibility import age_band
from bot.money import format_krw
from bot.reply import Button, Reply
from bot.rounds import theme_label
from bot.texts import t, t_count
from bot.validation import normalise_mobile, parse_age, parse_won
from knowledge.loader import KnowledgeBase
from knowledge.schema import Round

FLOW = "application"
PROGRAM_ID = "youth_dream_team"  # its eligibility rules say who may be a member
TEXT_LIMITS = {
    "team_name": 30,
    "title": 60,
    "description": 1000,
    "member_name": 20,
    "budget_item": 40,
}
TIES = ("reside", "work", "active")
MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_MEMBERS = 20
MAX_BUDGET_LINES = 20
# Steps answered with free text, where a question typed by mistake could pass for an answer.
FREE_TEXT_STEPS = tuple(TEXT_LIMITS)
# The order of the form; `back` walks it, `edit` jumps into it from the review screen.
SECTIONS = ("team_name", "title", "theme", "description", "members", "phone", "budget", "file")
# 이전 inside a member or a budget line: the question before, its answer kept in `pending`.
INNER_BACK = {
    "member_age": "member_name",
    "member_tie": "member_age",
    "budget_amount": "budget_item",
}
PENDING_KEYS = {"member_name": "name", "member_age": "age", "budget_item": "item"}
KEEP_CHARS = 24
MONEY_VALUES = ("max", "left")  # error values that are won amounts, worded per language


@dataclass
class FormState:
    round_id: str
    step: str = "team_name"
    data: dict[str, Any] = field(default_factory=lambda: {"members": [], "budget": []})
    pending: dict[str, Any] = field(default_factory=dict)
    editing: bool = False
    application_id: int | None = None
    nonce: str = field(default_factory=lambda: secrets.token_hex(4))
    closed_noted: bool = False  # told once that its round closed
    asked: str | None = None  # text taken for a question; sent again, it is the answer
    lists: int = 0  # changes to the members and budget lists: a ➖ button names the version

    def changed_lists(self) -> None:
        self.lists += 1

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FormState:
        return cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Outcome:
    """What an input did: the new state, or an error (catalogue key and values) and the same
    state, untouched."""

    state: FormState
    error: str | None = None
    values: dict[str, Any] = field(default_factory=dict)


def section_of(step: str) -> str:
    if step.startswith("member") or step == "members":
        return "members"
    if step.startswith("budget"):
        return "budget"
    return step


def entry_ref(index: int, state: FormState) -> str:
    """Button data for one member or budget line: its place in the list as the screen showed it
    (a second tap, after the list changed, is refused instead of removing the next entry)."""
    return f"{index}_{state.lists}"


def entry_index(arg: str, state: FormState, entries: list[Any]) -> int | None:
    """The entry a ➖ button stands for, or None when the list changed since it was shown."""
    index, _, version = arg.partition("_")
    if not (index.isdecimal() and version == str(state.lists)) or int(index) >= len(entries):
        return None
    return int(index)


def remove_entry(arg: str, state: FormState, section: str) -> Outcome | None:
    """A ➖ button on the members or budget list: the entry goes and the list's version moves
    on, so the same button pressed again is stale (None) instead of removing the next entry."""
    entries = state.data[section]
    index = entry_index(arg, state, entries)
    if index is None:
        return None
    entries.pop(index)
    state.changed_lists()
    return Outcome(state)


def file_size_label() -> str:
    """The largest proposal file, as the texts say it (10MB)."""
    return f"{MAX_FILE_BYTES // (1024 * 1024)}MB"


class ApplicationForm:
    def __init__(self, round_: Round, member_ages: tuple[int, int]) -> None:
        self.round = round_
        self.member_ages = member_ages

    @classmethod
    def of(cls, kb: KnowledgeBase, round_: Round) -> ApplicationForm:
        """The form of a round; members' ages are the program's own age rules."""
        band = age_band(kb.programs[PROGRAM_ID])
        if band is None:
            raise ValueError(f"{PROGRAM_ID} has no age rules")
        return cls(round_, band)

    # --- moving ---------------------------------------------------------------------------
    def start(self) -> FormState:
        return FormState(round_id=self.round.id)

    def adopt(self, state: FormState) -> bool:
        """Carry a draft whose round closed into this round. A theme this round does not offer
        is cleared to be chosen again (True). The review needs a new tap: a new nonce."""
        state.round_id, state.nonce, state.closed_noted = self.round.id, secrets.token_hex(4), False
        theme = state.data.get("theme")
        if theme is None or theme in self.round.themes:
            return False
        del state.data["theme"]
        if state.step == "review":
            state.step, state.editing = "theme", True
        return True

    def _next(self, state: FormState, section: str) -> FormState:
        """After a section is complete: the review when editing, else the next section."""
        if state.editing:
            state.step, state.editing = "review", False
            return state
        index = SECTIONS.index(section)
        state.step = (
            "review" if index + 1 == len(SECTIONS) else self._entry(state, SECTIONS[index + 1])
        )
        return state

    @staticmethod
    def _entry(state: FormState, section: str) -> str:
        if section == "members":
            return "members" if state.data["members"] else "member_name"
        if section == "budget":
            return "budget" if state.data["budget"] else "budget_item"
        return section

    def back(self, state: FormState) -> FormState:
        """The screen before this one: inside a member or a budget line the previous question
        (what was typed is offered to keep), from a loop's first question its list, from the
        first screen of a section edited from the review the review, else the previous
        section."""
        step = state.step
        if step in INNER_BACK:
            state.step = INNER_BACK[step]
            return state
        state.pending = {}
        if step == "member_name" and state.data["members"]:
            state.step = "members"
        elif step == "budget_item" and state.data["budget"]:
            state.step = "budget"
        elif state.editing:
            state.step, state.editing = "review", False
        elif step == "review":
            state.step = self._entry(state, SECTIONS[-1])
        elif section_of(step) != SECTIONS[0]:
            previous = SECTIONS[SECTIONS.index(section_of(step)) - 1]
            state.step = self._entry(state, previous)
        return state

    def current(self, state: FormState) -> Any:
        """What the current step already holds (shown with a button to keep it), or None."""
        step = state.step
        if step in ("team_name", "title", "description", "phone"):
            return state.data.get(step)
        if step == "file":
            return state.data.get("file_name")
        return state.pending.get(PENDING_KEYS.get(step, ""))

    def edit(self, state: FormState, section: str) -> FormState | None:
        if state.step != "review" or section not in SECTIONS:
            return None
        state.step, state.editing, state.pending = self._entry(state, section), True, {}
        return state

    # --- typed answers ----------------------------------------------------------------------
    def on_text(self, state: FormState, text: str) -> Outcome:
        text = text.strip()
        step = state.step
        if step in TEXT_LIMITS:
            limit = TEXT_LIMITS[step]
            if not text:
                return Outcome(state, "form_empty")
            if len(text) > limit:
                return Outcome(
                    state, "form_too_long", {"limit": f"{limit:,}", "length": f"{len(text):,}"}
                )
        if step in ("team_name", "title", "description"):
            state.data[step] = text
            return Outcome(self._next(state, step))
        if step == "member_name":
            state.pending["name"] = text  # an age typed before 이전 is kept, to confirm
            state.step = "member_age"
            return Outcome(state)
        if step == "member_age":
            age = parse_age(text, 1, 120)
            if age is None:
                return Outcome(state, "form_age_number")
            low, high = self.member_ages
            if not low <= age <= high:
                name = state.pending.get("name", "")
                return Outcome(state, "form_member_age", {"low": low, "high": high, "name": name})
            state.pending["age"] = age
            state.step = "member_tie"
            return Outcome(state)
        if step == "phone":
            phone = normalise_mobile(text)
            if phone is None:
                return Outcome(state, "form_phone")
            state.data["phone"] = phone
            return Outcome(self._next(state, "phone"))
        if step == "budget_item":
            state.pending["item"] = text
            state.step = "budget_amount"
            return Outcome(state)
        if step == "budget_amount":
            amount = parse_won(text)
            if amount is None or amount <= 0:
                return Outcome(state, "form_amount")
            total = sum(line["amount"] for line in state.data["budget"]) + amount
            if total > self.round.max_grant_krw:
                left = self.round.max_grant_krw - (total - amount)
                return Outcome(
                    state,
                    "form_budget_over",
                    {"max": self.round.max_grant_krw, "left": left},
                )
            state.data["budget"].append({"item": state.pending.get("item", ""), "amount": amount})
            state.changed_lists()
            state.pending, state.step = {}, "budget"
            return Outcome(state)
        return Outcome(state, "use_buttons")

    def on_document(
        self, state: FormState, file_id: str, file_name: str, size: int | None
    ) -> Outcome:
        if state.step != "file":
            return Outcome(state, "form_no_file_now")
        if size is not None and size > MAX_FILE_BYTES:
            return Outcome(state, "form_file_too_big", {"size": file_size_label()})
        state.data["file_id"], state.data["file_name"] = file_id, file_name
        return Outcome(self._next(state, "file"))

    # --- buttons ------------------------------------------------------------------------------
    def on_press(self, state: FormState, action: str, arg: str) -> Outcome | None:
        """A form button; None when it does not belong to the current question (stale)."""
        step, data = state.step, state.data
        if (
            action == "theme"
            and step == "theme"
            and arg.isdigit()
            and int(arg) < len(self.round.themes)
        ):
            data["theme"] = self.round.themes[int(arg)]
            return Outcome(self._next(state, "theme"))
        if action == "tie" and step == "member_tie" and arg in (*TIES, "none"):
            if arg == "none":
                return Outcome(state, "form_member_tie", {"name": state.pending.get("name", "")})
            data["members"].append({**state.pending, "tie": arg})
            state.changed_lists()
            state.pending, state.step = {}, "members"
            return Outcome(state)
        if action == "madd" and step == "members":
            if len(data["members"]) >= MAX_MEMBERS:
                return Outcome(state, "form_too_many")
            state.step, state.pending = "member_name", {}
            return Outcome(state)
        if action == "mdrop" and step in ("member_age", "member_tie"):
            state.pending = {}  # the member being entered is left out
            state.step = "members" if data["members"] else "member_name"
            return Outcome(state)
        if action == "mdel" and step == "members":
            return remove_entry(arg, state, "members")
        if action == "mdone" and step == "members":
            if len(data["members"]) < self.round.min_members:
                return Outcome(
                    state,
                    "form_members_few",
                    {"min": self.round.min_members, "count": len(data["members"])},
                )
            return Outcome(self._next(state, "members"))
        if action == "badd" and step == "budget":
            if len(data["budget"]) >= MAX_BUDGET_LINES:
                return Outcome(state, "form_too_many")
            if sum(line["amount"] for line in data["budget"]) >= self.round.max_grant_krw:
                return Outcome(state, "form_budget_full", {"max": self.round.max_grant_krw})
            state.step, state.pending = "budget_item", {}
            return Outcome(state)
        if action == "bdrop" and step == "budget_amount":
            state.pending, state.step = {}, "budget"  # the line being entered is left out
            return Outcome(state)
        if action == "bdel" and step == "budget":
            return remove_entry(arg, state, "budget")
        if action == "bdone" and step == "budget":
            if not data["budget"]:
                return Outcome(state, "form_budget_empty")
            return Outcome(self._next(state, "budget"))
        if action == "fskip" and step == "file":
            data.pop("file_id", None)
            data.pop("file_name", None)
            return Outcome(self._next(state, "file"))
        if action == "keep":
            value = self.current(state)
            if value is None:
                return None
            if step == "file":
                return Outcome(self._next(state, "file"))
            return self.on_text(state, str(value))
        if action == "back":
            return Outcome(self.back(state))
        if action == "edit":
            edited = self.edit(state, arg)
            return Outcome(edited) if edited is not None else None
        return None

    def error_text(self, outcome: Outcome, lang: str) -> str:
        """What was wrong with an input, in `lang` (amounts in its words for won)."""
        values = {
            key: format_krw(value, lang) if key in MONEY_VALUES else value
            for key, value in outcome.values.items()
        }
        return t(outcome.error or "", lang, **values)

    def missing(self, state: FormState) -> list[str]:
        """Sections the application cannot be submitted without."""
        data = state.data
        required = ("team_name", "title", "theme", "description", "phone")
        gaps = [name for name in required if not data.get(name)]
        if len(data.get("members", [])) < self.round.min_members:
            gaps.append("members")
        budget = data.get("budget", [])
        if not budget or sum(line["amount"] for line in budget) > self.round.max_grant_krw:
            gaps.append("budget")
        return gaps

    # --- what to show -------------------------------------------------------------------------
    def prompt(self, state: FormState, lang: str) -> Reply:
        step = state.step
        if step == "review":
            return self.review(state, lang)
        rows: list[list[Button]] = []
        values: dict[str, Any] = {
            "limit": f"{TEXT_LIMITS.get(step, 0):,}",
            "max": format_krw(self.round.max_grant_krw, lang),
            "min": self.round.min_members,
            "number": len(state.data["members"]) + 1,
            "name": state.pending.get("name", ""),
            "item": state.pending.get("item", ""),
            "size": file_size_label(),
        }
        text = "" if step in ("members", "budget") else t(f"form_q_{step}", lang, **values)
        if step == "theme":
            rows = [
                [Button(theme_label(self.round, theme, lang), callbacks.form("theme", str(i)))]
                for i, theme in enumerate(self.round.themes)
            ]
        elif step == "member_tie":
            rows = [
                [Button(t(f"form_tie_{tie}", lang), callbacks.form("tie", tie))] for tie in TIES
            ]
            rows.append([Button(t("form_tie_none", lang), callbacks.form("tie", "none"))])
        elif step == "members":
            count = len(state.data["members"])
            header = t_count("form_members_now", lang, count, min=self.round.min_members)
            text = f"{header}\n{self.members_text(state, lang)}"
            rows = [[Button(t("form_member_add", lang), callbacks.form("madd"))]]
            rows += [
                [
                    Button(
                        t("form_remove", lang, what=m["name"]),
                        callbacks.form("mdel", entry_ref(i, state)),
                    )
                ]
                for i, m in enumerate(state.data["members"])
            ]
            rows.append([Button(t("form_next", lang), callbacks.form("mdone"))])
        elif step == "budget":
            hint = t("form_budget_now", lang, max=format_krw(self.round.max_grant_krw, lang))
            text = f"{self.budget_text(state, lang)}\n{hint}"
            rows = [[Button(t("form_budget_add", lang), callbacks.form("badd"))]]
            rows += [
                [
                    Button(
                        t("form_remove", lang, what=line["item"]),
                        callbacks.form("bdel", entry_ref(i, state)),
                    )
                ]
                for i, line in enumerate(state.data["budget"])
            ]
            rows.append([Button(t("form_next", lang), callbacks.form("bdone"))])
        elif step == "file":
            skip = "form_file_drop" if state.data.get("file_id") else "form_file_skip"
            rows = [[Button(t(skip, lang), callbacks.form("fskip"))]]
        current = self.current(state)
        if current is not None:
            keep = t("form_keep", lang, value=shorten(str(current)))
            rows.insert(0, [Button(keep, callbacks.form("keep"))])
        if step in ("member_age", "member_tie"):
            drop = t("form_remove", lang, what=state.pending.get("name", ""))
            rows.append([Button(drop, callbacks.form("mdrop"))])
        elif step == "budget_amount":
            drop = t("form_remove", lang, what=state.pending.get("item", ""))
            rows.append([Button(drop, callbacks.form("bdrop"))])
        nav = [Button(self.cancel_label(state, lang), callbacks.form("cancel"))]
        if step != SECTIONS[0] or state.editing:
            nav.insert(0, Button(t("back", lang), callbacks.form("back")))
        rows.append(nav)
        return Reply(text, rows)

    @staticmethod
    def cancel_label(state: FormState, lang: str) -> str:
        """Changes to a submitted application are dropped, not the application."""
        return t("form_cancel_edit" if state.application_id else "form_cancel", lang)

    def cancel_confirm(self, state: FormState, lang: str) -> Reply:
        edit = state.application_id is not None
        rows = [
            [Button(t("form_cancel_yes", lang), callbacks.form("cancelyes"))],
            [Button(t("form_cancel_no", lang), callbacks.form("cancelno"))],
        ]
        return Reply(t("form_cancel_edit_confirm" if edit else "form_cancel_confirm", lang), rows)

    def members_text(self, state: FormState, lang: str) -> str:
        lines = []
        for i, member in enumerate(state.data["members"], start=1):
            age = t("form_age_years", lang, age=member["age"])
            tie = t("form_tie_" + member["tie"], lang)
            lines.append(f"{i}. {member['name']} ({age}, {tie})")
        return "\n".join(lines)

    def budget_text(self, state: FormState, lang: str) -> str:
        lines = [
            f"• {line['item']}: {format_krw(line['amount'], lang)}" for line in state.data["budget"]
        ]
        total = sum(line["amount"] for line in state.data["budget"])
        lines.append(
            t(
                "form_budget_total",
                lang,
                total=format_krw(total, lang),
                max=format_krw(self.round.max_grant_krw, lang),
            )
        )
        return "\n".join(lines)

    def summary(self, state: FormState, lang: str) -> str:
        data = state.data
        file_line = data.get("file_name") or t("form_no_file", lang)
        theme = theme_label(self.round, data.get("theme", ""), lang)
        return "\n".join(
            [
                t("form_label_round", lang, round=self.round.id),
                f"{t('form_label_team_name', lang)}: {data.get('team_name', '')}",
                f"{t('form_label_title', lang)}: {data.get('title', '')}",
                f"{t('form_label_theme', lang)}: {theme}",
                f"{t('form_label_description', lang)}: {data.get('description', '')}",
                f"{t('form_label_members', lang)}:\n{self.members_text(state, lang)}",
                f"{t('form_label_phone', lang)}: {data.get('phone', '')}",
                f"{t('form_label_budget', lang)}:\n{self.budget_text(state, lang)}",
                f"{t('form_label_file', lang)}: {file_line}",
            ]
        )

    def review(self, state: FormState, lang: str) -> Reply:
        text = f"{t('form_review', lang)}\n\n{self.summary(state, lang)}"
        edits = [Button(t(f"form_edit_{s}", lang), callbacks.form("edit", s)) for s in SECTIONS]
        rows = [edits[i : i + 2] for i in range(0, len(edits), 2)]
        rows.append([Button(t("form_submit", lang), callbacks.form("submit", state.nonce))])
        rows.append([Button(self.cancel_label(state, lang), callbacks.form("cancel"))])
        return Reply(text, rows)


def shorten(text: str, limit: int = KEEP_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
