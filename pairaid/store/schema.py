"""The schema: its SQL and the names of its migrations (applied by pairaid.store.migrations through
sqlite-utils `Migrations`, state in `_sqlite_migrations`). No sqlite-utils here: opening an up-to-date
database needs only these names, and importing sqlite-utils costs ~45 ms of start-up.

Released schema versions (one fixture database each in tests/fixtures/db):
  v1  0001_records        records + record_bodies + reviews + audit, with read-only guards for final records
  v2  0002_search_index   history search walks one index holding every searched column (no row lookups
                          for non-matching records): the "no match" search over 100,000 records 34 -> 16 ms
  v3  0003_fingerprints   content fingerprints (a review signs off the content it saw), exchange lineage
                          (telling a newer bundle from a divergent one), conflict copies, one amendment per
                          final record enforced by a trigger, trusted signing keys
  v4  0004_conflict_index records with a bundle's copy waiting found through a small partial index (listing
                          conflicts, and marking them on home, read a few index entries instead of every record)

Never edit a released migration; add a new step, bump SCHEMA_VERSION, and commit a fixture for it.
"""

from __future__ import annotations

MIGRATION_SET = "pairaid"

# The tables every pairaid database has (used to tell our database from another program's).
OUR_TABLES = frozenset({"records", "record_bodies", "reviews", "audit"})  # in every version


_V1: tuple[str, ...] = (
    # The narrow, searchable part of each record: history search scans this table only.
    """
    CREATE TABLE records (
        id TEXT PRIMARY KEY,
        version INTEGER NOT NULL CHECK (version >= 1),
        status TEXT NOT NULL CHECK (status IN ('draft', 'final', 'amended')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        baby_name TEXT,
        name_key TEXT NOT NULL DEFAULT '',
        nhs_number TEXT,
        visit_date TEXT,
        contact_type TEXT,
        suggested_level TEXT,
        final_level TEXT,
        urgent INTEGER NOT NULL DEFAULT 0,
        safeguarding INTEGER NOT NULL DEFAULT 0,
        amendment_of TEXT REFERENCES records(id),
        amended_by TEXT,
        signed_off INTEGER NOT NULL DEFAULT 0,
        deidentified INTEGER NOT NULL DEFAULT 0,
        finalised_at TEXT,
        pathway_id TEXT,
        pathway_version TEXT
    )
    """,
    """
    CREATE INDEX records_updated ON records(updated_at)
    """,
    """
    CREATE INDEX records_visit_date ON records(visit_date)
    """,
    """
    CREATE INDEX records_nhs_number ON records(nhs_number)
    """,
    # The whole assessment as JSON text, and the outcome once final.
    """
    CREATE TABLE record_bodies (
        record_id TEXT PRIMARY KEY REFERENCES records(id),
        data TEXT NOT NULL,
        outcome TEXT
    )
    """,
    """
    CREATE TABLE reviews (
                id TEXT PRIMARY KEY,
                record_id TEXT NOT NULL REFERENCES records(id),
                record_version INTEGER NOT NULL,
                at TEXT NOT NULL,
                reviewer TEXT NOT NULL,
                verdict TEXT NOT NULL CHECK (verdict IN ('agree', 'challenge')),
                comment TEXT NOT NULL DEFAULT '',
                suggested_level TEXT,
                signed_off INTEGER NOT NULL DEFAULT 0
            )
    """,
    """
    CREATE INDEX reviews_record ON reviews(record_id, at)
    """,
    # Append-only: detail holds ids, copy names and levels only (allow-listed in pairaid.store.audit).
    """
    CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        record_id TEXT NOT NULL,
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '{}'
    )
    """,
    """
    CREATE INDEX audit_record ON audit(record_id, id)
    """,
    # A final record never changes silently: not its body, not its searchable columns, never deleted.
    """
    CREATE TRIGGER record_bodies_final_readonly BEFORE UPDATE ON record_bodies
    WHEN (SELECT status FROM records WHERE id = OLD.record_id) <> 'draft'
    BEGIN SELECT RAISE(ABORT, 'pairaid: a final record cannot change; amend it instead'); END
    """,
    """
    CREATE TRIGGER record_bodies_final_nodelete BEFORE DELETE ON record_bodies
            WHEN (SELECT status FROM records WHERE id = OLD.record_id) <> 'draft'
            BEGIN SELECT RAISE(ABORT, 'pairaid: a final record cannot be deleted'); END
    """,
    """
    CREATE TRIGGER records_final_readonly BEFORE UPDATE OF
                id, version, created_at, baby_name, name_key, nhs_number, visit_date, contact_type,
                suggested_level, final_level, urgent, safeguarding, amendment_of, finalised_at,
                pathway_id, pathway_version
            ON records WHEN OLD.status <> 'draft'
            BEGIN SELECT RAISE(ABORT, 'pairaid: a final record cannot change; amend it instead'); END
    """,
    """
    CREATE TRIGGER records_status_forward BEFORE UPDATE OF status ON records
            WHEN NOT ((OLD.status = NEW.status)
                      OR (OLD.status = 'draft' AND NEW.status = 'final')
                      OR (OLD.status = 'final' AND NEW.status = 'amended'))
            BEGIN SELECT RAISE(ABORT, 'pairaid: a record only moves draft -> final -> amended'); END
    """,
    """
    CREATE TRIGGER records_final_nodelete BEFORE DELETE ON records WHEN OLD.status <> 'draft'
            BEGIN SELECT RAISE(ABORT, 'pairaid: a final record cannot be deleted'); END
    """,
    """
    CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
            BEGIN SELECT RAISE(ABORT, 'pairaid: the audit trail is append-only'); END
    """,
    """
    CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit
            BEGIN SELECT RAISE(ABORT, 'pairaid: the audit trail is append-only'); END
    """,
)


# v2: newest-first order plus every column search filters on: a scan reads the index only and fetches the row
# of a match alone. It replaces the plain updated_at index (a prefix of it).
_V2: tuple[str, ...] = (
    "CREATE INDEX records_search ON records(updated_at, name_key, nhs_number, status, final_level, visit_date)",
    "DROP INDEX records_updated",
)

# v3. `pairaid_content_sha(data, outcome)` is registered on every connection (pairaid.store.connection): the
# SHA-256 of the canonical JSON of a record's data and outcome, computed here for records made before v3.
_V3: tuple[str, ...] = (
    # The fingerprint a review signs off: a final record's own content (or, for a de-identified supervision copy,
    # the fingerprint of the identified record it was made from, as its bundle states).
    "ALTER TABLE records ADD COLUMN content_sha TEXT",
    # A copy brought in from a bundle that changed along with this computer's record since they last met: kept
    # beside the record (never over it) until the user resolves the conflict.
    "ALTER TABLE records ADD COLUMN conflict_of TEXT REFERENCES records(id)",
    "ALTER TABLE reviews ADD COLUMN content_sha TEXT",
    # 1: made on this computer, or brought by a bundle signed by a trusted colleague's key. Only a verified
    # review of the record's current content counts as sign-off. Reviews held before v3 keep counting.
    "ALTER TABLE reviews ADD COLUMN verified INTEGER NOT NULL DEFAULT 1",
    """
    CREATE TABLE record_lineage (
        record_id TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        version INTEGER NOT NULL,
        PRIMARY KEY (record_id, sha256)
    )
    """,
    """
    CREATE TABLE trusted_keys (
        fingerprint TEXT PRIMARY KEY,
        public_key TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        added_at TEXT NOT NULL
    )
    """,
    """
    UPDATE records SET content_sha = (
        SELECT pairaid_content_sha(b.data, b.outcome) FROM record_bodies b WHERE b.record_id = records.id
    ) WHERE status <> 'draft'
    """,
    """
    UPDATE reviews SET content_sha = (
        SELECT r.content_sha FROM records r WHERE r.id = reviews.record_id AND r.version = reviews.record_version
    )
    """,
    "CREATE INDEX records_amendment_of ON records(amendment_of) WHERE amendment_of IS NOT NULL",
    """
    CREATE TRIGGER records_one_amendment BEFORE INSERT ON records
            WHEN NEW.amendment_of IS NOT NULL
                 AND EXISTS (SELECT 1 FROM records WHERE amendment_of = NEW.amendment_of)
            BEGIN SELECT RAISE(ABORT, 'pairaid: this final record already has an amendment'); END
    """,
    """
    CREATE TRIGGER records_one_amendment_update BEFORE UPDATE OF amendment_of ON records
            WHEN NEW.amendment_of IS NOT NULL
                 AND EXISTS (SELECT 1 FROM records WHERE amendment_of = NEW.amendment_of AND id <> NEW.id)
            BEGIN SELECT RAISE(ABORT, 'pairaid: this final record already has an amendment'); END
    """,
    """
    CREATE TRIGGER records_final_fingerprint BEFORE UPDATE OF content_sha, conflict_of ON records
            WHEN OLD.status <> 'draft'
            BEGIN SELECT RAISE(ABORT, 'pairaid: a final record cannot change; amend it instead'); END
    """,
)

# v4: conflict copies are rare; without an index, finding them read all 100,000 records (about 90 ms).
_V4: tuple[str, ...] = (
    "CREATE INDEX records_conflict_of ON records(conflict_of) WHERE conflict_of IS NOT NULL",
)

# Each migration's statements, in order (pairaid.store.migrations registers them).
STEPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("0001_records", _V1), ("0002_search_index", _V2), ("0003_fingerprints", _V3),
    ("0004_conflict_index", _V4))

# Every migration name in order; a database naming one we do not know was written by a newer pairaid.
MIGRATION_NAMES: tuple[str, ...] = tuple(name for name, _statements in STEPS)
SCHEMA_VERSION = len(MIGRATION_NAMES)
