"""The schema: its SQL and the names of its migrations (applied by pairaid.store.migrations through
sqlite-utils `Migrations`, state in `_sqlite_migrations`). No sqlite-utils here: opening an up-to-date
database needs only these names, and importing sqlite-utils costs ~45 ms of start-up.

Released schema versions (one fixture database each in tests/fixtures/db):
  v1  0001_records        records + record_bodies + reviews + audit, with read-only guards for final records
  v2  0002_search_index   history search walks one index holding every searched column (no row lookups
                          for non-matching records): the "no match" search over 100,000 records 34 -> 16 ms

Never edit a released migration; add a new step, bump SCHEMA_VERSION, and commit a fixture for it.
"""

from __future__ import annotations

MIGRATION_SET = "pairaid"

# The tables every pairaid database has (used to tell our database from another program's).
OUR_TABLES = frozenset({"records", "record_bodies", "reviews", "audit"})


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

# Each migration's statements, in order (pairaid.store.migrations registers them).
STEPS: tuple[tuple[str, tuple[str, ...]], ...] = (("0001_records", _V1), ("0002_search_index", _V2))

# Every migration name in order; a database naming one we do not know was written by a newer pairaid.
MIGRATION_NAMES: tuple[str, ...] = tuple(name for name, _statements in STEPS)
SCHEMA_VERSION = len(MIGRATION_NAMES)
