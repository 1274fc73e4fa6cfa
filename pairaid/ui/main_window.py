"""The main window: home, the walk-through of the open visit (with the summary as its last section) and the
places, with menus, shortcuts, finalise/amend, and the window's layout and last record remembered.

Start-up (architecture.md, "Start-up and responsiveness"): the window is built from Qt and home alone and
shown at once, home saying "Loading…". Right after its first paint the window calls its loader (open the
records database, load the checked pathway) on the main thread, then fills home. The visit screen (session,
walk-through with its section pages, summary page) is built when a visit is first opened, and a place when it
is first shown. `store`, `pathway`, `session`, `walkthrough`, `summary_page` and `visit_page` build on first
use, so callers never see a half-built window.

The window composes; the jobs live beside it: the loading stages in `startup_loader`, finalise and amend in
`record_actions` (no widgets), the Record menu's files in `record_files`, choosing between two copies in
`record_conflicts`, what is remembered between starts in `window_memory`, the menu bar in `menus`, the visit
screen's frame in `visit_page`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from pairaid.ui import dialogs, record_actions, record_conflicts, record_files, text_size, window_memory
from pairaid.ui.crash import log_failure
from pairaid.ui.home import HomeView, RecordQuery, system_today
from pairaid.ui.menus import build_menus
from pairaid.ui.mnemonics import plain_text
from pairaid.ui.record_actions import (
    DialogPrompts,
    Finalised,
    can_amend,
    new_draft_data,
    record_status,
    save_failure_text,
)
from pairaid.ui.records import RecordSaver, search_records
from pairaid.ui.settings import WindowSettings
from pairaid.ui.startup_loader import Loader, Started, StartupLoader
from pairaid.ui.visit_page import VisitPage

if TYPE_CHECKING:  # pydantic, SQLite and the visit screen are imported after the first paint
    import datetime as dt
    from pathlib import Path

    from PySide6.QtGui import QCloseEvent, QShowEvent  # annotations only: each type costs PySide6 set-up time

    from pairaid.core.framework import Framework
    from pairaid.core.outcome import Outcome
    from pairaid.core.pathway import Pathway
    from pairaid.store.models import Record, RecordInfo
    from pairaid.store.store import Store
    from pairaid.ui.session import VisitSession
    from pairaid.ui.summary_page import SummaryPage
    from pairaid.ui.walkthrough import WalkthroughView

log = logging.getLogger(__name__)


# key -> (button text, factory or None while that place is not available); a factory gets the window.
PlaceFactories = dict[str, tuple[str, Callable[["MainWindow"], QWidget] | None]]


class MainWindow(QMainWindow):
    home_ready = Signal()  # the store is open and home lists the records (the pathway may still be loading)
    loaded = Signal()  # the pathway is loaded too: everything a visit needs is ready
    load_failed = Signal()  # the store or pathway could not be used: pairaid cannot start

    def __init__(self, settings: WindowSettings, loader: Loader, places: PlaceFactories | None = None,
                 today: Callable[[], dt.date] = system_today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("pairaid")
        self.setObjectName("main-window")
        self.settings = settings
        self.places = places or {}
        self.today = today
        self._boot = StartupLoader(loader, self._dialog_parent, self._home_opened, self._pathway_loaded,
                                   self._failed_to_start)
        self._framework: Framework | None = None
        self._record: Record | None = None
        self._place_views: dict[str, QWidget] = {}
        self.saver: RecordSaver | None = None
        self._session: VisitSession | None = None
        self._walkthrough: WalkthroughView | None = None
        self._summary_page: SummaryPage | None = None
        self._visit_page: VisitPage | None = None
        self.supervision_preview: record_files.Preview = record_files.supervision_preview  # replaceable in tests
        text_size.restore(settings)  # before anything is built, so sizes worked out from the text fit it

        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.home = HomeView(None, None,
                             [(key, text, factory is not None) for key, (text, factory) in self.places.items()],
                             today=today)
        self.home.new_visit_requested.connect(self.new_visit)
        self.home.open_requested.connect(self.open_record)
        self.home.place_requested.connect(self.show_place)
        self.stack.addWidget(self.home)
        self.stack.currentChanged.connect(lambda _i: self._update_actions())

        self.menus = build_menus(self, self, {key: (text, factory is not None)
                                              for key, (text, factory) in self.places.items()},
                                 text_size.restore(settings))
        self.statusBar().showMessage("Opening the records…")
        window_memory.restore_layout(self)
        self._update_actions()

    # Loading (the two stages live in StartupLoader) ----------------------------------------------------

    def is_loaded(self) -> bool:
        return self._boot.pathway is not None

    def is_home_ready(self) -> bool:
        return self._boot.started is not None

    def ensure_home(self) -> bool:
        """Stage one, right after the first paint: open the store, read the pathway's card, fill home."""
        return self._boot.ensure_home()

    def ensure_loaded(self) -> bool:
        """Both stages now if not done yet (the pathway is stage two). False when pairaid cannot start."""
        return self._boot.ensure_loaded()

    def _home_opened(self, started: Started) -> None:
        self.saver = RecordSaver(started.store, self._outcome)
        self.home.set_source(started.card, self._search_records)
        self.statusBar().showMessage("Loading the pathway…")
        self.home_ready.emit()

    def _pathway_loaded(self, pathway: Pathway) -> None:
        self._refresh_card(pathway)
        self.statusBar().showMessage("Ready")
        self._update_actions()
        self.loaded.emit()

    def _refresh_card(self, pathway: Pathway) -> None:
        """Home shows the pathway actually in use: the file may have been replaced between the two stages."""
        from pairaid.core.pathway_card import PathwayCard

        assert self._boot.started is not None
        card = PathwayCard.of(pathway)
        if card != self._boot.started.card:
            self._boot.replace_card(card)
            self.home.set_source(card, self._search_records)

    def _search_records(self, query: RecordQuery) -> list[RecordInfo]:
        """Home's list, from the open store."""
        return search_records(self.store, query)

    def _dialog_parent(self) -> QWidget | None:
        return self if self.isVisible() else None

    def _failed_to_start(self) -> None:
        self.statusBar().showMessage("pairaid cannot start")
        self.home.show_unavailable()
        self._update_actions()
        self.load_failed.emit()

    def _repaint_home(self) -> None:
        if self.isVisible():
            self.home.repaint()  # the list is on screen before the pathway's ~100 ms load

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._boot.schedule(self.home.first_painted, self._repaint_home)

    def _require(self) -> Started:
        if not self.ensure_home():  # after a failure the store is closed: nothing may use it
            raise RuntimeError("the records database or the pathway could not be opened")
        assert self._boot.started is not None
        return self._boot.started

    @property
    def store(self) -> Store:
        return self._require().store

    @property
    def pathway(self) -> Pathway:
        if not self.ensure_loaded():
            raise RuntimeError("the records database or the pathway could not be opened")
        assert self._boot.pathway is not None
        return self._boot.pathway

    @property
    def framework(self) -> Framework:
        if self._framework is None:
            from pairaid.core.framework import load_framework

            self._framework = load_framework()
        return self._framework

    def has_visit_screen(self) -> bool:
        """Whether the walk-through has been built (it is, the first time a visit is opened)."""
        return self._walkthrough is not None

    def close_store(self) -> None:
        self._boot.close_store()

    # Building the visit screen on first use --------------------------------------------------------

    @property
    def session(self) -> VisitSession:
        if self._session is None:
            self._build_session()
        assert self._session is not None
        return self._session

    @property
    def walkthrough(self) -> WalkthroughView:
        if self._walkthrough is None:
            self._build_visit()
        assert self._walkthrough is not None
        return self._walkthrough

    @property
    def summary_page(self) -> SummaryPage:
        if self._summary_page is None:
            self._build_visit()
        assert self._summary_page is not None
        return self._summary_page

    @property
    def visit_page(self) -> VisitPage:
        if self._visit_page is None:
            self._build_visit()
        assert self._visit_page is not None
        return self._visit_page

    def _outcome(self) -> Outcome | None:
        return self._session.outcome() if self._session is not None else None

    def flush(self) -> None:
        """Save the open draft now (autosave would within 250 ms); nothing to do before a visit is opened."""
        if self._session is not None:
            self._session.flush()

    def _build_session(self) -> None:
        from pairaid.ui.session import VisitSession

        pathway = self.pathway
        assert self.saver is not None
        session = VisitSession(pathway, self.saver, self)
        session.saved.connect(lambda _version: self.statusBar().showMessage(f"Saved at {time.strftime('%H:%M:%S')}"))
        session.save_failed.connect(self._on_save_failed)
        session.read_only_changed.connect(lambda _ro: self._update_actions())
        session.data_changed.connect(self._update_title)
        self._session = session
        self.menus.use_undo_stack(self, session.undo_stack)

    def _build_visit(self) -> None:
        from pairaid.ui.summary_page import SummaryPage
        from pairaid.ui.walkthrough import WalkthroughView

        session = self.session
        self._summary_page = SummaryPage(session, self.pathway, self._record_event, today=self.today)
        walkthrough = WalkthroughView(session, self.framework, [("summary", "Summary", self._summary_page)])
        walkthrough.finalise_requested.connect(self.finalise)
        self._walkthrough = walkthrough
        page = VisitPage(walkthrough)
        page.home_button.clicked.connect(self.go_home)
        page.amend_button.clicked.connect(self.amend)
        self._visit_page = page
        self.stack.addWidget(self._visit_page)
        self.menus.go_menu.insertAction(self.menus.summary_action, walkthrough.next_action)
        self.menus.go_menu.insertAction(self.menus.summary_action, walkthrough.previous_action)
        window_memory.restore_splitter(self)
        self._update_actions()

    def set_text_size(self, percent: int) -> None:
        """View → Text size: applied to everything on screen at once, and kept for the next start."""
        text_size.choose(self.settings, self.menus.text_size_actions, percent)

    # Layout memory (window_memory) ---------------------------------------------------------------

    def save_layout(self) -> None:
        window_memory.save_layout(self)

    def restore_last_record(self) -> bool:
        """Reopen the record that was open when the app last closed (or crashed)."""
        return window_memory.restore_last_record(self)

    # Records ---------------------------------------------------------------------------------------

    def record_id(self) -> str | None:
        return self.saver.record_id if self.saver is not None else None

    def new_visit(self) -> None:
        from pairaid.store.models import RecordSummary

        if not self.ensure_loaded():
            return
        self.flush()
        data = new_draft_data(self.today().isoformat())
        info = self.store.create_draft(data, summary=RecordSummary.from_draft(data))
        data["id"] = info.id
        self._show_record(self.store.load(info.id))
        self.walkthrough.go_to(self.walkthrough.sections()[0])

    def open_record(self, record_id: str, quiet: bool = False) -> None:
        from pairaid.store.errors import StoreError

        if not self.ensure_loaded():
            return
        self.flush()
        try:
            record = self.store.load(record_id)
        except StoreError as exc:
            if quiet:
                raise
            dialogs.error(self, "The record could not be opened", f"{exc}. Search for it again on the home screen.")
            return
        chosen = record_conflicts.record_to_open(self, record, quiet)  # two copies: the user keeps one first
        if chosen is None:
            return
        self._show_record(chosen)
        self.walkthrough.go_to(self.walkthrough.sections()[0])

    def resolve_conflict(self, copy_id: str) -> Record | None:
        """Compare a bundle's copy with this computer's record and keep one; the record as kept, or None."""
        return record_conflicts.resolve(self, copy_id)

    def _show_record(self, record: Record) -> None:
        assert self.saver is not None
        page = self.visit_page  # built before the data is loaded, so every section page hears the load
        self._record = record
        self.saver.attach(record.id, record.version)
        self.session.load(record.data, read_only=record.read_only)
        self.summary_page.set_reviews(record.reviews)
        self.settings.set_last_record(record.id)
        self.settings.sync()
        self.stack.setCurrentWidget(page)
        self._update_title()
        self._update_actions()

    def go_home(self) -> None:
        self.flush()
        self.home.refresh()
        self.stack.setCurrentWidget(self.home)
        self.home.search_edit.setFocus()

    def show_place(self, key: str) -> None:
        _text, factory = self.places.get(key, ("", None))
        if factory is None or not self.ensure_loaded():
            return
        view = self._place_views.get(key)
        if view is None:
            try:
                view = factory(self)
            except ImportError as exc:  # a place whose parts are not installed in this build
                log_failure(log, f"place {key} is not available", exc)
                self.home.place_buttons[key].setEnabled(False)
                self.menus.place_actions[key].setEnabled(False)
                dialogs.error(self, "Not available", f"{plain_text(_text)} is not available in this "
                              "version of pairaid. Everything else works as usual.")
                return
            back = getattr(view, "back_requested", None)
            if back is not None:
                back.connect(self.go_home)
            self._place_views[key] = view
            self.stack.addWidget(view)
        self.stack.setCurrentWidget(view)
        view.setFocus()

    def _record_event(self, kind: str, detail: dict[str, Any]) -> None:
        from pairaid.store.errors import StoreError

        if self.saver is None or self.saver.record_id is None:
            raise StoreError("no record is open")
        self.store.log_event(self.saver.record_id, kind, detail)

    # Finalise and amend ----------------------------------------------------------------------------

    def finalise(self) -> bool:
        """Validate strictly, confirm, make the record final and read-only."""
        if self.saver is None or self.saver.record_id is None or self.session.is_read_only():
            return False
        self.session.flush()
        result = record_actions.finalise(self.store, self.pathway, self.saver.record_id, self.saver.version,
                                         self.session.data(), DialogPrompts(self))
        if not isinstance(result, Finalised):
            if result.go_to is not None:
                self.walkthrough.go_to(result.go_to)
            return False
        self.saver.version = result.version
        self._record = self.store.load(self.saver.record_id)
        self.session.set_read_only(True)
        self._update_title()
        self._update_actions()
        self.statusBar().showMessage("Finalised: this record is now read-only.", 8000)
        self.show_summary()  # the next step is sending the copies
        return True

    def amend(self) -> None:
        if self.record_id() is None or self._record is None:
            return
        amendment = record_actions.amend(self.store, self._record, DialogPrompts(self))
        if amendment is not None:
            self.open_record(amendment)

    # Summary shortcuts -----------------------------------------------------------------------------

    def show_summary(self) -> None:
        self.walkthrough.go_to("summary")
        if not self.summary_page.isAncestorOf(self.focusWidget()):
            self.summary_page.copy_combo.setFocus()

    def on_visit(self) -> bool:
        return self._visit_page is not None and self.stack.currentWidget() is self._visit_page

    def save_pdf(self) -> None:
        if self.on_visit():
            self.show_summary()
            self.summary_page.save_pdf()

    def print_summary(self) -> None:
        if self.on_visit():
            self.show_summary()
            self.summary_page.print_copy()

    # Record files ----------------------------------------------------------------------------------

    def export_for_supervision(self) -> Path | None:
        """Record → Export for supervision: the preview of what leaves first, then a bundle without identifiers."""
        return record_files.export_open_record(self, supervision=True)

    def export_full_bundle(self) -> Path | None:
        """Record → Export full bundle: the whole record, identifiers included, after saying so."""
        return record_files.export_open_record(self, supervision=False)

    def add_assessment_file(self, path: Path | None = None) -> str | None:
        """Record → Add assessment file: checked, saved as a new draft and opened; its id, or None."""
        return record_files.add_and_open(self, path)

    def show_keys(self) -> None:
        """Record → Keys and trusted colleagues: this computer's fingerprint and the colleagues trusted here."""
        if self.ensure_home():
            dialogs.show_keys(self, self.store)

    # State -----------------------------------------------------------------------------------------

    def _update_title(self, *_args: object) -> None:
        if self._visit_page is None:
            return
        is_open = self.record_id() is not None
        # The window title is visible to screen sharing and task switchers: no names in it.
        self.setWindowTitle("pairaid — visit" if is_open else "pairaid")
        name = str(self.session.value("family.baby.name") or "New visit") if is_open else ""
        self._visit_page.show_record(name, record_status(self._record) if is_open and self._record else None)

    def _update_actions(self) -> None:
        on_visit = self.on_visit()
        open_record = self.record_id() is not None
        final = can_amend(self._record)
        menus = self.menus
        for action in (menus.pdf_action, menus.print_action, menus.summary_action):
            action.setEnabled(on_visit and open_record)
        menus.new_action.setEnabled(not self._boot.failed)
        menus.finalise_action.setEnabled(on_visit and open_record and self._session is not None
                                        and not self._session.is_read_only())
        menus.amend_action.setEnabled(on_visit and final)
        menus.supervision_action.setEnabled(on_visit and open_record)
        menus.full_bundle_action.setEnabled(on_visit and open_record)
        for needs_records in (menus.add_file_action, menus.keys_action):
            needs_records.setEnabled(not self._boot.failed)
        if self._walkthrough is not None:
            self._walkthrough.next_action.setEnabled(on_visit)
            self._walkthrough.previous_action.setEnabled(on_visit)
        if self._visit_page is not None:
            self._visit_page.amend_button.setVisible(final)

    def _on_save_failed(self, message: str) -> None:
        self.statusBar().showMessage("Not saved")
        dialogs.error(self, "Not saved", save_failure_text(self.session.last_save_error, message))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # Before a visit is opened there is nothing to save (and no need for Qt's event-type enum yet).
        session = getattr(self, "_session", None)  # changeEvent also comes during __init__
        if session is not None and event.type() == QEvent.Type.ActivationChange and not self.isActiveWindow():
            self.flush()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush()
        self.save_layout()
        super().closeEvent(event)
