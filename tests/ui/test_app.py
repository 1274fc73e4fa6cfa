"""The shell: autosave survives a destroyed window, every input is labelled and reachable by Tab, layout and
last record are remembered, a damaged database is only set aside when asked, a bad pathway gets a dialog,
crash details hold no personal data, home search and undo/redo from the Edit menu."""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTextEdit,
    QWidget,
)

from pairaid import app as app_module
from pairaid import logfile
from pairaid.core.pathway_card import PathwayCard
from pairaid.resources import default_pathway_path
from pairaid.store import Store
from pairaid.ui import opening
from pairaid.ui.crash import CrashHook, crash_details
from tests.ui.app_helpers import DialogLog, close_window, open_window
from tests.ui.keyboard import focused, radio_group_reached, shortcut, type_text

INPUTS = (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox, QAbstractButton, QAbstractItemView)


def fill_required(window, born: dt.date | None = None) -> None:
    session = window.session
    session.set_value("contact.type", "new_birth")
    session.set_value("family.baby.date_of_birth", (born or dt.date.today() - dt.timedelta(days=12)).isoformat())


def test_reopen_after_window_destroyed_without_saving(qtbot, tmp_data_dir: Path, monkeypatch) -> None:
    DialogLog().install(monkeypatch)
    window = open_window(qtbot, tmp_data_dir, track=False)
    window.new_visit()
    window.walkthrough.go_to("family")
    fill_required(window)
    from tests.ui.keyboard import tab_to

    tab_to("Baby's name")
    type_text("Nguyễn Thị Minh Khai")
    record_id = window.record_id()
    # No save, no close: only the autosave timer runs before the window and its store disappear.
    qtbot.waitUntil(lambda: not window.session.is_dirty(), timeout=2000)
    window.store.close()
    window.deleteLater()
    QApplication.processEvents()

    again = open_window(qtbot, tmp_data_dir)
    assert again.restore_last_record()
    assert again.record_id() == record_id
    assert again.session.value("family.baby.name") == "Nguyễn Thị Minh Khai"
    assert again.session.outcome() is not None
    close_window(again)


def _tab_cycle(window) -> set[int]:
    """Every widget Tab reaches, starting from the focused one, until the focus comes round again."""
    reached: set[int] = set()
    start = focused()
    for _ in range(600):
        reached.add(id(focused()))
        from PySide6.QtTest import QTest

        QTest.keyClick(focused(), Qt.Key.Key_Tab)
        if focused() is start:
            break
    return reached


def _check_screen(screen: QWidget, window, where: str) -> None:
    reached = _tab_cycle(window)
    inputs = [w for w in screen.findChildren(QWidget) if isinstance(w, INPUTS) and w.isVisible()
              and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
              and not isinstance(w.parentWidget(), QAbstractSpinBox | QComboBox)]  # their inner editors
    assert inputs, where
    unnamed = [type(w).__name__ for w in inputs if not w.accessibleName().strip()]
    assert not unnamed, f"{where}: inputs without an accessible name: {unnamed}"
    unreachable = [w.accessibleName() for w in inputs if id(w) not in reached
                   and not (isinstance(w, QRadioButton) and radio_group_reached(w, reached))]
    assert not unreachable, f"{where}: not reachable by Tab: {unreachable}"


def test_every_input_on_every_screen_is_named_and_reachable_by_tab(qtbot, tmp_data_dir: Path, monkeypatch,
                                                                    ) -> None:
    DialogLog().install(monkeypatch)
    window = open_window(qtbot, tmp_data_dir)
    window.home.search_edit.setFocus()
    _check_screen(window.home, window, "home")
    window.new_visit()
    fill_required(window)
    window.session.set_value("family.carers.0.name", "Łukasz Wójcik")
    for section in window.walkthrough.sections():
        window.walkthrough.go_to(section)
        page = window.walkthrough.page(section)
        if not page.isAncestorOf(focused()):
            page.setFocus()
        _check_screen(window.walkthrough, window, section)
    for key in window.places:
        window.show_place(key)
        view = window.stack.currentWidget()
        assert view is not window.visit_page and view is not window.home, key  # every place opens
        QApplication.processEvents()
        _check_screen(view, window, key)
    close_window(window)


def test_layout_and_last_record_are_remembered_in_the_data_dir(qtbot, tmp_data_dir: Path, monkeypatch) -> None:
    DialogLog().install(monkeypatch)
    window = open_window(qtbot, tmp_data_dir)
    window.resize(760, 560)
    window.new_visit()
    window.walkthrough.splitter().setSizes([150, 600, 300])
    sizes = window.walkthrough.splitter().sizes()
    window.walkthrough.go_to("mood")
    close_window(window)
    assert (tmp_data_dir / "settings.ini").exists()
    again = open_window(qtbot, tmp_data_dir)
    assert again.size().width() == 760
    assert again.restore_last_record()
    assert again.walkthrough.current_section() == "mood"
    assert again.walkthrough.splitter().sizes() == sizes
    close_window(again)


def test_undo_redo_from_the_keyboard(qtbot, tmp_data_dir: Path, monkeypatch) -> None:
    DialogLog().install(monkeypatch)
    window = open_window(qtbot, tmp_data_dir)
    shortcut("Ctrl+N")
    window.walkthrough.go_to("family")
    from tests.ui.keyboard import tab_to

    tab_to("Postcode")
    type_text("B15 2TT")
    assert window.session.value("family.postcode") == "B15 2TT"
    shortcut("Ctrl+Z")
    assert window.session.value("family.postcode") is None
    shortcut("Ctrl+Shift+Z")
    assert window.session.value("family.postcode") == "B15 2TT"
    close_window(window)


def test_home_search_by_name_nhs_number_level_and_status(qtbot, tmp_data_dir: Path, monkeypatch) -> None:
    DialogLog().install(monkeypatch)
    window = open_window(qtbot, tmp_data_dir)
    for name, nhs in (("Zoë Brontë", "943 476 5919"), ("রহমান চক্রবর্তী", "401 023 2137")):
        window.new_visit()
        fill_required(window)
        window.session.set_value("family.baby.name", name)
        window.session.set_value("family.baby.nhs_number", nhs)
    window.session.set_value("parent_voice.wants_help", "yes")
    window.go_home()
    home = window.home
    assert len(home.record_ids()) == 2
    home.search_edit.setText("zoe bronte")
    assert len(home.record_ids()) == 1
    home.search_edit.setText("4010232137")
    assert home.table.item(0, 0).text() == "রহমান চক্রবর্তী"
    home.search_edit.clear()
    home.level_combo.setCurrentIndex(home.level_combo.findData("targeted"))
    assert [home.table.item(0, 0).text()] == ["রহমান চক্রবর্তী"] and len(home.record_ids()) == 1
    home.level_combo.setCurrentIndex(0)
    home.status_combo.setCurrentIndex(home.status_combo.findData("final"))
    assert home.record_ids() == []
    home.status_combo.setCurrentIndex(0)
    home.date_from.setText((dt.date.today() + dt.timedelta(days=1)).strftime("%d/%m/%Y"))
    assert home.record_ids() == []
    close_window(window)


def test_pathway_past_review_date_shows_a_banner(qtbot, tmp_data_dir: Path, monkeypatch) -> None:
    DialogLog().install(monkeypatch)
    window = open_window(qtbot, tmp_data_dir)
    review_by = window.pathway.pathway.review_by
    assert window.home.review_banner.isVisible() == bool(review_by and review_by < dt.date.today())
    assert window.pathway.pathway.version in window.home.pathway_details.text().lower()
    close_window(window)
    from pairaid.ui.home import HomeView

    late = PathwayCard.of(window.pathway)._replace(review_by=dt.date(2020, 1, 31))
    home = HomeView(late, lambda _q: [])
    qtbot.addWidget(home)
    home.show()
    assert home.review_banner.isVisible()
    assert "31/01/2020" in home.review_text.text()


def test_damaged_database_is_set_aside_only_when_agreed(qtbot, tmp_data_dir: Path, monkeypatch) -> None:
    log = DialogLog().install(monkeypatch)
    db = tmp_data_dir / "pairaid.db"
    db.write_bytes(b"this is not a database" * 100)
    log.answers.append(False)
    assert opening.open_store(tmp_data_dir) is None
    assert db.read_bytes().startswith(b"this is not")
    assert "not a pairaid records database" in log.questions[-1][0]
    log.answers.append(True)
    store = opening.open_store(tmp_data_dir)
    assert isinstance(store, Store)
    store.close()
    kept = [p for p in tmp_data_dir.iterdir() if ".set-aside-" in p.name]
    assert kept and kept[0].read_bytes().startswith(b"this is not")


def test_bad_pathway_gets_a_dialog_naming_the_file(tmp_path: Path, monkeypatch) -> None:
    log = DialogLog().install(monkeypatch)
    bad = tmp_path / "pathway.yaml"
    bad.write_text("format: pairaid.pathway/1\npathway: {id: x}\n", encoding="utf-8")
    assert opening.open_pathway(str(bad)) is None
    assert str(bad) in log.errors[-1][1] and "not a valid pathway" in log.errors[-1][1]
    assert opening.open_pathway(str(tmp_path / "missing.yaml")) is None
    assert "does not exist" in log.errors[-1][1]


def test_crash_details_hold_no_personal_data(tmp_path: Path) -> None:
    def fail() -> None:
        baby = "Zoë Brontë 943 476 5919"
        raise ValueError(f"bad record for {baby}")

    try:
        fail()
    except ValueError as exc:
        shown: list[str] = []
        hook = CrashHook(tmp_path, show=lambda details, _where: shown.append(details))
        flushed: list[bool] = []
        hook.before_report.append(lambda: flushed.append(True))
        hook(type(exc), exc, exc.__traceback__)
    details = shown[0]
    assert "builtins.ValueError" in details and "in fail" in details and "test_app.py" in details
    assert "Zoë" not in details and "943" not in details and "bad record" not in details
    assert flushed == [True]
    assert (tmp_path / "crash-report.txt").read_text(encoding="utf-8").strip() == details
    assert str(Path.home()) not in crash_details(ValueError, None)


@pytest.mark.parametrize("argv", [["--data-dir", "X"]])
def test_arguments(argv: list[str], tmp_path: Path) -> None:
    args = app_module.parse_args([a.replace("X", str(tmp_path)) for a in argv])
    assert args.data_dir == str(tmp_path) and args.pathway is None
    shutil.rmtree(tmp_path)


def test_window_paints_home_first_then_loads_the_store_and_pathway(qtbot, tmp_data_dir: Path, monkeypatch,
                                                                     ) -> None:
    DialogLog().install(monkeypatch)
    seeded = open_window(qtbot, tmp_data_dir)
    seeded.new_visit()
    fill_required(seeded)
    seeded.session.set_value("family.baby.name", "Zoë Brontë")
    close_window(seeded)

    window = app_module.build_window(tmp_data_dir, defer=True)
    assert window is not None
    qtbot.addWidget(window)
    home = window.home
    assert not window.is_loaded() and home.is_loading()
    assert "loading" in home.pathway_label.text().lower() and "Loading" in home.count_label.text()
    assert not home.search_edit.isEnabled() and not home.open_button.isEnabled()
    assert home.new_button.isEnabled() and window.menus.new_action.isEnabled()
    with qtbot.waitSignal(window.loaded, timeout=5000):
        window.show()  # loads after home's first paint
    assert window.is_loaded() and not home.is_loading()
    assert window.pathway.pathway.title in home.pathway_label.text()
    assert home.search_edit.isEnabled() and home.level_combo.count() == 5
    assert home.table.item(0, 0).text() == "Zoë Brontë" and home.open_button.isEnabled()
    assert not window.has_visit_screen()  # the walk-through waits for the first visit
    assert not window.menus.undo_action.isEnabled()
    window.new_visit()
    assert window.has_visit_screen() and window.stack.currentWidget() is window.visit_page
    go_actions = window.menus.go_menu.actions()
    assert window.walkthrough.next_action in go_actions and window.walkthrough.previous_action in go_actions
    window.session.set_value("family.postcode", "B15 2TT")
    assert window.menus.undo_action.isEnabled() and window.menus.undo_action in window.menus.edit_menu.actions()
    close_window(window)


def test_new_visit_before_the_deferred_load_loads_first(qtbot, tmp_data_dir: Path, monkeypatch) -> None:
    DialogLog().install(monkeypatch)
    window = app_module.build_window(tmp_data_dir, defer=True)
    assert window is not None
    qtbot.addWidget(window)
    assert not window.is_loaded()
    window.home.new_button.click()  # before any paint: the store is opened there and then
    assert window.is_loaded() and window.record_id() is not None
    assert window.stack.currentWidget() is window.visit_page
    close_window(window)


def test_deferred_load_that_cannot_open_the_store_says_so_and_stops(qtbot, tmp_data_dir: Path, monkeypatch,
                                                                    ) -> None:
    log = DialogLog().install(monkeypatch)
    (tmp_data_dir / "pairaid.db").write_bytes(b"this is not a database" * 100)
    log.answers.append(False)  # do not set it aside
    window = app_module.build_window(tmp_data_dir, defer=True)
    assert window is not None
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.load_failed, timeout=5000):
        window.show()
    assert "not a pairaid records database" in log.questions[-1][0]
    assert not window.is_loaded() and not window.menus.new_action.isEnabled()
    window.new_visit()  # nothing happens, and no second question
    assert window.record_id() is None and len(log.questions) == 1
    with pytest.raises(RuntimeError):
        _ = window.store
    window.close()
    log.answers.append(False)
    assert app_module.build_window(tmp_data_dir) is None  # eager: no window at all
    assert (tmp_data_dir / "pairaid.db").read_bytes().startswith(b"this is not")


def test_the_data_folder_named_before_the_first_paint_is_where_the_store_puts_the_data(tmp_path: Path,
                                                                                        monkeypatch) -> None:
    """main() names the data folder before the first paint (pairaid.folders, no store imported); the loader then
    creates it with the store's resolve_data_dir: both must agree, whichever way the folder is given."""
    from pairaid import folders
    from pairaid.store.paths import ENV_VAR, resolve_data_dir

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv(ENV_VAR, raising=False)
    given = str(tmp_path / "given")
    planned = [folders.data_dir(given), folders.data_dir(None)]
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "from-env"))
    planned.append(folders.data_dir(None))
    assert not any(folder.exists() for folder in planned)  # naming a folder creates nothing
    assert resolve_data_dir(None) == planned[2]
    monkeypatch.delenv(ENV_VAR)
    assert [resolve_data_dir(given), resolve_data_dir(None)] == planned[:2]
    assert len(set(planned)) == 3


def _run_main(monkeypatch, argv: list[str], until: str = "loaded") -> tuple[int, list]:
    """Run the real main() until the window has loaded (or failed), with the process-wide hooks restored."""
    import sys
    import threading

    from PySide6.QtCore import QEvent, QTimer

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    windows: list = []
    real = app_module.build_window

    def watched(*args, **kwargs):
        window = real(*args, **kwargs)
        windows.append(window)
        window.loaded.connect(lambda: QTimer.singleShot(0, QApplication.instance().quit))
        return window

    monkeypatch.setattr(app_module, "build_window", watched)
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        code = app_module.main(argv)
    finally:
        for handler in [h for h in root.handlers if h not in before]:
            root.removeHandler(handler)
            handler.close()
        # A Quit event still queued when exec() has returned would be delivered in a later test, and Qt then
        # closes every window and activates none: that later test's window never becomes active.
        QApplication.removePostedEvents(QApplication.instance(), QEvent.Type.Quit)
    return code, windows


def test_main_paints_first_then_creates_the_data_folder_log_and_store(tmp_path: Path, monkeypatch) -> None:
    DialogLog().install(monkeypatch)
    data_dir = tmp_path / "new-data"
    code, windows = _run_main(monkeypatch, ["--data-dir", str(data_dir)])
    assert code == 0 and windows[0].is_loaded()
    assert (data_dir / "pairaid.db").exists() and (data_dir.stat().st_mode & 0o777) == 0o700
    assert "starting" in (data_dir / "pairaid.log").read_text(encoding="utf-8")
    windows[0].save_layout()
    for private in ("pairaid.db", "pairaid.log", "settings.ini"):  # readable by their owner only
        assert ((data_dir / private).stat().st_mode & 0o777) == 0o600, private
    windows[0].close()
    windows[0].close_store()


def test_a_full_log_is_rotated_and_every_log_file_kept_private(tmp_path: Path) -> None:
    log_path = tmp_path / logfile.LOG_NAME
    log_path.write_text("x" * logfile.LOG_MAX_BYTES, encoding="utf-8")
    os.chmod(log_path, 0o644)  # as an older pairaid left it
    (tmp_path / f"{logfile.LOG_NAME}.1").write_text("older", encoding="utf-8")
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        logfile.setup_logging(tmp_path)
        logging.getLogger("pairaid.test").info("fresh line")
    finally:
        for handler in [h for h in root.handlers if h not in before]:
            root.removeHandler(handler)
            handler.close()
    assert "fresh line" in log_path.read_text(encoding="utf-8") and log_path.stat().st_size < 200
    assert (log_path.stat().st_mode & 0o777) == 0o600
    assert (tmp_path / f"{logfile.LOG_NAME}.1").read_text(encoding="utf-8") == "x" * logfile.LOG_MAX_BYTES
    assert (tmp_path / f"{logfile.LOG_NAME}.2").read_text(encoding="utf-8") == "older"
    for backup in (".1", ".2"):  # an older pairaid's logs, which may hold more than ids, are private too
        assert ((tmp_path / f"{logfile.LOG_NAME}{backup}").stat().st_mode & 0o777) == 0o600


def test_main_with_an_unusable_data_folder_says_so_and_exits_1(tmp_path: Path, monkeypatch) -> None:
    log = DialogLog().install(monkeypatch)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    code, windows = _run_main(monkeypatch, ["--data-dir", str(blocker)])
    assert code == 1 and not windows[0].is_loaded()
    assert log.errors[-1][0] == "The data folder cannot be used" and "--data-dir" in log.errors[-1][1]


def _staged_window(qtbot, data_dir: Path, pathway: Path) -> tuple[object, list[str]]:
    """A deferred window on this pathway file, recording the order of its loading signals."""
    window = app_module.build_window(data_dir, str(pathway), defer=True)
    assert window is not None
    qtbot.addWidget(window)
    events: list[str] = []
    window.home_ready.connect(lambda: events.append(f"home_ready loaded={window.is_loaded()} "
                                                    f"listing={not window.home.is_loading()}"))
    window.loaded.connect(lambda: events.append("loaded"))
    window.load_failed.connect(lambda: events.append("load_failed"))
    return window, events


def test_home_lists_the_records_from_the_pathway_card_before_the_pathway_loads(qtbot, tmp_data_dir: Path,
                                                                                tmp_path: Path, monkeypatch) -> None:
    DialogLog().install(monkeypatch)
    monkeypatch.setenv("PAIRAID_CACHE_DIR", str(tmp_path / "cache"))
    pathway = tmp_path / "birmingham.yaml"
    shutil.copy(default_pathway_path(), pathway)

    assert opening.pathway_card(str(pathway)) is None  # first start with this file: checked, then carded
    first, events = _staged_window(qtbot, tmp_data_dir, pathway)
    with qtbot.waitSignal(first.loaded, timeout=10000):
        first.show()
    assert events == ["home_ready loaded=False listing=True", "loaded"]
    assert opening.pathway_card(str(pathway)) == PathwayCard.of(first.pathway)
    close_window(first)

    window, events = _staged_window(qtbot, tmp_data_dir, pathway)  # every later start: the card comes first
    with qtbot.waitSignal(window.loaded, timeout=10000):
        window.show()
    assert events == ["home_ready loaded=False listing=True", "loaded"]
    assert window.pathway.pathway.title in window.home.pathway_label.text()
    close_window(window)


def test_a_pathway_that_fails_after_home_was_filled_stops_the_app_with_a_dialog(qtbot, tmp_data_dir: Path,
                                                                               tmp_path: Path, monkeypatch) -> None:
    log = DialogLog().install(monkeypatch)
    monkeypatch.setenv("PAIRAID_CACHE_DIR", str(tmp_path / "cache"))
    pathway = tmp_path / "birmingham.yaml"
    shutil.copy(default_pathway_path(), pathway)
    assert opening.open_pathway(str(pathway)) is not None  # checked and cached, card and all
    window, events = _staged_window(qtbot, tmp_data_dir, pathway)
    window.home_ready.connect(lambda: pathway.unlink())  # the file goes away between the two stages
    with qtbot.waitSignal(window.load_failed, timeout=10000):
        window.show()
    assert events == ["home_ready loaded=False listing=True", "load_failed"]
    assert "does not exist" in log.errors[-1][1] and not window.menus.new_action.isEnabled()
    home = window.home
    assert not home.new_button.isEnabled() and not home.search_edit.isEnabled() and home.table.rowCount() == 0
    home.refresh()  # nothing searches the closed store
    with pytest.raises(RuntimeError):
        _ = window.store
    window.close()


def test_home_shows_the_pathway_actually_loaded_when_the_file_changed_between_the_stages(
        qtbot, tmp_data_dir: Path, tmp_path: Path, monkeypatch) -> None:
    DialogLog().install(monkeypatch)
    monkeypatch.setenv("PAIRAID_CACHE_DIR", str(tmp_path / "cache"))
    pathway = tmp_path / "birmingham.yaml"
    shutil.copy(default_pathway_path(), pathway)
    assert opening.open_pathway(str(pathway)) is not None  # cached with its card
    window, _events = _staged_window(qtbot, tmp_data_dir, pathway)
    newer = pathway.read_text(encoding="utf-8").replace('version: "2026.11"', 'version: "9.9-NEW"', 1)
    window.home_ready.connect(lambda: pathway.write_text(newer, encoding="utf-8"))
    with qtbot.waitSignal(window.loaded, timeout=10000):
        window.show()
    assert window.pathway.pathway.version == "9.9-NEW"
    assert "Version 9.9-NEW," in window.home.pathway_details.text()
    close_window(window)


def test_home_says_when_the_records_cannot_be_read_instead_of_crashing(qtbot, tmp_data_dir: Path,
                                                                      monkeypatch) -> None:
    """A page of the records table overwritten on disk after the store was opened: SQLite finds real damage."""
    from pairaid.store import RecordSummary, database_path
    from pairaid.ui.home import HomeView
    from pairaid.ui.records import search_records
    from tests.disk_faults import scribble_over_records

    DialogLog().install(monkeypatch)
    window = open_window(qtbot, tmp_data_dir)
    card = PathwayCard.of(window.pathway)
    window.store.create_draft({"n": 1}, summary=RecordSummary(baby_name="Zoë Brontë"))
    close_window(window)
    with Store.open(tmp_data_dir) as store:  # opened healthy, its page cache still cold
        scribble_over_records(database_path(tmp_data_dir))
        home = HomeView(card, lambda query: search_records(store, query))
        qtbot.addWidget(home)
        home.show()
        assert "could not be read" in home.count_label.text() and "damaged" in home.count_label.text()
        assert home.table.rowCount() == 0 and home.count_label.property("role") == "problem"
