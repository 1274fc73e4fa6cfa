"""Errors of the store, each with a plain message a health visitor or supervisor can act on."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """Base of every store error."""


class StoreFileError(StoreError):
    """A problem with the database file itself. `message` is the plain explanation without the path;
    `can_set_aside` says whether moving the file aside (and starting a new database) is the fitting offer:
    only for a file that is damaged, empty or not a pairaid database, never for a healthy one."""

    can_set_aside = False
    title = "The records database cannot be used"  # what was found, in a few words: a dialog's title

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = Path(path)
        self.message = message


class StoreCorruptError(StoreFileError):
    """The database file is damaged, truncated or belongs to another program. The file is left untouched;
    `pairaid.store.set_aside(path)` moves it aside so a new database can be started."""

    can_set_aside = True
    title = "The records database is damaged"


class StoreNotDatabaseError(StoreCorruptError):
    """The file is not a pairaid database at all (another program's file, or not SQLite)."""

    title = "This is not a pairaid records database"


class StoreEmptyError(StoreCorruptError):
    """The database file is 0 bytes: whatever it held is gone (a failed copy, a full disk, a sync program).
    It is never silently reused as a new database: it is kept aside so the loss is seen."""

    title = "The records database is empty"


class StoreTooNewError(StoreCorruptError):
    """The database was written by a newer pairaid; this version must not change it."""

    can_set_aside = False
    title = "The records database is from a newer pairaid"


class StoreFullError(StoreFileError):
    """The disk (or the quota) holding the database is full: the change in hand was not saved; what was saved
    before is safe. The file is healthy."""

    title = "The disk is full"


class StoreReadOnlyError(StoreFileError):
    """The database or its folder can be read but not written (permissions, a read-only disk or share)."""

    title = "The records folder is read-only"


class StoreLockedError(StoreFileError):
    """Another program held the database for longer than pairaid waits (5 seconds)."""

    title = "The records database is in use"


class StoreUnavailableError(StoreFileError):
    """The database cannot be opened or read at all (no permission, the drive is gone, an I/O error)."""

    title = "The records database cannot be reached"


class RecordNotFound(StoreError, KeyError):
    def __init__(self, record_id: str) -> None:
        super().__init__(record_id)
        self.record_id = record_id

    def __str__(self) -> str:
        return f"no record with id {self.record_id}"


class VersionConflict(StoreError):
    """Someone (another window, another process) saved the record since `expected` was read."""

    def __init__(self, record_id: str, expected: int, actual: int) -> None:
        super().__init__(
            f"record {record_id} was changed elsewhere (version {actual}, this copy is version {expected}); "
            "reload it before saving"
        )
        self.record_id = record_id
        self.expected = expected
        self.actual = actual


class RecordReadOnly(StoreError):
    """The record is final (or superseded by an amendment): it can no longer change."""

    def __init__(self, record_id: str, status: str) -> None:
        super().__init__(f"record {record_id} is {status} and cannot change; amend it to make a correction")
        self.record_id = record_id
        self.status = status


class BundleError(StoreError):
    """An export bundle that cannot be imported or written: changed, truncated, foreign or older than the local
    copy, or a folder that cannot be written to."""


class AmendmentExists(StoreError):
    """A final record already has an amendment: a second one would split its history in two."""

    def __init__(self, record_id: str, amendment_id: str | None) -> None:
        which = f" ({amendment_id})" if amendment_id else ""
        super().__init__(
            f"record {record_id} already has an amendment{which}; open that amendment and make the correction "
            "there (a final record has one amendment at most)"
        )
        self.record_id = record_id
        self.amendment_id = amendment_id


class AuditDetailError(StoreError, ValueError):
    """An audit event whose kind or detail is not on the allow-list (it might carry personal data)."""
