"""pairaid.store: the records database (SQLite through sqlite-utils), in the user's data folder.

Public API (import from `pairaid.store`)::

    data_dir = resolve_data_dir(args.data_dir)        # --data-dir, then $PAIRAID_DATA_DIR, then platformdirs
    store = Store.open(data_dir)                      # creates / migrates; StoreCorruptError on a bad file
    info = store.create_draft(data, summary=RecordSummary.from_draft(data, outcome_or_None))
    version = store.save_draft(info.id, data, info.version, summary=...)   # on every change; < 5 ms
    store.load(record_id) -> Record                   # data dict, status, versions, outcome, reviews
    store.search(text=, level=, status=, date_from=, date_to=, limit=) / store.recent(20) -> [RecordInfo]
    store.finalise(record_id, version, assessment, outcome, pathway_id=, pathway_version=) -> new version
    store.amend(final_record_id) -> RecordInfo        # a new draft linked by amendment_of
    store.log_event(record_id, "pdf_made", {"copy": "referral", "recipient_role": "gp"})
    store.audit(record_id) -> [AuditEvent]
    store.add_review(record_id, reviewer=, verdict="agree"|"challenge", comment=, suggested_level=, signed_off=)
    store.export_bundle(record_id, path, supervision=False) -> Path
    store.import_bundle(path) -> Record
    store.close()

Statuses: "draft" (editable; saved on every change) -> "final" (read-only, outcome stored) -> "amended" (a
final record superseded by the final amendment whose id is in `amended_by`). Records imported from a
supervision bundle are `deidentified` and read-only.

Errors (all StoreError): VersionConflict (saved elsewhere since; reload), RecordReadOnly (final: amend it),
RecordNotFound, StoreCorruptError(path, message) / StoreTooNewError (file untouched; `set_aside(path)` moves it
away so a new database can start), BundleError (tampered, truncated, foreign or older bundle),
AuditDetailError (audit detail that might carry personal data).

Durability: WAL with synchronous=FULL; a save that returned survives a killed process or a power cut.
Files: folder 0700 when we create it, database (and -wal/-shm) 0600. Logs carry record ids only.
"""

from pairaid.store.errors import (
    AmendmentExists,
    AuditDetailError,
    BundleError,
    RecordNotFound,
    RecordReadOnly,
    StoreCorruptError,
    StoreEmptyError,
    StoreError,
    StoreFileError,
    StoreFullError,
    StoreLockedError,
    StoreNotDatabaseError,
    StoreReadOnlyError,
    StoreTooNewError,
    StoreUnavailableError,
    VersionConflict,
)
from pairaid.store.models import AuditEvent, Record, RecordInfo, RecordSummary, Review
from pairaid.store.opening import set_aside
from pairaid.store.paths import database_path, resolve_data_dir
from pairaid.store.store import Store

__all__ = [
    "AmendmentExists",
    "AuditDetailError",
    "AuditEvent",
    "BundleError",
    "Record",
    "RecordInfo",
    "RecordNotFound",
    "RecordReadOnly",
    "RecordSummary",
    "Review",
    "Store",
    "StoreCorruptError",
    "StoreEmptyError",
    "StoreError",
    "StoreFileError",
    "StoreFullError",
    "StoreLockedError",
    "StoreNotDatabaseError",
    "StoreReadOnlyError",
    "StoreTooNewError",
    "StoreUnavailableError",
    "VersionConflict",
    "database_path",
    "resolve_data_dir",
    "set_aside",
]
