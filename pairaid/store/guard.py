"""Every public Store method is guarded: a fault of the database reaches callers as a StoreError that says what
to do, never as a bare sqlite3 exception in a crash dialog.

`guarded` is a class decorator that wraps every public method the class has (its own and its mixins'), so a method
added later is guarded without anyone remembering to list it.
"""

from __future__ import annotations

import errno
import functools
import inspect
import os
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
# Below this much free space an "I/O error" from SQLite means the disk is full: it reports a -shm file that
# cannot grow as SQLITE_IOERR_SHMSIZE, not SQLITE_FULL.
LOW_SPACE = 1024 * 1024


def full(path: Path, *, opening: bool = False) -> StoreFullError:
    if opening:
        return StoreFullError(
            path, "the disk holding the records database is full, so pairaid cannot start with it. Nothing is "
            "lost: whatever was saved before is safe. Free some space on that disk, or ask your IT "
            f"service desk, then try again; {HEALTHY}")
    return StoreFullError(
        path, "the disk holding the records database is full, so the last change was not saved (everything "
        f"saved before it is safe). Free some space, or ask your IT service desk, then try again; {HEALTHY}")


def read_only(path: Path, *, opening: bool = False) -> StoreReadOnlyError:
    outcome = "pairaid cannot work with it there" if opening else "nothing was saved"
    return StoreReadOnlyError(
        path, "the records database can be read but not written (the file, its folder or the disk is read-only), "
        f"so {outcome}. Ask your IT service desk to give you write access to {path.parent}, or to move the "
        f"pairaid data folder to one you can write to; {HEALTHY}")


def locked(path: Path, *, opening: bool = False) -> StoreLockedError:
    outcome = "pairaid cannot open it yet" if opening else "nothing was saved"
    return StoreLockedError(
        path, "another program has held the records database for more than 5 seconds (another pairaid window, "
        f"a backup or a file-sync tool), so {outcome}. Close other pairaid windows and try again in a "
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
        return full(path, opening=opening)
    if primary == SQLITE_READONLY or "readonly database" in text:
        return read_only(path, opening=opening)
    if primary in (SQLITE_BUSY, SQLITE_LOCKED) or "database is locked" in text:
        return locked(path, opening=opening)
    if primary in (SQLITE_CANTOPEN, SQLITE_IOERR, SQLITE_PERM, SQLITE_AUTH) or "unable to open" in text:
        return place_problem(path, opening=opening) or unavailable(path, str(exc))
    if primary == SQLITE_NOTADB or "not a database" in text:
        return not_a_database(path)
    if isinstance(exc, sqlite3.IntegrityError):
        message = str(exc)
        return StoreError(message.removeprefix("pairaid: ")) if message.startswith("pairaid: ") else None
    if primary == SQLITE_CORRUPT or type(exc) is sqlite3.DatabaseError:
        return damaged(path, str(exc), opening=opening)
    return None


def at_opening(exc: sqlite3.Error, path: Path) -> StoreError:
    """What an SQLite error while opening `path` means: a file that cannot be used as it is, said why."""
    return classify(exc, path, opening=True) or damaged(path, str(exc), opening=True)


def classify_os(exc: OSError, path: Path, *, writing: bool) -> StoreFileError:
    """The StoreError for a file-system error on the database or its folder while opening it."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return full(path, opening=True)
    if writing and exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return read_only(path, opening=True)
    return unavailable(path, exc.strerror or str(exc) or type(exc).__name__)


def place_problem(path: Path, *, opening: bool = False) -> StoreFileError | None:
    """The read-only or full disk or folder behind an error that SQLite reports only as "unable to open" or
    "disk I/O error" (a WAL database on a read-only disk cannot even be read; a -shm file that cannot grow on a
    full disk is an I/O error). None when the place looks sound, or cannot be read at all."""
    folder = path.parent
    if not _may(folder, os.R_OK | os.X_OK) or not _may(path, os.R_OK):
        return None  # not even readable: "cannot be opened", which is what the caller says
    try:
        space = os.statvfs(folder) if hasattr(os, "statvfs") else None
    except OSError:
        space = None
    on_read_only_disk = space is not None and bool(space.f_flag & getattr(os, "ST_RDONLY", 1))
    if on_read_only_disk or not _may(folder, os.W_OK) or not _may(path, os.W_OK):
        return read_only(path, opening=opening)
    if space is not None and space.f_bavail * space.f_frsize < LOW_SPACE:
        return full(path, opening=opening)
    return None


def _may(path: Path, mode: int) -> bool:
    """Whether this process (its effective ids) may use `path` in `mode`; True for a path that is not there."""
    try:
        if not path.exists():
            return True
        if os.access in os.supports_effective_ids:
            return os.access(path, mode, effective_ids=True)
        return os.access(path, mode)
    except OSError:
        return False


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
