"""Provisional and urgent flags, stage boundaries and the override rules of assessment.md §7."""

from __future__ import annotations

from typing import Any

import pytest

from pairaid.core.default_rules import default_rules
from pairaid.core.engine import OverrideError, check_override, evaluate
from tests.core.builders import build, observed, ratings, visit


@pytest.mark.parametrize(
    ("observations", "provisional"),
    [
        (ratings(warmth="no_concern", responding="no_concern"), True),  # coverage 2 after birth
        (ratings(warmth="no_concern", responding="no_concern", handling="strength"), False),  # coverage 3
        (ratings(warmth="not_observed", responding="no_concern", handling="strength"), True),  # not_observed lowers it
        (ratings(warmth="no_concern", responding="no_concern", frightening="no_concern"), False),  # F counts
    ],
)
def test_provisional_after_birth(observations: dict[str, Any], provisional: bool) -> None:
    outcome = evaluate(build(visit(observations=observations)), default_rules())
    assert outcome.provisional is provisional
    assert any(w.startswith("Provisional") for w in outcome.warnings) is provisional


@pytest.mark.parametrize(("observations", "provisional"), [({}, True), (ratings(parent_feelings="strength"), False)])
def test_provisional_antenatal(observations: dict[str, Any], provisional: bool) -> None:
    data = visit(contact={"date": "2026-11-20", "type": "antenatal"},
                 family={"baby": {"due_date": "2027-01-10"}}, observations=observations)
    outcome = evaluate(build(data), default_rules())
    assert outcome.provisional is provisional


@pytest.mark.parametrize(
    ("sections", "level", "provisional"),
    [
        ({"observations": ratings(warmth="significant_concern")}, "specialist", False),  # does not wait
        ({"observations": ratings(warmth="some_concern")}, "targeted", True),
        ({"observations": {}, "needs": {"social_care_status": {"status": "child_protection"}}}, "statutory", False),
        ({"observations": {}, "mood": {"epds": {"total": 4, "self_harm_item": 1}}}, "specialist", False),
        ({"observations": {}, "parent_voice": {"wants_help": "yes"}}, "targeted", True),
    ],
)
def test_provisional_only_below_specialist(sections: dict[str, Any], level: str, provisional: bool) -> None:
    outcome = evaluate(build(visit(**sections)), default_rules())
    assert outcome.level == level
    assert outcome.provisional is provisional
    assert (outcome.provisional_text() is not None) is provisional


@pytest.mark.parametrize(
    ("date_of_birth", "stage", "months"),
    [
        ("2026-06-20", "0-5", 5),   # 5 months on 2026-11-20
        ("2026-05-20", "6-30", 6),  # 6 months exactly
        ("2026-05-21", "0-5", 5),   # a day short of 6 months
        ("2024-11-20", "6-30", 24),
        ("2024-05-20", "6-30", 30),
    ],
)
def test_stage_boundaries(date_of_birth: str, stage: str, months: int) -> None:
    a = build(visit(family={"baby": {"date_of_birth": date_of_birth}}))
    assert a.stage == stage
    assert a.age_months == months


def test_over_24_months_is_allowed_with_a_notice() -> None:
    a = build(visit(contact={"date": "2026-11-20", "type": "two_year"},
                    family={"baby": {"date_of_birth": "2024-10-19"}}))
    assert a.age_months == 25
    assert any("conception to age two" in n for n in a.notices())


def test_exactly_24_months_has_no_notice() -> None:
    a = build(visit(family={"baby": {"date_of_birth": "2024-11-20"}}))
    assert a.notices() == []


def test_antenatal_contact_uses_pregnancy_domains_only() -> None:
    a = build(visit(contact={"date": "2026-11-20", "type": "antenatal"}, family={"baby": {"due_date": "2027-01-10"}}))
    assert a.stage == "antenatal"
    assert a.applicable_domains() == ("talk_about_baby", "parent_feelings")


def test_comfort_seeking_applies_from_nine_months() -> None:
    assert "baby_comfort_seeking" not in build(visit(family={"baby": {"date_of_birth": "2026-05-20"}})).applicable_domains()
    assert "baby_comfort_seeking" in build(visit(family={"baby": {"date_of_birth": "2026-02-20"}})).applicable_domains()


# Override ------------------------------------------------------------------------------------------

SPECIALIST = {"observations": observed(3, warmth="significant_concern")}


@pytest.mark.parametrize(
    ("decision", "final"),
    [
        ({"override_level": "statutory"}, "statutory"),  # raise freely, no reason needed
        ({"override_level": "targeted", "override_reason": "Already seen weekly by the perinatal team"}, "targeted"),
        ({"override_level": "specialist"}, "specialist"),  # same level is no override
        ({}, "specialist"),
    ],
)
def test_allowed_overrides(decision: dict[str, Any], final: str) -> None:
    outcome = evaluate(build(visit(decision=decision, **SPECIALIST)), default_rules())
    assert outcome.level == "specialist"
    assert outcome.final_level == final
    assert (outcome.override is not None) is (final != "specialist")


@pytest.mark.parametrize("reason", [None, "", "   "])
def test_lowering_without_a_reason_is_refused(reason: str | None) -> None:
    data = visit(decision={"override_level": "universal", "override_reason": reason}, **SPECIALIST)
    with pytest.raises(OverrideError, match="needs a written reason"):
        evaluate(build(data), default_rules())


def test_lowering_without_a_reason_in_a_draft_is_ignored_with_a_warning() -> None:
    data = visit(decision={"override_level": "universal"}, **SPECIALIST)
    outcome = evaluate(build(data), default_rules(), strict=False)
    assert outcome.final_level == "specialist"
    assert any("needs a written reason" in w for w in outcome.warnings)


def test_statutory_cannot_be_lowered_even_with_a_reason() -> None:
    data = visit(safeguarding={"indicators": ["disclosure_of_harm"]},
                 decision={"override_level": "specialist", "override_reason": "Discussed with lead"})
    with pytest.raises(OverrideError, match="cannot be lowered"):
        evaluate(build(data), default_rules())


def test_override_keeps_suggested_and_final_and_who() -> None:
    data = visit(decision={"override_level": "targeted", "override_reason": "Family declined; review in 2 weeks",
                           "override_by": "Łukasz Wójcik"}, **SPECIALIST)
    outcome = evaluate(build(data), default_rules())
    assert (outcome.level, outcome.final_level) == ("specialist", "targeted")
    assert outcome.override is not None and outcome.override.by == "Łukasz Wójcik"


def test_check_override_table() -> None:
    assert check_override("targeted", "specialist", None, False) is None
    assert check_override("targeted", "universal", None, False) is not None
    assert check_override("targeted", "universal", "Seen weekly by the perinatal team already", False) is None
    assert "too short" in (check_override("targeted", "universal", "reason", False) or "")
    assert "does not say what happened" in (check_override("targeted", "universal", "see notes, as discussed", False) or "")
    assert check_override("statutory", "specialist", "Seen weekly by the perinatal team already", True) is not None
    assert check_override("statutory", None, None, True) is None
