"""What the store hands out: plain frozen dataclasses, no database handles."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from pairaid.core.nhs_number import normalise_nhs_number

Status = Literal["draft", "final", "amended"]
Verdict = Literal["agree", "challenge"]


def search_key(text: str | None) -> str:
    """Name as compared by search: accents and case folded, spaces collapsed ("Zoë  BRONTË" -> "zoe bronte")."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def dig(data: Any, *keys: str) -> Any:
    """data[k1][k2]… through nested dicts; None where a level is missing or not a dict (stored records and
    de-identified bundles may lack any part)."""
    for key in keys:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


@dataclass(frozen=True, kw_only=True)
class RecordSummary:
    """The searchable columns of a record, computed by the caller (the store holds no rule logic)."""

    baby_name: str | None = None
    nhs_number: str | None = None  # digits only
    visit_date: str | None = None  # ISO date
    contact_type: str | None = None
    suggested_level: str | None = None
    final_level: str | None = None
    urgent: bool = False
    safeguarding: bool = False

    @classmethod
    def from_draft(cls, data: dict[str, Any], outcome: Any = None) -> RecordSummary:
        """Columns read from a draft dict (missing or odd values become None) and, when given, its
        `pairaid.core.outcome.Outcome` (or that outcome as a dict)."""
        if outcome is not None and not isinstance(outcome, dict):
            outcome = outcome.model_dump(mode="json")
        outcome = outcome or {}
        nhs = dig(data, "family", "baby", "nhs_number")
        name = dig(data, "family", "baby", "name")
        visit = dig(data, "contact", "date")
        contact_type = dig(data, "contact", "type")
        return cls(
            baby_name=name.strip() or None if isinstance(name, str) else None,
            nhs_number=normalise_nhs_number(nhs) or None if isinstance(nhs, str) else None,
            visit_date=str(visit) if visit else None,
            contact_type=contact_type if isinstance(contact_type, str) else None,
            suggested_level=outcome.get("level"),
            final_level=outcome.get("final_level"),
            urgent=bool(outcome.get("urgent", False)),
            safeguarding=bool(outcome.get("safeguarding", False)),
        )


@dataclass(frozen=True, kw_only=True)
class RecordInfo:
    """One line of the history: enough to list, search and reopen a record."""

    id: str
    version: int
    status: Status
    created_at: datetime
    updated_at: datetime
    baby_name: str | None
    nhs_number: str | None
    visit_date: str | None
    contact_type: str | None
    suggested_level: str | None
    final_level: str | None
    urgent: bool
    safeguarding: bool
    amendment_of: str | None  # the final record this draft or final corrects
    amended_by: str | None  # the amendment that supersedes this record (status "amended")
    signed_off: bool  # a verified review signed off this final record's current content
    deidentified: bool  # imported from a supervision bundle: no identifiers held
    conflict_of: str | None = None  # a copy from a bundle that diverged from this record: resolve_conflict
    conflict_copy: str | None = None  # on the record: the id of a bundle's copy waiting beside it

    @property
    def in_conflict(self) -> bool:
        """A bundle's copy of this record is waiting for the user to choose, or this is that copy."""
        return self.conflict_of is not None or self.conflict_copy is not None

    @property
    def read_only(self) -> bool:
        return self.status != "draft" or self.deidentified or self.conflict_of is not None


@dataclass(frozen=True, kw_only=True)
class Review:
    id: str
    record_id: str
    record_version: int
    at: datetime
    reviewer: str
    verdict: Verdict
    comment: str
    suggested_level: str | None
    signed_off: bool
    content_sha: str | None = None  # the fingerprint of the content reviewed
    verified: bool = True  # made here, or from a bundle signed by a trusted key


@dataclass(frozen=True, kw_only=True)
class Record(RecordInfo):
    """A whole record: the draft or final assessment dict, its outcome once final, its reviews."""

    data: dict[str, Any]
    outcome: dict[str, Any] | None = None
    reviews: list[Review] = field(default_factory=list)
    finalised_at: datetime | None = None
    pathway_id: str | None = None
    pathway_version: str | None = None
    content_sha: str | None = None  # see RecordInfo.signed_off


@dataclass(frozen=True, kw_only=True)
class AuditEvent:
    id: int
    record_id: str
    at: datetime
    kind: str
    detail: dict[str, Any]
