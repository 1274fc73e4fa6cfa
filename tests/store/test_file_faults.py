"""Each way the database file can fail is told apart, with its own message and only the offer that fits:
setting a file aside is offered for a damaged, empty or foreign file, never for a healthy one that is full,
read-only, locked or out of reach. Faults are real SQLite errors where SQLite can be made to produce them."""

from __future__ import annotations

import errno
import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from pairaid.store import (
    Store,
    StoreCorruptError,
    StoreFullError,
    StoreLockedError,
    StoreNotDatabaseError,
    StoreReadOnlyError,
    StoreUnavailableError,
    database_path,
)
from pairaid.store import connection as connection_module
from tests.store.helpers import summary, visit


def fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def a_store_with_a_draft(data_dir: Path) -> tuple[Store, str]:
    store = Store.open(data_dir)
    data = visit()
    return store, store.create_draft(data, summary=summary(data)).id


def test_disk_full_is_its_own_message_and_keeps_what_was_saved(data_dir: Path) -> None:
    store, kept = a_store_with_a_draft(data_dir)
    try:
        pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
        store._conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLite itself now reports SQLITE_FULL
        big = visit(parent_voice={"words": "x" * 200_000})
        with pytest.raises(StoreFullError, match=r"disk .* is full") as err:
            store.create_draft(big, summary=summary(big))
        assert not err.value.can_set_aside and "do not move" in str(err.value)
        assert store.load(kept).baby_name == "Zoë Brontë"
    finally:
        store.close()


def test_a_read_only_database_is_its_own_message(data_dir: Path) -> None:
    store, kept = a_store_with_a_draft(data_dir)
    try:
        store._conn.execute("PRAGMA query_only = ON")  # SQLite answers every write with SQLITE_READONLY
        with pytest.raises(StoreReadOnlyError, match="read but not written") as err:
            store.save_draft(kept, visit(), 1, summary=summary(visit()))
        assert not err.value.can_set_aside
        assert store.load(kept).version == 1
    finally:
        store.close()


def test_a_read_only_folder_at_opening_is_named_and_the_file_left_alone(data_dir: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    Store.open(data_dir).close()
    before = fingerprint(database_path(data_dir))

    def refused(path: Path) -> None:
        raise OSError(errno.EROFS, "Read-only file system", str(path))

    monkeypatch.setattr(connection_module, "make_private_file", refused)
    with pytest.raises(StoreReadOnlyError, match="write access") as err:
        Store.open(data_dir)
    assert not err.value.can_set_aside
    assert fingerprint(database_path(data_dir)) == before


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="permissions do not bind root")
def test_a_folder_without_write_permission(data_dir: Path) -> None:
    Store.open(data_dir).close()
    os.chmod(database_path(data_dir), 0o400)
    os.chmod(data_dir, 0o500)
    try:
        with pytest.raises((StoreReadOnlyError, StoreUnavailableError)):
            Store.open(data_dir)
    finally:
        os.chmod(data_dir, 0o700)


def test_a_lock_held_too_long_is_its_own_message(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(connection_module, "BUSY_TIMEOUT_MS", 100)
    store, kept = a_store_with_a_draft(data_dir)
    other = sqlite3.connect(database_path(data_dir), isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        with pytest.raises(StoreLockedError, match="another program has held") as err:
            store.save_draft(kept, visit(), 1, summary=summary(visit()))
        assert not err.value.can_set_aside
        other.execute("ROLLBACK")
        assert store.save_draft(kept, visit(), 1, summary=summary(visit())) == 2
    finally:
        other.close()
        store.close()


def test_a_database_that_cannot_be_opened(data_dir: Path) -> None:
    data_dir.mkdir()
    database_path(data_dir).mkdir()  # a folder where the file should be
    with pytest.raises(StoreUnavailableError, match="cannot be opened or read") as err:
        Store.open(data_dir)
    assert not err.value.can_set_aside
    assert database_path(data_dir).is_dir()


def test_a_data_folder_that_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("not a folder")
    with pytest.raises(StoreUnavailableError, match="not a folder"):
        Store.open(tmp_path / "data")


def test_not_a_database_offers_to_set_it_aside(data_dir: Path) -> None:
    data_dir.mkdir()
    database_path(data_dir).write_bytes(b"PK\x03\x04 a zip file, not a database" * 100)
    with pytest.raises(StoreNotDatabaseError, match="not a pairaid database") as err:
        Store.open(data_dir)
    assert err.value.can_set_aside


def scribble_over_records(db: Path) -> None:
    """Overwrite the root page of the records table in the file itself: real damage, found by SQLite."""
    conn = sqlite3.connect(db)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'records'").fetchone()[0]
    conn.close()
    with db.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\xa5" * page_size)


def test_a_page_damaged_after_opening_is_a_store_error_that_offers_the_set_aside(data_dir: Path) -> None:
    store, kept = a_store_with_a_draft(data_dir)
    store.close()
    store = Store.open(data_dir)  # opened healthy, its cache still cold
    try:
        scribble_over_records(database_path(data_dir))
        with pytest.raises(StoreCorruptError, match=r"damaged .*start it again") as err:
            store.search()
        assert err.value.can_set_aside
        with pytest.raises(StoreCorruptError):
            store.load(kept)
    finally:
        store.close()
    with pytest.raises(StoreCorruptError, match="damaged"):
        Store.open(data_dir)
