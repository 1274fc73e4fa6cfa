"""Rule sets are data: malformed ones are refused with a message, never silently non-matching."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from pydantic import ValidationError

from pairaid.core.errors import format_validation_error
from pairaid.core.rules import RuleSet
from pairaid.resources import resource_path


def default_data() -> dict[str, Any]:
    return json.loads(resource_path("rules", "default-rules.json").read_text(encoding="utf-8"))


def problems(data: dict[str, Any]) -> str:
    with pytest.raises(ValidationError) as info:
        RuleSet.model_validate(data)
    return "\n".join(format_validation_error(info.value))


def with_rule(rule: dict[str, Any]) -> dict[str, Any]:
    data = default_data()
    data["rules"].append(rule)
    return data


def test_default_rules_load_and_reach_every_level() -> None:
    rules = RuleSet.model_validate(default_data())
    assert rules.reachable_levels() == {"universal", "targeted", "specialist", "statutory"}
    assert rules.rules[0].id == "safeguarding"


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ({"id": "x", "level": "high", "when": {"always": True}, "reason": "r"}, "'high' is not one of universal"),
        ({"id": "x", "level": "targeted", "when": {"count": {"rating": ["some_concern"], "domains": ["warmthh"],
                                                             "at_least": 1}}, "reason": "r"}, "'warmthh' is not one of"),
        ({"id": "x", "level": "targeted", "when": {"rating": {"domain": "warmth", "one_of": ["bad"]}}, "reason": "r"},
         "'bad' is not one of"),
        ({"id": "x", "level": "targeted", "when": {"screen": {"measure": "phq9", "at_least": 10}}, "reason": "r"},
         "'phq9' is not one of"),
        ({"id": "x", "level": "targeted", "when": {"always": True}, "serves": ["money"], "reason": "r"},
         "serves unknown need money"),
        ({"id": "x", "level": "targeted", "when": {}, "reason": "r"}, "exactly one of"),
        ({"id": "x", "level": "targeted", "when": {"always": True, "wants_help": ["yes"]}, "reason": "r"},
         "exactly one of"),
        ({"id": "x", "level": "targeted", "when": {"count": {"rating": ["some_concern"]}}, "reason": "r"},
         "a count needs at_least"),
        ({"id": "x", "level": "targeted", "when": {"wants_help": ["please"]}, "reason": "r"}, "'please' is not one of"),
        ({"id": "x", "level": "targeted", "when": {"alwys": True}, "reason": "r"}, "alwys: is not a field"),
        ({"id": "universal", "level": "targeted", "when": {"always": True}, "reason": "r"}, "used twice"),
    ],
)
def test_bad_rules_are_refused(rule: dict[str, Any], message: str) -> None:
    assert message in problems(with_rule(rule))


def test_the_safeguarding_rule_cannot_be_removed_or_weakened() -> None:
    data = default_data()
    removed = copy.deepcopy(data)
    removed["rules"] = [r for r in removed["rules"] if r["id"] != "safeguarding"]
    assert "must keep the 'safeguarding' rule" in problems(removed)
    weakened = copy.deepcopy(data)
    weakened["rules"][0]["level"] = "specialist"
    assert "must keep the 'safeguarding' rule" in problems(weakened)
