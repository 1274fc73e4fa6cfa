"""The records database: drafts saved on every change, history, final records, amendments, reviews, audit.

See pairaid/store/__init__.py for the public API. One Store per thread; several Stores (windows, processes) may
share one file: every save names the version it was based on and gets VersionConflict instead of silently
overwriting someone else's change.
"""

from __future__ import annotations

import functools
import json
import logging
import random
import sqlite3
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pairaid.core import vocab
from pairaid.core.nhs_number import normalise_nhs_number
from pairaid.store.audit import check_event
from pairaid.store.errors import (
    BundleError,
    RecordNotFound,
    RecordReadOnly,
    StoreCorruptError,
    StoreError,
    VersionConflict,
)
from pairaid.store.models import AuditEvent, Record, RecordInfo, RecordSummary, Review, search_key
from pairaid.store.opening import backup_database, inspect_database
from pairaid.store.paths import database_path, ensure_private_dir, make_private_file
from pairaid.store.schema import MIGRATION_NAMES

if TYPE_CHECKING:  # imported where used: opening an up-to-date database needs neither (start-up)
    from sqlite_utils import Database, Migrations

    from pairaid.core.assessment import Assessment
    from pairaid.core.outcome import Outcome

log = logging.getLogger("pairaid.store")

BUSY_TIMEOUT_MS = 5000

_INFO_COLUMNS = (
    "id, version, status, created_at, updated_at, baby_name, nhs_number, visit_date, contact_type, "
    "suggested_level, final_level, urgent, safeguarding, amendment_of, amended_by, signed_off, deidentified"
)
_RECORD_COLUMNS = ", ".join(f"r.{c.strip()}" for c in _INFO_COLUMNS.split(",")) + (
    ", r.finalised_at, r.pathway_id, r.pathway_version, b.data, b.outcome"
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _json_default(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"a draft holds JSON values only, not {type(value).__name__}")


def _encode(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=_json_default)


def _info(row: sqlite3.Row | tuple[Any, ...]) -> RecordInfo:
    return RecordInfo(**_info_fields(row))


def _info_fields(row: Any) -> dict[str, Any]:
    return {
        "id": row[0],
        "version": row[1],
        "status": row[2],
        "created_at": _time(row[3]),
        "updated_at": _time(row[4]),
        "baby_name": row[5],
        "nhs_number": row[6],
        "visit_date": row[7],
        "contact_type": row[8],
        "suggested_level": row[9],
        "final_level": row[10],
        "urgent": bool(row[11]),
        "safeguarding": bool(row[12]),
        "amendment_of": row[13],
        "amended_by": row[14],
        "signed_off": bool(row[15]),
        "deidentified": bool(row[16]),
    }


def _summary_values(summary: RecordSummary) -> tuple[Any, ...]:
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


_SUMMARY_SET = (
    "baby_name = ?, name_key = ?, nhs_number = ?, visit_date = ?, contact_type = ?, suggested_level = ?, "
    "final_level = ?, urgent = ?, safeguarding = ?"
)


def _migrate(conn: sqlite3.Connection, path: Path, applied: list[str], migrations: Migrations | None) -> None:
    """Create the schema, or upgrade it after a backup (sqlite-utils is imported only here)."""
    from sqlite_utils import Database

    from pairaid.store.migrations import MIGRATIONS

    migrations = migrations or MIGRATIONS
    db = Database(conn, execute_plugins=False)
    if not migrations.pending(db):  # another process has just done it
        return
    backup = backup_database(conn, path, f"v{len(applied)}") if applied else None
    # Two pairaid windows started at once on a new database both migrate it: one gets "database is locked" or
    # "table already exists" (each migration is one transaction, rolled back on failure). Try again until
    # nothing is pending, for as long as SQLite itself would wait for a lock.
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            migrations.apply(db)
            break
        except Exception as exc:
            if _raced(exc) and time.monotonic() < deadline:
                try:
                    if not migrations.pending(db):
                        return  # the other process applied them
                except sqlite3.OperationalError:
                    pass  # still locked by the other process: wait for it
                time.sleep(0.02 + random.random() * 0.05)
                continue
            where = f"; a copy from before the upgrade is at {backup}" if backup else ""
            raise StoreError(f"{path}: upgrading the database failed ({exc}); nothing was changed{where}") \
                from exc
    log.info("database schema migrated from v%d", len(applied))


def _raced(exc: BaseException) -> bool:
    """A migration that failed because another process was migrating the same database at the same time."""
    text = str(exc).lower()
    return isinstance(exc, sqlite3.OperationalError) and any(
        word in text for word in ("locked", "busy", "already exists"))


class Store:
    """One open records database. Build it with `Store.open(data_dir)`; close it with `close()`."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.path = path
        self._conn = conn

    @property
    def db(self) -> Database:
        """The same connection through sqlite-utils (for tools and tests; the store itself uses SQL)."""
        from sqlite_utils import Database

        return Database(self._conn, execute_plugins=False)

    # Opening -----------------------------------------------------------------------------------------

    @classmethod
    def open(cls, data_dir: Path, *, migrations: Migrations | None = None) -> Store:
        """Open (creating or migrating) `<data_dir>/pairaid.db`.

        A damaged or foreign file raises StoreCorruptError and is left untouched. Before migrating an existing
        database it is copied with SQLite's backup API next to it (`pairaid.db.backup-v<N>-<time>`).
        An up-to-date database (every start after the first) opens with the sqlite3 module alone.
        `migrations` is for tests only."""
        folder = ensure_private_dir(Path(data_dir))
        path = database_path(folder)
        if migrations is None:
            known = list(MIGRATION_NAMES)
        else:
            from pairaid.store.migrations import migration_names

            known = migration_names(migrations)
        applied = inspect_database(path, known) if path.exists() else []
        make_private_file(path)
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            conn.execute("PRAGMA recursive_triggers = ON")  # as sqlite-utils sets it, for every connection
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA journal_mode = WAL")
            # FULL: a commit reported complete survives a power cut, not only a killed process.
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            if any(name not in applied for name in known):
                _migrate(conn, path, applied, migrations)
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise StoreCorruptError(path, f"the database is damaged or not a database ({exc})") from None
        except BaseException:
            conn.close()
            raise
        return cls(conn, path)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction holding the write lock from its start (BEGIN IMMEDIATE), so a read-then-
        write never fails half way on another writer; rolled back on any error."""
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    # Drafts ----------------------------------------------------------------------------------------

    def create_draft(self, data: dict[str, Any], *, summary: RecordSummary) -> RecordInfo:
        """A new draft (version 1). Its id is `data["id"]` when that is a uuid not used yet, else a new uuid;
        the stored data always carries the record id in "id"."""
        return self._create(data, summary=summary, amendment_of=None)

    def _create(self, data: dict[str, Any], *, summary: RecordSummary, amendment_of: str | None) -> RecordInfo:
        now = _now()
        with self._write() as conn:
            record_id = self._new_id(data.get("id") if isinstance(data, dict) else None)
            body = _encode({**data, "id": record_id})
            conn.execute(
                "INSERT INTO records (id, version, status, created_at, updated_at, baby_name, name_key, "
                "nhs_number, visit_date, contact_type, suggested_level, final_level, urgent, safeguarding, "
                "amendment_of) VALUES (?, 1, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (record_id, now, now, *_summary_values(summary), amendment_of),
            )
            conn.execute("INSERT INTO record_bodies (record_id, data) VALUES (?, ?)", (record_id, body))
            detail = {"version": 1, "amendment_of": amendment_of} if amendment_of else {"version": 1}
            self._event(record_id, "created", detail, now)
        log.info("record %s created", record_id)
        return self.info(record_id)

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
        body = _encode({**data, "id": record_id})
        with self._write() as conn:
            cursor = conn.execute(
                f"UPDATE records SET version = version + 1, updated_at = ?, {_SUMMARY_SET} "
                "WHERE id = ? AND version = ? AND status = 'draft' AND deidentified = 0",
                (_now(), *_summary_values(summary), record_id, expected_version),
            )
            if cursor.rowcount != 1:
                self._refuse(record_id, expected_version)
            conn.execute("UPDATE record_bodies SET data = ? WHERE record_id = ?", (body, record_id))
        return expected_version + 1

    def _refuse(self, record_id: str, expected_version: int) -> None:
        """Raise why a versioned write to `record_id` cannot happen."""
        row = self._conn.execute(
            "SELECT version, status, deidentified FROM records WHERE id = ?", (record_id,)
        ).fetchone()
        if row is None:
            raise RecordNotFound(record_id)
        version, status, deidentified = row
        if status != "draft" or deidentified:
            raise RecordReadOnly(record_id, "a de-identified supervision copy" if deidentified else status)
        raise VersionConflict(record_id, expected_version, version)

    # Reading ---------------------------------------------------------------------------------------

    def info(self, record_id: str) -> RecordInfo:
        row = self._conn.execute(f"SELECT {_INFO_COLUMNS} FROM records WHERE id = ?", (record_id,)).fetchone()
        if row is None:
            raise RecordNotFound(record_id)
        return _info(row)

    def load(self, record_id: str) -> Record:
        row = self._conn.execute(
            f"SELECT {_RECORD_COLUMNS} FROM records r JOIN record_bodies b ON b.record_id = r.id WHERE r.id = ?",
            (record_id,),
        ).fetchone()
        if row is None:
            raise RecordNotFound(record_id)
        return Record(
            **_info_fields(row),
            finalised_at=_time(row[17]),
            pathway_id=row[18],
            pathway_version=row[19],
            data=json.loads(row[20]),
            outcome=json.loads(row[21]) if row[21] else None,
            reviews=self.reviews(record_id),
        )

    def resolve_id(self, prefix: str) -> str:
        """The full id of the one record whose id starts with `prefix` (at least 4 characters)."""
        prefix = prefix.strip().lower()
        if len(prefix) < 4:
            raise RecordNotFound(prefix)
        rows = self._conn.execute(
            "SELECT id FROM records WHERE id >= ? AND id < ? LIMIT 2", (prefix, prefix + "\uffff")
        ).fetchall()
        if len(rows) != 1:
            if rows:
                raise StoreError(f"more than one record id starts with {prefix}; give more of the id")
            raise RecordNotFound(prefix)
        return rows[0][0]

    def search(
        self,
        *,
        text: str | None = None,
        level: str | None = None,
        status: str | None = None,
        date_from: date | str | None = None,
        date_to: date | str | None = None,
        limit: int = 200,
    ) -> list[RecordInfo]:
        """History, newest change first. `text` matches part of the baby's name (accents and case ignored) or
        part of the NHS number (spaces ignored); `level` is the final level (the practitioner's, after any
        override); dates bound the visit date, inclusive."""
        where: list[str] = []
        params: list[Any] = []
        if text and text.strip():
            name = search_key(text)
            digits = normalise_nhs_number(text.strip())
            if digits.isdigit() and len(digits) == 10:
                where.append("nhs_number = ?")  # a whole NHS number: the index finds it at once
                params.append(digits)
            elif digits.isdigit():
                where.append("(instr(name_key, ?) > 0 OR instr(nhs_number, ?) > 0)")
                params += [name, digits]
            else:
                where.append("instr(name_key, ?) > 0")
                params.append(name)
        if level:
            where.append("final_level = ?")
            params.append(level)
        if status:
            where.append("status = ?")
            params.append(status)
        if date_from:
            where.append("visit_date >= ?")
            params.append(str(date_from))
        if date_to:
            where.append("visit_date <= ?")
            params.append(str(date_to))
        sql = f"SELECT {_INFO_COLUMNS} FROM records"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY updated_at DESC LIMIT ?"
        params.append(int(limit))
        return [_info(row) for row in self._conn.execute(sql, params)]

    def recent(self, limit: int = 20) -> list[RecordInfo]:
        return self.search(limit=limit)

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
        now = _now()
        with self._write() as conn:
            row = conn.execute(
                "SELECT version, status, deidentified, amendment_of FROM records WHERE id = ?", (record_id,)
            ).fetchone()
            if row is None or row[0] != expected_version or row[1] != "draft" or row[2]:
                self._refuse(record_id, expected_version)
            amendment_of = row[3]
            conn.execute(
                "UPDATE record_bodies SET data = ?, outcome = ? WHERE record_id = ?",
                (_encode(data), _encode(outcome.model_dump(mode="json")), record_id),
            )
            conn.execute(
                f"UPDATE records SET version = version + 1, updated_at = ?, {_SUMMARY_SET}, finalised_at = ?, "
                "pathway_id = ?, pathway_version = ?, status = 'final' WHERE id = ?",
                (now, *_summary_values(summary), now, pathway_id, pathway_version, record_id),
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
        until the amendment is finalised, then becomes "amended". An amendment already open is returned."""
        info = self.info(record_id)
        if info.status != "final" or info.deidentified:
            raise StoreError(
                f"record {record_id} is {info.status}; only a final record of this computer can be amended"
            )
        open_draft = self._conn.execute(
            f"SELECT {_INFO_COLUMNS} FROM records WHERE amendment_of = ? AND status = 'draft'", (record_id,)
        ).fetchone()
        if open_draft:
            return _info(open_draft)
        record = self.load(record_id)
        summary = RecordSummary(
            baby_name=info.baby_name, nhs_number=info.nhs_number, visit_date=info.visit_date,
            contact_type=info.contact_type, suggested_level=info.suggested_level, final_level=info.final_level,
            urgent=info.urgent, safeguarding=info.safeguarding,
        )
        data = {key: value for key, value in record.data.items() if key != "id"}
        return self._create(data, summary=summary, amendment_of=record_id)

    # Audit -----------------------------------------------------------------------------------------

    def _event(self, record_id: str, kind: str, detail: dict[str, Any] | None, at: str | None = None) -> None:
        checked = {k: v for k, v in check_event(kind, detail).items() if v is not None}
        self._conn.execute(
            "INSERT INTO audit (record_id, at, kind, detail) VALUES (?, ?, ?, ?)",
            (record_id, at or _now(), kind, json.dumps(checked, sort_keys=True)),
        )

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
            AuditEvent(id=row[0], record_id=row[1], at=_time(row[2]), kind=row[3], detail=json.loads(row[4]))
            for row in self._conn.execute(
                "SELECT id, record_id, at, kind, detail FROM audit WHERE record_id = ? ORDER BY id", (record_id,)
            )
        ]

    # Reviews ---------------------------------------------------------------------------------------

    def add_review(
        self,
        record_id: str,
        *,
        reviewer: str,
        verdict: str,
        comment: str,
        suggested_level: str | None = None,
        signed_off: bool = False,
    ) -> Review:
        """A supervisor's review of a final record: agree or challenge the level, a comment, and sign-off."""
        if verdict not in ("agree", "challenge"):
            raise ValueError(f"verdict must be agree or challenge, not {verdict!r}")
        if suggested_level is not None and suggested_level not in vocab.LEVELS:
            raise ValueError(f"suggested level must be one of {', '.join(vocab.LEVELS)}")
        if not reviewer.strip():
            raise ValueError("give the reviewer's name")
        now = _now()
        review_id = str(uuid.uuid4())
        with self._write():
            info = self.info(record_id)
            if info.status == "draft" and not info.deidentified:
                raise StoreError(f"record {record_id} is still a draft; only a final record can be reviewed")
            review = Review(
                id=review_id, record_id=record_id, record_version=info.version, at=_time(now),
                reviewer=reviewer.strip(), verdict=verdict, comment=comment.strip(),  # type: ignore[arg-type]
                suggested_level=suggested_level, signed_off=signed_off,
            )
            self._insert_review(review)
            self._event(record_id, "reviewed", {"review_id": review_id, "verdict": verdict,
                                                "suggested_level": suggested_level, "version": info.version}, now)
            if signed_off:
                self._event(record_id, "signed_off", {"review_id": review_id, "version": info.version}, now)
        return review

    def _insert_review(self, review: Review) -> bool:
        cursor = self._conn.execute(
            "INSERT OR IGNORE INTO reviews (id, record_id, record_version, at, reviewer, verdict, comment, "
            "suggested_level, signed_off) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (review.id, review.record_id, review.record_version, review.at.isoformat(), review.reviewer,
             review.verdict, review.comment, review.suggested_level, int(review.signed_off)),
        )
        if review.signed_off:
            self._conn.execute("UPDATE records SET signed_off = 1 WHERE id = ?", (review.record_id,))
        return cursor.rowcount == 1

    def reviews(self, record_id: str) -> list[Review]:
        return [
            Review(id=row[0], record_id=row[1], record_version=row[2], at=_time(row[3]), reviewer=row[4],
                   verdict=row[5], comment=row[6], suggested_level=row[7], signed_off=bool(row[8]))
            for row in self._conn.execute(
                "SELECT id, record_id, record_version, at, reviewer, verdict, comment, suggested_level, "
                "signed_off FROM reviews WHERE record_id = ? ORDER BY at, id", (record_id,)
            )
        ]

    # Health ----------------------------------------------------------------------------------------

    def integrity_check(self) -> str:
        """SQLite's full integrity check: "ok" or the first problem."""
        return self._conn.execute("PRAGMA integrity_check(1)").fetchone()[0]

    # Bundles ---------------------------------------------------------------------------------------

    def export_bundle(self, record_id: str, path: Path, *, supervision: bool = False) -> Path:
        """Write `record_id` as a sealed `.pairaid` bundle (0600); `supervision` leaves out identifiers."""
        from pairaid.store.bundle import SUFFIX, make_bundle, write_bundle

        path = Path(path)
        if path.suffix != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        record = self.load(record_id)
        bundle = make_bundle(record, supervision=supervision)
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
        data_text = _encode(rec.data)
        outcome_text = _encode(bundle.outcome) if bundle.outcome is not None else None
        summary = bundle_summary(bundle)
        with self._write() as conn:
            local = conn.execute(
                "SELECT r.version, r.status, r.deidentified, b.data, b.outcome FROM records r "
                "JOIN record_bodies b ON b.record_id = r.id WHERE r.id = ?", (rec.id,)
            ).fetchone()
            if local is None:
                source = "new"
                self._insert_imported(bundle, summary, data_text, outcome_text)
            elif bundle.deidentified and not local[2]:
                source = "reviews_merged"  # a supervision copy of our own record: its reviews only
            elif local[0] > rec.version:
                raise BundleError(
                    f"{path}: this computer has a newer version of the record (version {local[0]}) than the "
                    f"bundle (version {rec.version}); nothing was imported"
                )
            elif local[0] == rec.version:
                same = json.loads(local[3]) == rec.data and (json.loads(local[4]) if local[4] else None) == \
                    bundle.outcome
                if not same:
                    raise BundleError(
                        f"{path}: the bundle and this computer hold different contents for the same version "
                        f"({rec.version}) of the record; nothing was imported"
                    )
                source = "reviews_merged"
            elif local[1] == "draft" and rec.status in ("draft", "final") and not bundle.deidentified:
                source = "updated"
                self._replace_draft(bundle, summary, data_text, outcome_text)
            else:
                raise BundleError(
                    f"{path}: the local record is {local[1]} and cannot be replaced by the bundle; nothing was "
                    "imported"
                )
            added = sum(
                self._insert_review(_review(r.model_dump(), rec.id)) for r in bundle.reviews
            )
            self._event(rec.id, "imported", {"version": rec.version, "supervision": bundle.deidentified,
                                              "source": source, "reviews_added": added,
                                              "sha256": bundle.sha256})
        log.info("record %s imported (%s)", rec.id, source)
        return self.load(rec.id)

    def _insert_imported(self, bundle: Any, summary: RecordSummary, data_text: str,
                         outcome_text: str | None) -> None:
        rec = bundle.record
        pathway = bundle.pathway
        self._conn.execute(
            "INSERT INTO records (id, version, status, created_at, updated_at, baby_name, name_key, nhs_number, "
            "visit_date, contact_type, suggested_level, final_level, urgent, safeguarding, amendment_of, "
            "amended_by, deidentified, finalised_at, pathway_id, pathway_version) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (rec.id, rec.version, rec.status, rec.created_at.isoformat(), rec.updated_at.isoformat(),
             *_summary_values(summary), rec.amendment_of, rec.amended_by, int(bundle.deidentified),
             rec.finalised_at.isoformat() if rec.finalised_at else None,
             pathway.id if pathway else None, pathway.version if pathway else None),
        )
        self._conn.execute(
            "INSERT INTO record_bodies (record_id, data, outcome) VALUES (?, ?, ?)", (rec.id, data_text, outcome_text)
        )

    def _replace_draft(self, bundle: Any, summary: RecordSummary, data_text: str, outcome_text: str | None) -> None:
        rec = bundle.record
        pathway = bundle.pathway
        self._conn.execute(
            "UPDATE record_bodies SET data = ?, outcome = ? WHERE record_id = ?", (data_text, outcome_text, rec.id)
        )
        self._conn.execute(
            f"UPDATE records SET version = ?, updated_at = ?, {_SUMMARY_SET}, finalised_at = ?, pathway_id = ?, "
            "pathway_version = ?, status = ? WHERE id = ?",
            (rec.version, rec.updated_at.isoformat(), *_summary_values(summary),
             rec.finalised_at.isoformat() if rec.finalised_at else None,
             pathway.id if pathway else None, pathway.version if pathway else None, rec.status, rec.id),
        )


def _review(fields: dict[str, Any], record_id: str) -> Review:
    return Review(**{**fields, "record_id": record_id})


# Damage found after the database was opened (a disk fault, a file changed by something else) reaches callers as
# StoreCorruptError, like damage found when opening, instead of a bare sqlite3.DatabaseError: the autosave, the
# home list and the dialogs already say what to do with a StoreError.
_READ_AND_WRITE = ("create_draft", "save_draft", "info", "load", "resolve_id", "search", "recent", "finalise",
                   "amend", "log_event", "audit", "add_review", "reviews", "export_bundle", "import_bundle")


def _damage_as_store_error(method: Any) -> Any:
    @functools.wraps(method)
    def guarded(self: Store, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.DatabaseError as exc:
            if type(exc) is not sqlite3.DatabaseError:  # IntegrityError, OperationalError: the method's own case
                raise
            raise StoreCorruptError(
                self.path, f"the database is damaged ({exc}). Close pairaid and start it again: it will offer to "
                "set the damaged file aside, and your IT service desk can restore a backup") from None

    return guarded


for _name in _READ_AND_WRITE:
    setattr(Store, _name, _damage_as_store_error(getattr(Store, _name)))
