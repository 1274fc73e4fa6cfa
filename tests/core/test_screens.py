"""The mood screens' thresholds live in one place, and the default rules use the same numbers."""

from __future__ import annotations

import json
from typing import Any

import pytest

from pairaid.core import screens
from pairaid.resources import resource_path


@pytest.mark.parametrize(("function", "data", "starts"), [
    (screens.whooley_result, None, "Whooley: not done"),
    (screens.whooley_result, {"low_mood": True}, "Whooley: not done"),
    (screens.whooley_result, {"low_mood": False, "little_interest": True}, "Whooley: positive"),
    (screens.whooley_result, {"low_mood": False, "little_interest": False}, "Whooley: negative"),
    (screens.gad2_result, {"nervous": 1}, "GAD-2: not done"),
    (screens.gad2_result, {"nervous": 1, "worrying": 1}, "GAD-2 total 2: negative (below 3)"),
    (screens.gad2_result, {"nervous": 2, "worrying": 1}, "GAD-2 total 3: positive (3 or more)"),
    (screens.epds_result, {"total": 9}, "EPDS: not done"),
    (screens.epds_result, {"total": 9, "self_harm_item": 0}, "EPDS total 9: below 10."),
    (screens.epds_result, {"total": 10, "self_harm_item": 0}, "EPDS total 10: possible depression (10 to 12)."),
    (screens.epds_result, {"total": 12, "self_harm_item": 0}, "EPDS total 12: possible depression"),
    (screens.epds_result, {"total": 13, "self_harm_item": 1}, "EPDS total 13: suggests depression (13 or more). "
                                                               "Self-harm item 1: needs a same-day assessment."),
])
def test_results_in_words(function: Any, data: Any, starts: str) -> None:
    assert function(data).startswith(starts)


def _screens(node: Any) -> list[dict[str, Any]]:
    if isinstance(node, dict):
        found = [node["screen"]] if isinstance(node.get("screen"), dict) else []
        return found + [s for value in node.values() for s in _screens(value)]
    if isinstance(node, list):
        return [s for item in node for s in _screens(item)]
    return []


def test_the_default_rules_use_the_same_thresholds() -> None:
    rules = json.loads(resource_path("rules", "default-rules.json").read_text(encoding="utf-8"))
    used = {(s["measure"], s["at_least"]) for s in _screens(rules)}
    allowed = {("gad2_total", screens.GAD2_POSITIVE_AT), ("epds_total", screens.EPDS_POSSIBLE_AT),
               ("epds_total", screens.EPDS_LIKELY_AT), ("epds_self_harm_item", 1), ("whooley_positive", 1)}
    assert used <= allowed and ("gad2_total", screens.GAD2_POSITIVE_AT) in used
