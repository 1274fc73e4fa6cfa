"""`pairaid assess --json` on a table of visits: every rule of assessment.md §7 and its boundaries, through the
command line exactly as a reviewer would run it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pairaid.cli import main
from tests.core.builders import observed, ratings, visit

S, C, N = "significant_concern", "some_concern", "no_concern"
OBS = observed(3)


def epds(total: int, item: int = 0) -> dict[str, Any]:
    return {"epds": {"total": total, "self_harm_item": item}}


def need(**statuses: str) -> dict[str, Any]:
    return {n: {"status": s} for n, s in statuses.items()}


def preterm(day: str, weeks: int | None) -> dict[str, Any]:
    baby: dict[str, Any] = {"name": "Nguyễn Thị Minh Khai", "date_of_birth": day}
    if weeks is not None:
        baby["gestation_weeks"] = weeks
    return {"contact": {"date": "2026-11-20", "type": "additional"}, "family": {"baby": baby}}


# (case, record sections, rules matched besides universal, level, urgent, provisional)
CASES: list[tuple[str, dict[str, Any], set[str], str, bool, bool]] = [
    ("universal only", {"observations": OBS}, set(), "universal", False, False),
    ("safeguarding", {"observations": OBS, "safeguarding": {"indicators": ["parent_thoughts_of_harming_baby"]}},
     {"safeguarding"}, "statutory", False, False),
    ("social_care_open", {"observations": OBS, "needs": {"social_care_status": {"status": "child_protection"}}},
     {"social_care_open"}, "statutory", False, False),
    ("previous_child_removed", {"observations": OBS, "needs": need(previous_child_removed="past")},
     {"previous_child_removed"}, "statutory", False, False),
    ("self_harm_risk", {"observations": OBS, "mood": epds(4, 1)}, {"self_harm_risk"}, "specialist", True, False),
    ("frightening_behaviour", {"observations": observed(3, frightening=S)}, {"frightening_behaviour"}, "specialist",
     False, False),
    ("multiple_significant", {"observations": observed(3, warmth=S, handling=S)}, {"multiple_significant"},
     "specialist", False, False),
    ("single_significant", {"observations": observed(3, feeding_together=S)}, {"single_significant"}, "specialist",
     False, False),
    ("several_some", {"observations": observed(3, warmth=C, responding=C, pacing=C)}, {"several_some"}, "targeted",
     False, False),
    ("mood_and_relationship", {"observations": observed(3, warmth=C), "mood": epds(13)},
     {"mood_and_relationship", "mood_screen_positive", "some_concern"}, "specialist", False, False),
    ("severe_mental_illness", {"observations": OBS, "needs": need(severe_mental_illness_history="past")},
     {"severe_mental_illness"}, "specialist", False, False),
    ("toxic_trio", {"observations": OBS, "needs": need(domestic_abuse="current", substance_misuse="current")},
     {"toxic_trio", "domestic_abuse_current", "single_vulnerability", "competing_needs"}, "specialist", False, False),
    ("mood_screen_positive", {"observations": OBS, "mood": {"whooley": {"low_mood": True, "little_interest": False}}},
     {"mood_screen_positive"}, "targeted", False, False),
    ("domestic_abuse_current", {"observations": OBS, "needs": need(domestic_abuse="current")},
     {"domestic_abuse_current"}, "targeted", False, False),
    ("single_vulnerability", {"observations": OBS, "needs": need(parental_learning_disability="current")},
     {"single_vulnerability"}, "targeted", False, False),
    ("early_help_open", {"observations": OBS, "needs": {"social_care_status": {"status": "early_help"}}},
     {"early_help_open"}, "targeted", False, False),
    ("some_concern", {"observations": observed(3, warmth=C)}, {"some_concern"}, "targeted", False, False),
    ("parent_asks_help", {"observations": OBS, "parent_voice": {"wants_help": "yes"}}, {"parent_asks_help"},
     "targeted", False, False),
    ("competing_needs", {"observations": OBS, "needs": need(housing="current", social_isolation="current")},
     {"competing_needs"}, "targeted", False, False),
    # Boundaries: EPDS 9/10/12/13, GAD-2 2/3.
    ("EPDS 9", {"observations": OBS, "mood": epds(9)}, set(), "universal", False, False),
    ("EPDS 10", {"observations": OBS, "mood": epds(10)}, {"mood_screen_positive"}, "targeted", False, False),
    ("EPDS 12 with a concern", {"observations": observed(3, warmth=C), "mood": epds(12)},
     {"mood_screen_positive", "some_concern"}, "targeted", False, False),
    ("EPDS 13 without a concern", {"observations": OBS, "mood": epds(13)}, {"mood_screen_positive"}, "targeted",
     False, False),
    ("GAD-2 2", {"observations": OBS, "mood": {"gad2": {"nervous": 1, "worrying": 1}}}, set(), "universal", False,
     False),
    ("GAD-2 3", {"observations": OBS, "mood": {"gad2": {"nervous": 0, "worrying": 3}}}, {"mood_screen_positive"},
     "targeted", False, False),
    # Coverage 2/3: provisional below specialist only; nothing observed.
    ("coverage 2", {"observations": ratings(warmth=N, responding=N)}, set(), "universal", False, True),
    ("coverage 3", {"observations": ratings(warmth=N, responding=N, frightening=N)}, set(), "universal", False, False),
    ("coverage 2, targeted", {"observations": ratings(warmth=C, responding=N)}, {"some_concern"}, "targeted", False,
     True),
    ("coverage 1, specialist is not provisional", {"observations": ratings(warmth=S)}, {"single_significant"},
     "specialist", False, False),
    ("nothing observed", {}, set(), "universal", False, True),
    # Age in months, corrected and actual: comfort-seeking from 9, exploring and limits from 12; gestation 36/37.
    ("comfort-seeking at 9 months", {**preterm("2026-02-20", None), "observations": observed(3, baby_comfort_seeking=S)},
     {"single_significant"}, "specialist", False, False),
    ("comfort-seeking at 8 months", {**preterm("2026-02-21", None), "observations": observed(3, baby_comfort_seeking=S)},
     set(), "universal", False, False),
    ("comfort-seeking at 8 months corrected (36 weeks)",
     {**preterm("2026-01-24", 36), "observations": observed(3, baby_comfort_seeking=S)}, set(), "universal", False, False),
    ("comfort-seeking at 9 months, born at 37 weeks",
     {**preterm("2026-01-24", 37), "observations": observed(3, baby_comfort_seeking=S)}, {"single_significant"},
     "specialist", False, False),
    ("limits at 12 months", {**preterm("2025-11-20", None), "observations": observed(3, limits_and_guidance=S)},
     {"single_significant"}, "specialist", False, False),
    ("limits at 11 months", {**preterm("2025-11-21", None), "observations": observed(3, limits_and_guidance=S)},
     set(), "universal", False, False),
    ("exploring at 12 months corrected", {**preterm("2025-09-11", 30), "observations": observed(3, exploration_support=S)},
     {"single_significant"}, "specialist", False, False),
    ("exploring at 11 months corrected", {**preterm("2025-09-12", 30), "observations": observed(3, exploration_support=S)},
     set(), "universal", False, False),
]


@pytest.mark.parametrize(("sections", "rules", "level", "urgent", "provisional"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_assess_json(tmp_path: Path, capsys: pytest.CaptureFixture[str], sections: dict[str, Any], rules: set[str],
                     level: str, urgent: bool, provisional: bool) -> None:
    file = tmp_path / "visit.json"
    file.write_text(json.dumps(visit(**sections), ensure_ascii=False), encoding="utf-8")
    assert main(["assess", str(file), "--json"]) == 0
    outcome = json.loads(capsys.readouterr().out)
    assert {r["rule"] for r in outcome["reasons"]} == rules | {"universal"}
    assert (outcome["level"], outcome["final_level"]) == (level, level)
    assert outcome["urgent"] is urgent
    assert outcome["provisional"] is provisional
    assert outcome["nothing_observed"] is (provisional and outcome["coverage"] == 0)
    top = max(outcome["reasons"], key=lambda r: ["universal", "targeted", "specialist", "statutory"].index(r["level"]))
    assert top["level"] == level
    for reason in outcome["reasons"]:
        assert reason["text"] and "prompt" in reason


def test_every_rule_has_a_case() -> None:
    from pairaid.core.default_rules import default_rules

    covered = set().union(*(c[2] for c in CASES)) | {"universal"}
    assert covered == {r.id for r in default_rules().rules}


@pytest.mark.parametrize(
    ("sections", "shown"),
    [
        ({}, "Suggested level: Not enough observed yet (0 of 12 areas observed; Universal until then)"),
        ({"observations": ratings(warmth=N, responding=C)}, "Suggested level: Targeted (Provisional: 2 of 12 areas observed)"),
        ({"observations": OBS}, "Suggested level: Universal\n"),
    ],
)
def test_readable_output_never_prints_a_provisional_level_bare(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                               sections: dict[str, Any], shown: str) -> None:
    file = tmp_path / "visit.json"
    file.write_text(json.dumps(visit(**sections)), encoding="utf-8")
    assert main(["assess", str(file)]) == 0
    assert shown in capsys.readouterr().out


def test_readable_output_shows_each_rule_prompt(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "visit.json"
    file.write_text(json.dumps(visit(observations=OBS, needs={"social_care_status": {"status": "child_in_need"}})),
                    encoding="utf-8")
    assert main(["assess", str(file)]) == 0
    assert "Next: Share what you found today with the family's allocated social worker." in capsys.readouterr().out
