"""Each way the database file can fail is told apart, with its own message and only the offer that fits:
setting a file aside is offered for a damaged, empty or foreign file, never for a healthy one that is full,
read-only, locked or out of reach. Faults are real SQLite errors where SQLite can be made to produce them."""

from __future__ import annotations

import hashlib
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
from tests.disk_faults import fill, folder_mode, make_read_only, scribble_over_records, small_disk
from tests.store.helpers import summary, visit


def fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def a_store_with_a_draft(data_dir: Path) -> tuple[Store, str]:
    store = Store.open(data_dir)
    data = visit()
    return store, store.create_draft(data, summary=summary(data)).id


def test_disk_full_is_its_own_message_and_keeps_what_was_saved(data_dir: Path) -> None:
    """A real SQLITE_FULL from SQLite's own page limit: runs everywhere, also where a small disk cannot be
    mounted."""
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


def a_healthy_database(data_dir: Path) -> str:
    store, _kept = a_store_with_a_draft(data_dir)
    store.close()
    return fingerprint(database_path(data_dir))


@pytest.mark.parametrize(("folder", "file"), [(0o500, 0o600), (0o500, 0o400), (0o700, 0o400)],
                         ids=["read-only folder", "read-only folder and file", "read-only file"])
def test_a_folder_or_file_without_write_permission_is_read_only_and_left_alone(data_dir: Path, folder: int,
                                                                               file: int) -> None:
    before = a_healthy_database(data_dir)
    with folder_mode(data_dir, folder, file), pytest.raises(StoreReadOnlyError, match="write access") as err:
        Store.open(data_dir)
    assert not err.value.can_set_aside and "do not move" in str(err.value)
    assert err.value.path == database_path(data_dir).resolve()
    assert fingerprint(database_path(data_dir)) == before
    assert not [p for p in data_dir.iterdir() if "set-aside" in p.name or ".new-" in p.name]


def test_a_folder_that_cannot_be_looked_into_is_out_of_reach_not_a_crash(data_dir: Path) -> None:
    before = a_healthy_database(data_dir)
    with folder_mode(data_dir, 0o000), pytest.raises(StoreUnavailableError, match="cannot be opened") as err:
        Store.open(data_dir)  # before: a bare PermissionError from looking for the file
    assert not err.value.can_set_aside and "Permission denied" in str(err.value)
    assert fingerprint(database_path(data_dir)) == before


def test_a_read_only_disk_is_read_only_not_out_of_reach(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk") as disk:
        data_dir = disk / "data"
        before = a_healthy_database(data_dir)
        make_read_only(disk)
        # SQLite itself only says "unable to open database file": a WAL database cannot be read on a read-only
        # disk without its -shm file. The disk is what is wrong, and the message says so.
        with pytest.raises(StoreReadOnlyError, match="write access") as err:
            Store.open(data_dir)
        assert not err.value.can_set_aside
        assert fingerprint(database_path(data_dir)) == before
        assert sorted(p.name for p in data_dir.iterdir()) == ["pairaid.db"]


def test_a_full_disk_at_opening_is_full_not_out_of_reach(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk") as disk:
        data_dir = disk / "data"
        before = a_healthy_database(data_dir)
        fill(disk)
        # SQLite says "disk I/O error" (its -shm file cannot grow): the full disk is named instead.
        with pytest.raises(StoreFullError, match="is full, so pairaid cannot start") as err:
            Store.open(data_dir)
        assert not err.value.can_set_aside and "whatever was saved before is safe" in str(err.value)
        assert fingerprint(database_path(data_dir)) == before
        (disk / "filler").unlink()
        with Store.open(data_dir) as store:
            assert len(store.search()) == 1


def test_a_disk_that_fills_while_saving_keeps_what_was_saved(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", kib=1024) as disk:
        store, kept = a_store_with_a_draft(disk / "data")
        try:
            fill(disk)
            big = visit(parent_voice={"words": "x" * 200_000})
            with pytest.raises(StoreFullError, match="the last change was not saved"):
                store.create_draft(big, summary=summary(big))
            assert store.load(kept).baby_name == "Zoë Brontë"
        finally:
            store.close()


def test_a_new_database_on_a_full_disk_names_pairaid_db_and_leaves_nothing_behind(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk") as disk:
        fill(disk)
        with pytest.raises(StoreFullError) as err:
            Store.open(disk / "data")
        assert err.value.path == database_path(disk / "data")  # not the temporary file it is built in
        assert list((disk / "data").iterdir()) == []


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
