"""Every public Store method is guarded: a fault of the database reaches callers as a StoreError that says what
to do, never as a bare sqlite3 exception in a crash dialog.

`guarded` is a class decorator that wraps every public method the class has (its own and its mixins'), so a method
added later is guarded without anyone remembering to list it.
"""

from __future__ import annotations

import errno
import functools
import inspect
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from pairaid.store.errors import (
    StoreCorruptError,
    StoreError,
    StoreFileError,
    StoreFullError,
    StoreLockedError,
    StoreNotDatabaseError,
    StoreReadOnlyError,
    StoreUnavailableError,
)

T = TypeVar("T", bound=type)

# Methods that must work on a broken connection (closing it) or are not database calls.
UNGUARDED = frozenset({"close"})
GUARD_MARK = "__pairaid_guarded__"


# SQLite's primary result codes (sqlite3.h), the low byte of sqlite_errorcode.
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 3, 5, 6, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_AUTH, SQLITE_NOTADB = 10, 11, 13, 14, 23, 26

HEALTHY = "the file itself is healthy: do not move or delete it"


def full(path: Path) -> StoreFullError:
    return StoreFullError(
        path, "the disk holding the records database is full, so the last change was not saved (everything "
        f"saved before it is safe). Free some space, or ask your IT service desk, then try again; {HEALTHY}")


def read_only(path: Path) -> StoreReadOnlyError:
    return StoreReadOnlyError(
        path, "the records database can be read but not written (the file, its folder or the disk is read-only), "
        f"so nothing was saved. Ask your IT service desk to give you write access to {path.parent}; {HEALTHY}")


def locked(path: Path) -> StoreLockedError:
    return StoreLockedError(
        path, "another program has held the records database for more than 5 seconds (another pairaid window, "
        "a backup or a file-sync tool), so nothing was saved. Close other pairaid windows and try again in a "
        f"minute; {HEALTHY}")


def unavailable(path: Path, detail: str) -> StoreUnavailableError:
    return StoreUnavailableError(
        path, f"the records database cannot be opened or read ({detail}). Check that the drive or network "
        f"folder is there and that you may open {path.parent}, or ask your IT service desk; nothing was changed")


def not_a_database(path: Path) -> StoreNotDatabaseError:
    return StoreNotDatabaseError(path, "this file is not a pairaid database (it is not an SQLite database at all)")


def damaged(path: Path, detail: str, *, opening: bool) -> StoreCorruptError:
    if opening:
        return StoreCorruptError(path, f"the database is damaged ({detail}); set it aside and restore a backup")
    return StoreCorruptError(
        path, f"the database is damaged ({detail}). Close pairaid and start it again: it will offer to set the "
        "damaged file aside, and your IT service desk can restore a backup")


def classify(exc: sqlite3.Error, path: Path, *, opening: bool = False) -> StoreError | None:
    """The StoreError that says what `exc` means for the user, or None for an error that is the calling
    code's own business (a constraint it handles, a programming error)."""
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(exc).lower()
    if primary == SQLITE_FULL or "disk is full" in text:
        return full(path)
    if primary == SQLITE_READONLY or "readonly database" in text:
        return read_only(path)
    if primary in (SQLITE_BUSY, SQLITE_LOCKED) or "database is locked" in text:
        return locked(path)
    if primary in (SQLITE_CANTOPEN, SQLITE_IOERR, SQLITE_PERM, SQLITE_AUTH) or "unable to open" in text:
        return unavailable(path, str(exc))
    if primary == SQLITE_NOTADB or "not a database" in text:
        return not_a_database(path)
    if isinstance(exc, sqlite3.IntegrityError):
        message = str(exc)
        return StoreError(message.removeprefix("pairaid: ")) if message.startswith("pairaid: ") else None
    if primary == SQLITE_CORRUPT or type(exc) is sqlite3.DatabaseError:
        return damaged(path, str(exc), opening=opening)
    return None


def classify_os(exc: OSError, path: Path, *, writing: bool) -> StoreFileError:
    """The StoreError for a file-system error on the database or its folder."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return full(path)
    if writing and exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return read_only(path)
    return unavailable(path, exc.strerror or str(exc) or type(exc).__name__)


def _guard(method: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(method)
    def guarded_method(self: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.Error as exc:
            error = classify(exc, self.path)
            if error is None:
                raise
            raise error from None

    setattr(guarded_method, GUARD_MARK, True)
    return guarded_method


def public_methods(cls: type) -> list[str]:
    """Names of the plain public methods of `cls` and its bases (not properties, class or static methods)."""
    return [
        name for name in dir(cls)
        if not name.startswith("_") and inspect.isfunction(inspect.getattr_static(cls, name))
    ]


def guarded(cls: T) -> T:
    """Wrap every public method of `cls` (see the module docstring)."""
    for name in public_methods(cls):
        if name not in UNGUARDED:
            method = getattr(cls, name)
            if not getattr(method, GUARD_MARK, False):
                setattr(cls, name, _guard(method))
    return cls


def is_guarded(method: Any) -> bool:
    return bool(getattr(method, GUARD_MARK, False))
