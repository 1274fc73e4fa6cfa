"""Written reasons (assessment.md §7), the provisional states an outcome carries, and what must be written
before finalising."""

from __future__ import annotations

from typing import Any

import pytest

from pairaid.core.default_rules import default_rules
from pairaid.core.engine import OverrideError, evaluate
from pairaid.core.finalising import finalise_problems
from pairaid.core.outcome import NOT_ENOUGH_OBSERVED
from pairaid.core.written_reason import written_reason_problem
from tests.core.builders import build, observed, ratings, visit


@pytest.mark.parametrize(
    "text",
    [None, "", "   ", "ok", "OK", "n/a", "N/A", "see notes", "See notes.", "as above", "fine", "nil",
     "Seen twice", "reviewed with lead",  # under 20 characters
     "Supervisionconfirmedthis",  # one word
     "see notes, as discussed", "ok ok ok ok ok ok ok", "n/a - see the notes above"],
)
def test_weak_reasons_are_refused_with_a_question(text: str | None) -> None:
    problem = written_reason_problem(text)
    assert problem is not None
    assert "what you saw or decided" in problem


@pytest.mark.parametrize(
    "text",
    ["Already seen weekly by the perinatal team", "Family declined; review in 2 weeks",
     "Mum fed Zoë calmly twice during the visit", "محمد عبد الله is the main carer and was present"],
)
def test_real_reasons_pass(text: str) -> None:
    assert written_reason_problem(text) is None


def test_a_lowering_override_with_a_weak_reason_is_refused() -> None:
    data = visit(observations=observed(3, warmth="significant_concern"),
                 decision={"override_level": "targeted", "override_reason": "see notes"})
    with pytest.raises(OverrideError, match="what you saw or decided"):
        evaluate(build(data), default_rules())


def test_the_new_statutory_rules_may_be_lowered_with_a_written_reason() -> None:
    for needs in ({"social_care_status": {"status": "child_in_need"}}, {"previous_child_removed": {"status": "past"}}):
        data = visit(observations=observed(3), needs=needs,
                     decision={"override_level": "targeted",
                               "override_reason": "Case closed by social care last week; letter seen today"})
        outcome = evaluate(build(data), default_rules())
        assert (outcome.level, outcome.final_level) == ("statutory", "targeted")
        assert not outcome.safeguarding


# Outcome states -------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("observations", "provisional", "nothing", "caption"),
    [
        ({}, True, True, NOT_ENOUGH_OBSERVED),
        (ratings(warmth="not_observed", responding="not_observed"), True, True, NOT_ENOUGH_OBSERVED),
        (ratings(warmth="no_concern"), True, False, "Provisional: 1 of 12 areas observed"),
        (ratings(warmth="no_concern", responding="no_concern"), True, False, "Provisional: 2 of 12 areas observed"),
        (observed(3), False, False, None),
    ],
)
def test_coverage_states(observations: dict[str, Any], provisional: bool, nothing: bool, caption: str | None) -> None:
    outcome = evaluate(build(visit(observations=observations)), default_rules())
    assert outcome.level == "universal"
    assert (outcome.provisional, outcome.nothing_observed) == (provisional, nothing)
    assert outcome.level_caption() == caption
    assert outcome.applicable_domains == 12  # a 7-week-old: all but comfort-seeking, exploring and limits
    dumped = outcome.contract_dict()
    assert dumped["coverage"] == outcome.coverage and dumped["nothing_observed"] is nothing


def test_nothing_observed_never_hides_a_specialist_level() -> None:
    outcome = evaluate(build(visit(needs={"severe_mental_illness_history": {"status": "past"}})), default_rules())
    assert outcome.level == "specialist" and not outcome.provisional and not outcome.nothing_observed
    assert outcome.level_caption() is None


def test_each_new_rule_carries_its_prompt() -> None:
    rules = {r.id: r for r in default_rules().rules}
    for rule_id in ("social_care_open", "previous_child_removed", "severe_mental_illness", "toxic_trio",
                    "domestic_abuse_current", "single_vulnerability", "early_help_open", "several_some",
                    "frightening_behaviour"):
        assert rules[rule_id].prompt, rule_id
    outcome = evaluate(build(visit(observations=observed(3), needs={"domestic_abuse": {"status": "current"}})),
                       default_rules())
    reason = next(r for r in outcome.reasons if r.rule == "domestic_abuse_current")
    assert reason.prompt is not None and "DASH" in reason.prompt and "MARAC" in reason.prompt
    assert reason.prompt in outcome.prompts
    assert "domestic abuse: current" in reason.text.lower()


@pytest.mark.parametrize(
    ("needs", "rule", "words"),
    [
        ({"social_care_status": {"status": "child_protection"}}, "social_care_open", ["child protection"]),
        ({"social_care_status": {"status": "early_help"}}, "early_help_open", ["early help"]),
        ({"previous_child_removed": {"status": "past"}}, "previous_child_removed", ["an earlier child removed: in the past"]),
        ({"severe_mental_illness_history": {"status": "past"}}, "severe_mental_illness",
         ["history of severe mental illness: in the past", "NICE CG192"]),
        ({"parental_mental_health": {"status": "current"}, "substance_misuse": {"status": "current"}}, "toxic_trio",
         ["parental mental health", "substance"]),
        ({"young_parent": {"status": "current"}}, "single_vulnerability", ["young parent"]),
    ],
)
def test_new_reasons_name_their_inputs(needs: dict[str, Any], rule: str, words: list[str]) -> None:
    outcome = evaluate(build(visit(observations=observed(3), needs=needs)), default_rules())
    text = next(r.text for r in outcome.reasons if r.rule == rule)
    for word in words:
        assert word.lower() in text.lower(), text


# Finalising ------------------------------------------------------------------------------------------

CONSENTED = {"family_agrees": "yes", "sharing_basis": "consent", "family_told": True}


def _problems(**sections: Any) -> list[str]:
    a = build(visit(**{"consent": CONSENTED, **sections}))
    return finalise_problems(a, evaluate(a, default_rules(), strict=False))


def test_a_provisional_outcome_needs_a_provisional_reason() -> None:
    found = _problems(observations=ratings(warmth="no_concern"))
    assert len(found) == 1 and found[0].startswith("decision.provisional_reason: ")
    assert "provisional (1 of 12 areas observed)" in found[0]
    assert _problems(observations=ratings(warmth="no_concern"), decision={"provisional_reason": "ok"})
    assert _problems(observations=ratings(warmth="no_concern"),
                     decision={"provisional_reason": "Baby asleep all visit; seen feeding well at clinic on Monday"}) == []


def test_an_observed_outcome_needs_nothing_more() -> None:
    assert _problems(observations=observed(3)) == []


@pytest.mark.parametrize(
    "sections",
    [
        {"observations": observed(3), "safeguarding": {"indicators": ["disclosure_of_harm"]}},
        {"observations": observed(3), "mood": {"epds": {"total": 3, "self_harm_item": 1}}},
        {"observations": observed(3), "needs": {"social_care_status": {"status": "looked_after"}}},
    ],
)
def test_urgent_or_statutory_needs_the_action_taken(sections: dict[str, Any]) -> None:
    found = _problems(**sections)
    assert [p.split(":")[0] for p in found] == ["decision.action_taken", "decision.selected_services"]
    done = {**sections, "decision": {"action_taken": "Phoned the front door at 11:20; referral agreed",
                                     "selected_services": ["cass"]}}
    assert _problems(**done) == []


@pytest.mark.parametrize(
    ("consent", "field"),
    [({}, "consent.sharing_basis"), ({"sharing_basis": "consent", "family_agrees": "not_asked"}, "consent.family_agrees"),
     ({"sharing_basis": "consent", "family_agrees": "no"}, "consent.family_agrees")],
)
def test_consent_and_the_basis_for_sharing_are_recorded_before_finalising(consent: dict[str, Any],
                                                                          field: str) -> None:
    assert [p.split(":")[0] for p in _problems(observations=observed(3), consent=consent)] == [field]
    assert _problems(observations=observed(3), consent={"sharing_basis": "safeguarding"}) == []


def test_a_refused_override_is_a_finalise_problem() -> None:
    found = _problems(observations=observed(3, warmth="significant_concern"),
                      decision={"override_level": "universal", "override_reason": "n/a"})
    assert len(found) == 1 and found[0].startswith("decision.override_level: ")
