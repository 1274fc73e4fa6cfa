"""Synthetic visits with the outcome the default rules (assessment.md §7) must give them, for `--self-test`.

No real people: names and NHS numbers come from the test-data ranges. Each case is one of the safety
properties the hazard log relies on (safeguarding always statutory, self-harm urgent, not_observed is never
"no concern", a lowering override cannot go below statutory).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

S, C, N, X = "significant_concern", "some_concern", "no_concern", "not_observed"
FILLER = ("handling", "pacing", "availability")


def _visit(**sections: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "format": "pairaid.assessment/1",
        "id": "5e7c1c1a-3f0e-4d6b-9a55-2b4f0c7d0a19",
        "contact": {"date": "2026-11-20", "type": "six_to_eight_weeks", "setting": "home"},
        "family": {"baby": {"name": "Zoë Brontë", "date_of_birth": "2026-10-01", "nhs_number": "943 476 5919"}},
    }
    data.update(copy.deepcopy(sections))
    return data


def _observed(**ratings: str) -> dict[str, Any]:
    """The given ratings plus `no_concern` on three other domains, so the level is not provisional."""
    obs = {domain: {"rating": rating} for domain, rating in ratings.items()}
    for domain in FILLER:
        obs.setdefault(domain, {"rating": N})
    return obs


@dataclass(frozen=True)
class SampleVisit:
    name: str
    record: dict[str, Any]
    level: str  # suggested level
    final_level: str
    urgent: bool = False
    safeguarding: bool = False
    provisional: bool = False


SAMPLES: tuple[SampleVisit, ...] = (
    SampleVisit("nothing of note", _visit(observations=_observed()), "universal", "universal"),
    SampleVisit("one area of some concern", _visit(observations=_observed(warmth=C)), "targeted", "targeted"),
    SampleVisit("one significant concern", _visit(observations=_observed(warmth=S)), "specialist", "specialist"),
    SampleVisit(
        "EPDS self-harm item answered",
        _visit(observations=_observed(), mood={"subject": "mother", "epds": {"total": 6, "self_harm_item": 1}}),
        "specialist", "specialist", urgent=True,
    ),
    SampleVisit(
        "two current competing needs",
        _visit(observations=_observed(), needs={"housing": {"status": "current"},
                                                "financial_hardship": {"status": "current"}}),
        "targeted", "targeted",
    ),
    SampleVisit(
        "safeguarding indicator",
        _visit(observations=_observed(), safeguarding={"indicators": ["disclosure_of_harm"]}),
        "statutory", "statutory", safeguarding=True,
    ),
    SampleVisit(
        "safeguarding with an attempt to lower the level",
        _visit(observations=_observed(), safeguarding={"indicators": ["suspected_significant_harm"]},
               decision={"override_level": "targeted", "override_reason": "family coping well"}),
        "statutory", "statutory", safeguarding=True,
    ),
    SampleVisit(
        "a child protection plan",
        _visit(observations=_observed(), needs={"social_care_status": {"status": "child_protection"}}),
        "statutory", "statutory",
    ),
    SampleVisit(
        "an earlier child adopted",
        _visit(observations=_observed(), needs={"previous_child_removed": {"status": "past"}}),
        "statutory", "statutory",
    ),
    SampleVisit(
        "past severe mental illness, well now",
        _visit(observations=_observed(), needs={"severe_mental_illness_history": {"status": "past"}}),
        "specialist", "specialist",
    ),
    SampleVisit(
        "current domestic abuse",
        _visit(observations=_observed(), needs={"domestic_abuse": {"status": "current"}}),
        "targeted", "targeted",
    ),
    SampleVisit(
        "nothing observed is not 'no concern'",
        _visit(observations={d: {"rating": X} for d in ("warmth", "responding", "noticing_cues", *FILLER)}),
        "universal", "universal", provisional=True,
    ),
)


def check_sample(sample: SampleVisit, outcome: Any) -> str | None:
    """What differs from the expected outcome, or None."""
    got = {
        "level": outcome.level,
        "final_level": outcome.final_level,
        "urgent": outcome.urgent,
        "safeguarding": outcome.safeguarding,
        "provisional": outcome.provisional,
    }
    want = {
        "level": sample.level,
        "final_level": sample.final_level,
        "urgent": sample.urgent,
        "safeguarding": sample.safeguarding,
        "provisional": sample.provisional,
    }
    wrong = [f"{key} {got[key]!r} (expected {want[key]!r})" for key in want if got[key] != want[key]]
    return f"{sample.name}: " + ", ".join(wrong) if wrong else None
