"""What differs between two copies of one record, in the words of the visit's screens: "Observations — Noticing
the baby's signals: rating: Some concern / No concern". Used when a record was changed on this computer and in a
bundle since they last met, so the practitioner can choose which copy to keep knowing what the other one loses.

Works on the stored dicts (a draft may be incomplete or hold values an older version wrote), so any value is
accepted and an id with no label is shown as written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pairaid.core.framework import Framework

SECTIONS: dict[str, str] = {
    "contact": "Visit", "family": "Family", "observations": "Observations", "parent_voice": "Parent's voice",
    "mood": "Mood", "needs": "Other needs", "strengths": "Strengths", "safeguarding": "Safeguarding",
    "consent": "Consent and sharing", "decision": "Decision",
}
_IGNORED = frozenset({"id", "format"})  # the copy's own id and the file format say nothing about the family
NOTHING = "nothing recorded"
MAX_TEXT = 160  # characters of a note shown in a difference; the reader sees the whole in each copy

_FIELDS: dict[str, str] = {
    "date": "date", "type": "type of contact", "setting": "setting", "practitioner": "practitioner",
    "present": "who was present", "interpreter_used": "interpreter used", "team": "team", "phone": "phone",
    "email": "email", "role": "role", "baby": "baby", "date_of_birth": "date of birth", "due_date": "due date",
    "nhs_number": "NHS number", "born_before_37_weeks": "born before 37 weeks", "gestation_weeks":
    "weeks of gestation", "household": "household member", "carers": "carer", "relationship": "relationship",
    "age": "age", "parental_responsibility": "parental responsibility", "language": "language",
    "interpreter_needed": "interpreter needed", "postcode": "postcode", "gp_practice": "GP practice",
    "rating": "rating", "note": "note", "asked": "asked about the relationship", "words": "the parent's own words",
    "wants_help": "wants help", "barriers": "what stops them asking", "subject": "whose mood",
    "whooley": "Whooley questions", "low_mood": "low mood", "little_interest": "little interest", "gad2": "GAD-2",
    "nervous": "nervous", "worrying": "worrying", "epds": "EPDS", "total": "total", "self_harm_item":
    "self-harm item", "status": "status", "social_care_status": "social care", "indicators": "indicators",
    "discussed_with": "discussed with", "family_agrees": "family agrees", "sharing_basis": "basis for sharing",
    "family_told": "family told", "override_level": "level chosen", "override_reason": "reason for the level chosen",
    "override_by": "level chosen by", "selected_services": "services chosen", "next_steps": "next steps",
    "review_date": "review date", "action_taken": "action taken", "provisional_reason": "why the level is provisional",
    "name": "name",
}
# Which framework labels name the values of a field (by the field's last key, or section for lists).
_VALUE_KINDS: dict[str, str] = {
    "type": "contact_types", "setting": "settings", "role": "roles", "wants_help": "wants_help",
    "barriers": "barriers", "strengths": "strengths", "indicators": "safeguarding_indicators",
    "override_level": "levels",
}


@dataclass(frozen=True, kw_only=True)
class Difference:
    section: str  # "Observations"
    field: str  # "Noticing the baby's signals: rating"
    this_computer: str  # the value in this computer's copy, in words
    bundle: str  # the value in the bundle's copy, in words


def record_differences(this_computer: dict[str, Any], bundle: dict[str, Any],
                       framework: Framework) -> list[Difference]:
    """Every field whose value differs between the two copies, in the order of the visit's sections."""
    ours, theirs = _flatten(this_computer), _flatten(bundle)
    found: list[Difference] = []
    for path in _ordered(set(ours) | set(theirs)):
        a, b = ours.get(path), theirs.get(path)
        if (_empty(a) and _empty(b)) or a == b:
            continue
        found.append(Difference(section=SECTIONS.get(str(path[0]), _words(str(path[0])).capitalize()),
                                field=_field(path, framework), this_computer=_value(path, a, framework),
                                bundle=_value(path, b, framework)))
    return found


def _flatten(data: Any, prefix: tuple[str | int, ...] = ()) -> dict[tuple[str | int, ...], Any]:
    """Leaves by path; a list of plain values (strengths, indicators) is one leaf, a list of objects is walked."""
    if isinstance(data, dict):
        out: dict[tuple[str | int, ...], Any] = {}
        for key, value in data.items():
            if not prefix and key in _IGNORED:
                continue
            out.update(_flatten(value, (*prefix, str(key))))
        return out
    if isinstance(data, list) and any(isinstance(item, dict) for item in data):
        out = {}
        for index, item in enumerate(data):
            out.update(_flatten(item, (*prefix, index)))
        return out
    return {prefix: data}


def _ordered(paths: set[tuple[str | int, ...]]) -> list[tuple[str | int, ...]]:
    order = list(SECTIONS)

    def key(path: tuple[str | int, ...]) -> tuple[int, str]:
        first = str(path[0])
        # Within a field, its rating or status before its note (the note explains the rating).
        parts = ("~note" if p == "note" else str(p).zfill(4) for p in path)
        return (order.index(first) if first in order else len(order), ".".join(parts))

    return sorted(paths, key=key)


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _words(key: str) -> str:
    return _FIELDS.get(key, key.replace("_", " "))


def _label(framework: Framework, kind: str, value: str) -> str:
    try:
        return framework.label(kind, value)
    except KeyError:
        return value


def _field(path: tuple[str | int, ...], framework: Framework) -> str:
    section, rest = str(path[0]), path[1:]
    parts: list[str] = []
    for index, part in enumerate(rest):
        if isinstance(part, int):
            if parts:
                parts[-1] = f"{parts[-1]} {part + 1}"
            continue
        if index == 0 and section == "observations":
            try:
                parts.append(framework.domain_title(part))
                continue
            except KeyError:
                pass
        if index == 0 and section == "needs" and part != "social_care_status":
            parts.append(_label(framework, "needs", part))
            continue
        parts.append(_words(part))
    if not parts:
        return SECTIONS.get(section, _words(section))
    text = ": ".join(parts)
    return text[:1].upper() + text[1:]


def _value(path: tuple[str | int, ...], value: Any, framework: Framework) -> str:
    if _empty(value):
        return NOTHING
    if isinstance(value, bool):
        return "Yes" if value else "No"
    last = str(path[-1]) if not isinstance(path[-1], int) else str(path[-2])
    section = str(path[0])
    kind = _VALUE_KINDS.get(last) or _VALUE_KINDS.get(section)
    if section == "observations" and last == "rating" and len(path) > 1:
        try:
            return framework.rating_label(str(path[1]), str(value))
        except KeyError:
            return str(value)
    if section == "needs" and last == "status":
        kind = "social_care_statuses" if path[1] == "social_care_status" else "need_statuses"
    if isinstance(value, list):
        return ", ".join(_label(framework, kind, str(v)) if kind else str(v) for v in value)
    if kind and isinstance(value, str):
        return _label(framework, kind, value)
    text = str(value)
    if isinstance(value, str) and len(text) > 20:
        shown = text if len(text) <= MAX_TEXT else text[:MAX_TEXT].rstrip() + "…"
        return f"“{shown}”"
    return text
