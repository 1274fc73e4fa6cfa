"""Small builders for synthetic assessment records (no real people)."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

from pairaid.core.assessment import Assessment, parse_assessment

TODAY = date(2026, 11, 26)


def visit(**sections: Any) -> dict[str, Any]:
    """A minimal valid new-birth visit for a 7-week-old; keyword sections replace or add top-level keys."""
    data: dict[str, Any] = {
        "format": "pairaid.assessment/1",
        "id": "8c0e2c9e-52a1-4c7e-9d55-1f4f4a7c0b11",
        "contact": {"date": "2026-11-20", "type": "six_to_eight_weeks"},
        "family": {"baby": {"name": "Zoë Brontë", "date_of_birth": "2026-10-01"}},
    }
    data.update(copy.deepcopy(sections))
    return data


def ratings(**by_domain: str) -> dict[str, Any]:
    """observations section from domain=rating keywords."""
    return {domain: {"rating": rating} for domain, rating in by_domain.items()}


def observed(n_no_concern: int, **by_domain: str) -> dict[str, Any]:
    """`by_domain` ratings plus enough `no_concern` ratings on other 0-5 domains to reach coverage."""
    filler = [d for d in ("handling", "pacing", "availability", "baby_engagement", "baby_regulation",
                          "talk_about_baby", "parent_feelings") if d not in by_domain]
    obs = ratings(**by_domain)
    for domain in filler[:n_no_concern]:
        obs[domain] = {"rating": "no_concern"}
    return obs


def build(data: dict[str, Any]) -> Assessment:
    return parse_assessment(data, today=TODAY)
