"""Telling a healthy pairaid database from a damaged or foreign file before anything writes to it,
setting a bad file aside, and backing up through SQLite's backup API before a migration."""

from __future__ import annotations

import os
import sqlite3
import struct
from datetime import UTC, datetime
from pathlib import Path

from pairaid.store.errors import StoreCorruptError, StoreEmptyError, StoreNotDatabaseError, StoreTooNewError
from pairaid.store.guard import at_opening, classify_os, damaged, not_a_database
from pairaid.store.paths import FILE_MODE
from pairaid.store.schema import MIGRATION_NAMES, MIGRATION_SET, OUR_TABLES

SQLITE_MAGIC = b"SQLite format 3\x00"
COMPANIONS = ("-wal", "-shm")
KEEP_BACKUPS = 3
LOCK_WAIT_S = 5.0  # how long a look at the file waits for another program's lock, as the store itself does


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def _read_only_uri(path: Path, untouched: bool) -> str:
    """SQLite's read-only URI for `path`. `untouched`: when no -wal or -journal file exists, also promise SQLite
    the file will not change (immutable), so that reading makes no -wal/-shm files either; only for a look that
    acts on nothing it finds (the self-test), as a pairaid starting meanwhile could make the promise false. A
    -journal file means another program is writing (or crashed while writing) in rollback mode: then SQLite's
    locks are honoured, so a file in use is said to be in use and a half-written one is never read as damaged."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    if untouched and not any(path.with_name(path.name + end).exists() for end in ("-wal", "-journal")):
        uri += "&immutable=1"
    return uri


def inspect_database(path: Path, known: list[str] | tuple[str, ...] = MIGRATION_NAMES, *,
                     untouched: bool = False, lock_wait: float | None = None) -> list[str]:
    """Check an existing file without changing it; return the names of the migrations it has applied.
    Raise the StoreFileError that says what is wrong otherwise (see pairaid.store.guard)."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise classify_os(exc, path, writing=False) from None
    if size == 0:
        raise StoreEmptyError(
            path, "the records database is empty (0 bytes), so the records saved in it before are not there: it "
            "may have been cut short by a failed copy, a full disk or a file-sync program. Set the empty file "
            "aside (it is kept) to start a new database, and ask your IT service desk to restore pairaid.db from "
            "a backup")
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise not_a_database(path)
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    change_counter, header_pages = struct.unpack(">II", header[24:32])
    if struct.unpack(">I", header[92:96])[0] != change_counter:
        header_pages = 0  # the in-header size is only trusted when it is marked valid (SQLite file format 1.3.7)
    if page_size < 512 or size % page_size or size < header_pages * page_size:
        raise StoreCorruptError(
            path, "the database file is incomplete (truncated or damaged); set it aside and restore a backup"
        )
    try:
        # Read-only, so a damaged file is never "repaired" into something worse.
        conn = sqlite3.connect(_read_only_uri(path, untouched), uri=True,
                               timeout=LOCK_WAIT_S if lock_wait is None else lock_wait)
    except sqlite3.Error as exc:
        raise at_opening(exc, path) from None
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            return []
        if tables == {"_sqlite_migrations"} and not conn.execute("SELECT 1 FROM _sqlite_migrations").fetchone():
            # Another pairaid is creating this new database right now: sqlite-utils makes the (empty)
            # migrations table before the first migration's transaction. It is new, not foreign.
            return []
        if "_sqlite_migrations" not in tables:
            raise StoreNotDatabaseError(path, "this is another program's database, not a pairaid one")
        applied = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid", [MIGRATION_SET]
            )
        ]
        if not applied:
            raise StoreNotDatabaseError(path, "this is another program's database, not a pairaid one")
        unknown = [name for name in applied if name not in known]
        if unknown:
            raise StoreTooNewError(
                path, "this database was written by a newer version of pairaid; install that version to open it"
            )
        missing = OUR_TABLES - tables
        if missing:
            raise StoreCorruptError(path, "the database is damaged: some of its tables are missing")
        problem = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        if problem != "ok":
            raise StoreCorruptError(path, "the database is damaged (SQLite's check failed); set it aside")
        return applied
    except sqlite3.Error as exc:
        raise at_opening(exc, path) from None
    finally:
        conn.close()


def check_database(path: Path) -> str:
    """Look at a records database read-only (nothing is created, repaired or written) and say what it holds;
    raise the StoreFileError that says what is wrong with it. For the self-test."""
    applied = inspect_database(path, untouched=True)
    try:
        conn = sqlite3.connect(_read_only_uri(path, untouched=True), uri=True, timeout=LOCK_WAIT_S)
    except sqlite3.Error as exc:
        raise at_opening(exc, path) from None
    try:
        problem = conn.execute("PRAGMA integrity_check(1)").fetchone()[0]
        if problem != "ok":
            raise damaged(path, f"SQLite's integrity check: {problem}", opening=True)
        records = conn.execute("SELECT count(*) FROM records").fetchone()[0]
    except sqlite3.Error as exc:
        raise at_opening(exc, path) from None
    finally:
        conn.close()
    return f"{records} record(s), schema {len(applied)}, SQLite's integrity check ok (opened read-only)"


def set_aside(path: Path) -> Path:
    """Rename a bad database (and its -wal/-shm files) to `<name>.set-aside-<UTC time>`; return the new path
    of the database file so the user can be told where it went. A folder where nothing can be renamed (read-only)
    raises the StoreFileError that says so, with nothing moved."""
    path = Path(path)
    target = path.with_name(f"{path.name}.set-aside-{_stamp()}")
    try:
        os.replace(path, target)  # the file first: its -wal/-shm only follow it, never go without it
    except OSError as exc:
        raise classify_os(exc, path, writing=True) from None
    for suffix in COMPANIONS:
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            os.replace(companion, target.with_name(target.name + suffix))
    return target


def backup_database(conn: sqlite3.Connection, path: Path, label: str) -> Path:
    """Copy the open database with SQLite's backup API (consistent even with a live WAL) to
    `<name>.backup-<label>-<UTC time>` (0600), keeping the newest KEEP_BACKUPS backups."""
    target = path.with_name(f"{path.name}.backup-{label}-{_stamp()}")
    fd = os.open(target, os.O_RDWR | os.O_CREAT | os.O_EXCL, FILE_MODE)
    os.close(fd)
    dest = sqlite3.connect(target)
    try:
        conn.backup(dest)
    finally:
        dest.close()
    backups = sorted(path.parent.glob(f"{path.name}.backup-*"), key=lambda p: p.stat().st_mtime)
    for old in backups[:-KEEP_BACKUPS]:
        old.unlink(missing_ok=True)
    return target
