"""The second edition's additive fields (assessment.md §1, §3, §4): gestation, household, need status `no`,
the mood screen's subject, action taken and the provisional reason. Old files load unchanged."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from pairaid.core.default_rules import default_rules
from pairaid.core.engine import evaluate
from pairaid.core.errors import format_validation_error
from tests.core.builders import build, observed, visit

TESTS = Path(__file__).resolve().parents[1]


def problems(data: dict[str, Any]) -> str:
    with pytest.raises(ValidationError) as info:
        build(data)
    return "\n".join(format_validation_error(info.value))


def baby(**fields: Any) -> dict[str, Any]:
    return {"baby": {"name": "Zoë Brontë", "date_of_birth": "2026-10-01", **fields}}


# Gestation ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("fields", "ok"),
    [
        ({"gestation_weeks": 36, "born_before_37_weeks": True}, True),
        ({"gestation_weeks": 37, "born_before_37_weeks": False}, True),
        ({"gestation_weeks": 36}, True),
        ({"gestation_weeks": 22}, True),
        ({"gestation_weeks": 44}, True),
        ({"gestation_weeks": 37, "born_before_37_weeks": True}, False),
        ({"gestation_weeks": 36, "born_before_37_weeks": False}, False),
    ],
)
def test_gestation_agrees_with_born_before_37_weeks(fields: dict[str, Any], ok: bool) -> None:
    data = visit(family=baby(**fields))
    if ok:
        assert build(data).family.baby.gestation_weeks == fields["gestation_weeks"]
    else:
        message = problems(data)
        assert message.startswith("family.baby: ")
        assert "born_before_37_weeks" in message and "gestation_weeks" in message


@pytest.mark.parametrize("weeks", [21, 45])
def test_gestation_out_of_range(weeks: int) -> None:
    assert f"family.baby.gestation_weeks: {weeks} is out of range" in problems(visit(family=baby(gestation_weeks=weeks)))


def test_born_early_without_gestation_asks_for_it() -> None:
    a = build(visit(family=baby(born_before_37_weeks=True)))
    notices = [n for n in a.notices() if n.startswith("family.baby.gestation_weeks")]
    assert len(notices) == 1 and "ask for the gestation" in notices[0]
    outcome = evaluate(a, default_rules())
    assert notices[0] in outcome.warnings
    assert build(visit(family=baby(born_before_37_weeks=True, gestation_weeks=33))).notices() == []


# Household, action taken, provisional reason --------------------------------------------------------

def test_household_and_decision_fields_round_trip() -> None:
    data = visit(
        family={**baby(), "household": [{"name": "Łukasz Wójcik", "relationship": "sibling", "age": "3 years"},
                                        {"relationship": "grandmother"}]},
        decision={"action_taken": "Phoned CASS at 11:20 and spoke to the duty social worker",
                  "provisional_reason": "Baby asleep for the whole visit; the mother described feeds in detail"},
    )
    a = build(data)
    assert [m.relationship for m in a.family.household] == ["sibling", "grandmother"]
    assert a.family.household[0].age == "3 years"
    dumped = a.model_dump(mode="json")
    assert dumped["decision"]["action_taken"].startswith("Phoned CASS")
    assert build(dumped).model_dump(mode="json") == dumped


def test_household_member_unknown_field_is_named() -> None:
    assert "family.household[0].nmae: is not a field" in problems(visit(family={**baby(), "household": [{"nmae": "x"}]}))


# Need status `no` -----------------------------------------------------------------------------------

def test_need_status_no_is_asked_not_so() -> None:
    a = build(visit(needs={"housing": {"status": "no"}, "domestic_abuse": {"status": "no"}}))
    assert a.needs.status("housing") == "no"
    assert a.needs.current() == []


# Mood subject ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("word", "subject"),
    [
        (None, "birthing_parent"),
        ("birthing_parent", "birthing_parent"),
        ("other_parent", "other_parent"),
        ("mother", "birthing_parent"),
        ("Mum", "birthing_parent"),
        ("birth mother", "birthing_parent"),
        (" Birth  Mother ", "birthing_parent"),
        ("father", "other_parent"),
        ("Dad", "other_parent"),
        ("partner", "other_parent"),
        ("co-parent", "other_parent"),
    ],
)
def test_old_subject_words_are_mapped(word: str | None, subject: str) -> None:
    mood: dict[str, Any] = {"epds": {"total": 4, "self_harm_item": 0}}
    if word is not None:
        mood["subject"] = word
    assert build(visit(mood=mood)).mood.subject == subject


@pytest.mark.parametrize("word", ["auntie", "grandmother", "Zoë", ""])
def test_other_subject_words_are_refused_naming_the_field_and_values(word: str) -> None:
    message = problems(visit(mood={"subject": word}))
    assert message.startswith("mood.subject: ")
    assert "birthing_parent" in message and "other_parent" in message


def test_subject_mother_gives_the_same_results() -> None:
    sections = {"observations": observed(3, warmth="some_concern"), "parent_voice": {"wants_help": "yes"}}
    outcomes = []
    for subject in (None, "mother", "mum", "birthing_parent"):
        mood: dict[str, Any] = {"epds": {"total": 14, "self_harm_item": 1}, "whooley": {"low_mood": True,
                                                                                      "little_interest": False}}
        if subject:
            mood["subject"] = subject
        outcomes.append(evaluate(build(visit(mood=mood, **sections)), default_rules()).model_dump())
    assert all(o == outcomes[0] for o in outcomes)


# Old files ------------------------------------------------------------------------------------------

def _old_files() -> list[tuple[str, dict[str, Any]]]:
    """Every assessment written under the first edition that the test suite keeps: JSON fixtures and the
    record bodies of the store's fixture databases."""
    found: list[tuple[str, dict[str, Any]]] = []
    for path in sorted(TESTS.rglob("*.json")):
        if "nasty" in path.parts:  # deliberately malformed files for the file-boundary tests
            continue
        try:  # other fixtures are deliberately broken files (bad encodings, bad JSON): not assessments
            data = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            continue
        if isinstance(data, dict) and data.get("format") == "pairaid.assessment/1":
            found.append((str(path.relative_to(TESTS)), data))
    for db in sorted((TESTS / "fixtures" / "db").glob("*.db")):
        with sqlite3.connect(f"file:{db}?mode=ro&immutable=1", uri=True) as conn:
            for record_id, body in conn.execute("SELECT record_id, data FROM record_bodies ORDER BY record_id"):
                found.append((f"{db.name}:{record_id}", json.loads(body)))
    return found


OLD_FILES = _old_files()

# The level each old file was given under the first edition; the second edition must give the same.
FIRST_EDITION_LEVELS = {
    "report/fixtures/visit.json": "specialist",
}


def test_there_are_old_files_to_check() -> None:
    assert len(OLD_FILES) >= 5


@pytest.mark.parametrize(("name", "data"), OLD_FILES, ids=[n for n, _ in OLD_FILES])
def test_old_files_load_unchanged_and_give_the_same_results(name: str, data: dict[str, Any]) -> None:
    original = json.dumps(data, sort_keys=True)
    a = build(data)
    assert json.dumps(data, sort_keys=True) == original  # loading changes nothing in the file
    outcome = evaluate(a, default_rules(), strict=False)
    if name in FIRST_EDITION_LEVELS:
        assert outcome.level == FIRST_EDITION_LEVELS[name]


def test_old_store_records_keep_their_stored_level() -> None:
    for db in sorted((TESTS / "fixtures" / "db").glob("*.db")):
        with sqlite3.connect(f"file:{db}?mode=ro&immutable=1", uri=True) as conn:
            rows = conn.execute(
                "SELECT b.data, r.suggested_level FROM record_bodies b JOIN records r ON r.id = b.record_id "
                "WHERE r.suggested_level IS NOT NULL"
            ).fetchall()
        assert rows, db.name
        for body, level in rows:
            assert evaluate(build(json.loads(body)), default_rules(), strict=False).level == level
