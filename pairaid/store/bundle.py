"""Export bundles (`.pairaid` files): one record, its outcome and reviews, sealed with a SHA-256.

Shape (JSON, UTF-8)::

    {"format": "pairaid.bundle/1", "exported_at": ISO time, "app_version": "0.1.0", "deidentified": false,
     "pathway": {"id": "birmingham", "version": "2026.1"} | null,
     "record": {"id", "version", "status", "created_at", "updated_at", "finalised_at", "amendment_of",
                "amended_by", "signed_off", "summary": {RecordSummary fields}, "data": {...}},
     "outcome": {...} | null, "reviews": [{Review fields}],
     "sha256": SHA-256 of the canonical JSON (pairaid.core.canonical) of everything above}

A supervision bundle (`deidentified: true`) holds the output of pairaid.core.deidentify (the same
de-identification as the supervision PDF) instead of the record's own data: initials, ages in weeks, no NHS
number, postcode, dates, addresses or contact details, nor the words the practitioner marked to remove.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from pairaid import __version__
from pairaid.core import vocab
from pairaid.core.canonical import sha256_hex
from pairaid.core.deidentify import Deidentifier
from pairaid.core.errors import format_validation_error
from pairaid.store.errors import BundleError
from pairaid.store.models import Record, RecordSummary
from pairaid.store.paths import FILE_MODE

FORMAT = "pairaid.bundle/1"
SUFFIX = ".pairaid"
MAX_BYTES = 20 * 1024 * 1024


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class BundleSummary(_Model):
    baby_name: str | None = None
    nhs_number: str | None = None
    visit_date: str | None = None
    contact_type: str | None = None
    suggested_level: vocab.Level | None = None
    final_level: vocab.Level | None = None
    urgent: bool = False
    safeguarding: bool = False


class BundleRecord(_Model):
    id: str
    version: int
    status: Literal["draft", "final", "amended"]
    created_at: datetime
    updated_at: datetime
    finalised_at: datetime | None = None
    amendment_of: str | None = None
    amended_by: str | None = None
    signed_off: bool = False
    summary: BundleSummary
    data: dict[str, Any]


class BundleReview(_Model):
    id: str
    record_id: str
    record_version: int
    at: datetime
    reviewer: str
    verdict: Literal["agree", "challenge"]
    comment: str
    suggested_level: vocab.Level | None = None
    signed_off: bool = False


class BundlePathway(_Model):
    id: str
    version: str | None = None


class Bundle(_Model):
    format: Literal["pairaid.bundle/1"]
    exported_at: datetime
    app_version: str
    deidentified: bool
    pathway: BundlePathway | None = None
    record: BundleRecord
    outcome: dict[str, Any] | None = None
    reviews: list[BundleReview]
    sha256: str


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def make_bundle(record: Record, *, supervision: bool = False, also_remove: Sequence[str] = ()) -> dict[str, Any]:
    """The sealed bundle for `record`; `supervision` de-identifies it, also removing the words `also_remove`."""
    data, outcome = record.data, record.outcome
    reviews = [{**asdict(r), "at": r.at.isoformat()} for r in record.reviews]
    summary = {
        "baby_name": record.baby_name, "nhs_number": record.nhs_number, "visit_date": record.visit_date,
        "contact_type": record.contact_type, "suggested_level": record.suggested_level,
        "final_level": record.final_level, "urgent": record.urgent, "safeguarding": record.safeguarding,
    }
    if supervision and not record.deidentified:
        deid = Deidentifier.for_record(data, also_remove=also_remove)
        data = deid.record(data, on=record.updated_at.date())
        outcome = deid.tree(outcome) if outcome is not None else None
        for review in reviews:
            review["comment"] = deid.text(review["comment"])
        summary.update(baby_name=deid.initials_of(record.baby_name), nhs_number=None, visit_date=None)
    body: dict[str, Any] = {
        "format": FORMAT,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "app_version": __version__,
        "deidentified": bool(supervision or record.deidentified),
        "pathway": {"id": record.pathway_id, "version": record.pathway_version} if record.pathway_id else None,
        "record": {
            "id": record.id, "version": record.version, "status": record.status,
            "created_at": _iso(record.created_at), "updated_at": _iso(record.updated_at),
            "finalised_at": _iso(record.finalised_at), "amendment_of": record.amendment_of,
            "amended_by": record.amended_by, "signed_off": record.signed_off, "summary": summary, "data": data,
        },
        "outcome": outcome,
        "reviews": reviews,
    }
    return {**body, "sha256": sha256_hex(body)}


def write_bundle(bundle: dict[str, Any], path: Path) -> Path:
    """Write through a temporary file in the same folder and rename, so a crash never leaves half a bundle."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(bundle, handle, ensure_ascii=False, indent=1)
        handle.write("\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
    return path


def read_bundle(path: Path) -> Bundle:
    """Read and check a bundle; BundleError says plainly what is wrong with it."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise BundleError(f"{path}: too large to be a pairaid bundle")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise BundleError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise BundleError(f"{path}: is a folder, not a bundle file") from None
    try:
        value = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise BundleError(f"{path}: not a pairaid bundle (not a text file)") from None
    except json.JSONDecodeError:
        if raw.lstrip().startswith(b"{") and not raw.rstrip().endswith(b"}"):
            raise BundleError(f"{path}: the bundle is incomplete (cut short, perhaps while copying); "
                              "export it again") from None
        raise BundleError(f"{path}: not a pairaid bundle (not valid JSON)") from None
    if not isinstance(value, dict) or value.get("format") != FORMAT:
        raise BundleError(f"{path}: not a pairaid bundle (no \"format\": \"{FORMAT}\")")
    sealed = value.get("sha256")
    body = {k: v for k, v in value.items() if k != "sha256"}
    if not isinstance(sealed, str) or sha256_hex(body) != sealed:
        raise BundleError(f"{path}: the bundle was changed after it was exported (its SHA-256 check failed); "
                          "ask for a fresh export")
    try:
        return Bundle.model_validate(value)
    except ValidationError as exc:
        raise BundleError(f"{path}: not a valid pairaid bundle:\n  " + "\n  ".join(format_validation_error(exc))) \
            from None


def bundle_summary(bundle: Bundle) -> RecordSummary:
    return RecordSummary(**bundle.record.summary.model_dump())
