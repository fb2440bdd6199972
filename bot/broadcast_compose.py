"""Composing a recruitment notice (staff): text and an optional photo or document, the program
it is about, the audience, then a preview. Plain data, saved as a row by the channel."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from bot import callbacks
from bot.answers import program_name
from bot.clock import SEOUL
from bot.eligibility import youth_ages
from bot.reply import Button, Reply
from bot.texts import t
from knowledge.loader import KnowledgeBase

FLOW = "broadcast_draft"
MAX_TEXT = 1000  # a caption's limit is 1,024 characters
AUDIENCES = ("all", "youth", "programs")


@dataclass
class Draft:
    step: str = "text"  # text → program → audience → preview → schedule
    text: str = ""
    media_kind: str | None = None
    media_file_id: str | None = None
    program: str = ""
    audience: dict[str, Any] = field(default_factory=lambda: {"kind": "programs", "programs": []})

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Draft:
        return cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def parse_send_at(text: str) -> datetime | None:
    """'2018-04-10 14:00' (Seoul time) as an aware datetime, or None."""
    for pattern in ("%Y-%m-%d %H:%M", "%Y.%m.%d %H:%M", "%Y-%m-%dT%H:%M"):
        try:
            return datetime.strptime(text.strip(), pattern).replace(tzinfo=SEOUL)
        except ValueError:
            continue
    return None


class Composer:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    def on_text(self, draft: Draft, text: str) -> str | None:
        """Take the notice text; an error key when it is not valid."""
        if draft.step != "text":
            return "use_buttons"
        text = text.strip()
        if not text or len(text) > MAX_TEXT:
            return "bc_text_invalid"
        draft.text, draft.step = text, "program"
        return None

    def on_media(self, draft: Draft, kind: str, file_id: str, caption: str | None) -> str | None:
        if draft.step != "text":
            return "use_buttons"
        draft.media_kind, draft.media_file_id = kind, file_id
        if caption:
            return self.on_text(draft, caption)
        return None  # still waiting for the text

    def choose_program(self, draft: Draft, program_id: str) -> bool:
        if draft.step != "program" or program_id not in self.kb.programs:
            return False
        draft.program, draft.step = program_id, "audience"
        draft.audience = {"kind": "programs", "programs": [program_id]}
        return True

    def choose_audience(self, draft: Draft, kind: str) -> bool:
        if draft.step != "audience" or kind not in AUDIENCES:
            return False
        draft.audience["kind"] = kind
        return True

    def toggle_program(self, draft: Draft, program_id: str) -> bool:
        if draft.step != "audience" or program_id not in self.kb.programs:
            return False
        chosen = draft.audience.setdefault("programs", [])
        if program_id in chosen:
            chosen.remove(program_id)
        else:
            chosen.append(program_id)
        draft.audience["kind"] = "programs"
        return True

    def no_audience(self, draft: Draft) -> bool:
        """Subscribers chosen as the audience, but of no program: nobody to send to."""
        chosen = [p for p in draft.audience.get("programs", []) if p in self.kb.programs]
        return draft.audience.get("kind") == "programs" and not chosen

    def prompt(self, draft: Draft, lang: str, recipients: int | None = None) -> Reply:
        cancel = [Button(t("bc_discard", lang), callbacks.broadcast("cancel"))]
        if draft.step == "text":
            return Reply(t("bc_q_text", lang, limit=MAX_TEXT), [cancel])
        if draft.step == "program":
            programs = sorted(self.kb.programs.values(), key=lambda p: p.order)
            rows = [
                [Button(program_name(p, lang), callbacks.broadcast("program", p.id))]
                for p in programs
            ]
            return Reply(t("bc_q_program", lang), [*rows, cancel])
        if draft.step == "audience":
            kind, chosen = draft.audience["kind"], draft.audience.get("programs", [])
            mark = lambda on: "☑️" if on else "▫️"  # noqa: E731
            rows = [
                [
                    Button(
                        f"{mark(kind == 'all')} {t('bc_all', lang)}",
                        callbacks.broadcast("audience", "all"),
                    )
                ],
                [
                    Button(
                        f"{mark(kind == 'youth')} {self.youth_label(lang)}",
                        callbacks.broadcast("audience", "youth"),
                    )
                ],
            ]
            for program in sorted(self.kb.programs.values(), key=lambda p: p.order):
                on = kind == "programs" and program.id in chosen
                short_name = program_name(program, lang)
                rows.append(
                    [
                        Button(
                            f"{mark(on)} {t('bc_subscribers', lang, program=short_name)}",
                            callbacks.broadcast("toggle", program.id),
                        )
                    ]
                )
            rows.append([Button(t("form_next", lang), callbacks.broadcast("preview"))])
            return Reply(t("bc_q_audience", lang), [*rows, cancel])
        if draft.step == "schedule":
            return Reply(
                t("bc_q_schedule", lang),
                [[Button(t("back", lang), callbacks.broadcast("preview"))], cancel],
            )
        # preview
        program = self.kb.programs[draft.program]
        text = t(
            "bc_preview",
            lang,
            count=recipients or 0,
            program=program_name(program, lang),
            audience=self.audience_label(draft, lang),
        )
        rows = [
            [Button(t("bc_test", lang), callbacks.broadcast("test"))],
            [
                Button(t("bc_now", lang), callbacks.broadcast("now")),
                Button(t("bc_later", lang), callbacks.broadcast("later")),
            ],
            [Button(t("back", lang), callbacks.broadcast("audience_step"))],
            cancel,
        ]
        return Reply(f"{text}\n\n———\n{draft.text}", rows)

    def youth_label(self, lang: str) -> str:
        low, high = youth_ages(self.kb)
        return t("bc_youth", lang, low=low, high=high)

    def audience_label(self, draft: Draft, lang: str) -> str:
        kind = draft.audience["kind"]
        if kind == "youth":
            return self.youth_label(lang)
        if kind != "programs":
            return t(f"bc_{kind}", lang)
        names = ", ".join(
            program_name(self.kb.programs[p], lang) for p in draft.audience.get("programs", [])
        )
        return t("bc_subscribers", lang, program=names or "-")
