"""Short prefixed button data, and its validation when a button press comes back."""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.loader import KnowledgeBase
from knowledge.schema import Audience, Topic

AUDIENCES: tuple[Audience, ...] = ("youth", "residents", "social_economy", "employment_support")
TOPICS: tuple[Topic, ...] = ("pay", "eligibility", "schedule", "place", "apply", "figures", "about")
MENUS = ("programs", "check", "apply", "subscribe", "help")
LANGS = ("ko", "en")
MAX_BYTES = 64  # Telegram's limit for callback_data
# Numbers in button data are row ids (an application, a thread, a notice) or list positions:
# never more than the database's integer column holds, so a forged huge number is refused here.
MAX_NUMBER = 2**31 - 1


@dataclass(frozen=True)
class Press:
    """A validated button press."""

    action: str
    args: tuple[str, ...] = ()


def home() -> str:
    return "home"


def menu(name: str) -> str:
    return f"menu:{name}"


def audience(name: str) -> str:
    return f"aud:{name}"


def program(program_id: str) -> str:
    return f"prog:{program_id}"


def topic(program_id: str, name: str) -> str:
    return f"topic:{program_id}:{name}"


def lang(code: str) -> str:
    return f"lang:{code}"


def screener(step: str, value: str) -> str:
    return f"scr:{step}:{value}"


def screener_action(action: str) -> str:
    return f"scra:{action}"


def form(action: str, arg: str = "-") -> str:
    return f"frm:{action}:{arg}"


def subscription(mode: str, program_id: str) -> str:
    return f"sub:{mode}:{program_id}"


def broadcast(action: str, arg: str = "-") -> str:
    return f"bc:{action}:{arg}"


def handoff(action: str, arg: str = "-") -> str:
    return f"ho:{action}:{arg}"


def unanswered(action: str, question_id: str, program_id: str | None = None) -> str:
    return ":".join(("unq", action, question_id, *([program_id] if program_id else [])))


def notices(mode: str) -> str:
    return f"ntc:{mode}"


def notice_off(broadcast_id: int) -> str:
    """🔕 on a notice to several programs' subscribers (0: a test copy)."""
    return f"bcoff:{broadcast_id}"


def my(action: str) -> str:
    return f"my:{action}"


def staff(action: str, *args: str) -> str:
    return ":".join(("stf", action, *args))


def is_number(text: str) -> bool:
    """Plain digits for a number a button may carry (0 … MAX_NUMBER)."""
    return 0 < len(text) <= 10 and text.isascii() and text.isdecimal() and int(text) <= MAX_NUMBER


def _token(text: str) -> bool:
    if not (0 < len(text) <= 40 and all(c.isascii() and (c.isalnum() or c == "_") for c in text)):
        return False
    return is_number(text) or not text.isdecimal()


def parse(data: str | None, kb: KnowledgeBase) -> Press | None:
    """The press the data stands for, or None when it is malformed, unknown or forged."""
    if not data or len(data.encode()) > MAX_BYTES:
        return None
    action, *args = data.split(":")
    valid = {
        "home": lambda: not args,
        "menu": lambda: len(args) == 1 and args[0] in MENUS,
        "aud": lambda: len(args) == 1 and args[0] in AUDIENCES,
        "prog": lambda: len(args) == 1 and args[0] in kb.programs,
        "topic": lambda: len(args) == 2 and args[0] in kb.programs and args[1] in TOPICS,
        "lang": lambda: len(args) == 1 and args[0] in LANGS,
        "scr": lambda: len(args) == 2 and all(_token(a) for a in args),
        "scra": lambda: len(args) == 1 and _token(args[0]),
        "frm": lambda: len(args) == 2 and _token(args[0]) and (args[1] == "-" or _token(args[1])),
        "sub": lambda: (
            len(args) == 2 and args[0] in ("on", "off", "toggle") and args[1] in kb.programs
        ),
        "bc": lambda: len(args) == 2 and _token(args[0]) and (args[1] == "-" or _token(args[1])),
        "ho": lambda: (
            len(args) == 2
            and args[0] in ("start", "close", "end")
            and (args[1] == "-" or is_number(args[1]))
        ),
        "unq": lambda: (
            2 <= len(args) <= 3
            and args[0] in ("done", "tag", "set", "list", "page")
            and is_number(args[1])
            and all(_token(a) for a in args)
        ),
        "my": lambda: len(args) == 1 and args[0] in ("edit", "withdraw", "withdraw_yes"),
        "ntc": lambda: len(args) == 1 and args[0] in ("on", "off", "toggle"),
        "bcoff": lambda: len(args) == 1 and args[0].isdigit() and len(args[0]) <= 12,
        "stf": lambda: 1 <= len(args) <= 3 and all(_token(a) for a in args),
    }
    check = valid.get(action)
    return Press(action, tuple(args)) if check is not None and check() else None
