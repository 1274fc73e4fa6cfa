"""The one de-identification of a record, shared by the supervision PDF and the supervision bundle so the two
can never disagree (summaries.md, "Supervision copy and supervision bundle").

What it removes, in every free-text string:
- every name the record knows (baby, carers, household members, practitioner, recipient, GP practice) in any
  case, with or without accents, as whole words and as possessives ("Zoe's"): each person becomes the same
  initials everywhere ("Z.B."); a name part two people share (a family name) becomes its own initial;
- NHS numbers, postcodes, phone numbers, email addresses, dates in any common written form, street addresses;
- words the practitioner marked by hand (a neighbour's name the record does not know).

`Deidentifier.removals` lists what would be removed and where, so a preview can highlight each removal; `text`
and `tree` apply them; `record` de-identifies a whole assessment dict for a bundle (structured dates become
ages or weeks, identifiers go, the record id becomes a short reference).

Pure: plain dicts and strings in, new dicts and strings out.
"""

from __future__ import annotations

import copy
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from pairaid.core.stage import age_in_weeks

MARKED = "[removed]"
# Placeholders by kind of identifier (names use initials instead).
PLACEHOLDERS: dict[str, str] = {
    "email": "[email]",
    "phone": "[phone]",
    "nhs_number": "[NHS number]",
    "postcode": "[postcode]",
    "date": "[date]",
    "address": "[address]",
    "marked": MARKED,
}
REFERENCE_LENGTH = 8

# Letters NFKD does not split into a base letter and an accent.
_FOLD_EXTRA = str.maketrans({"ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ı": "i", "ħ": "h",
                             "ŧ": "t", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ß": "ss", "’": "'"})
# A "word character" for whole-word matching: letters, digits and the marks of Indic and Arabic scripts.
_WORD = r"\w\u0900-\u0dff\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DAY = r"(?:[0-2]?\d|3[01])(?:st|nd|rd|th)?"
_STREETS = ("Road|Street|Avenue|Lane|Close|Drive|Way|Crescent|Grove|Place|Court|Gardens|Walk|Terrace|Rise|Hill|"
            "Green|Park|Row|Rd|St|Ave")
# (kind, pattern) in priority order: where two overlap, the longer wins, then the earlier kind.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("email", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    # A house number, up to four words, then a capitalised street word: "12a Acacia Road", "3 St Mary's Row".
    ("address", re.compile(rf"(?<![{_WORD}])\d{{1,4}}[A-Za-z]?,?\s+(?:[^\W\d_][\w'’-]*\s+){{0,4}}(?:{_STREETS})\b")),
    ("date", re.compile(r"(?<!\d)(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2}))(?!\d)")),
    ("date", re.compile(rf"\b{_DAY}(?:\s+of)?\s+{_MONTH}(?:,?\s+\d{{4}})?\b", re.IGNORECASE)),
    ("date", re.compile(rf"\b{_MONTH}\s+{_DAY}(?:,?\s+\d{{4}})?(?![\d])", re.IGNORECASE)),
    ("date", re.compile(rf"\b{_MONTH}\s+\d{{4}}\b", re.IGNORECASE)),
    ("phone", re.compile(r"(?<![\w/])(?:\+44\s?\(?0?\)?\s?|0)\d(?:[\s-]?\d){8,9}(?![\w/])")),
    ("nhs_number", re.compile(r"(?<![\w/-])\d{3}[\s-]?\d{3}[\s-]?\d{4}(?![\w/-])")),
    ("postcode", re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.IGNORECASE)),
)
# Keys whose values are identifiers from the contract, never free text: left as they are.
_ID_KEYS = frozenset({"format", "type", "setting", "role", "rating", "status", "wants_help", "subject",
                      "family_agrees", "sharing_basis", "override_level", "level", "final_level", "rule",
                      "from_level", "to_level", "id"})


@dataclass(frozen=True)
class Removal:
    """One stretch of text to remove: characters [start, end) of the original, and what replaces them."""

    start: int
    end: int
    kind: str
    replacement: str


def initials(name: str | None) -> str | None:
    """"Nguyễn Thị Minh Khai" -> "N.T.M.K."; None for no name."""
    if not name or not name.strip():
        return None
    return "".join(f"{part[0].upper()}." for part in name.split())


def short_reference(record_id: str) -> str:
    """The short reference printed instead of the full record id; `Store.resolve_id` finds the record."""
    return record_id.replace("-", "")[:REFERENCE_LENGTH].lower()


def fold(text: str) -> str:
    """Lower case without accents: "Zoë Łucja" -> "zoe lucja"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD_EXTRA))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _folded_with_origins(text: str) -> tuple[str, list[int]]:
    """`fold(text)` character by character, with the index in `text` each folded character came from."""
    out: list[str] = []
    origins: list[int] = []
    for index, ch in enumerate(text):
        folded = fold(ch)
        out.append(folded)
        origins.extend([index] * len(folded))
    return "".join(out), origins


def _dig(data: Mapping[str, Any], *keys: str) -> Any:
    value: Any = data
    for key in keys:
        if not isinstance(value, Mapping):
            return None
        value = value.get(key)
    return value


def known_names(data: Mapping[str, Any]) -> list[str]:
    """Every name an assessment dict holds: baby, carers, household, practitioner and GP practice."""
    return [*_people(data), *_places(data)]


def _people(data: Mapping[str, Any]) -> list[str]:
    """Names of people: each part of one (a first name alone) also identifies them."""
    names = [_dig(data, "family", "baby", "name"), _dig(data, "contact", "practitioner", "name")]
    for key in ("carers", "household"):
        people = _dig(data, "family", key)
        if isinstance(people, list):
            names += [p.get("name") for p in people if isinstance(p, Mapping)]
    return [n.strip() for n in names if isinstance(n, str) and n.strip()]


def _places(data: Mapping[str, Any]) -> list[str]:
    """Names matched only whole: "Elm Tree Surgery" goes, the word "surgery" stays."""
    gp = _dig(data, "family", "gp_practice")
    return [gp.strip()] if isinstance(gp, str) and gp.strip() else []


class Deidentifier:
    """What one record's supervision copy and bundle leave out (see the module docstring)."""

    def __init__(self, names: Iterable[str], also_remove: Iterable[str] = (), *, parts: bool = True,
                 whole: Iterable[str] = ()) -> None:
        """`names`: people, whose each part also counts as the name when `parts`; `whole`: names matched only
        whole (a GP practice, a recipient such as "Perinatal mental health team")."""
        self.names = sorted({n.strip() for n in names if n and n.strip()}, key=len, reverse=True)
        self.also_remove = tuple(dict.fromkeys(w.strip() for w in also_remove if w and w.strip()))
        # folded term -> replacement; whole names first, then each part of two or more letters.
        terms: dict[str, str] = {}
        owners: dict[str, set[str]] = {}
        for name in whole:
            if name and name.strip():
                terms.setdefault(fold(name.strip()), initials(name) or "")
        for name in self.names:
            terms.setdefault(fold(name), initials(name) or "")
            for part in name.split() if parts else ():
                if len(part) >= 2:
                    owners.setdefault(fold(part), set()).add(name)
        for name in self.names if parts else ():
            for part in name.split():
                key = fold(part)
                if len(part) >= 2 and key not in terms:
                    shared = len(owners[key]) > 1
                    terms[key] = f"{part[0].upper()}." if shared else initials(name) or ""
        self._names = terms
        self._marked = {fold(w): MARKED for w in self.also_remove}
        self._name_re = self._alternation(terms)
        self._marked_re = self._alternation(self._marked)

    @classmethod
    def for_record(cls, data: Mapping[str, Any], *, recipient: str | None = None,
                   also_remove: Iterable[str] = ()) -> Deidentifier:
        """For an assessment dict (`Assessment.model_dump(mode="json")` or a stored record's data)."""
        return cls(_people(data), also_remove, whole=[*_places(data), *([recipient] if recipient else [])])

    @staticmethod
    def _alternation(terms: Mapping[str, str]) -> re.Pattern[str] | None:
        if not terms:
            return None
        alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
        # "Zoes" or "Brontës" without the apostrophe still count as the name (a possessive typed in a hurry).
        return re.compile(rf"(?<![{_WORD}])(?P<term>{alternatives})(?P<s>s?)(?![{_WORD}])")

    def initials_of(self, name: str | None) -> str | None:
        return initials(name)

    # finding -----------------------------------------------------------------------------------------------

    def removals(self, text: str) -> list[Removal]:
        """Every removal in `text`, in order, never overlapping."""
        found: list[tuple[int, int, int, str, str]] = []  # start, end, priority, kind, replacement
        for priority, (kind, pattern) in enumerate(_PATTERNS):
            for m in pattern.finditer(text):
                found.append((m.start(), m.end(), priority, kind, PLACEHOLDERS[kind]))
        if self._name_re is not None or self._marked_re is not None:
            folded, origins = _folded_with_origins(text)
            for kind, words_re, table, priority in (("marked", self._marked_re, self._marked, -2),
                                                    ("name", self._name_re, self._names, -1)):
                if words_re is None:
                    continue
                for m in words_re.finditer(folded):
                    start = origins[m.start()]
                    end = origins[m.end() - 1] + 1
                    while end < len(text) and not fold(text[end]):  # a combining accent after the last letter
                        end += 1
                    replacement = table[m.group("term")] + ("'s" if m.group("s") else "")
                    found.append((start, end, priority, kind, replacement))
        found.sort(key=lambda f: (f[0], -(f[1] - f[0]), f[2]))
        out: list[Removal] = []
        for start, end, _, kind, replacement in found:
            if out and start < out[-1].end:
                continue
            out.append(Removal(start, end, kind, replacement))
        return out

    # applying ----------------------------------------------------------------------------------------------

    def text(self, text: str) -> str:
        parts: list[str] = []
        at = 0
        for r in self.removals(text):
            parts += [text[at:r.start], r.replacement]
            at = r.end
        parts.append(text[at:])
        return "".join(parts)

    def optional(self, text: str | None) -> str | None:
        return self.text(text) if text else text

    def tree(self, value: Any) -> Any:
        """A copy of a JSON-like value with `text` applied to every free-text string."""
        if isinstance(value, Mapping):
            return {k: v if k in _ID_KEYS else self.tree(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.tree(v) for v in value]
        if isinstance(value, str):
            return self.text(value)
        return value

    def record(self, data: Mapping[str, Any], *, on: date | None = None) -> dict[str, Any]:
        """A supervision copy of an assessment dict. Not a valid `pairaid.assessment/1` file (no dates, no
        identifiers): for reading only. `on` is the date ages are counted to when the record has no visit date."""
        visit = _as_date(_dig(data, "contact", "date")) or on or date.today()
        out: dict[str, Any] = self.tree(copy.deepcopy(dict(data)))
        if isinstance(data.get("id"), str):
            out["id"] = short_reference(data["id"])
        contact = out.get("contact")
        if isinstance(contact, dict):
            contact.pop("date", None)
            practitioner = contact.get("practitioner")
            if isinstance(practitioner, dict):
                for key in ("phone", "email"):
                    practitioner.pop(key, None)
        family = out.get("family")
        if isinstance(family, dict):
            family.pop("postcode", None)
            family.pop("gp_practice", None)
            baby = family.get("baby")
            if isinstance(baby, dict):
                baby.pop("nhs_number", None)
                born = _as_date(_dig(data, "family", "baby", "date_of_birth"))
                due = _as_date(_dig(data, "family", "baby", "due_date"))
                baby.pop("date_of_birth", None)
                baby.pop("due_date", None)
                if born is not None:
                    baby["age_weeks"] = age_in_weeks(born, visit)
                if due is not None:
                    baby["weeks_until_due"] = (due - visit).days // 7
                if baby.get("name") is None:
                    baby.pop("name", None)
        epds = _dig(out, "mood", "epds")
        if isinstance(epds, dict):
            epds.pop("date", None)
        decision = out.get("decision")
        review = _as_date(_dig(data, "decision", "review_date"))
        if isinstance(decision, dict):
            decision.pop("review_date", None)
            if review is not None:
                decision["review_in_weeks"] = max(0, (review - visit).days // 7)
        return out


def _as_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def deidentify(data: Mapping[str, Any], *, on: date | None = None, also_remove: Sequence[str] = ()) -> dict[str, Any]:
    """`Deidentifier.for_record(data, also_remove=...).record(data, on=on)`."""
    return Deidentifier.for_record(data, also_remove=also_remove).record(data, on=on)
