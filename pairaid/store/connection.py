"""The connection to the records database: opening (creating or migrating) it, its settings, one write
transaction at a time, and the audit events every part of the store writes."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import random
import sqlite3
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from pairaid.store.audit import check_event
from pairaid.store.errors import StoreError, StoreFullError, StoreLockedError, StoreReadOnlyError
from pairaid.store.guard import at_opening, classify, classify_os
from pairaid.store.opening import COMPANIONS, backup_database, inspect_database
from pairaid.store.paths import database_path, ensure_private_dir, make_private_file, remove_leftovers
from pairaid.store.rows import content_fingerprint_of_text, now
from pairaid.store.schema import MIGRATION_NAMES

if TYPE_CHECKING:  # imported where used: opening an up-to-date database needs neither (start-up)
    from sqlite_utils import Database, Migrations

log = logging.getLogger("pairaid.store")

BUSY_TIMEOUT_MS = 5000


def open_connection(data_dir: Path, migrations: Migrations | None = None) -> tuple[sqlite3.Connection, Path]:
    """Open (creating or migrating) `<data_dir>/pairaid.db`: see Store.open."""
    path = database_path(Path(data_dir))
    had_folder = _exists(Path(data_dir), path)
    try:
        folder = ensure_private_dir(Path(data_dir))
    except OSError as exc:
        raise classify_os(exc, path, writing=not had_folder) from None
    path = database_path(folder)
    if migrations is None:
        known = list(MIGRATION_NAMES)
    else:
        from pairaid.store.migrations import migration_names

        known = migration_names(migrations)
    if not _exists(path, path):
        _create(path, migrations)
    applied = inspect_database(path, known, lock_wait=BUSY_TIMEOUT_MS / 1000)
    try:
        make_private_file(path)
    except OSError as exc:
        raise classify_os(exc, path, writing=True) from None
    conn = _connect(path)
    try:
        if any(name not in applied for name in known):
            _migrate(conn, path, applied, migrations)
    except sqlite3.Error as exc:
        conn.close()
        raise at_opening(exc, path) from None
    except BaseException:
        conn.close()
        raise
    return conn, path


def _exists(path: Path, shown: Path) -> bool:
    """Whether `path` is there; one that cannot even be looked at (a folder without permission to open it) is
    said as such about `shown`, never as a crash."""
    try:
        path.stat()
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise classify_os(exc, shown, writing=False) from None
    return True


def _connect(path: Path, shown: Path | None = None) -> sqlite3.Connection:
    """A connection with pairaid's settings; its errors name `shown` (the database a temporary file becomes)."""
    shown = shown or path
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise at_opening(exc, shown) from None
    conn.row_factory = sqlite3.Row  # every part of the store reads columns by name
    # Used by the v3 migration to fingerprint records made before it (see pairaid.store.schema).
    conn.create_function("pairaid_content_sha", 2, content_fingerprint_of_text, deterministic=True)
    try:
        conn.execute("PRAGMA recursive_triggers = ON")  # as sqlite-utils sets it, for every connection
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        # FULL: a commit reported complete survives a power cut, not only a killed process.
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.Error as exc:
        conn.close()
        raise at_opening(exc, shown) from None
    return conn


def _create(path: Path, migrations: Migrations | None) -> None:
    """Make a new database under a temporary name and link it into place only when complete, so an empty or
    half-made pairaid.db is never something pairaid left: a 0-byte pairaid.db always means a lost file."""
    remove_leftovers(path.parent, f"{path.name}.new-*")
    tmp = path.with_name(f"{path.name}.new-{os.getpid()}-{uuid.uuid4().hex[:8]}")
    try:
        make_private_file(tmp)
        conn = _connect(tmp, shown=path)
        try:
            _migrate(conn, tmp, [], migrations, shown=path)
        except sqlite3.Error as exc:
            raise at_opening(exc, path) from None
        finally:
            conn.close()  # the last connection: SQLite folds the WAL into the file and removes it
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass  # another pairaid made it at the same moment: use that one
        except OSError:
            if not path.exists():  # a file system without hard links
                os.replace(tmp, path)
    except OSError as exc:
        raise classify_os(exc, path, writing=True) from None
    finally:
        for leftover in (tmp, *(tmp.with_name(tmp.name + suffix) for suffix in COMPANIONS)):
            with contextlib.suppress(OSError):
                leftover.unlink()
    log.info("new records database created")


def _migrate(conn: sqlite3.Connection, path: Path, applied: list[str], migrations: Migrations | None,
             shown: Path | None = None) -> None:
    """Create the schema, or upgrade it after a backup (sqlite-utils is imported only here). Errors name
    `shown`, the database a temporary file becomes."""
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
            specific = classify(exc, shown or path, opening=True) if isinstance(exc, sqlite3.Error) else None
            if isinstance(specific, StoreFullError | StoreReadOnlyError | StoreLockedError):
                raise specific from None  # a healthy file that could not be written: say why, never "damaged"
            where = f"; a copy from before the upgrade is at {backup}" if backup else ""
            raise StoreError(f"{shown or path}: upgrading the database failed ({exc}); nothing was changed{where}") \
                from exc
    log.info("database schema migrated from v%d", len(applied))


def _raced(exc: BaseException) -> bool:
    """A migration that failed because another process was migrating the same database at the same time."""
    text = str(exc).lower()
    return isinstance(exc, sqlite3.OperationalError) and any(
        word in text for word in ("locked", "busy", "already exists"))


class StoreBase:
    """The open connection shared by every part of the store (records, search, reviews, bundles)."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.path = path
        self._conn = conn

    @property
    def db(self) -> Database:
        """The same connection through sqlite-utils (for tools and tests; the store itself uses SQL)."""
        from sqlite_utils import Database

        return Database(self._conn, execute_plugins=False)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Self:
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

    def _event(self, record_id: str, kind: str, detail: dict[str, Any] | None, at: str | None = None) -> None:
        """Append an audit event inside the caller's write transaction."""
        checked = {k: v for k, v in check_event(kind, detail).items() if v is not None}
        self._conn.execute(
            "INSERT INTO audit (record_id, at, kind, detail) VALUES (?, ?, ?, ?)",
            (record_id, at or now(), kind, json.dumps(checked, sort_keys=True)),
        )

    def integrity_check(self) -> str:
        """SQLite's full integrity check: "ok" or the first problem."""
        return self._conn.execute("PRAGMA integrity_check(1)").fetchone()[0]
