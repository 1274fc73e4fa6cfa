"""A records database broken in each way the app tells apart, for the command-line and self-test tests: every
fault is real (see tests.disk_faults). `broken(cause, ...)` yields the data folder; when the test is done it
checks that the file was left byte for byte as it was and that nothing was set aside."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest

from pairaid.store import RecordSummary, Store, database_path
from pairaid.store import connection as connection_module
from pairaid.store import opening as opening_module
from tests.disk_faults import fill, folder_mode, make_read_only, scribble_over_records, small_disk


class Cause(NamedTuple):
    title: str  # what was found: the app's dialog title, the command line's first line
    advice: str  # a phrase of what to do


CAUSES: dict[str, Cause] = {
    "read-only folder": Cause("The records folder is read-only", "write access"),
    "read-only disk": Cause("The records folder is read-only", "write access"),
    "full disk": Cause("The disk is full", "Free some space"),
    "in use": Cause("The records database is in use", "Close other pairaid windows"),
    "out of reach": Cause("The records database cannot be reached", "Check that the drive or network folder"),
    "damaged": Cause("The records database is damaged", "set it aside"),
    "empty": Cause("The records database is empty", "restore pairaid.db from a backup"),
    "foreign": Cause("This is not a pairaid records database", "not a pairaid database"),
    "newer": Cause("The records database is from a newer pairaid", "install that version"),
}


def healthy(data_dir: Path) -> bytes:
    with Store.open(data_dir) as store:
        store.create_draft({"n": 1}, summary=RecordSummary())
    return database_path(data_dir).read_bytes()


@contextlib.contextmanager
def broken(cause: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    if cause in ("read-only disk", "full disk"):
        with small_disk(tmp_path / "disk") as disk:
            data_dir = disk / "data"
            before = healthy(data_dir)
            make_read_only(disk) if cause == "read-only disk" else fill(disk)
            yield data_dir
            assert_untouched(data_dir, before)
        return
    data_dir = tmp_path / "data"
    with _broken_here(cause, data_dir, monkeypatch) as before:
        yield data_dir
    assert_untouched(data_dir, before)


def assert_untouched(data_dir: Path, before: bytes) -> None:
    assert database_path(data_dir).read_bytes() == before
    assert not [p for p in data_dir.iterdir() if "set-aside" in p.name]


@contextlib.contextmanager
def _broken_here(cause: str, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[bytes]:
    """The fault in place on an ordinary folder; yields the file's bytes as they must stay."""
    before = healthy(data_dir)
    if cause == "read-only folder":
        with folder_mode(data_dir, 0o500):
            yield before
    elif cause == "out of reach":
        with folder_mode(data_dir, 0o000):
            yield before
    elif cause == "in use":
        monkeypatch.setattr(connection_module, "BUSY_TIMEOUT_MS", 100)
        monkeypatch.setattr(opening_module, "LOCK_WAIT_S", 0.1)
        other = sqlite3.connect(database_path(data_dir), isolation_level=None)
        try:
            other.execute("PRAGMA journal_mode = DELETE")  # another program switched it out of WAL, and writes
            before = database_path(data_dir).read_bytes()
            other.execute("BEGIN EXCLUSIVE")
            other.execute("CREATE TABLE another_programs_table (x)")
            yield before
        finally:
            other.close()  # rolls its change back
    else:
        db = database_path(data_dir)
        if cause == "damaged":
            scribble_over_records(db)
        elif cause == "empty":
            db.write_bytes(b"")
        elif cause == "foreign":
            db.write_bytes(b"PK\x03\x04 a zip file, not a database" * 100)
        elif cause == "newer":
            with contextlib.closing(sqlite3.connect(db)) as conn, conn:
                conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                             "VALUES ('pairaid', '9999_future', 'x')")
        else:
            raise ValueError(cause)
        yield db.read_bytes()
