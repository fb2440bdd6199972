"""The knowledge base: complete, valid, and every number backed by the source report."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from knowledge.crosscheck import unsupported_numbers
from knowledge.loader import DATA_DIR, KnowledgeError, load_knowledge

CONTRACT_IDS = {
    "jobplus_center", "regional_training", "sme_youth_intern", "social_economy_center",
    "social_enterprise", "cooperative", "village_enterprise", "public_works", "community_jobs",
    "labor_consultation", "youth_network", "youth_dream_team", "seoul_new_deal", "youth_academy",
    "student_parttime", "youth_job_center",
}  # fmt: skip


def copy_data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def test_every_program_of_the_contract_has_an_entry(kb) -> None:
    assert set(kb.programs) >= CONTRACT_IDS


def test_every_number_in_the_knowledge_base_is_in_the_source(kb) -> None:
    assert unsupported_numbers(kb) == []


def test_a_mistyped_wage_is_caught(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    path = data / "programs" / "public_works.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("7,530원", "7,350원"), encoding="utf-8"
    )
    problems = unsupported_numbers(load_knowledge(data))
    assert any("7,350" in problem and "public_works.wage.2018" in problem for problem in problems)


def test_an_invented_amount_in_english_is_caught(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    path = data / "programs" / "public_works.yaml"
    text = path.read_text(encoding="utf-8").replace("(2억원) or less", "(300 million won) or less")
    path.write_text(text, encoding="utf-8")
    assert any("300 million" in p for p in unsupported_numbers(load_knowledge(data)))


def test_schema_error_names_file_entry_and_field(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    path = data / "programs" / "public_works.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("topic: pay", "topic: salary", 1), encoding="utf-8"
    )
    with pytest.raises(KnowledgeError) as error:
        load_knowledge(data)
    message = str(error.value)
    assert "public_works.yaml" in message
    assert "'public_works'" in message
    assert "facts.0.topic" in message


def test_unknown_team_is_refused(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    path = data / "programs" / "public_works.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("teams: [local_jobs]", "teams: [nobody]"),
        encoding="utf-8",
    )
    with pytest.raises(KnowledgeError, match="unknown team 'nobody'"):
        load_knowledge(data)


def test_wages_that_changed_are_dated_lists(kb) -> None:
    for program_id in ("public_works", "community_jobs"):
        wage = next(f for f in kb.programs[program_id].facts if f.topic == "pay")
        assert {value.year for value in wage.values} == {2017, 2018}


def test_every_fact_value_cites_a_source_and_stays_short(kb) -> None:
    for program in kb.programs.values():
        for fact in program.facts:
            for value in fact.values:
                assert value.source.strip(), (program.id, fact.id)
                assert len(value.ko) <= 300, (program.id, fact.id, len(value.ko))


def test_division_names_the_four_teams(kb) -> None:
    names = [team.name.ko for team in kb.division.teams]
    assert names == ["일자리창출팀", "사회적경제팀", "지역일자리사업팀", "청년지원팀"]


def test_an_impossible_reminder_day_is_refused(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    path = data / "reminders.yaml"
    text = path.read_text(encoding="utf-8")
    assert "    month: 4\n" in text
    path.write_text(text.replace("    month: 4\n", "    month: 4\n    day: 31\n", 1), "utf-8")
    with pytest.raises(KnowledgeError) as error:
        load_knowledge(data)
    assert "reminders.yaml" in str(error.value)
    assert "day 31 does not exist in 2018-04" in str(error.value)


def test_a_team_duty_without_english_is_refused(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    path = data / "division.yaml"
    text = path.read_text(encoding="utf-8")
    old = "{ko: 생활임금 추진, en: the living wage}"
    assert old in text
    path.write_text(text.replace(old, "{ko: 생활임금 추진}"), encoding="utf-8")
    with pytest.raises(KnowledgeError) as error:
        load_knowledge(data)
    assert "division.yaml" in str(error.value)
    assert "field teams.2.duties.4.en: Field required" in str(error.value)


def test_every_team_duty_has_its_english(kb) -> None:
    for team in kb.division.teams:
        assert team.duties == [duty.ko for duty in team.duty_texts]
        assert all(duty.en for duty in team.duty_texts)
