"""De-identify an assessment for supervision (the exported supervision bundle and the supervision PDF).

Pure: takes and returns JSON-like dicts. What leaves: names become initials, the date of birth becomes the age
in completed weeks at the visit (and the due date weeks until due), no NHS number, no postcode, no GP practice.
Free text anywhere in the record (notes, the parent's words, reasons) has the family's names replaced by their
initials and phone numbers, NHS numbers, postcodes and email addresses replaced by "[removed]". The
practitioner block is kept: it names the professional, not the family.

The result is not a valid `pairaid.assessment/1` file (it has no date of birth): it is for reading only.
"""

from __future__ import annotations

import copy
import re
from datetime import date
from typing import Any

from pairaid.core.stage import age_in_weeks

REMOVED = "[removed]"

_PATTERNS = (
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),  # email
    re.compile(r"(?<![\w/])(?:\+44\s?\(?0?\)?\s?|0)\d(?:[\s-]?\d){8,9}(?![\w/])"),  # UK phone
    re.compile(r"(?<![\w/-])\d{3}[\s-]?\d{3}[\s-]?\d{4}(?![\w/-])"),  # NHS number
    re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.IGNORECASE),  # postcode
)
# Keys whose values are identifiers from the contract, never free text: left as they are.
_ID_KEYS = frozenset({"format", "id", "type", "setting", "role", "rating", "status", "wants_help", "subject",
                      "family_agrees", "sharing_basis", "override_level", "level", "final_level", "rule"})


def initials(name: str | None) -> str | None:
    """"Nguyễn Thị Minh Khai" -> "N.T.M.K."; None for no name."""
    if not name or not name.strip():
        return None
    return "".join(f"{part[0].upper()}." for part in name.split())


def identifying_names(data: dict[str, Any]) -> list[str]:
    """The family's names held in an assessment dict (baby and carers), longest first."""
    family = data.get("family") if isinstance(data.get("family"), dict) else {}
    names: list[str] = []
    baby = family.get("baby") if isinstance(family.get("baby"), dict) else {}
    if isinstance(baby.get("name"), str):
        names.append(baby["name"])
    for carer in family.get("carers") or []:
        if isinstance(carer, dict) and isinstance(carer.get("name"), str):
            names.append(carer["name"])
    return sorted({n.strip() for n in names if n and n.strip()}, key=len, reverse=True)


def scrub_text(text: str, names: list[str] | tuple[str, ...] = ()) -> str:
    """Free text with the given names as initials (whole name, then each part of two or more letters) and
    contact details and numbers that identify a person removed."""
    for pattern in _PATTERNS:
        text = pattern.sub(REMOVED, text)
    for name in names:
        text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", initials(name) or "", text, flags=re.IGNORECASE)
    for name in names:
        for part in name.split():
            if len(part) >= 2:
                text = re.sub(rf"(?<!\w){re.escape(part)}(?!\w)", f"{part[0].upper()}.", text,
                              flags=re.IGNORECASE)
    return text


def scrub_tree(value: Any, names: list[str] | tuple[str, ...] = ()) -> Any:
    """A copy of a JSON-like value with `scrub_text` applied to every free-text string."""
    if isinstance(value, dict):
        return {k: v if k in _ID_KEYS else scrub_tree(v, names) for k, v in value.items()}
    if isinstance(value, list):
        return [scrub_tree(v, names) for v in value]
    if isinstance(value, str):
        return scrub_text(value, names)
    return value


def _as_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def deidentify(data: dict[str, Any], *, on: date | None = None) -> dict[str, Any]:
    """A supervision copy of an assessment dict (see the module docstring). `on` is the date ages are
    counted to when the record has no visit date."""
    names = identifying_names(data)
    source = copy.deepcopy(data)
    contact = source.get("contact") if isinstance(source.get("contact"), dict) else None
    practitioner = contact.pop("practitioner", None) if contact is not None else None
    out = scrub_tree(source, names)
    if contact is not None and practitioner is not None:
        out["contact"]["practitioner"] = practitioner
    visit = _as_date(contact.get("date") if contact else None) or on or date.today()

    family = out.get("family")
    if isinstance(family, dict):
        family.pop("postcode", None)
        family.pop("gp_practice", None)
        original_family = data.get("family") if isinstance(data.get("family"), dict) else {}
        baby = family.get("baby")
        if isinstance(baby, dict):
            original_baby = original_family.get("baby") if isinstance(original_family.get("baby"), dict) else {}
            baby["name"] = initials(original_baby.get("name"))
            baby.pop("nhs_number", None)
            born = _as_date(baby.pop("date_of_birth", None))
            due = _as_date(baby.pop("due_date", None))
            if born is not None:
                baby["age_weeks"] = age_in_weeks(born, visit)
            if due is not None:
                baby["weeks_until_due"] = (due - visit).days // 7
            if baby["name"] is None:
                del baby["name"]
        carers = family.get("carers")
        original_carers = original_family.get("carers") or []
        if isinstance(carers, list):
            for carer, original in zip(carers, original_carers, strict=False):
                if isinstance(carer, dict) and isinstance(original, dict) and original.get("name"):
                    carer["name"] = initials(original["name"])
    return out
