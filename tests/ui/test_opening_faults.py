"""At start-up only a damaged, empty or foreign database file is offered for setting aside; a healthy one that
is locked, full or read-only gets its own message and is never moved."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest

from pairaid.store import RecordSummary, Store, StoreFullError, database_path
from pairaid.store import connection as connection_module
from pairaid.ui import opening
from tests.ui.app_helpers import DialogLog


def healthy(data_dir: Path) -> bytes:
    with Store.open(data_dir) as store:
        store.create_draft({"n": 1}, summary=RecordSummary())
    return database_path(data_dir).read_bytes()


def test_a_read_only_database_gets_its_message_and_no_offer_to_move_it(tmp_data_dir: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    before = healthy(tmp_data_dir)
    log = DialogLog().install(monkeypatch)

    def read_only_disk(path: Path) -> None:
        raise OSError(errno.EROFS, "Read-only file system", str(path))

    monkeypatch.setattr(connection_module, "make_private_file", read_only_disk)
    assert opening.open_store(tmp_data_dir) is None
    assert log.questions == [] and "read but not written" in log.errors[-1][1]
    assert database_path(tmp_data_dir).read_bytes() == before
    assert [p.name for p in tmp_data_dir.iterdir() if "set-aside" in p.name] == []


def test_a_full_disk_at_start_gets_its_message_and_no_offer_to_move_the_file(tmp_data_dir: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    healthy(tmp_data_dir)
    log = DialogLog().install(monkeypatch)

    def full(*_args: object) -> None:
        raise StoreFullError(database_path(tmp_data_dir), "the disk holding the records database is full")

    monkeypatch.setattr(connection_module, "inspect_database", full)
    assert opening.open_store(tmp_data_dir) is None
    assert log.questions == [] and "is full" in log.errors[-1][1]


def test_a_database_locked_by_another_program_is_not_offered_for_moving(tmp_data_dir: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    healthy(tmp_data_dir)
    log = DialogLog().install(monkeypatch)
    monkeypatch.setattr(connection_module, "BUSY_TIMEOUT_MS", 100)
    other = sqlite3.connect(database_path(tmp_data_dir), isolation_level=None)
    other.execute("PRAGMA journal_mode = DELETE")  # another program switched it out of WAL and holds it
    other.execute("BEGIN EXCLUSIVE")
    try:
        assert opening.open_store(tmp_data_dir) is None
    finally:
        other.close()
    assert log.questions == [] and "another program has held" in log.errors[-1][1]


def test_an_empty_database_is_named_and_kept_when_set_aside(tmp_data_dir: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    database_path(tmp_data_dir).touch()
    log = DialogLog().install(monkeypatch)
    log.answers.append(True)
    store = opening.open_store(tmp_data_dir)
    assert store is not None
    store.close()
    assert log.questions[-1][0] == "The records database is empty"
    assert "0 bytes" in log.questions[-1][1]
    kept = [p for p in tmp_data_dir.iterdir() if ".set-aside-" in p.name]
    assert len(kept) == 1 and kept[0].stat().st_size == 0
