"""Validation of the assessment file: every bad value names its field; good records keep every character."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from pairaid.core.errors import format_validation_error
from tests.core.builders import build, visit


def problems(data: dict[str, Any]) -> list[str]:
    with pytest.raises(ValidationError) as info:
        build(data)
    return format_validation_error(info.value)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (visit(observations={"warmth": {"rating": "good"}}),
         "observations.warmth.rating: 'good' is not one of strength, no_concern, some_concern, "
         "significant_concern, not_observed"),
        (visit(observations={"frightening": {"rating": "strength"}}), "observations.frightening.rating: 'strength'"),
        (visit(observations={"warmht": {"rating": "no_concern"}}), "observations.warmht: is not a field pairaid knows"),
        (visit(contact={"date": "2026-11-27", "type": "new_birth"}), "contact.date: the visit date 2026-11-27 is in the future"),
        (visit(contact={"date": "20/11/2026", "type": "new_birth"}), "contact.date: '20/11/2026' is not a date"),
        (visit(contact={"type": "new_birth"}), "contact.date: is required but missing"),
        (visit(contact={"date": "2026-11-20"}), "contact.type: is required but missing"),
        (visit(contact={"date": "2026-11-20", "type": "home_visit"}), "contact.type: 'home_visit' is not one of antenatal"),
        (visit(family={"baby": {"name": "Zoë"}}), "give the baby's date_of_birth, or the due_date"),
        (visit(family={"baby": {"date_of_birth": "2024-04-20"}}), "the baby is 31 months old at the visit"),
        (visit(family={"baby": {"date_of_birth": "2024-04-19"}}), "pairaid covers pregnancy to 30 months"),
        (visit(family={"baby": {"date_of_birth": "2026-11-21"}}), "the baby's date of birth is after the visit date"),
        (visit(family={"baby": {"date_of_birth": "2026-10-01", "nhs_number": "999 123 4560"}}),
         "family.baby.nhs_number: '999 123 4560' is not a valid NHS number: the check digit does not match"),
        (visit(mood={"epds": {"total": 31, "self_harm_item": 0}}), "mood.epds.total: 31 is out of range"),
        (visit(mood={"epds": {"total": 2, "self_harm_item": 3}}),
         "mood.epds: the self-harm item (3) cannot be more than the total (2)"),
        (visit(mood={"epds": {"total": 12, "self_harm_item": 4}}), "mood.epds.self_harm_item: 4 is out of range"),
        (visit(mood={"epds": {"total": 12}}), "mood.epds.self_harm_item: is required but missing"),
        (visit(mood={"gad2": {"nervous": 4, "worrying": 0}}), "mood.gad2.nervous: 4 is out of range"),
        (visit(mood={"whooley": {"low_mood": "maybe", "little_interest": False}}),
         "mood.whooley.low_mood: 'maybe' is not true or false"),
        (visit(needs={"housing": {"status": "bad"}}), "needs.housing.status: 'bad' is not one of current, past, no, not_known"),
        (visit(needs={"social_care_status": {"status": "current"}}),
         "needs.social_care_status.status: 'current' is not one of none, early_help"),
        (visit(strengths=["kind_neighbours"]), "strengths[0]: 'kind_neighbours' is not one of supportive_partner"),
        (visit(safeguarding={"indicators": ["bruise"]}), "safeguarding.indicators[0]: 'bruise' is not one of"),
        (visit(decision={"override_level": "urgent"}), "decision.override_level: 'urgent' is not one of universal"),
        (visit(id="not-a-uuid"), "id: 'not-a-uuid' is not a uuid"),
        (visit(format="pairaid.assessment/2"), "format: 'pairaid.assessment/2' is not one of pairaid.assessment/1"),
        (visit(family={"baby": {"date_of_birth": "2026-10-01"}, "carers": [{"nmae": "x"}]}),
         "family.carers[0].nmae: is not a field pairaid knows"),
    ],
)
def test_bad_values_name_the_field(data: dict[str, Any], expected: str) -> None:
    found = problems(data)
    assert any(expected in line for line in found), found


def test_every_problem_is_reported_at_once() -> None:
    found = problems(visit(observations={"warmth": {"rating": "good"}, "pacing": {"rating": "bad"}},
                           mood={"gad2": {"nervous": 9, "worrying": 0}}))
    assert len(found) == 3


def test_minimal_record_defaults_to_not_recorded() -> None:
    a = build({"format": "pairaid.assessment/1", "contact": {"date": "2026-11-20", "type": "new_birth"},
               "family": {"baby": {"date_of_birth": "2026-11-08"}}})
    assert a.observations.rating("warmth") == "not_observed"
    assert a.parent_voice.wants_help == "not_asked"
    assert a.consent.family_agrees == "not_asked"
    assert a.needs.current() == []
    assert len(a.id) == 36  # a uuid is created when missing


NAMES = ["Łukasz Wójcik", "Zoë Brontë", "Nguyễn Thị Minh Khai", "محمد عبد الله", "عمران خان", "রহমান চক্রবর্তী",
         "Şükrü Öztürk", "ਗੁਰਪ੍ਰੀਤ ਕੌਰ"]


@pytest.mark.parametrize("name", NAMES)
def test_non_ascii_names_round_trip_exactly(name: str) -> None:
    data = visit(family={"baby": {"name": name, "date_of_birth": "2026-10-01"},
                         "carers": [{"name": name, "language": "Urdu", "interpreter_needed": True}]})
    a = build(data)
    again = build(a.model_dump(mode="json"))
    assert again.family.baby.name == name
    assert again.family.carers[0].name == name


def test_dump_and_reparse_is_stable() -> None:
    a = build(visit(observations={"warmth": {"rating": "strength", "note": "he's my <b>world</b> & I'm tired"}}))
    assert build(a.model_dump(mode="json")) == a
