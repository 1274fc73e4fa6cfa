"""Drafts saved on every change, reading a record, finalising, amending, and the audit trail."""

from __future__ import annotations

import json
import logging
import sqlite3
import uuid
from typing import TYPE_CHECKING, Any

from pairaid.store import rows
from pairaid.store.audit import check_event
from pairaid.store.connection import StoreBase
from pairaid.store.errors import AmendmentExists, RecordNotFound, RecordReadOnly, StoreError, VersionConflict
from pairaid.store.models import AuditEvent, Record, RecordInfo, RecordSummary
from pairaid.store.reviews import read_reviews

if TYPE_CHECKING:
    from pairaid.core.assessment import Assessment
    from pairaid.core.outcome import Outcome

log = logging.getLogger("pairaid.store")


class RecordsPart(StoreBase):
    """Drafts, final records and amendments (see pairaid.store.Store for the whole)."""

    # Drafts ----------------------------------------------------------------------------------------

    def create_draft(self, data: dict[str, Any], *, summary: RecordSummary) -> RecordInfo:
        """A new draft (version 1). Its id is `data["id"]` when that is a uuid not used yet, else a new uuid;
        the stored data always carries the record id in "id"."""
        return self._create(data, summary=summary, amendment_of=None)

    def _create(self, data: dict[str, Any], *, summary: RecordSummary, amendment_of: str | None) -> RecordInfo:
        with self._write():
            record_id = self._insert_draft(data, summary=summary, amendment_of=amendment_of)
        log.info("record %s created", record_id)
        return self.info(record_id)

    def _insert_draft(self, data: dict[str, Any], *, summary: RecordSummary, amendment_of: str | None) -> str:
        """Insert a new draft inside the caller's write transaction; return its id."""
        now = rows.now()
        record_id = self._new_id(data.get("id") if isinstance(data, dict) else None)
        body = rows.encode({**data, "id": record_id})
        self._conn.execute(
            "INSERT INTO records (id, version, status, created_at, updated_at, baby_name, name_key, "
            "nhs_number, visit_date, contact_type, suggested_level, final_level, urgent, safeguarding, "
            "amendment_of) VALUES (?, 1, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (record_id, now, now, *rows.summary_values(summary), amendment_of),
        )
        self._conn.execute("INSERT INTO record_bodies (record_id, data) VALUES (?, ?)", (record_id, body))
        detail = {"version": 1, "amendment_of": amendment_of} if amendment_of else {"version": 1}
        self._event(record_id, "created", detail, now)
        return record_id

    def _new_id(self, wanted: Any) -> str:
        if isinstance(wanted, str):
            try:
                wanted = str(uuid.UUID(wanted))
            except ValueError:
                wanted = None
            if wanted and not self._conn.execute("SELECT 1 FROM records WHERE id = ?", (wanted,)).fetchone():
                return wanted
        return str(uuid.uuid4())

    def save_draft(self, record_id: str, data: dict[str, Any], expected_version: int, *,
                   summary: RecordSummary) -> int:
        """Save the whole draft (it may be incomplete or invalid); return the new version.

        VersionConflict when the record was saved elsewhere since `expected_version`; RecordReadOnly when it
        is final. Durable on return (WAL, synchronous=FULL)."""
        body = rows.encode({**data, "id": record_id})
        with self._write() as conn:
            cursor = conn.execute(
                f"UPDATE records SET version = version + 1, updated_at = ?, {rows.SUMMARY_SET} "
                "WHERE id = ? AND version = ? AND status = 'draft' AND deidentified = 0 AND conflict_of IS NULL",
                (rows.now(), *rows.summary_values(summary), record_id, expected_version),
            )
            if cursor.rowcount != 1:
                self._refuse(record_id, expected_version)
            conn.execute("UPDATE record_bodies SET data = ? WHERE record_id = ?", (body, record_id))
        return expected_version + 1

    def _refuse(self, record_id: str, expected_version: int) -> None:
        """Raise why a versioned write to `record_id` cannot happen."""
        row = self._conn.execute(
            "SELECT version, status, deidentified, conflict_of FROM records WHERE id = ?", (record_id,)
        ).fetchone()
        if row is None:
            raise RecordNotFound(record_id)
        if row["conflict_of"]:
            raise RecordReadOnly(record_id, "a copy from a bundle that conflicts with this computer's record "
                                 f"{row['conflict_of']}: resolve the conflict (keep one of the two)")
        if row["status"] != "draft" or row["deidentified"]:
            raise RecordReadOnly(record_id, "a de-identified supervision copy" if row["deidentified"]
                                 else row["status"])
        raise VersionConflict(record_id, expected_version, row["version"])

    # Reading ---------------------------------------------------------------------------------------

    def info(self, record_id: str) -> RecordInfo:
        row = self._conn.execute(f"SELECT {rows.INFO_COLUMNS} FROM records r WHERE id = ?", (record_id,)).fetchone()
        if row is None:
            raise RecordNotFound(record_id)
        return rows.info(row)

    def load(self, record_id: str) -> Record:
        row = self._conn.execute(
            f"SELECT {rows.RECORD_COLUMNS} FROM records r JOIN record_bodies b ON b.record_id = r.id "
            "WHERE r.id = ?",
            (record_id,),
        ).fetchone()
        if row is None:
            raise RecordNotFound(record_id)
        return Record(
            **rows.info_fields(row),
            finalised_at=rows.parse_time(row["finalised_at"]),
            pathway_id=row["pathway_id"],
            pathway_version=row["pathway_version"],
            content_sha=row["content_sha"],
            data=json.loads(row["data"]),
            outcome=json.loads(row["outcome"]) if row["outcome"] else None,
            reviews=read_reviews(self._conn, record_id),
        )

    def resolve_id(self, prefix: str) -> str:
        """The full id of the one record whose id starts with `prefix` (at least 4 characters)."""
        prefix = prefix.strip().lower()
        if len(prefix) < 4:
            raise RecordNotFound(prefix)
        found = self._conn.execute(
            "SELECT id FROM records WHERE id >= ? AND id < ? LIMIT 2", (prefix, prefix + "\uffff")
        ).fetchall()
        if len(found) != 1:
            if found:
                raise StoreError(f"more than one record id starts with {prefix}; give more of the id")
            raise RecordNotFound(prefix)
        return found[0]["id"]

    # Final records and amendments ------------------------------------------------------------------

    def finalise(
        self,
        record_id: str,
        expected_version: int,
        assessment: Assessment,
        outcome: Outcome,
        *,
        pathway_id: str | None = None,
        pathway_version: str | None = None,
    ) -> int:
        """Make a draft final (read-only from now on) with its validated assessment and outcome; return the
        new version. Checks the override against the rules (OverrideError) and that the outcome's final level
        matches the assessment's decision. An amendment, once final, supersedes the record it corrects."""
        from pairaid.core.assessment import parse_assessment
        from pairaid.core.engine import OverrideError, check_override

        data = parse_assessment(assessment.model_dump(mode="json")).model_dump(mode="json")
        data["id"] = record_id
        decision = assessment.decision
        problem = check_override(outcome.level, decision.override_level, decision.override_reason,
                                 outcome.safeguarding)
        if problem:
            raise OverrideError(problem)
        expected_final = decision.override_level or outcome.level
        if outcome.final_level != expected_final:
            raise ValueError(
                f"the outcome's final level ({outcome.final_level}) does not match the assessment "
                f"({expected_final}); recompute the outcome before finalising"
            )
        summary = RecordSummary.from_draft(data, outcome)
        now = rows.now()
        with self._write() as conn:
            row = conn.execute(
                "SELECT version, status, deidentified, amendment_of, conflict_of FROM records WHERE id = ?",
                (record_id,)
            ).fetchone()
            if row is None or row["version"] != expected_version or row["status"] != "draft" \
                    or row["deidentified"] or row["conflict_of"]:
                self._refuse(record_id, expected_version)
            amendment_of = row["amendment_of"]
            outcome_data = outcome.model_dump(mode="json")
            conn.execute(
                "UPDATE record_bodies SET data = ?, outcome = ? WHERE record_id = ?",
                (rows.encode(data), rows.encode(outcome_data), record_id),
            )
            conn.execute(
                f"UPDATE records SET version = version + 1, updated_at = ?, {rows.SUMMARY_SET}, "
                "finalised_at = ?, pathway_id = ?, pathway_version = ?, status = 'final', content_sha = ? "
                "WHERE id = ?",
                (now, *rows.summary_values(summary), now, pathway_id, pathway_version,
                 rows.content_fingerprint(json.loads(rows.encode(data)), outcome_data), record_id),
            )
            new_version = expected_version + 1
            self._event(record_id, "level_suggested",
                        {"level": outcome.level, "urgent": outcome.urgent, "safeguarding": outcome.safeguarding},
                        now)
            if outcome.override is not None:
                self._event(record_id, "overridden",
                            {"from_level": outcome.override.from_level, "to_level": outcome.override.to_level},
                            now)
            self._event(record_id, "finalised", {"version": new_version, "final_level": outcome.final_level,
                                                 "pathway_id": pathway_id, "pathway_version": pathway_version},
                        now)
            if amendment_of:
                conn.execute(
                    "UPDATE records SET status = 'amended', amended_by = ? WHERE id = ? AND status = 'final'",
                    (record_id, amendment_of),
                )
                self._event(amendment_of, "amended", {"amended_by": record_id}, now)
        log.info("record %s finalised at version %d", record_id, new_version)
        return new_version

    def amend(self, record_id: str) -> RecordInfo:
        """A new draft correcting a final record (linked by `amendment_of`); the final record stays as it was
        until the amendment is finalised, then becomes "amended". The amendment already open is returned.

        A final record has one amendment at most: the check and the insert are one transaction, and a trigger
        refuses a second (from another window, process or bundle) with AmendmentExists."""
        with self._write():
            info = self.info(record_id)
            if info.status != "final" or info.deidentified:
                raise StoreError(
                    f"record {record_id} is {info.status}; only a final record of this computer can be amended"
                )
            existing = self._conn.execute(
                f"SELECT {rows.INFO_COLUMNS} FROM records r WHERE amendment_of = ?", (record_id,)
            ).fetchone()
            if existing and existing["status"] == "draft":
                return rows.info(existing)
            if existing:
                raise AmendmentExists(record_id, existing["id"])
            record = self.load(record_id)
            data = {key: value for key, value in record.data.items() if key != "id"}
            try:
                new_id = self._insert_draft(data, summary=rows.summary_of(info), amendment_of=record_id)
            except sqlite3.IntegrityError as exc:
                if "already has an amendment" in str(exc):
                    raise AmendmentExists(record_id, None) from None
                raise
        log.info("record %s created to amend %s", new_id, record_id)
        return self.info(new_id)

    # Audit -----------------------------------------------------------------------------------------

    def log_event(self, record_id: str, kind: str, detail: dict[str, Any] | None = None) -> None:
        """Add an audit event (e.g. "pdf_made" with {"copy": "referral", "recipient_role": "gp"}). Detail keys
        are allow-listed and values must be ids, levels, roles or flags: AuditDetailError otherwise."""
        check_event(kind, detail)
        with self._write():
            if not self._conn.execute("SELECT 1 FROM records WHERE id = ?", (record_id,)).fetchone():
                raise RecordNotFound(record_id)
            self._event(record_id, kind, detail)

    def audit(self, record_id: str) -> list[AuditEvent]:
        return [
            AuditEvent(id=row["id"], record_id=row["record_id"], at=rows.stamp(row["at"]), kind=row["kind"],
                       detail=json.loads(row["detail"]))
            for row in self._conn.execute(
                "SELECT id, record_id, at, kind, detail FROM audit WHERE record_id = ? ORDER BY id", (record_id,)
            )
        ]
