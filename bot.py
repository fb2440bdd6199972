"""Composition root and command line.

python bot.py               run the bot: Telegram polling with a token, else a console chat
python bot.py ask "질문"     print the answer a resident would get (--json: a question a line)
python bot.py check --json  eligibility of personas (a JSON object per stdin line)
python bot.py kb-check      validate the knowledge base without starting the bot
python bot.py migrate       upgrade the database schema (Alembic)
python bot.py staff add|remove|list [id]   staff kept in the database, besides ADMIN_IDS
python bot.py bench         start-up time, cost per question and peak memory of answering
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys

from knowledge.loader import KnowledgeError


def build_assistant():
    from bot.assistant import Assistant
    from knowledge.loader import knowledge

    return Assistant(knowledge())


def command_ask(args: argparse.Namespace) -> int:
    assistant = build_assistant()
    if not args.json:
        question = " ".join(args.question) or sys.stdin.read()
        print(assistant.ask(question.strip()).text)
        return 0
    for line in sys.stdin:
        question = line.rstrip("\n")
        reply = assistant.ask(question)
        record = {"program": reply.program_id, "answer": reply.text}
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    return 0


def command_check(args: argparse.Namespace) -> int:
    from bot.eligibility import screen
    from knowledge.loader import knowledge

    kb = knowledge()
    lines = sys.stdin if args.json else [" ".join(args.persona)]
    for line in lines:
        line = line.lstrip("\ufeff")
        if not line.strip():
            continue
        # A line that is not a persona still gets its line of output (every program unknown),
        # so one bad line neither stops the batch nor shifts the answers after it.
        record: dict = {}
        try:
            persona = json.loads(line)
        except json.JSONDecodeError as error:
            persona, record["error"] = {}, f"not JSON: {error}"
        if not isinstance(persona, dict):
            persona, record["error"] = {}, "a persona must be a JSON object"
        record["results"] = [result.as_json() for result in screen(kb, persona)]
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    return 0


def command_kb_check(args: argparse.Namespace) -> int:
    from knowledge.crosscheck import unsupported_numbers
    from knowledge.loader import load_knowledge

    try:
        kb = load_knowledge()
    except KnowledgeError as error:
        print(f"kb-check: FAILED: {error}", file=sys.stderr)
        return 1
    problems = unsupported_numbers(kb)
    for problem in problems:
        print(f"kb-check: number not in the source: {problem}", file=sys.stderr)
    facts = sum(len(p.facts) for p in kb.programs.values())
    rules = sum(len(p.rules) for p in kb.programs.values())
    print(
        f"kb-check: {len(kb.programs)} programs, {facts} facts, {rules} rules, "
        f"{len(kb.division.teams)} teams: {'FAILED' if problems else 'ok'}"
    )
    return 1 if problems else 0


def command_run(args: argparse.Namespace) -> int:
    from datetime import datetime

    from bot.clock import SEOUL, seoul_now, starting_at
    from bot.office_hours import OfficeHours
    from bot.settings import Settings
    from bot.texts import t
    from handlers.app import build_application
    from handlers.console import run_console
    from handlers.flood import FloodGate
    from handlers.local_api import LocalBotApi
    from handlers.logging_setup import configure as configure_logging
    from storage.db import SchemaBehind, make_engine, require_current_schema

    configure_logging(args.verbose)
    settings = Settings.from_env()
    clock = seoul_now
    if settings.now_override:
        clock = starting_at(datetime.fromisoformat(settings.now_override).replace(tzinfo=SEOUL))
    engine = make_engine(settings.database_url)
    try:
        require_current_schema(engine)
    except SchemaBehind as error:
        print(t("schema_behind", "ko", error=error), file=sys.stderr)
        return 2
    assistant = build_assistant()
    if settings.token:
        application = build_application(
            settings.token,
            assistant,
            engine,
            settings.admin_ids,
            base_url=settings.base_url,
            staff_chat_id=settings.staff_chat_id,
            office_hours=OfficeHours.parse(settings.office_hours),
            broadcast_rate=settings.broadcast_rate,
            clock=clock,
            flood=FloodGate(settings.flood_max_updates, settings.flood_window_seconds),
        )
        if settings.webhook_url:
            if not settings.webhook_secret:
                print("WEBHOOK_SECRET must be set with WEBHOOK_URL", file=sys.stderr)
                return 2
            # Telegram sends the secret in X-Telegram-Bot-Api-Secret-Token; PTB's webhook server
            # refuses (403) any request without it.
            application.run_webhook(
                listen=settings.webhook_listen,
                port=settings.webhook_port,
                url_path=settings.webhook_path(),
                webhook_url=settings.webhook_url,
                secret_token=settings.webhook_secret,
            )
        else:
            application.run_polling()
        return 0
    api = LocalBotApi()
    application = build_application(
        "local:console",
        assistant,
        engine,
        settings.admin_ids,
        request=api,
        office_hours=OfficeHours.parse(settings.office_hours),
        clock=clock,
    )
    asyncio.run(run_console(application, api))
    return 0


def command_migrate(args: argparse.Namespace) -> int:
    from bot.settings import Settings
    from storage.db import make_engine, migrate, schema_versions

    engine = make_engine(Settings.from_env().database_url)
    migrate(engine)
    current, _ = schema_versions(engine)
    print(f"migrate: the database is at schema {current}")
    return 0


def command_staff(args: argparse.Namespace) -> int:
    from bot.settings import Settings
    from bot.validation import MAX_USER_ID, parse_user_id
    from storage import staff
    from storage.db import SchemaBehind, make_engine, require_current_schema

    settings = Settings.from_env()
    engine = make_engine(settings.database_url)
    try:
        require_current_schema(engine)
    except SchemaBehind as error:
        print(f"staff: {error}", file=sys.stderr)
        return 2
    if args.action == "list":
        for admin_id in sorted(settings.admin_ids):
            print(f"staff: {admin_id} (ADMIN_IDS)")
        for member in staff.members(engine):
            print(f"staff: {member.user_id} (database, since {member.added_at:%Y-%m-%d})")
        return 0
    if args.user_id is None:
        print(f"staff: {args.action} needs a Telegram user id", file=sys.stderr)
        return 2
    user_id = parse_user_id(args.user_id)
    if user_id is None:
        print(
            f"staff: {args.user_id!r} is not a Telegram user id (a positive whole number up to"
            f" {MAX_USER_ID}); nothing changed",
            file=sys.stderr,
        )
        return 2
    if args.action == "add":
        added = staff.add(engine, user_id)
        print(
            f"staff: {user_id} "
            + ("added" if added else "was staff already")
            + " (a running bot sees it within a minute; its staff command menu comes with the"
            " next start)"
        )
        return 0
    if not staff.remove(engine, user_id):
        note = " (ADMIN_IDS is set in the environment)" if user_id in settings.admin_ids else ""
        print(f"staff: {user_id} is not staff in the database{note}", file=sys.stderr)
        return 1
    print(f"staff: {user_id} removed (a running bot sees it within a minute)")
    return 0


def command_bench(args: argparse.Namespace) -> int:
    from bench import run_benchmark

    return run_benchmark(args.questions)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="bot.py", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command")
    run = sub.add_parser("run", help="run the bot (default)")
    run.add_argument("-v", "--verbose", action="store_true")
    ask = sub.add_parser("ask", help="answer a question as a resident would see it")
    ask.add_argument(
        "--json", action="store_true", help="one question per stdin line, JSON lines out"
    )
    ask.add_argument("question", nargs="*")
    check = sub.add_parser("check", help="which programs a persona qualifies for")
    check.add_argument("--json", action="store_true", help="one persona JSON per stdin line")
    check.add_argument("persona", nargs="*", help="a persona as one JSON object")
    sub.add_parser("kb-check", help="validate the knowledge base")
    sub.add_parser("migrate", help="upgrade the database to the newest schema")
    staff = sub.add_parser("staff", help="staff kept in the database, besides ADMIN_IDS")
    staff.add_argument("action", choices=("add", "remove", "list"))
    staff.add_argument("user_id", nargs="?", help="a Telegram user id (a positive number)")
    bench = sub.add_parser("bench", help="measure answering speed and memory")
    bench.add_argument("--questions", type=int, default=1000)
    args = parser.parse_args(argv)
    commands = {
        "ask": command_ask,
        "check": command_check,
        "kb-check": command_kb_check,
        "migrate": command_migrate,
        "staff": command_staff,
        "bench": command_bench,
    }
    if args.command is None:
        args = parser.parse_args(["run", *(argv or [])])
    return commands.get(args.command, command_run)(args)


if __name__ == "__main__":
    sys.exit(main())
