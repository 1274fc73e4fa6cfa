"""Rows in and out of the records table: columns read by name (sqlite3.Row), values encoded one way."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, date, datetime
from typing import Any

from pairaid.core.nhs_number import normalise_nhs_number
from pairaid.store.models import RecordInfo, RecordSummary, search_key

_STORED = ("id", "version", "status", "created_at", "updated_at", "baby_name", "nhs_number", "visit_date",
           "contact_type", "suggested_level", "final_level", "urgent", "safeguarding", "amendment_of", "amended_by",
           "deidentified", "conflict_of")
# Signed off: a final record with a verified review that signed off exactly its current content. A review of
# other content (an earlier draft, a different copy) or from an unverified sender never counts.
_SIGNED_OFF = (
    "(r.status = 'final' AND r.content_sha IS NOT NULL AND EXISTS (SELECT 1 FROM reviews v WHERE "
    "v.record_id = r.id AND v.signed_off = 1 AND v.verified = 1 AND v.content_sha = r.content_sha)) AS signed_off"
)
# The newest bundle's copy waiting beside a record (schema v4's partial index finds it without a scan).
_CONFLICT_COPY = (
    "(SELECT c.id FROM records c INDEXED BY records_conflict_of WHERE c.conflict_of = r.id "
    "ORDER BY c.updated_at DESC LIMIT 1) AS conflict_copy"
)
# The columns of a RecordInfo, for a query that names the records table `r`.
INFO_COLUMNS = ", ".join(f"r.{c}" for c in _STORED) + ", " + _SIGNED_OFF + ", " + _CONFLICT_COPY
RECORD_COLUMNS = INFO_COLUMNS + ", r.finalised_at, r.pathway_id, r.pathway_version, r.content_sha, b.data, b.outcome"

# The searchable columns a RecordSummary sets, in the order summary_values gives them.
SUMMARY_SET = (
    "baby_name = ?, name_key = ?, nhs_number = ?, visit_date = ?, contact_type = ?, suggested_level = ?, "
    "final_level = ?, urgent = ?, safeguarding = ?"
)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def parse_time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def stamp(text: str) -> datetime:
    """A time that is always set (created_at, updated_at, a review's or an event's time)."""
    return datetime.fromisoformat(text)


def _json_default(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"a draft holds JSON values only, not {type(value).__name__}")


def encode(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=_json_default)


def info_fields(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "id": row["id"],
        "version": row["version"],
        "status": row["status"],
        "created_at": stamp(row["created_at"]),
        "updated_at": stamp(row["updated_at"]),
        "baby_name": row["baby_name"],
        "nhs_number": row["nhs_number"],
        "visit_date": row["visit_date"],
        "contact_type": row["contact_type"],
        "suggested_level": row["suggested_level"],
        "final_level": row["final_level"],
        "urgent": bool(row["urgent"]),
        "safeguarding": bool(row["safeguarding"]),
        "amendment_of": row["amendment_of"],
        "amended_by": row["amended_by"],
        "signed_off": bool(row["signed_off"]),
        "deidentified": bool(row["deidentified"]),
        "conflict_of": row["conflict_of"],
        "conflict_copy": row["conflict_copy"],
    }


def content_fingerprint(data: Any, outcome: Any) -> str:
    """SHA-256 of a record's content: its data and outcome as canonical JSON (the same on every computer)."""
    from pairaid.core.canonical import sha256_hex  # here: importing pydantic with the store slows start-up

    return sha256_hex({"data": data, "outcome": outcome})


def content_fingerprint_of_text(data: str, outcome: str | None) -> str:
    """content_fingerprint of a stored body (registered in SQLite as pairaid_content_sha)."""
    return content_fingerprint(json.loads(data), json.loads(outcome) if outcome else None)


def info(row: sqlite3.Row) -> RecordInfo:
    return RecordInfo(**info_fields(row))


def summary_values(summary: RecordSummary) -> tuple[Any, ...]:
    """The values for SUMMARY_SET (and for an INSERT naming the same columns in the same order)."""
    return (
        summary.baby_name,
        search_key(summary.baby_name),
        normalise_nhs_number(summary.nhs_number) if summary.nhs_number else None,
        summary.visit_date,
        summary.contact_type,
        summary.suggested_level,
        summary.final_level,
        int(summary.urgent),
        int(summary.safeguarding),
    )


def summary_of(record: RecordInfo) -> RecordSummary:
    """The searchable columns of a record as it is stored."""
    return RecordSummary(
        baby_name=record.baby_name, nhs_number=record.nhs_number, visit_date=record.visit_date,
        contact_type=record.contact_type, suggested_level=record.suggested_level, final_level=record.final_level,
        urgent=record.urgent, safeguarding=record.safeguarding,
    )
