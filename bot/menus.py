"""Menu screens: home, the audiences, the programs of one audience."""

from __future__ import annotations

from bot import callbacks
from bot.answers import handoff_button, main_menu_buttons, program_name
from bot.reply import Button, Reply
from bot.texts import t
from knowledge.loader import KnowledgeBase


def home_row(lang: str) -> list[Button]:
    """🏠 처음으로: a way back from any screen."""
    return [Button(t("home", lang), callbacks.home())]


def stale_reply(lang: str) -> Reply:
    """A button that no longer leads anywhere: say so, and offer the way home."""
    return Reply(t("stale_button", lang), [home_row(lang)])


def home_reply(lang: str) -> Reply:
    return Reply(t("start", lang, source_years=t("source_years", lang)), main_menu_buttons(lang))


def help_reply(lang: str) -> Reply:
    rows = [
        [handoff_button(lang)],
        [Button(t("home", lang), callbacks.home())],
    ]
    return Reply(t("help", lang), rows)


def audiences_reply(lang: str) -> Reply:
    rows = [
        [Button(t(f"audience_{name}", lang), callbacks.audience(name))]
        for name in callbacks.AUDIENCES
    ]
    rows.append([Button(t("home", lang), callbacks.home())])
    return Reply(t("choose_audience", lang), rows)


def programs_reply(kb: KnowledgeBase, audience: str, lang: str) -> Reply:
    programs = sorted(
        (p for p in kb.programs.values() if p.audience == audience), key=lambda p: p.order
    )
    rows = [[Button(program_name(p, lang), callbacks.program(p.id))] for p in programs]
    rows.append([Button(t("back", lang), callbacks.menu("programs"))])
    rows.append([Button(t("home", lang), callbacks.home())])
    return Reply(t("choose_program", lang, audience=t(f"audience_{audience}", lang)), rows)


def language_reply(lang: str) -> Reply:
    rows = [
        [
            Button(t("lang_ko", lang), callbacks.lang("ko")),
            Button(t("lang_en", lang), callbacks.lang("en")),
        ],
        [Button(t("home", lang), callbacks.home())],
    ]
    return Reply(t("lang_choose", lang), rows)
