"""Synthetic visits for the store tests (no real people)."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

from pairaid.core.assessment import Assessment, parse_assessment
from pairaid.core.default_rules import default_rules
from pairaid.core.engine import evaluate
from pairaid.core.outcome import Outcome
from pairaid.store import RecordSummary

TODAY = date(2026, 11, 26)
NAMES = ("Zoë Brontë", "Łukasz Wójcik", "Nguyễn Thị Minh Khai", "محمد عبد الله", "রহমান চক্রবর্তী")
NHS_NUMBERS = ("943 476 5919", "401 023 2137", "900 000 0009")


def visit(name: str = "Zoë Brontë", nhs: str | None = "943 476 5919", **sections: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "format": "pairaid.assessment/1",
        "contact": {"date": "2026-11-20", "type": "six_to_eight_weeks",
                    "practitioner": {"name": "Şükrü Öztürk", "role": "health_visitor", "phone": "0121 496 0123"}},
        "family": {
            "baby": {"name": name, "date_of_birth": "2026-10-01", "nhs_number": nhs},
            "carers": [{"name": "محمد عبد الله", "relationship": "father", "parental_responsibility": True}],
            "postcode": "B15 2TT",
            "gp_practice": "Ladywood Surgery",
        },
        "observations": {d: {"rating": "no_concern"} for d in
                         ("noticing_cues", "responding", "warmth", "handling", "pacing", "availability")},
        "parent_voice": {"asked": True, "words": f"{name} settles when I sing; ring me on 07700 900123"},
    }
    if nhs is None:
        del data["family"]["baby"]["nhs_number"]
    data.update(copy.deepcopy(sections))
    return data


def assess(data: dict[str, Any]) -> tuple[Assessment, Outcome]:
    assessment = parse_assessment(data, today=TODAY)
    return assessment, evaluate(assessment, default_rules())


def summary(data: dict[str, Any], outcome: Outcome | None = None) -> RecordSummary:
    return RecordSummary.from_draft(data, outcome)
