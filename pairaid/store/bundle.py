"""Export bundles (`.pairaid` files): one record, its outcome and reviews, sealed with a SHA-256.

Shape (JSON, UTF-8)::

    {"format": "pairaid.bundle/2", "exported_at": ISO time, "app_version": "0.1.0", "deidentified": false,
     "pathway": {"id": "birmingham", "version": "2026.1"} | null,
     "record": {"id", "version", "status", "created_at", "updated_at", "finalised_at", "amendment_of",
                "amended_by", "signed_off", "summary": {RecordSummary fields}, "data": {...},
                "content_sha": fingerprint of the identified record's content (what a review signs off),
                "lineage": [{"version", "sha256"}: contents the sender's copy has had when exchanged]},
     "outcome": {...} | null, "reviews": [{Review fields, with "content_sha" and "verified"}],
     "sha256": SHA-256 of the canonical JSON (pairaid.core.canonical) of everything above,
     "signature": {"public_key", "ed25519"} (pairaid.store.signing: the sender's key signs "sha256")}

Bundles of format 1 (no lineage, fingerprints or signature) are still read: their reviews never count as
sign-off and a changed copy of a record already held is kept as a conflict.

A supervision bundle (`deidentified: true`) holds the output of pairaid.core.deidentify (the same
de-identification as the supervision PDF) instead of the record's own data: initials, ages in weeks, no NHS
number, postcode, dates, addresses or contact details, nor the words the practitioner marked to remove.
"""

from __future__ import annotations

import errno
import json
import uuid
from collections.abc import Sequence
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any, Literal, Self

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, model_validator

from pairaid import __version__
from pairaid.atomic import write_text_atomically
from pairaid.core import vocab
from pairaid.core.canonical import sha256_hex
from pairaid.core.deidentify import Deidentifier
from pairaid.core.errors import format_validation_error
from pairaid.core.input_files import InputFileError, decode_text, parse_json, read_bytes
from pairaid.store.errors import BundleError
from pairaid.store.models import Record, RecordSummary
from pairaid.store.paths import remove_leftovers

FORMAT = "pairaid.bundle/2"
FORMATS = ("pairaid.bundle/1", FORMAT)  # what can be read
SUFFIX = ".pairaid"
TMP_GLOB = f".*{SUFFIX}.*.tmp"  # write_bundle's temporary files (pairaid.atomic's names)


# No real record reaches this many versions (a draft gains one per change); a bigger number is a forged or
# damaged bundle, and SQLite's integers end at 2**63 - 1.
MAX_VERSION = 1_000_000_000


def _record_id(value: str) -> str:
    """A record or review id is a UUID, written as pairaid writes it."""
    try:
        parsed = str(uuid.UUID(value))
    except ValueError:
        raise ValueError("is not a record id (a UUID such as 1b4e28ba-2fa1-11d2-883f-0016d3cca427)") from None
    if parsed != value:
        raise ValueError(f"is not written as pairaid writes ids (expected {parsed})")
    return value


RecordId = Annotated[str, AfterValidator(_record_id)]
Version = Annotated[int, Field(ge=1, le=MAX_VERSION, strict=True)]
Sha256 = Annotated[str, Field(pattern="^[0-9a-f]{64}$")]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class BundleLineage(_Model):
    version: Version
    sha256: Sha256


class BundleSignature(_Model):
    public_key: str = Field(max_length=100)
    ed25519: str = Field(max_length=200)


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
    id: RecordId
    version: Version
    status: Literal["draft", "final", "amended"]
    created_at: datetime
    updated_at: datetime
    finalised_at: datetime | None = None
    amendment_of: RecordId | None = None
    amended_by: RecordId | None = None
    signed_off: bool = False
    summary: BundleSummary
    data: dict[str, Any]
    content_sha: Sha256 | None = None
    lineage: list[BundleLineage] = []


class BundleReview(_Model):
    id: RecordId
    record_id: RecordId
    record_version: Version
    at: datetime
    reviewer: str
    verdict: Literal["agree", "challenge"]
    comment: str
    suggested_level: vocab.Level | None = None
    signed_off: bool = False
    content_sha: Sha256 | None = None
    verified: bool = False


class BundlePathway(_Model):
    id: str
    version: str | None = None


class Bundle(_Model):
    format: Literal["pairaid.bundle/1", "pairaid.bundle/2"]
    exported_at: datetime
    app_version: str
    deidentified: bool
    pathway: BundlePathway | None = None
    record: BundleRecord
    outcome: dict[str, Any] | None = None
    reviews: list[BundleReview]
    sha256: str
    signature: BundleSignature | None = None

    @model_validator(mode="after")
    def _one_record(self) -> Self:
        if any(review.record_id != self.record.id for review in self.reviews):
            raise ValueError("a review in the bundle is of another record")
        if not self.deidentified and self.record.data.get("id", self.record.id) != self.record.id:
            raise ValueError("the record's data carries another record's id")
        return self


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def make_bundle(record: Record, *, supervision: bool = False, also_remove: Sequence[str] = (),
                content_sha: str | None = None, lineage: Sequence[tuple[int, str]] = ()) -> dict[str, Any]:
    """The sealed bundle for `record` (not yet signed); `supervision` de-identifies it, also removing the words
    `also_remove`. `content_sha` is the fingerprint a review of this record signs off; `lineage` the
    (version, sha256) of the contents this record has had when exchanged before."""
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
            "content_sha": content_sha,
            "lineage": [] if supervision else [{"version": v, "sha256": sha} for v, sha in lineage],
        },
        "outcome": outcome,
        "reviews": reviews,
    }
    return {**body, "sha256": sha256_hex(body)}


def write_bundle(bundle: dict[str, Any], path: Path) -> Path:
    """Written whole or not at all (pairaid.atomic: a private temporary file in the same folder, renamed).

    The temporary file holds identified data: it is removed on any failure (an interrupt included), and
    temporary bundle files left in the folder by a process that was killed are removed before writing."""
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise BundleError(f"{folder}: no such folder; choose a folder that exists (nothing was written)")
    remove_leftovers(folder, TMP_GLOB)
    try:
        return write_text_atomically(path, json.dumps(bundle, ensure_ascii=False, indent=1) + "\n")
    except OSError as exc:
        raise BundleError(f"{path}: the bundle could not be written ({_why(exc)}); nothing was written") from None


def _why(exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full: free some space or choose another place"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "this folder cannot be written to: choose another folder"
    if exc.errno == errno.EISDIR:
        return "a folder has that name: choose another file name"
    return exc.strerror or type(exc).__name__


def read_bundle(path: Path) -> Bundle:
    """Read and check a bundle; BundleError says plainly what is wrong with it."""
    path = Path(path)
    try:
        raw = read_bytes(path, kind="bundle")
    except InputFileError as exc:
        raise BundleError(str(exc)) from None
    try:
        text = decode_text(raw, str(path))
    except InputFileError:
        raise BundleError(f"{path}: not a pairaid bundle (not a text file)") from None
    try:
        value = parse_json(text, str(path))
    except InputFileError as exc:
        if raw.lstrip().startswith(b"{") and not raw.rstrip().endswith(b"}"):
            raise BundleError(f"{path}: the bundle is incomplete (cut short, perhaps while copying); "
                              "export it again") from None
        raise BundleError(f"{path}: not a pairaid bundle ({str(exc).removeprefix(f'{path}: ')})") from None
    if not isinstance(value, dict) or value.get("format") not in FORMATS:
        raise BundleError(f"{path}: not a pairaid bundle (no \"format\": \"{FORMAT}\")")
    sealed = value.get("sha256")
    body = {k: v for k, v in value.items() if k not in ("sha256", "signature")}
    try:
        intact = isinstance(sealed, str) and sha256_hex(body) == sealed
    except (TypeError, ValueError, RecursionError):
        intact = False
    if not intact:
        raise BundleError(f"{path}: the bundle was changed after it was exported (its SHA-256 check failed); "
                          "ask for a fresh export")
    try:
        return Bundle.model_validate(value)
    except ValidationError as exc:
        raise BundleError(f"{path}: not a valid pairaid bundle:\n  " + "\n  ".join(format_validation_error(exc))) \
            from None


def bundle_summary(bundle: Bundle) -> RecordSummary:
    """The searchable columns of the bundled record, derived from its data and outcome (what the bundle's own
    "summary" block says is not trusted: it could list a name or level the record does not hold)."""
    return RecordSummary.from_draft(bundle.record.data, bundle.outcome)
