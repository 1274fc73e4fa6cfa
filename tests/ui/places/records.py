"""Synthetic assessments for the places' tests and screenshots (made-up people, drama-range numbers)."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

BASE: dict[str, Any] = {
    "format": "pairaid.assessment/1",
    "contact": {
        "date": "2026-11-20",
        "type": "six_to_eight_weeks",
        "setting": "home",
        "practitioner": {"name": "Zoë Brontë", "role": "health_visitor", "phone": "0121 496 0100"},
    },
    "family": {
        "baby": {"name": "Nguyễn Thị Minh Khai", "date_of_birth": "2026-10-01", "nhs_number": "943 476 5919"},
        "carers": [{"name": "Nguyễn Thị Lan", "relationship": "mother", "language": "Vietnamese"}],
        "postcode": "B15 2TT",
    },
    "observations": {
        "noticing_cues": {"rating": "some_concern", "note": "Missed hunger cues twice while on the phone."},
        "warmth": {"rating": "strength", "note": "Smiled and sang to the baby <softly> & often."},
        "responding": {"rating": "no_concern"},
        "frightening": {"rating": "no_concern"},
    },
    "parent_voice": {"asked": True, "words": "I love her but I feel so tired I can't enjoy her.",
                     "wants_help": "yes", "barriers": ["fear_of_judgement"]},
    "mood": {"subject": "mother", "whooley": {"low_mood": True, "little_interest": False}},
    "needs": {"social_isolation": {"status": "current", "note": "New to Birmingham."}},
    "strengths": ["supportive_partner"],
    "decision": {"selected_services": ["acacia"], "next_steps": "Visit again in two weeks.",
                 "review_date": "2026-12-18"},
}

NAMES = ["Łukasz Wójcik", "محمد عبد الله", "রহমান চক্রবর্তী", "Şükrü Öztürk", "Zoë Brontë"]
NHS_NUMBERS = ["401 023 2137", "900 000 0009", "943 476 5919"]


def assessment(name: str | None = None, visit: dt.date | None = None, **changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(BASE)
    if name:
        data["family"]["baby"]["name"] = name
    if visit:
        data["contact"]["date"] = visit.isoformat()
    for dotted, value in changes.items():
        node = data
        keys = dotted.split("__")
        for key in keys[:-1]:
            node = node.setdefault(key, {})
        node[keys[-1]] = value
    return data


def finalise(store: Any, pathway: Any, data: dict[str, Any]) -> str:
    """Save `data` as a draft in `store` and finalise it with the pathway's outcome; return its id."""
    from pairaid.core.assess import assess_with_pathway
    from pairaid.core.assessment import parse_assessment
    from pairaid.store import RecordSummary

    assessment = parse_assessment(data)
    outcome = assess_with_pathway(assessment, pathway)
    info = store.create_draft(data, summary=RecordSummary.from_draft(data, outcome))
    store.finalise(info.id, info.version, assessment, outcome, pathway_id=pathway.pathway.id,
                   pathway_version=pathway.pathway.version)
    return info.id
