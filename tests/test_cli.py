"""The command line contract of CONTRACTS.md: `ask`, `ask --json`, `kb-check`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(
    *args: str, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "bot.py", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
    )


def test_ask_prints_the_answer() -> None:
    proc = run("ask", "공공근로 시급이 얼마예요?")
    assert proc.returncode == 0
    assert "7,530원" in proc.stdout


def test_ask_json_answers_line_by_line_in_order() -> None:
    questions = ["공공근로 시급이 얼마예요?", "쓰레기 배출 요일", "", "사경센터 주소"]
    proc = run("ask", "--json", stdin="\n".join(questions) + "\n")
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["program"] for r in records] == ["public_works", None, None, "social_economy_center"]
    assert "7,530원" in records[0]["answer"]
    assert "자료에 없" in records[1]["answer"]
    assert "선유동1로 80" in records[3]["answer"]


def test_kb_check_passes_on_the_shipped_data() -> None:
    proc = run("kb-check")
    assert proc.returncode == 0, proc.stderr
    assert "16 programs" in proc.stdout


def test_make_run_starts_the_console_chat_on_a_new_database(tmp_path: Path) -> None:
    """The README's first command, as a resident's first session: a database that does not exist
    yet is created at the current schema and the console chat answers; and run again, it answers
    again (its update ids never repeat the first session's, which the database remembers)."""
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'new.db'}",
        "TELEGRAM_BOT_TOKEN": "",
        "PYTHON": sys.executable,
    }
    for session in ("first", "second"):  # a second session on the same database answers too
        proc = subprocess.run(
            [
                "make",
                "--no-print-directory",
                "-o",
                ".venv/.installed",
                "run",
                f"PY={sys.executable}",
            ],
            input="공공근로 시급\n/quit\n",
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=env,
            timeout=120,
        )
        assert proc.returncode == 0, proc.stderr
        assert "7,530원" in proc.stdout, session


def test_the_same_question_gets_the_same_answer_whatever_the_hash_seed() -> None:
    """Names of one length (뉴딜일자리 and its project 환경관리사) are tried in the order the
    knowledge base writes them, not in an order Python's string hashing picks per process."""
    questions = "뉴딜일자리 환경관리사 하면 시급 얼마 받아요?\n협동조합노느매기 위치\n"
    answers = set()
    for seed in ("1", "3", "6"):
        proc = run("ask", "--json", stdin=questions, env={**os.environ, "PYTHONHASHSEED": seed})
        assert proc.returncode == 0, proc.stderr
        answers.add(proc.stdout)
    assert len(answers) == 1
    assert "8,200원" in answers.pop()  # the wage asked, not the project's hours
