"""Moving a record between computers: export to a `.pairaid` bundle and import one (pairaid.store.bundle holds
the file format; this module decides what an import may change)."""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from pairaid.store import rows
from pairaid.store.connection import StoreBase
from pairaid.store.errors import BundleError
from pairaid.store.models import Record, RecordSummary, Review
from pairaid.store.records import RecordsPart
from pairaid.store.reviews import insert_review

if TYPE_CHECKING:
    from pairaid.store.bundle import Bundle

log = logging.getLogger("pairaid.store")


class BundlesPart(RecordsPart, StoreBase):
    def export_bundle(self, record_id: str, path: Path, *, supervision: bool = False,
                      also_remove: Sequence[str] = ()) -> Path:
        """Write `record_id` as a sealed `.pairaid` bundle (0600); `supervision` leaves out identifiers and the
        words in `also_remove` (marked by hand in the supervision preview)."""
        from pairaid.store.bundle import SUFFIX, make_bundle, write_bundle

        path = Path(path)
        if path.suffix != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        record = self.load(record_id)
        bundle = make_bundle(record, supervision=supervision, also_remove=also_remove)
        write_bundle(bundle, path)
        with self._write():
            self._event(record_id, "exported", {"version": record.version, "supervision": bundle["deidentified"],
                                                "sha256": bundle["sha256"]})
        log.info("record %s exported", record_id)
        return path

    def import_bundle(self, path: Path) -> Record:
        """Bring in a bundle made by export_bundle (a supervisor's or a colleague's machine).

        New record: stored as it was (a supervision bundle's record stays de-identified and read-only).
        Known record: reviews not held yet are added; a newer draft replaces an older local draft; a local copy
        that is newer, or different at the same version, is never overwritten (BundleError). A supervision
        bundle never changes an identified local record's data, it only brings its reviews."""
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
        data_text = rows.encode(rec.data)
        outcome_text = rows.encode(bundle.outcome) if bundle.outcome is not None else None
        summary = bundle_summary(bundle)
        with self._write() as conn:
            local = conn.execute(
                "SELECT r.version, r.status, r.deidentified, b.data, b.outcome FROM records r "
                "JOIN record_bodies b ON b.record_id = r.id WHERE r.id = ?", (rec.id,)
            ).fetchone()
            if local is None:
                source = "new"
                self._insert_imported(bundle, summary, data_text, outcome_text)
            elif bundle.deidentified and not local["deidentified"]:
                source = "reviews_merged"  # a supervision copy of our own record: its reviews only
            elif local["version"] > rec.version:
                raise BundleError(
                    f"{path}: this computer has a newer version of the record (version {local['version']}) than "
                    f"the bundle (version {rec.version}); nothing was imported"
                )
            elif local["version"] == rec.version:
                local_outcome = json.loads(local["outcome"]) if local["outcome"] else None
                if json.loads(local["data"]) != rec.data or local_outcome != bundle.outcome:
                    raise BundleError(
                        f"{path}: the bundle and this computer hold different contents for the same version "
                        f"({rec.version}) of the record; nothing was imported"
                    )
                source = "reviews_merged"
            elif local["status"] == "draft" and rec.status in ("draft", "final") and not bundle.deidentified:
                source = "updated"
                self._replace_draft(bundle, summary, data_text, outcome_text)
            else:
                raise BundleError(
                    f"{path}: the local record is {local['status']} and cannot be replaced by the bundle; nothing "
                    "was imported"
                )
            added = sum(
                insert_review(conn, Review(**{**r.model_dump(), "record_id": rec.id})) for r in bundle.reviews
            )
            self._event(rec.id, "imported", {"version": rec.version, "supervision": bundle.deidentified,
                                              "source": source, "reviews_added": added,
                                              "sha256": bundle.sha256})
        log.info("record %s imported (%s)", rec.id, source)
        return self.load(rec.id)

    def _insert_imported(self, bundle: Bundle, summary: RecordSummary, data_text: str,
                         outcome_text: str | None) -> None:
        rec = bundle.record
        pathway = bundle.pathway
        self._conn.execute(
            "INSERT INTO records (id, version, status, created_at, updated_at, baby_name, name_key, nhs_number, "
            "visit_date, contact_type, suggested_level, final_level, urgent, safeguarding, amendment_of, "
            "amended_by, deidentified, finalised_at, pathway_id, pathway_version) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (rec.id, rec.version, rec.status, rec.created_at.isoformat(), rec.updated_at.isoformat(),
             *rows.summary_values(summary), rec.amendment_of, rec.amended_by, int(bundle.deidentified),
             rec.finalised_at.isoformat() if rec.finalised_at else None,
             pathway.id if pathway else None, pathway.version if pathway else None),
        )
        self._conn.execute(
            "INSERT INTO record_bodies (record_id, data, outcome) VALUES (?, ?, ?)", (rec.id, data_text, outcome_text)
        )

    def _replace_draft(self, bundle: Bundle, summary: RecordSummary, data_text: str,
                       outcome_text: str | None) -> None:
        rec = bundle.record
        pathway = bundle.pathway
        self._conn.execute(
            "UPDATE record_bodies SET data = ?, outcome = ? WHERE record_id = ?", (data_text, outcome_text, rec.id)
        )
        self._conn.execute(
            f"UPDATE records SET version = ?, updated_at = ?, {rows.SUMMARY_SET}, finalised_at = ?, pathway_id = ?, "
            "pathway_version = ?, status = ? WHERE id = ?",
            (rec.version, rec.updated_at.isoformat(), *rows.summary_values(summary),
             rec.finalised_at.isoformat() if rec.finalised_at else None,
             pathway.id if pathway else None, pathway.version if pathway else None, rec.status, rec.id),
        )
