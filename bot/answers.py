"""Compose replies from matched facts: short, about what was asked, naming the year and source."""

from __future__ import annotations

import re

from bot import callbacks
from bot.matcher import Match
from bot.reply import Button, Reply
from bot.rounds import period_text
from bot.texts import t
from knowledge.loader import KnowledgeBase
from knowledge.schema import DatedValue, Fact, Program, Round, Topic

MAX_CHARS = 480
CARD_TOPICS: tuple[Topic, ...] = ("pay", "eligibility", "schedule", "place", "apply")
EXTRA_TOPICS: tuple[Topic, ...] = ("about", "figures")
# Topics whose other year's value is worth a line when no year is asked: the 2017 results beside
# the 2018 plan. Pay and eligibility are not: "now" gets the current year's wage and rules only.
BOTH_YEARS_TOPICS: tuple[Topic, ...] = ("schedule", "figures", "about")


def pick_value(fact: Fact, year: int | None = None) -> DatedValue:
    """The value for the asked year, else the newest (the 2018 plan when there is one)."""
    by_year = {value.year: value for value in fact.values}
    return by_year.get(year) if year in by_year else max(fact.values, key=lambda v: v.year)


SENTENCE_END = re.compile(r"요\.(?=\s)|(?<=\S)\.(?=\s+[A-Z])")


def first_sentence(text: str) -> str:
    """The text up to its first full stop, for one-line summaries: Korean at 요., English at a
    full stop before a capital letter, so the stops inside a date (2018. 3.~10.) never end it."""
    end = SENTENCE_END.search(text)
    return text[: end.end()] if end else text


def value_text(value: DatedValue, lang: str) -> str:
    if lang == "en":
        return value.en or f"{value.ko} {t('korean_only', 'en')}"
    return value.ko


def topic_label(topic: Topic, lang: str) -> str:
    return t(f"topic_{topic}", lang).split(" ", 1)[1]


def program_name(program: Program, lang: str) -> str:
    return (program.name.en if lang == "en" else None) or program.name.ko


def team_line(kb: KnowledgeBase, program: Program, lang: str) -> str:
    names = ", ".join(kb.team_name(team, lang) for team in program.teams)
    return t("team_line", lang, teams=names)


def fit(parts: list[str], optional: list[str], limit: int = MAX_CHARS) -> str:
    """Join the parts, then add optional lines while the text stays under the limit."""
    text = "\n".join(parts)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    for line in optional:
        if len(text) + 1 + len(line) <= limit:
            text += "\n" + line
    return text


def with_source(text: str, source: str, lang: str) -> str:
    """The answer with one more section named on its source line."""
    prefix = t("source_line", lang, source="")
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if line.startswith(prefix) and source not in line:
            lines[index] = f"{line}; {source}"
    return "\n".join(lines)


def after_header(text: str, line: str, limit: int = MAX_CHARS) -> str:
    """The answer with a line right after its header; its last lines (a source, a second fact)
    give way when it would be over the limit."""
    header, *rest = text.split("\n")
    lines = [header, line, *rest]
    while len("\n".join(lines)) > limit and len(lines) > 2:
        lines.pop()
    return fit(["\n".join(lines)], [], limit)


def facts_text(
    kb: KnowledgeBase,
    program: Program,
    topic: Topic,
    facts: list[Fact],
    year: int | None,
    lang: str,
    where: bool = False,
    compare: bool = False,
) -> str:
    """The facts' values for the year, newest when none is asked. `where`: the question asked
    where (목공 배울 수 있는 데 어디예요), so the program's place and team follow the fact.
    `compare`: the question compares the years, so the other year's value follows too."""
    values = [pick_value(fact, year) for fact in facts]
    years = sorted({value.year for value in values}, reverse=True)
    year_label = ", ".join(t(f"year_label_{y}", lang) for y in years)
    header = f"[{program_name(program, lang)}] {topic_label(topic, lang)} ({year_label})"
    body = [value_text(values[0], lang)]
    optional = [value_text(value, lang) for value in values[1:]]
    # Where a service is given: the program's place. Not for events and figures, which name
    # their own venues (the 2017 job fair at 원광디지털대학교); those get the team in charge.
    where = where and topic != "place"
    at_service = where and topic in ("about", "apply")
    if at_service:
        place = next((pick_value(f) for f in program.facts if f.topic == "place"), None)
        if place is not None:
            body.append(value_text(place, lang))
            values.append(place)
    if topic == "place" or where:
        body.append(team_line(kb, program, lang))
    rounds = [r for r in kb.rounds if r.year == values[0].year]
    if any(fact.with_rounds for fact in facts) and rounds:
        body.append(rounds_line(rounds, lang))
    text = fit([header, *body], [*optional, source_line(values, lang)])
    # An event asked where keeps the other year too: its value may name the venue (롯데마트).
    if (compare or (year is None and topic in BOTH_YEARS_TOPICS)) and not at_service:
        text = with_other_year(text, [header, *body], optional, facts[0], values, lang)
    return text


def source_line(values: list[DatedValue], lang: str) -> str:
    """The sections the values come from, each once, in order."""
    return t("source_line", lang, source="; ".join(dict.fromkeys(v.source for v in values)))


def with_other_year(
    text: str,
    parts: list[str],
    optional: list[str],
    fact: Fact,
    values: list[DatedValue],
    lang: str,
) -> str:
    """The answer with the fact's value for the other year too (the 2017 results beside the
    2018 plan), labelled with its year, when the question named no year and it all fits."""
    shown = values[0]
    other = next((v for v in sorted(fact.values, key=lambda v: -v.year) if v is not shown), None)
    if other is None or value_text(other, lang) == value_text(shown, lang):
        return text
    line = t("other_year_line", lang, label=t(f"year_label_{other.year}", lang))
    line += value_text(other, lang)
    longer = "\n".join([*parts, *optional, line, source_line([*values, other], lang)])
    return longer if len(longer) <= MAX_CHARS else text


def rounds_line(rounds: list[Round], lang: str) -> str:
    """The application rounds staff set (rounds.yaml), said to be theirs, not the report's."""
    periods = ", ".join(period_text("round_period", r, lang) for r in rounds)
    return t("rounds_set_by_staff", lang, periods=periods)


def more_buttons(program: Program, lang: str) -> list[list[Button]]:
    label = t("program_card_button", lang, program=program_name(program, lang))
    return [
        [Button(label, callbacks.program(program.id))],
        [Button(t("home", lang), callbacks.home())],
    ]


def answer_match(kb: KnowledgeBase, match: Match, lang: str) -> Reply:
    """The reply to a free-text question once it has been matched."""
    if match.kind == "facts" and match.program_id and match.topic:
        program = kb.programs[match.program_id]
        where = match.asked == "place"
        text = facts_text(
            kb, program, match.topic, match.facts, match.year, lang, where, match.compare
        )
        buttons = more_buttons(program, lang)
        if match.topic == "eligibility" and program.rules:
            buttons.insert(
                0, [Button(t("check_my_eligibility", lang), callbacks.screener_action("start"))]
            )
        return Reply(text, buttons, program.id)
    if match.kind == "topic" and match.program_id and match.topic:
        return topic_reply(kb, kb.programs[match.program_id], match.topic, lang, match.year)
    if match.kind == "card" and match.program_id:
        return card_reply(kb, kb.programs[match.program_id], lang)
    if match.kind == "duty" and match.duty:
        team_id, duty = match.duty
        text = t("duty_referral", lang, duty=duty, team=kb.team_name(team_id, lang))
        return Reply(
            text, [[Button(t("menu_programs", lang), callbacks.menu("programs"))]], None, False
        )
    if match.kind in ("no_detail", "other_year") and match.program_id:
        return not_in_source_reply(kb, kb.programs[match.program_id], match, lang)
    if match.kind == "greeting":
        return Reply(t("greeting", lang), main_menu_buttons(lang))
    return fallback_reply(kb, lang)


def not_in_source_reply(kb: KnowledgeBase, program: Program, match: Match, lang: str) -> Reply:
    """An honest "my source does not say" for a detail or a year the report does not give, with
    the team in charge and, where the report gives one, the place: who can answer it."""
    name = program_name(program, lang)
    if match.kind == "other_year":
        missing = t("year_missing", lang, program=name, year=match.year)
    else:
        missing = t("detail_missing", lang, program=name, detail=match.detail)
    parts = [missing, team_line(kb, program, lang)]
    places = [fact for fact in program.facts if fact.topic == "place"]
    optional = []
    if places:
        value = pick_value(places[0])
        optional.append(f"{value_text(value, lang)} ({t(f'year_label_{value.year}', lang)})")
    buttons = [[handoff_button(lang)], *more_buttons(program, lang)]
    return Reply(fit(parts, optional), buttons, None, answered=False)


def topic_reply(
    kb: KnowledgeBase, program: Program, topic: Topic, lang: str, year: int | None = None
) -> Reply:
    """Everything the program's facts say on one topic (the card's topic buttons)."""
    facts = [fact for fact in program.facts if fact.topic == topic]
    back = [
        [Button(t("back", lang), callbacks.program(program.id))],
        [Button(t("home", lang), callbacks.home())],
    ]
    if facts:
        return Reply(facts_text(kb, program, topic, facts, year, lang), back, program.id)
    header = f"[{program_name(program, lang)}] {topic_label(topic, lang)}"
    if topic == "place":
        note = t("place_unknown", lang, year=kb.division.year)
        return Reply(f"{header}\n{team_line(kb, program, lang)}\n{note}", back, program.id)
    missing = t(
        "topic_missing", lang, program=program_name(program, lang), topic=topic_label(topic, lang)
    )
    return Reply(f"{header}\n{missing}\n{team_line(kb, program, lang)}", back, program.id)


def card_reply(kb: KnowledgeBase, program: Program, lang: str) -> Reply:
    """A program's card: summary, team, and a button per topic it has facts on."""
    summary = program.summary
    year_label = t(f"year_label_{summary.year}", lang)
    text = fit(
        [f"[{program_name(program, lang)}]", f"{value_text(summary, lang)} ({year_label})"],
        [team_line(kb, program, lang), t("card_more", lang)],
    )
    present = {fact.topic for fact in program.facts} | {"place"}
    topics = [tp for tp in (*CARD_TOPICS, *EXTRA_TOPICS) if tp in present]
    rows = [
        [
            Button(t(f"topic_{tp}", lang), callbacks.topic(program.id, tp))
            for tp in topics[i : i + 2]
        ]
        for i in range(0, len(topics), 2)
    ]
    rows.append([Button(t("card_subscribe", lang), callbacks.subscription("on", program.id))])
    rows.append([Button(t("back", lang), callbacks.audience(program.audience))])
    rows.append([Button(t("home", lang), callbacks.home())])
    return Reply(text, rows, program.id)


def fallback_reply(kb: KnowledgeBase, lang: str) -> Reply:
    """What the bot covers, every team with its first duties (as many as fit) and the centres
    residents can walk into."""
    centers = []
    for center_id in kb.division.centers:
        center = kb.programs[center_id]
        place = pick_value(next(f for f in center.facts if f.topic == "place"))
        centers.append(
            t(
                "fallback_center_row",
                lang,
                center=program_name(center, lang),
                place=first_sentence(value_text(place, lang)),
            )
        )
    for duties in (3, 2, 1, 0):
        rows = [
            t(
                "fallback_team_row",
                lang,
                team=kb.team_name(team.id, lang),
                duties=", ".join(team.duties_in(lang)[:duties]),
            )
            for team in kb.division.teams
        ]
        if not duties:
            rows = [f"• {kb.team_name(team.id, lang)}" for team in kb.division.teams]
        text = t("fallback", lang, teams="\n".join(rows), centers="\n".join(centers))
        if len(text) <= MAX_CHARS:
            break
    text = fit([text], [])  # never over the limit, whatever the data says
    buttons = [
        [handoff_button(lang)],
        [Button(t("menu_programs", lang), callbacks.menu("programs"))],
    ]
    return Reply(text, buttons, None, answered=False)


def handoff_button(lang: str) -> Button:
    """상담원 연결: on every answer that could not answer."""
    return Button(t("handoff_button", lang), callbacks.handoff("start"))


def main_menu_buttons(lang: str) -> list[list[Button]]:
    return [
        [Button(t("menu_programs", lang), callbacks.menu("programs"))],
        [Button(t("menu_check", lang), callbacks.menu("check"))],
        [Button(t("menu_apply", lang), callbacks.menu("apply"))],
        [Button(t("menu_subscribe", lang), callbacks.menu("subscribe"))],
        [Button(t("menu_help", lang), callbacks.menu("help"))],
    ]
