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
    store.export_bundle(record_id, path, supervision=False, also_remove=()) -> Path   # signed with this computer's key
    store.import_bundle(path) -> Record               # a conflict returns the kept copy (its conflict_of is set)
    store.bundle_sender(path) -> Sender               # .verified, .name, .fingerprint, str(): in words
    store.conflicts() -> [RecordInfo]                 # copies kept beside a record, waiting for the user
    store.resolve_conflict(copy_id, keep="this_computer" | "bundle") -> Record
    store.own_fingerprint() / store.own_public_key()  # to read aloud / give to colleagues
    store.trust_key(public_key, name=, fingerprint_said=) / store.trusted_keys() / store.bundle_public_key(path)
    store.remove_trusted_key(fingerprint) -> TrustedKey  # bundles it signs are unverified from then on
    store.save_public_key(path) -> Path               # a .pairaid-key file to give to a colleague
    pairaid.store.signing.read_public_key_file(path) -> str   # SigningKeyError (a StoreError) in words
    store.close()

Statuses: "draft" (editable; saved on every change) -> "final" (read-only, outcome stored) -> "amended" (a
final record superseded by the final amendment whose id is in `amended_by`). Records imported from a
supervision bundle are `deidentified` and read-only.

Errors (all StoreError): VersionConflict (saved elsewhere since; reload), RecordReadOnly (final, or a conflict
copy), AmendmentExists (a final record has one amendment), RecordNotFound, BundleError (tampered, truncated,
foreign or older bundle; a folder that cannot be written), AuditDetailError (audit detail that might carry
personal data). File problems are StoreFileError(path, message) with `can_set_aside` saying whether moving the
file aside is the fitting offer: StoreCorruptError (damaged), StoreNotDatabaseError, StoreEmptyError (0 bytes)
can be set aside (`set_aside(path)`); StoreTooNewError, StoreFullError, StoreReadOnlyError, StoreLockedError,
StoreUnavailableError are a healthy (or unreachable) file that must never be moved.

`signed_off` is computed when read: a final record with a verified review of exactly its current content.

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
from pairaid.store.keys import Sender, TrustedKey
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
    "Sender",
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
    "TrustedKey",
    "VersionConflict",
    "database_path",
    "resolve_data_dir",
    "set_aside",
]
