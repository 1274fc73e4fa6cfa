"""The default rules of assessment.md §7, one row per rule and per boundary."""

from __future__ import annotations

from typing import Any

import pytest

from pairaid.core.default_rules import default_rules
from pairaid.core.engine import evaluate
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
    ("C = 3 is several_some", {"observations": observed(3, warmth=C, responding=C, noticing_cues=C)},
     {"several_some"}, "specialist", False),
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
                                             "social_care_status": {"status": "child_in_need"}}},
     set(), "universal", False),
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


def test_a_domain_that_does_not_apply_at_the_stage_is_ignored() -> None:
    # baby_comfort_seeking applies from 6 months only: a 7-week-old's rating there counts for nothing.
    outcome = evaluate(build(visit(observations=observed(3, baby_comfort_seeking=S))), default_rules())
    assert outcome.level == "universal"
    assert any("do not apply" in w for w in outcome.warnings)
