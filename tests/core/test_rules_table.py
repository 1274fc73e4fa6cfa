"""The default rules of assessment.md §7, one row per rule and per boundary."""

from __future__ import annotations

from typing import Any

import pytest

from pairaid.core.default_rules import default_rules
from pairaid.core.engine import evaluate
from pairaid.core.vocab import NEEDS
from tests.core.builders import build, observed, visit

S, C, N = "significant_concern", "some_concern", "no_concern"

# (case id, record sections, rules expected to match (besides universal), expected level, urgent)
CASES: list[tuple[str, dict[str, Any], set[str], str, bool]] = [
    ("nothing of note", {"observations": observed(3)}, set(), "universal", False),
    ("safeguarding alone", {"observations": observed(3), "safeguarding": {"indicators": ["disclosure_of_harm"]}},
     {"safeguarding"}, "statutory", False),
    ("safeguarding beats everything else",
     {"observations": observed(3, warmth=S, responding=S),
      "safeguarding": {"indicators": ["suspected_significant_harm"]}},
     {"safeguarding", "multiple_significant"}, "statutory", False),
    ("self-harm item 1 is urgent specialist", {"observations": observed(3), "mood": {"epds": {"total": 5, "self_harm_item": 1}}},
     {"self_harm_risk"}, "specialist", True),
    ("self-harm item 0 is not", {"observations": observed(3), "mood": {"epds": {"total": 5, "self_harm_item": 0}}},
     set(), "universal", False),
    ("frightening significant", {"observations": observed(3, frightening=S)}, {"frightening_behaviour"}, "specialist", False),
    ("frightening some is single_significant", {"observations": observed(3, frightening=C)},
     {"single_significant"}, "specialist", False),
    ("frightening none seen", {"observations": observed(3, frightening=N)}, set(), "universal", False),
    ("S = 2", {"observations": observed(3, warmth=S, responding=S)}, {"multiple_significant"}, "specialist", False),
    ("S = 1", {"observations": observed(3, warmth=S)}, {"single_significant"}, "specialist", False),
    ("S = 1 with C = 3 is not several_some", {"observations": observed(3, warmth=S, responding=C, pacing=C, handling=C)},
     {"single_significant"}, "specialist", False),
    ("C = 3 is several_some, targeted", {"observations": observed(3, warmth=C, responding=C, noticing_cues=C)},
     {"several_some"}, "targeted", False),
    ("C = 4 is several_some", {"observations": observed(3, warmth=C, responding=C, noticing_cues=C, feeding_together=C)},
     {"several_some"}, "targeted", False),
    ("C = 2 is some_concern", {"observations": observed(3, warmth=C, responding=C)}, {"some_concern"}, "targeted", False),
    ("C = 1 is some_concern", {"observations": observed(3, warmth=C)}, {"some_concern"}, "targeted", False),
    ("frightening some does not count towards C", {"observations": observed(3, warmth=C, frightening=C)},
     {"some_concern", "single_significant"}, "specialist", False),
    ("EPDS 13 with a concern", {"observations": observed(3, warmth=C), "mood": {"epds": {"total": 13, "self_harm_item": 0}}},
     {"mood_and_relationship", "mood_screen_positive", "some_concern"}, "specialist", False),
    ("EPDS 13 without a concern", {"observations": observed(3), "mood": {"epds": {"total": 13, "self_harm_item": 0}}},
     {"mood_screen_positive"}, "targeted", False),
    ("EPDS 12 with a concern", {"observations": observed(3, warmth=C), "mood": {"epds": {"total": 12, "self_harm_item": 0}}},
     {"mood_screen_positive", "some_concern"}, "targeted", False),
    ("EPDS 10", {"observations": observed(3), "mood": {"epds": {"total": 10, "self_harm_item": 0}}},
     {"mood_screen_positive"}, "targeted", False),
    ("EPDS 9", {"observations": observed(3), "mood": {"epds": {"total": 9, "self_harm_item": 0}}}, set(), "universal", False),
    ("Whooley low mood", {"observations": observed(3), "mood": {"whooley": {"low_mood": True, "little_interest": False}}},
     {"mood_screen_positive"}, "targeted", False),
    ("Whooley little interest", {"observations": observed(3), "mood": {"whooley": {"low_mood": False, "little_interest": True}}},
     {"mood_screen_positive"}, "targeted", False),
    ("Whooley both no", {"observations": observed(3), "mood": {"whooley": {"low_mood": False, "little_interest": False}}},
     set(), "universal", False),
    ("GAD-2 3", {"observations": observed(3), "mood": {"gad2": {"nervous": 2, "worrying": 1}}},
     {"mood_screen_positive"}, "targeted", False),
    ("GAD-2 2", {"observations": observed(3), "mood": {"gad2": {"nervous": 1, "worrying": 1}}}, set(), "universal", False),
    ("parent asks for help", {"observations": observed(3), "parent_voice": {"wants_help": "yes"}},
     {"parent_asks_help"}, "targeted", False),
    ("parent unsure is not a request", {"observations": observed(3), "parent_voice": {"wants_help": "unsure"}},
     set(), "universal", False),
    ("two current needs", {"observations": observed(3), "needs": {"housing": {"status": "current"},
                                                                   "financial_hardship": {"status": "current"}}},
     {"competing_needs"}, "targeted", False),
    ("one current and one past need", {"observations": observed(3), "needs": {"housing": {"status": "current"},
                                                                             "financial_hardship": {"status": "past"}}},
     set(), "universal", False),
    ("social care status is not a competing need",
     {"observations": observed(3), "needs": {"housing": {"status": "current"},
                                             "social_care_status": {"status": "early_help"}}},
     {"early_help_open"}, "targeted", False),
    # Social care status (assessment.md §4, §7).
    *[(f"social care {status}", {"observations": observed(3), "needs": {"social_care_status": {"status": status}}},
       {"social_care_open"}, "statutory", False) for status in ("child_in_need", "child_protection", "looked_after")],
    ("early help open", {"observations": observed(3), "needs": {"social_care_status": {"status": "early_help"}}},
     {"early_help_open"}, "targeted", False),
    ("social care none", {"observations": observed(3), "needs": {"social_care_status": {"status": "none"}}},
     set(), "universal", False),
    # A previous child removed: current or past, statutory.
    *[(f"previous child removed {status}", {"observations": observed(3), "needs": {"previous_child_removed": {"status": status}}},
       {"previous_child_removed"}, "statutory", False) for status in ("current", "past")],
    *[(f"previous child removed {status}", {"observations": observed(3), "needs": {"previous_child_removed": {"status": status}}},
       set(), "universal", False) for status in ("no", "not_known")],
    # Severe mental illness, even when well now (NICE CG192).
    *[(f"severe mental illness {status}", {"observations": observed(3), "needs": {"severe_mental_illness_history": {"status": status}}},
       {"severe_mental_illness"}, "specialist", False) for status in ("current", "past")],
    *[(f"severe mental illness {status}", {"observations": observed(3), "needs": {"severe_mental_illness_history": {"status": status}}},
       set(), "universal", False) for status in ("no", "not_known")],
    # The "toxic trio": two or three of mental health, domestic abuse, substance misuse current.
    ("toxic trio: mental health and domestic abuse",
     {"observations": observed(3), "needs": {"parental_mental_health": {"status": "current"}, "domestic_abuse": {"status": "current"}}},
     {"toxic_trio", "domestic_abuse_current", "single_vulnerability", "competing_needs"}, "specialist", False),
    ("toxic trio: domestic abuse and substance misuse",
     {"observations": observed(3), "needs": {"substance_misuse": {"status": "current"}, "domestic_abuse": {"status": "current"}}},
     {"toxic_trio", "domestic_abuse_current", "single_vulnerability", "competing_needs"}, "specialist", False),
    ("toxic trio: mental health and substance misuse",
     {"observations": observed(3), "needs": {"parental_mental_health": {"status": "current"}, "substance_misuse": {"status": "current"}}},
     {"toxic_trio", "single_vulnerability", "competing_needs"}, "specialist", False),
    ("toxic trio: all three",
     {"observations": observed(3), "needs": {"parental_mental_health": {"status": "current"}, "domestic_abuse": {"status": "current"},
                                             "substance_misuse": {"status": "current"}}},
     {"toxic_trio", "domestic_abuse_current", "single_vulnerability", "competing_needs"}, "specialist", False),
    ("one of the trio current and one past is not the trio",
     {"observations": observed(3), "needs": {"parental_mental_health": {"status": "current"}, "domestic_abuse": {"status": "past"}}},
     {"single_vulnerability"}, "targeted", False),
    # Domestic abuse now.
    ("domestic abuse current", {"observations": observed(3), "needs": {"domestic_abuse": {"status": "current"}}},
     {"domestic_abuse_current"}, "targeted", False),
    *[(f"domestic abuse {status}", {"observations": observed(3), "needs": {"domestic_abuse": {"status": status}}},
       set(), "universal", False) for status in ("past", "no", "not_known")],
    # A single current vulnerability.
    *[(f"single vulnerability {need}", {"observations": observed(3), "needs": {need: {"status": "current"}}},
       {"single_vulnerability"}, "targeted", False)
      for need in ("parental_mental_health", "substance_misuse", "parental_learning_disability", "young_parent",
                   "care_experienced_parent")],
    ("single vulnerability past", {"observations": observed(3), "needs": {"young_parent": {"status": "past"}}},
     set(), "universal", False),
    ("a current need that is not a vulnerability", {"observations": observed(3), "needs": {"housing": {"status": "current"}}},
     set(), "universal", False),
    ("every need asked and none so", {"observations": observed(3), "needs": {n: {"status": "no"} for n in NEEDS}},
     set(), "universal", False),
    # Statutory rules other than safeguarding sit with specialist ones: levels keeps both.
    ("child protection with a significant concern",
     {"observations": observed(3, warmth=S), "needs": {"social_care_status": {"status": "child_protection"}}},
     {"social_care_open", "single_significant"}, "statutory", False),
]


@pytest.mark.parametrize(("sections", "expected", "level", "urgent"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_rules(sections: dict[str, Any], expected: set[str], level: str, urgent: bool) -> None:
    outcome = evaluate(build(visit(**sections)), default_rules())
    matched = {r.rule for r in outcome.reasons}
    assert matched == expected | {"universal"}
    assert outcome.level == level
    assert outcome.final_level == level
    assert outcome.urgent is urgent
    assert outcome.safeguarding is ("safeguarding" in expected)


def test_levels_are_every_matched_level_in_order() -> None:
    outcome = evaluate(
        build(visit(observations=observed(3, warmth=S), safeguarding={"indicators": ["disclosure_of_harm"]},
                    parent_voice={"wants_help": "yes"})),
        default_rules(),
    )
    assert outcome.levels == ["universal", "targeted", "specialist", "statutory"]
    assert outcome.level == "statutory"


def test_every_reason_names_its_inputs() -> None:
    outcome = evaluate(
        build(visit(observations=observed(3, warmth=S, responding=S),
                    mood={"epds": {"total": 14, "self_harm_item": 0}, "gad2": {"nervous": 3, "worrying": 0}},
                    needs={"housing": {"status": "current"}, "domestic_abuse": {"status": "current"}})),
        default_rules(),
    )
    text = {r.rule: r.text for r in outcome.reasons}
    assert "Warmth" in text["multiple_significant"] and "Responding" in text["multiple_significant"]
    assert "EPDS total 14" in text["mood_and_relationship"]
    assert "GAD-2 total 3" in text["mood_screen_positive"]
    assert "housing" in text["competing_needs"].lower() and "domestic abuse" in text["competing_needs"].lower()


def test_a_domain_that_does_not_apply_at_the_age_is_kept_but_not_counted() -> None:
    # baby_comfort_seeking applies from 9 months only: a 7-week-old's rating there counts for nothing.
    assessment = build(visit(observations=observed(3, baby_comfort_seeking=S)))
    outcome = evaluate(assessment, default_rules())
    assert outcome.level == "universal"
    assert outcome.coverage == 3
    assert assessment.observations.rating("baby_comfort_seeking") == S  # kept in the record
    warning = next(w for w in outcome.warnings if "baby_comfort_seeking" in w)
    assert "does not apply at 7 weeks" in warning and "from 9 months" in warning
