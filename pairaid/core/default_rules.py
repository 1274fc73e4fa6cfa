"""The default rule set of assessment.md §7, shipped as data; a pathway file may replace it."""

from __future__ import annotations

import json
from functools import lru_cache

from pairaid.core.rules import RuleSet
from pairaid.resources import resource_path


@lru_cache(maxsize=1)
def default_rules() -> RuleSet:
    """The rules Birmingham ships (resources/rules/default-rules.json)."""
    with resource_path("rules", "default-rules.json").open(encoding="utf-8") as handle:
        return RuleSet.model_validate(json.load(handle))
