"""At start-up each way the records database can fail has its own dialog: a title saying what was found, text
saying what to do, and only the buttons that fit. Only a damaged, empty or foreign file is offered for setting
aside; a healthy one that is full, read-only, in use or out of reach is never moved, and the file is byte for byte
the same afterwards. Every fault is real: a folder without write permission, a full or read-only small disk, a lock
held by another connection, a page overwritten on disk."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from pairaid.store import RecordSummary, Store, database_path
from pairaid.store import connection as connection_module
from pairaid.ui import dialogs, opening
from tests.disk_faults import fill, folder_mode, make_read_only, scribble_over_records, small_disk
from tests.ui.app_helpers import DialogLog

TRY_AGAIN_OR_QUIT = ("Try again", "Quit")
SET_ASIDE_OR_QUIT = ("Set it aside and start a new one", "Quit")


def healthy(data_dir: Path) -> bytes:
    with Store.open(data_dir) as store:
        store.create_draft({"n": 1}, summary=RecordSummary())
    return database_path(data_dir).read_bytes()


def set_aside_files(data_dir: Path) -> list[Path]:
    return [p for p in data_dir.iterdir() if ".set-aside-" in p.name]


def test_a_read_only_folder_is_explained_with_no_offer_to_move_it(qtbot, tmp_data_dir: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    before = healthy(tmp_data_dir)
    log = DialogLog().install(monkeypatch)
    with folder_mode(tmp_data_dir, 0o500):
        assert opening.open_store(tmp_data_dir) is None
    assert log.questions == [] and log.buttons == [("OK",)]
    title, text = log.errors[-1]
    assert title == "The records folder is read-only"
    assert "can be read but not written" in text and f"write access to {tmp_data_dir}" in text
    assert "move the pairaid data folder" in text and "do not move or delete it" in text
    assert database_path(tmp_data_dir).read_bytes() == before and set_aside_files(tmp_data_dir) == []


def test_a_read_only_disk_is_explained_as_read_only(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with small_disk(tmp_path / "disk") as disk:
        data_dir = disk / "data"
        before = healthy(data_dir)
        make_read_only(disk)
        log = DialogLog().install(monkeypatch)
        assert opening.open_store(data_dir) is None
        assert log.errors[-1][0] == "The records folder is read-only" and log.buttons == [("OK",)]
        assert database_path(data_dir).read_bytes() == before


def test_a_full_disk_says_nothing_is_lost_and_offers_to_try_again(qtbot, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    with small_disk(tmp_path / "disk") as disk:
        data_dir = disk / "data"
        before = healthy(data_dir)
        fill(disk)
        log = DialogLog().install(monkeypatch)
        log.answers.append(False)  # Quit
        assert opening.open_store(data_dir) is None
        title, text = log.questions[-1]
        assert title == "The disk is full" and log.buttons == [TRY_AGAIN_OR_QUIT]
        assert "Free some space" in text and "Nothing is lost" in text and "once there is space" in text
        assert database_path(data_dir).read_bytes() == before and set_aside_files(data_dir) == []

        def space_freed_then_try_again(*args: object) -> bool:
            (disk / "filler").unlink()
            return True

        monkeypatch.setattr(dialogs, "confirm", space_freed_then_try_again)
        store = opening.open_store(data_dir)
        assert store is not None
        with store:
            assert len(store.search()) == 1


def test_a_database_in_use_names_the_other_window_and_can_be_tried_again(qtbot, tmp_data_dir: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    healthy(tmp_data_dir)
    log = DialogLog().install(monkeypatch)
    monkeypatch.setattr(connection_module, "BUSY_TIMEOUT_MS", 100)
    other = sqlite3.connect(database_path(tmp_data_dir), isolation_level=None)
    other.execute("PRAGMA journal_mode = DELETE")  # another program switched it out of WAL and holds it
    other.execute("BEGIN EXCLUSIVE")
    try:
        before = database_path(tmp_data_dir).read_bytes()
        log.answers.append(False)
        assert opening.open_store(tmp_data_dir) is None
        assert database_path(tmp_data_dir).read_bytes() == before
        title, text = log.questions[-1]
        assert title == "The records database is in use" and log.buttons == [TRY_AGAIN_OR_QUIT]
        assert "another pairaid window" in text and "when the other pairaid window or program has finished" in text

        def released_then_try_again(*args: object) -> bool:
            other.execute("ROLLBACK")
            return True

        monkeypatch.setattr(dialogs, "confirm", released_then_try_again)
        store = opening.open_store(tmp_data_dir)
        assert store is not None
        store.close()
    finally:
        other.close()
    assert set_aside_files(tmp_data_dir) == []


def test_a_database_that_cannot_be_reached_offers_to_try_again(qtbot, tmp_data_dir: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    before = healthy(tmp_data_dir)
    log = DialogLog().install(monkeypatch)
    log.answers.append(False)
    with folder_mode(tmp_data_dir, 0o000):
        assert opening.open_store(tmp_data_dir) is None
    title, text = log.questions[-1]
    assert title == "The records database cannot be reached" and log.buttons == [TRY_AGAIN_OR_QUIT]
    assert "Permission denied" in text and "once the drive or folder is there again" in text
    assert database_path(tmp_data_dir).read_bytes() == before and set_aside_files(tmp_data_dir) == []


def test_a_database_from_a_newer_pairaid_is_explained_and_left(qtbot, tmp_data_dir: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    healthy(tmp_data_dir)
    with sqlite3.connect(database_path(tmp_data_dir)) as conn:
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                     "VALUES ('pairaid', '9999_future', 'x')")
    conn.close()
    before = database_path(tmp_data_dir).read_bytes()
    log = DialogLog().install(monkeypatch)
    assert opening.open_store(tmp_data_dir) is None
    assert log.errors[-1][0] == "The records database is from a newer pairaid" and log.buttons == [("OK",)]
    assert "install that version" in log.errors[-1][1]
    assert database_path(tmp_data_dir).read_bytes() == before and set_aside_files(tmp_data_dir) == []


def test_a_damaged_page_offers_the_set_aside_and_quitting_changes_nothing(qtbot, tmp_data_dir: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    healthy(tmp_data_dir)
    scribble_over_records(database_path(tmp_data_dir))
    before = database_path(tmp_data_dir).read_bytes()
    log = DialogLog().install(monkeypatch)
    log.answers.append(False)
    assert opening.open_store(tmp_data_dir) is None
    title, text = log.questions[-1]
    assert title == "The records database is damaged" and log.buttons == [SET_ASIDE_OR_QUIT]
    assert "damaged" in text and "renamed and kept" in text
    assert database_path(tmp_data_dir).read_bytes() == before and set_aside_files(tmp_data_dir) == []


def test_another_programs_file_offers_the_set_aside(qtbot, tmp_data_dir: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    foreign = b"PK\x03\x04 a zip file, not a database" * 100
    database_path(tmp_data_dir).write_bytes(foreign)
    log = DialogLog().install(monkeypatch)
    log.answers.append(False)
    assert opening.open_store(tmp_data_dir) is None
    assert log.questions[-1][0] == "This is not a pairaid records database" and log.buttons == [SET_ASIDE_OR_QUIT]
    assert database_path(tmp_data_dir).read_bytes() == foreign


def test_an_empty_database_is_named_and_kept_under_its_new_name_when_set_aside(qtbot, tmp_data_dir: Path,
                                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    database_path(tmp_data_dir).touch()
    log = DialogLog().install(monkeypatch)
    log.answers.append(True)
    store = opening.open_store(tmp_data_dir)
    assert store is not None
    store.close()
    title, text = log.questions[-1]
    assert title == "The records database is empty" and log.buttons == [SET_ASIDE_OR_QUIT]
    assert "0 bytes" in text and "set the empty file aside" in text
    kept = set_aside_files(tmp_data_dir)
    assert len(kept) == 1 and kept[0].stat().st_size == 0
    assert log.infos[-1][0] == "Records database set aside"
    assert "The empty file (0 bytes) was kept as" in log.infos[-1][1] and kept[0].name in log.infos[-1][1]


def test_a_foreign_file_in_a_read_only_folder_cannot_be_set_aside_and_says_why(qtbot, tmp_data_dir: Path,
                                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    database_path(tmp_data_dir).write_bytes(b"not a database at all " * 100)
    before = database_path(tmp_data_dir).read_bytes()
    log = DialogLog().install(monkeypatch)
    log.answers.append(True)  # agrees to set it aside: the folder refuses the rename
    with folder_mode(tmp_data_dir, 0o500):
        assert opening.open_store(tmp_data_dir) is None
    assert log.buttons == [SET_ASIDE_OR_QUIT, ("OK",)]
    title, text = log.errors[-1]
    assert title == "The records folder is read-only" and "could not be set aside" in text
    assert database_path(tmp_data_dir).read_bytes() == before and set_aside_files(tmp_data_dir) == []


def press_when_shown(button: str, seen: list[tuple[str, list[str], str]]) -> None:
    """Read the real message box when it is up (title, its buttons, the default one), then press `button`."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):  # not up yet: look again on the next turn of the loop
        QTimer.singleShot(20, lambda: press_when_shown(button, seen))
        return
    names = [b.text().replace("&", "") for b in box.buttons()]
    default = box.defaultButton()
    seen.append((box.windowTitle(), names, default.text().replace("&", "") if default else ""))
    next(b for b in box.buttons() if b.text().replace("&", "") == button).click()


@pytest.mark.parametrize(("mode", "title", "buttons"), [
    (0o000, "The records database cannot be reached", ["Try again", "Quit"]),
    (0o500, "The records folder is read-only", ["OK"]),
])
def test_the_real_dialog_offers_only_those_buttons_and_quit_is_the_default(qtbot, tmp_data_dir: Path, mode: int,
                                                                           title: str, buttons: list[str]) -> None:
    from PySide6.QtCore import QTimer

    before = healthy(tmp_data_dir)
    seen: list[tuple[str, list[str], str]] = []
    QTimer.singleShot(0, lambda: press_when_shown(buttons[-1], seen))
    with folder_mode(tmp_data_dir, mode):
        assert opening.open_store(tmp_data_dir) is None
    assert len(seen) == 1
    shown_title, shown_buttons, default = seen[0]
    assert shown_title == title and sorted(shown_buttons) == sorted(buttons)
    assert default == ("Quit" if len(buttons) > 1 else "")  # with a choice, the safe one is the default
    assert database_path(tmp_data_dir).read_bytes() == before
