"""Every user-facing sentence lives in bot/texts.py: no Korean string outside it, except words
the bot reads (parsing what residents type) rather than writes."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HANGUL = re.compile(r"[\uac00-\ud7a3]")
READS_NOT_WRITES = {
    "bot/texts.py": "the catalogue itself",
    "bot/matcher.py": "words in questions",
    "bot/normalize.py": "words in questions",
    "bot/grouping.py": "particles, endings and question words in questions",
    "bot/screener.py": "typed answers (모름, 세, 살)",
    "bot/validation.py": "typed amounts and ages (억, 만, 세)",
    "bot/stated.py": "ages, incomes and assets stated in questions (서른여섯 살, 소득, 재산)",
    "bot/answers.py": "where a Korean sentence ends (요.)",
    "knowledge/crosscheck.py": "units in the source report",
    "handlers/local_api.py": "the local Bot API's own bot and test user names",
}


def korean_literals(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and HANGUL.search(node.value)
        and id(node) not in docstrings
    ]


def test_no_korean_text_outside_the_catalogue() -> None:
    modules = [ROOT / "bot.py"]
    for package in ("bot", "handlers", "storage", "knowledge"):
        modules += sorted((ROOT / package).rglob("*.py"))
    found = {
        str(path.relative_to(ROOT)): literals
        for path in modules
        if str(path.relative_to(ROOT)) not in READS_NOT_WRITES
        and (literals := korean_literals(path))
    }
    assert found == {}


def test_won_amounts_keep_their_korean_units() -> None:
    from bot.money import format_krw

    assert format_krw(200_000_000) == "2억원"
    assert format_krw(2_711_521) == "2,711,521원"


def test_won_amounts_read_as_english_in_english() -> None:
    from bot.money import format_krw

    assert format_krw(200_000_000, "en") == "200 million won"
    assert format_krw(1_003_263, "en") == "KRW 1,003,263"
    assert format_krw(1_003_263, "ko") == "1,003,263원"


def test_one_thing_is_singular_in_english() -> None:
    from bot.texts import t_count

    assert t_count("form_members_now", "en", 1, min=3) == "1 member (at least 3)"
    assert t_count("form_members_now", "en", 2, min=3) == "2 members (at least 3)"
    assert t_count("form_members_now", "ko", 1, min=3) == "팀원 1명 (최소 3명)"
