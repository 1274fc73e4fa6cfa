"""Errors of the store, each with a plain message a health visitor or supervisor can act on."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """Base of every store error."""


class StoreCorruptError(StoreError):
    """The database file is damaged, truncated or belongs to another program. The file is left untouched;
    `pairaid.store.set_aside(path)` moves it aside so a new database can be started."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = Path(path)
        self.message = message


class StoreTooNewError(StoreCorruptError):
    """The database was written by a newer pairaid; this version must not change it."""


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
    """An export bundle that cannot be imported: changed, truncated, foreign or older than the local copy."""


class AuditDetailError(StoreError, ValueError):
    """An audit event whose kind or detail is not on the allow-list (it might carry personal data)."""
