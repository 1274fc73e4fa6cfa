from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from pairaid.store import RecordSummary, Store, StoreCorruptError, StoreTooNewError, database_path, set_aside
from pairaid.store.errors import StoreEmptyError
from tests.store.helpers import summary, visit


def fingerprint(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def healthy(data_dir: Path, records: int = 40) -> Path:
    with Store.open(data_dir) as store:
        for _ in range(records):
            data = visit(parent_voice={"words": "x" * 3000})
            store.create_draft(data, summary=summary(data))
    db = database_path(data_dir)
    assert not db.with_name(db.name + "-wal").exists()  # checkpointed on close
    return db


def refused(data_dir: Path, match: str) -> StoreCorruptError:
    db = database_path(data_dir)
    before = fingerprint(db)
    with pytest.raises(StoreCorruptError, match=match) as err:
        Store.open(data_dir)
    assert fingerprint(db) == before, "the bad file must be left untouched"
    assert err.value.path == db
    return err.value


def test_garbage_bytes(data_dir: Path) -> None:
    data_dir.mkdir()
    database_path(data_dir).write_bytes(b"\x00\xffnot a database at all" * 500)
    refused(data_dir, "not an SQLite database")


def test_a_text_file(data_dir: Path) -> None:
    data_dir.mkdir()
    database_path(data_dir).write_text("name,nhs\nZoë,9434765919\n", "utf-8")
    refused(data_dir, "not an SQLite database")


@pytest.mark.parametrize("keep", [50, 4096 + 100, 0.5])
def test_a_truncated_database(data_dir: Path, keep: float) -> None:
    db = healthy(data_dir)
    raw = db.read_bytes()
    db.write_bytes(raw[: int(len(raw) * keep) if keep < 1 else int(keep)])
    refused(data_dir, "incomplete|not an SQLite")


def test_damaged_pages(data_dir: Path) -> None:
    db = healthy(data_dir)
    raw = bytearray(db.read_bytes())
    page = 4096
    raw[2 * page: 4 * page] = b"\x5a" * (2 * page)  # scribble over b-tree pages, keep the size
    db.write_bytes(bytes(raw))
    refused(data_dir, "damaged")


def test_another_programs_database(data_dir: Path) -> None:
    data_dir.mkdir()
    conn = sqlite3.connect(database_path(data_dir))
    conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Ann', '0121 496 0000')")
    conn.commit()
    conn.close()
    refused(data_dir, "another program")


def test_another_program_using_migrations_too(data_dir: Path) -> None:
    data_dir.mkdir()
    conn = sqlite3.connect(database_path(data_dir))
    conn.execute("CREATE TABLE _sqlite_migrations (id INTEGER PRIMARY KEY, migration_set TEXT, name TEXT, "
                 "applied_at TEXT)")
    conn.execute("INSERT INTO _sqlite_migrations VALUES (1, 'photos', '001', 'x')")
    conn.commit()
    conn.close()
    refused(data_dir, "another program")


def test_a_database_from_a_newer_pairaid(data_dir: Path) -> None:
    db = healthy(data_dir, records=1)
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                 "VALUES ('pairaid', '9999_future', 'x')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreTooNewError, match="newer version of pairaid"):
        Store.open(data_dir)


def test_an_empty_file_is_named_as_empty_and_kept_aside_never_reused(data_dir: Path) -> None:
    """pairaid never leaves a 0-byte pairaid.db (a new database is linked into place complete), so an empty one
    means the records it held are lost: say so, leave it untouched, and keep it when a new database starts."""
    data_dir.mkdir()
    database_path(data_dir).touch()
    err = refused(data_dir, r"empty \(0 bytes\)")
    assert isinstance(err, StoreEmptyError) and err.can_set_aside
    moved = set_aside(err.path)
    assert moved.exists() and moved.stat().st_size == 0
    with Store.open(data_dir) as store:
        assert store.recent() == []
        assert store.integrity_check() == "ok"


def test_a_new_database_appears_complete_and_leaves_no_temporary_file(data_dir: Path) -> None:
    with Store.open(data_dir):
        pass
    assert sorted(p.name for p in data_dir.iterdir()) == ["pairaid.db"]
    assert database_path(data_dir).stat().st_size > 0


def test_set_aside_moves_the_file_so_a_new_database_can_start(data_dir: Path) -> None:
    data_dir.mkdir()
    db = database_path(data_dir)
    db.write_bytes(b"garbage" * 100)
    db.with_name(db.name + "-wal").write_bytes(b"wal")
    with pytest.raises(StoreCorruptError) as err:
        Store.open(data_dir)
    moved = set_aside(err.value.path)
    assert moved.read_bytes() == b"garbage" * 100 and moved.name.startswith("pairaid.db.set-aside-")
    assert moved.with_name(moved.name + "-wal").read_bytes() == b"wal"
    assert not db.exists()
    with Store.open(data_dir) as store:
        store.create_draft({}, summary=RecordSummary())
        assert store.integrity_check() == "ok"


def test_damage_found_after_opening_is_a_store_error_that_says_what_to_do(tmp_path: Path) -> None:
    """A disk fault after the database was opened reaches callers as StoreCorruptError (which the autosave and
    home show as a message), not as a bare sqlite3.DatabaseError in a crash dialog."""
    store = Store.open(tmp_path / "data")
    record_id = store.create_draft({"n": 1}, summary=RecordSummary()).id

    class Damaged:
        def __init__(self, conn: sqlite3.Connection) -> None:
            self.conn = conn

        def execute(self, *args: object) -> object:
            raise sqlite3.DatabaseError("database disk image is malformed")

        def __getattr__(self, name: str) -> object:
            return getattr(self.conn, name)

    real = store._conn
    store._conn = Damaged(real)  # type: ignore[assignment]
    try:
        for call in (lambda: store.search(), lambda: store.load(record_id),
                     lambda: store.save_draft(record_id, {"n": 2}, 1, summary=RecordSummary())):
            with pytest.raises(StoreCorruptError, match=r"damaged .*start it again"):
                call()
    finally:
        store._conn = real
        store.close()
