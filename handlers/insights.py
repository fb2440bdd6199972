"""What residents ask, for staff: /unanswered (grouped, counted, newest first; tag a program,
mark handled) and /stats (figures and a chart)."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bot import callbacks
from bot.answers import program_name
from bot.charts import stats_chart
from bot.clock import SEOUL
from bot.grouping import Group, group_questions
from bot.menus import home_row
from bot.reply import Button, Reply
from bot.texts import t
from handlers.deps import activity, deps
from handlers.sending import send_reply
from handlers.staff import staff_only
from storage import applications as audit
from storage import questions as store
from storage.stats import figures

SHOWN_GROUPS = 10
TOP = 5


def groups(context: ContextTypes.DEFAULT_TYPE) -> list[Group]:
    return group_questions(store.open_unanswered(deps(context).engine))


def unanswered_reply(context: ContextTypes.DEFAULT_TYPE, lang: str, page: int = 0) -> Reply:
    """One page of groups (SHOWN_GROUPS), numbered across pages, with ◀️/▶️ between pages."""
    kb = deps(context).assistant.kb
    found = groups(context)
    if not found:
        return Reply(t("unq_none", lang), [home_row(lang)])
    pages = (len(found) + SHOWN_GROUPS - 1) // SHOWN_GROUPS
    page = min(max(page, 0), pages - 1)
    first = page * SHOWN_GROUPS
    shown = found[first : first + SHOWN_GROUPS]
    lines, rows = [t("unq_title", lang, groups=len(found))], []
    if pages > 1:
        last = first + len(shown)
        lines.append(t("unq_page", lang, first=first + 1, last=last, total=len(found)))
    for number, group in enumerate(shown, start=first + 1):
        newest = group.newest
        tagged = next((q.program_id for q in group.members if q.program_id), None)
        program = program_name(kb.programs[tagged], lang) if tagged else t("unq_untagged", lang)
        when = newest.created_at.astimezone(SEOUL).strftime("%m-%d %H:%M")
        lines.append(
            t(
                "unq_line",
                lang,
                n=number,
                count=len(group.members),
                when=when,
                text=newest.text[:80],
                program=program,
            )
        )
        rows.append([
            Button(t("unq_done", lang, n=number), callbacks.unanswered("done", str(newest.id))),
            Button(t("unq_tag", lang, n=number), callbacks.unanswered("tag", str(newest.id))),
        ])  # fmt: skip
    turn = []
    if page > 0:
        turn.append(Button(t("back", lang), callbacks.unanswered("page", str(page - 1))))
    if page < pages - 1:
        turn.append(Button(t("form_next", lang), callbacks.unanswered("page", str(page + 1))))
    return Reply("\n".join(lines), [*rows, *([turn] if turn else []), home_row(lang)])


@staff_only
async def unanswered_command(update: Update, context: ContextTypes.DEFAULT_TYPE, lang: str) -> None:
    await send_reply(update, context, unanswered_reply(context, lang))


@staff_only
async def on_press(
    update: Update, context: ContextTypes.DEFAULT_TYPE, args: tuple[str, ...], lang: str
) -> None:
    action, question_id, *rest = args
    if action == "page":
        await send_reply(update, context, unanswered_reply(context, lang, int(question_id)))
        return
    found = groups(context)
    at = next(
        (i for i, g in enumerate(found) if any(str(q.id) == question_id for q in g.members)), None
    )
    engine, staff_id = deps(context).engine, update.effective_user.id  # type: ignore[union-attr]
    kb = deps(context).assistant.kb
    if at is None:
        await send_reply(update, context, unanswered_reply(context, lang))
        return
    group, page = found[at], at // SHOWN_GROUPS  # the list comes back on the group's page
    ids = [q.id for q in group.members]
    if action == "done":
        store.update_unanswered(engine, ids, handled=True)
        audit.record_action(
            engine, staff_id, "unanswered:done", f"{len(ids)} questions", at=deps(context).clock()
        )
    elif action == "tag":
        programs = sorted(kb.programs.values(), key=lambda p: p.order)
        rows = [
            [Button(program_name(p, lang), callbacks.unanswered("set", question_id, p.id))]
            for p in programs
        ]
        rows.append([Button(t("back", lang), callbacks.unanswered("list", question_id))])
        await send_reply(
            update, context, Reply(t("unq_choose", lang, text=group.newest.text[:80]), rows)
        )
        return
    elif action == "set" and rest and rest[0] in kb.programs:
        store.update_unanswered(engine, ids, program_id=rest[0])
        audit.record_action(
            engine,
            staff_id,
            "unanswered:tag",
            f"{rest[0]} {len(ids)} questions",
            at=deps(context).clock(),
        )
    await send_reply(update, context, unanswered_reply(context, lang, page))


@staff_only
async def stats_command(update: Update, context: ContextTypes.DEFAULT_TYPE, lang: str) -> None:
    d = deps(context)
    activity(context).flush()
    f = figures(d.engine, d.clock())
    kb = d.assistant.kb
    top_programs = [
        (program_name(kb.programs[p], lang), n)
        for p, n in f.programs.most_common(TOP)
        if p in kb.programs
    ]
    topics = (
        ", ".join(
            f"{t(f'topic_{topic}', lang).split(' ', 1)[1]} {n}"
            for topic, n in f.topics.most_common(TOP)
        )
        or "-"
    )
    sent, total = f.deliveries.get("sent", 0), sum(f.deliveries.values())
    text = t(
        "stats_text",
        lang,
        users=f.users,
        active=f.active_users,
        questions=f.questions,
        today=list(f.per_day.values())[-1],
        rate=f"{f.fallback_rate:.0%}",
        programs=", ".join(f"{name} {n}" for name, n in top_programs) or "-",
        topics=topics,
        screener=f.screener_results,
        applications=", ".join(f"{r} {n}" for r, n in sorted(f.applications.items())) or "-",
        delivered=f"{sent}/{total}" + (f" ({sent / total:.0%})" if total else ""),
        blocked=f.deliveries.get("blocked", 0),
    )
    chat = update.effective_chat
    if chat is not None:
        chart = stats_chart(f.per_day, top_programs, t("stats_chart_title", lang))
        await context.bot.send_photo(chat.id, chart, caption=t("stats_caption", lang))
    await send_reply(update, context, Reply(text))
