"""Moving a record between computers: export to a `.pairaid` bundle and import one (pairaid.store.bundle holds
the file format; this module decides what an import may change)."""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pairaid.store import rows
from pairaid.store.connection import StoreBase
from pairaid.store.errors import BundleError, StoreError
from pairaid.store.keys import KeysPart
from pairaid.store.models import Record, RecordInfo, RecordSummary, Review
from pairaid.store.records import RecordsPart
from pairaid.store.reviews import insert_review

if TYPE_CHECKING:
    from pairaid.store.bundle import Bundle

log = logging.getLogger("pairaid.store")


class BundlesPart(KeysPart, RecordsPart, StoreBase):
    def export_bundle(self, record_id: str, path: Path, *, supervision: bool = False,
                      also_remove: Sequence[str] = ()) -> Path:
        """Write `record_id` as a sealed `.pairaid` bundle (0600); `supervision` leaves out identifiers and the
        words in `also_remove` (marked by hand in the supervision preview)."""
        from pairaid.store.bundle import SUFFIX, make_bundle, write_bundle

        path = Path(path)
        if path.suffix != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        record = self.load(record_id)
        body_sha = rows.content_fingerprint(record.data, record.outcome)
        bundle = make_bundle(record, supervision=supervision, also_remove=also_remove,
                             content_sha=record.content_sha or body_sha, lineage=self._lineage(record_id))
        write_bundle(self._signed(bundle), path)
        with self._write():
            if not bundle["deidentified"]:  # the receiver's copy may start from this content from now on
                self._conn.execute("INSERT OR IGNORE INTO record_lineage (record_id, sha256, version) "
                                   "VALUES (?, ?, ?)", (record_id, body_sha, record.version))
            self._event(record_id, "exported", {"version": record.version, "supervision": bundle["deidentified"],
                                                "sha256": bundle["sha256"]})
        log.info("record %s exported", record_id)
        return path

    def _lineage(self, record_id: str) -> list[tuple[int, str]]:
        return [(row["version"], row["sha256"]) for row in self._conn.execute(
            "SELECT version, sha256 FROM record_lineage WHERE record_id = ? ORDER BY version, sha256", (record_id,))]

    def import_bundle(self, path: Path) -> Record:
        """Bring in a bundle made by export_bundle (a supervisor's or a colleague's machine); return the record
        as now held (for a conflict, the copy kept beside this computer's record: its `conflict_of` is set).

        New record: stored as it was (a supervision bundle's record stays de-identified and read-only).
        Known record, compared by content fingerprints, never by version numbers alone:
          same content                      -> reviews not held yet are added;
          this computer's content is one the bundle's copy started from -> the bundle's draft or final replaces
                                               the local draft (nothing of this computer's is lost);
          the bundle's content is one this computer had -> refused (this computer is newer);
          both changed since they last met  -> the bundle's copy is kept beside the record as a conflict for
                                               the user to resolve (resolve_conflict); nothing is overwritten;
          ... but the user already resolved a conflict with this very content by keeping this computer's
                                            -> nothing changes (reviews not held yet are added): the choice stands.
        A supervision bundle never changes an identified local record's data, it only brings its reviews."""
        from pydantic import ValidationError

        from pairaid.core.assessment import parse_assessment
        from pairaid.core.errors import format_validation_error
        from pairaid.store.bundle import bundle_summary, read_bundle

        bundle = read_bundle(path)
        rec = bundle.record
        if not bundle.deidentified and rec.status != "draft":
            try:
                today = (rec.finalised_at or rec.updated_at).date()
                parse_assessment(rec.data, today=max(today, date.today()))
            except ValidationError as exc:
                problems = "\n  ".join(format_validation_error(exc))
                raise BundleError(f"{path}: the record in the bundle is not a valid assessment:\n  {problems}") \
                    from None
        incoming_sha = rows.content_fingerprint(rec.data, bundle.outcome)
        verified = self.sender_of(bundle).verified
        summary = bundle_summary(bundle)
        conflict_id: str | None = None
        with self._write() as conn:
            local = conn.execute(
                "SELECT r.version, r.status, r.deidentified, b.data, b.outcome FROM records r "
                "JOIN record_bodies b ON b.record_id = r.id WHERE r.id = ?", (rec.id,)
            ).fetchone()
            if local is None:
                source = "new"
                self._refuse_second_amendment(path, bundle)
                self._insert_imported(bundle, rec.id, summary, incoming_sha)
            elif bundle.deidentified and not local["deidentified"]:
                source = "reviews_merged"  # a supervision copy of our own record: its reviews only
            else:
                local_sha = rows.content_fingerprint_of_text(local["data"], local["outcome"])
                theirs_seen = {entry.sha256 for entry in rec.lineage}
                ours_seen = {sha for _version, sha in self._lineage(rec.id)}
                if local_sha == incoming_sha:
                    source = "reviews_merged"
                elif local_sha in theirs_seen and local["status"] == "draft" and not local["deidentified"] \
                        and not bundle.deidentified:
                    source = "updated"
                    self._replace_draft(bundle, summary, incoming_sha)
                elif incoming_sha in ours_seen:
                    raise BundleError(
                        f"{path}: this computer has a newer version of the record (version {local['version']}) "
                        f"than the bundle (version {rec.version}); nothing was imported"
                    )
                elif self._set_aside_before(rec.id, incoming_sha):
                    source = "conflict_resolved_before"  # the user kept this computer's record over this content
                else:
                    source = "conflict"
                    conflict_id = self._keep_conflict(bundle, summary, incoming_sha)
            if source not in ("conflict", "conflict_resolved_before"):
                conn.executemany(
                    "INSERT OR IGNORE INTO record_lineage (record_id, sha256, version) VALUES (?, ?, ?)",
                    [(rec.id, e.sha256, e.version) for e in rec.lineage] + [(rec.id, incoming_sha, rec.version)])
            added = sum(
                insert_review(conn, Review(**{**r.model_dump(), "record_id": rec.id,
                                              "verified": r.verified and verified}))
                for r in bundle.reviews
            )
            self._event(rec.id, "imported", {"version": rec.version, "supervision": bundle.deidentified,
                                              "source": source, "reviews_added": added, "conflict_id": conflict_id,
                                              "sha256": bundle.sha256, "verified": verified})
        log.info("record %s imported (%s)", rec.id, source)
        return self.load(conflict_id or rec.id)

    def _insert_imported(self, bundle: Bundle, record_id: str, summary: RecordSummary, body_sha: str, *,
                         conflict_of: str | None = None) -> None:
        rec = bundle.record
        pathway = bundle.pathway
        # A de-identified copy keeps the fingerprint of the identified record it was made from (its bundle
        # says which), so a supervisor's sign-off of it counts on the practitioner's record of that content.
        content_sha = (rec.content_sha if bundle.deidentified else body_sha) if rec.status != "draft" else None
        status = "draft" if conflict_of else rec.status
        self._conn.execute(
            "INSERT INTO records (id, version, status, created_at, updated_at, baby_name, name_key, nhs_number, "
            "visit_date, contact_type, suggested_level, final_level, urgent, safeguarding, amendment_of, "
            "amended_by, deidentified, finalised_at, pathway_id, pathway_version, content_sha, conflict_of) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (record_id, rec.version, status, rec.created_at.isoformat(), rec.updated_at.isoformat(),
             *rows.summary_values(summary), None if conflict_of else rec.amendment_of,
             None if conflict_of else rec.amended_by, int(bundle.deidentified),
             rec.finalised_at.isoformat() if rec.finalised_at else None,
             pathway.id if pathway else None, pathway.version if pathway else None,
             None if conflict_of else content_sha, conflict_of),
        )
        data = rec.data if record_id == rec.id or bundle.deidentified else {**rec.data, "id": record_id}
        self._conn.execute(
            "INSERT INTO record_bodies (record_id, data, outcome) VALUES (?, ?, ?)",
            (record_id, rows.encode(data), rows.encode(bundle.outcome) if bundle.outcome is not None else None),
        )

    def _refuse_second_amendment(self, path: Path, bundle: Bundle) -> None:
        amends = bundle.record.amendment_of
        held = self._conn.execute("SELECT id FROM records WHERE amendment_of = ?", (amends,)).fetchone() \
            if amends else None
        if held:
            raise BundleError(
                f"{path}: the bundle holds an amendment of record {amends}, which already has an amendment on this "
                f"computer ({held['id']}); a final record has one amendment at most, so nothing was imported. "
                "Agree with the sender which amendment stands and correct that one")

    def _keep_conflict(self, bundle: Bundle, summary: RecordSummary, body_sha: str) -> str:
        """Keep the bundle's copy beside the local record (once per content); return the copy's id."""
        rec = bundle.record
        for row in self._conn.execute(
                "SELECT r.id, b.data, b.outcome FROM records r JOIN record_bodies b ON b.record_id = r.id "
                "WHERE r.conflict_of = ?", (rec.id,)):
            held = json.loads(row["data"])
            if rows.content_fingerprint({**held, "id": rec.id} if "id" in held and not bundle.deidentified
                                        else held, json.loads(row["outcome"]) if row["outcome"] else None) \
                    == body_sha:
                return row["id"]  # this conflict is already held
        copy_id = str(uuid.uuid4())
        self._insert_imported(bundle, copy_id, summary, body_sha, conflict_of=rec.id)
        # The copy's history, so that taking it into the record (resolve_conflict) keeps what it grew from.
        self._conn.executemany(
            "INSERT OR IGNORE INTO record_lineage (record_id, sha256, version) VALUES (?, ?, ?)",
            [(copy_id, e.sha256, e.version) for e in rec.lineage] + [(copy_id, body_sha, rec.version)])
        self._event(copy_id, "created", {"version": rec.version, "source": "conflict"})
        log.warning("record %s: a bundle's copy conflicts with this computer's; kept as %s", rec.id, copy_id)
        return copy_id

    def _set_aside_before(self, record_id: str, body_sha: str) -> bool:
        """Whether a conflict over exactly this content was resolved by keeping this computer's record (the
        audit trail remembers the content fingerprint of each copy set aside)."""
        details = (json.loads(row["detail"]) for row in self._conn.execute(
            "SELECT detail FROM audit WHERE record_id = ? AND kind = 'conflict_resolved'", (record_id,)))
        return any(d.get("kept") == "this_computer" and d.get("sha256") == body_sha for d in details)

    def _replace_draft(self, bundle: Bundle, summary: RecordSummary, body_sha: str) -> None:
        rec = bundle.record
        pathway = bundle.pathway
        outcome_text = rows.encode(bundle.outcome) if bundle.outcome is not None else None
        self._conn.execute(
            "UPDATE record_bodies SET data = ?, outcome = ? WHERE record_id = ?",
            (rows.encode(rec.data), outcome_text, rec.id)
        )
        self._conn.execute(
            f"UPDATE records SET version = ?, updated_at = ?, {rows.SUMMARY_SET}, finalised_at = ?, pathway_id = ?, "
            "pathway_version = ?, status = ?, content_sha = ? WHERE id = ?",
            (rec.version, rec.updated_at.isoformat(), *rows.summary_values(summary),
             rec.finalised_at.isoformat() if rec.finalised_at else None,
             pathway.id if pathway else None, pathway.version if pathway else None, rec.status,
             body_sha if rec.status != "draft" else None, rec.id),
        )

    # Conflicts -------------------------------------------------------------------------------------

    def conflicts(self) -> list[RecordInfo]:
        """Copies from bundles kept beside a record of this computer, waiting for the user to choose (newest
        first; a record's copy has `conflict_of` set to the record's id)."""
        return [rows.info(row) for row in self._conn.execute(
            f"SELECT {rows.INFO_COLUMNS} FROM records r INDEXED BY records_conflict_of WHERE conflict_of IS NOT NULL "
            "ORDER BY updated_at DESC")]

    def resolve_conflict(self, copy_id: str, keep: Literal["this_computer", "bundle"]) -> Record:
        """End a conflict: keep this computer's record (the bundle's copy is removed, and importing the same bundle
        again later leaves the record as it is; the bundle file itself is untouched), or take the bundle's content
        into the record (only while the record is a draft: a final record is corrected by amending it). Returns the
        record."""
        with self._write() as conn:
            row = conn.execute(
                "SELECT c.conflict_of, c.deidentified AS copy_deidentified, b.data, b.outcome, r.status, r.version, "
                "r.deidentified FROM records c "
                "JOIN record_bodies b ON b.record_id = c.id JOIN records r ON r.id = c.conflict_of "
                "WHERE c.id = ?", (copy_id,)).fetchone()
            if row is None:
                raise StoreError(f"{copy_id} is not a conflicting copy (it may have been resolved already)")
            record_id = row["conflict_of"]
            held = json.loads(row["data"])
            # The content as the bundle carried it (the copy holds its own id): remembered in the audit trail, so
            # importing that bundle again does not raise the conflict that was just settled.
            as_sent = held if row["copy_deidentified"] or "id" not in held else {**held, "id": record_id}
            copy_sha = rows.content_fingerprint(as_sent, json.loads(row["outcome"]) if row["outcome"] else None)
            if keep == "bundle":
                if row["status"] != "draft" or row["deidentified"]:
                    raise StoreError(
                        f"record {record_id} is {row['status']} on this computer, so the bundle's content cannot "
                        "replace it: amend the record and copy across what you need from the conflicting copy")
                data = {**json.loads(row["data"]), "id": record_id}
                conn.execute("UPDATE record_bodies SET data = ? WHERE record_id = ?", (rows.encode(data), record_id))
                summary = RecordSummary.from_draft(data)
                conn.execute(f"UPDATE records SET version = version + 1, updated_at = ?, {rows.SUMMARY_SET} "
                             "WHERE id = ?", (rows.now(), *rows.summary_values(summary), record_id))
                conn.execute("INSERT OR IGNORE INTO record_lineage (record_id, sha256, version) "
                             "SELECT ?, sha256, version FROM record_lineage WHERE record_id = ?", (record_id, copy_id))
            elif keep != "this_computer":
                raise ValueError(f"keep must be this_computer or bundle, not {keep!r}")
            conn.execute("DELETE FROM record_lineage WHERE record_id = ?", (copy_id,))
            conn.execute("DELETE FROM record_bodies WHERE record_id = ?", (copy_id,))
            conn.execute("DELETE FROM records WHERE id = ?", (copy_id,))
            self._event(record_id, "conflict_resolved", {"conflict_id": copy_id, "kept": keep, "sha256": copy_sha})
        log.info("record %s: conflict resolved (%s kept)", record_id, keep)
        return self.load(record_id)
