"""Benchmark of question answering: start-up, marginal cost per question, peak memory.

Run with `python bot.py bench [--questions N]`. Start-up is the wall time of a fresh
`python bot.py ask` process answering one question; the marginal cost is measured in-process
over N questions drawn from a varied list; peak memory is the process's maximum RSS.
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
SAMPLE = [
    "공공근로 시급이 얼마예요?",
    "대학생 알바 자격",
    "청년 드림팀 언제 모집해요",
    "사회적경제지원센터 어디예요",
    "지역공동체 일짜리 일당",
    "마을기업 지원금",
    "쓰레기 배출 요일",
    "What is the hourly wage for Seoul New Deal jobs?",
    "목공 배울 수 있는 곳",
    "협동조합 설립 신고",
]


def startup_seconds(runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "bot.py", "ask", "공공근로 시급"],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def run_benchmark(questions: int = 1000) -> int:
    started = time.perf_counter()
    from bot.assistant import Assistant
    from knowledge.loader import knowledge

    assistant = Assistant(knowledge())
    load_seconds = time.perf_counter() - started
    batch = [SAMPLE[i % len(SAMPLE)] for i in range(questions)]
    assistant.ask(batch[0])
    started = time.perf_counter()
    for question in batch:
        assistant.ask(question)
    per_question_ms = 1000 * (time.perf_counter() - started) / questions
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"bench: knowledge load + index: {load_seconds * 1000:.0f} ms (in-process)")
    print(f"bench: start-up of `python bot.py ask` (median of 3): {startup_seconds():.2f} s")
    print(f"bench: marginal cost per question over {questions}: {per_question_ms:.3f} ms")
    print(f"bench: peak RSS: {peak_mb:.0f} MB")
    return 0
