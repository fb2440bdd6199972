"""Answering quality on our own labelled question sets, each written from the source report by
someone who had not seen the matcher (tests/data/qa_*.jsonl). They guard generalisation: a
change that helps one phrasing and hurts others shows up here. Scored like score_qa.py: the
program must be right, every needle group found, and the answer at most 500 characters."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data"
# Floors a little under what each set measured when this was written (in parentheses).
FLOORS = {
    "qa_team.jsonl": 0.96,  # 89/90 (98.9%); 82/90 when the set was added
    "qa_probe_a.jsonl": 0.97,  # 152/152 (100%); 116/152 (76.3%) when the set was written
    "qa_probe_b.jsonl": 0.95,  # 157/160 (98.1%); 121/160 (75.6%) when the set was written
    "qa_probe_c.jsonl": 0.90,  # 140/150 (93.3%); 112/150 (74.7%) when the set was written
    "qa_probe_d.jsonl": 0.93,  # 129/135 (95.6%); 119/135 (88.1%) when first scored, unseen
    "qa_probe_e.jsonl": 0.95,  # 147/150 (98.0%); 135/150 (90.0%) when first scored, unseen
    "qa_probe_f.jsonl": 0.87,  # 127/140 (90.7%); 110/140 (78.6%); a quarter of it English
    "qa_probe_h.jsonl": 0.92,  # 152/160 (95.0%); 147/160 (91.9%) when first scored, unseen
    "qa_probe_i.jsonl": 0.93,  # 153/160 (95.6%); 150/160 (93.8%) when first scored, unseen
    "qa_probe_j.jsonl": 0.88,  # 137/150 (91.3%); 123/150 (82.0%) when first scored, unseen
    "qa_probe_k.jsonl": 0.90,  # 149/160 (93.1%); 139/160 (86.9%) when first scored, unseen
    "qa_probe_l.jsonl": 0.93,  # 145/150 (96.7%); 139/150 (92.7%) when first scored, unseen
    "qa_probe_m.jsonl": 0.93,  # 145/150 (96.7%); 144/150 (96.0%) when first scored, unseen
    "qa_probe_n.jsonl": 0.91,  # 142/150 (94.7%); 133/150 (88.7%) when first scored, unseen
    "qa_probe_o.jsonl": 0.92,  # 142/150 (94.7%); 140/150 (93.3%) when first scored, unseen
    "qa_probe_oos.jsonl": 0.97,  # 120/120 (100%); 113/120 when written: near misses, chat
    "qa_probe_g.jsonl": 0.93,  # 155/160 (96.9%); 148/160 (92.5%) when first scored, unseen
}


def norm(text: str) -> str:
    return "".join(text.replace(",", "").split()).lower()


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_question_set(assistant, name: str) -> None:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    cases = [json.loads(line) for line in lines if line.strip()]
    failures = []
    for case in cases:
        reply = assistant.ask(case["q"])
        program_ok = (
            reply.program_id is None
            if not case["programs"]
            else reply.program_id in case["programs"]
        )
        answer = norm(reply.text)
        needles_ok = all(any(norm(n) in answer for n in group) for group in case["must"])
        if not (program_ok and needles_ok and len(reply.text) <= 500):
            failures.append(case["id"])
    rate = 1 - len(failures) / len(cases)
    assert rate >= FLOORS[name], f"{rate:.1%} passed; failing: {failures}"
