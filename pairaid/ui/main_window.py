"""The main window: home, the walk-through of the open visit (with the summary as its last section) and the
places, with menus, shortcuts, finalise/amend, and the window's layout and last record remembered.

Start-up (architecture.md, "Start-up and responsiveness"): the window is built from Qt and home alone and
shown at once, home saying "Loading…". Right after its first paint the window calls its loader (open the
records database, load the checked pathway) on the main thread, then fills home. The visit screen (session,
walk-through with its section pages, summary page) is built when a visit is first opened, and a place when it
is first shown. `store`, `pathway`, `session`, `walkthrough`, `summary_page` and `visit_page` build on first
use, so callers never see a half-built window.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pairaid.ui import dialogs
from pairaid.ui.crash import log_failure
from pairaid.ui.home import HomeView, RecordQuery, system_today
from pairaid.ui.records import RecordSaver, search_records
from pairaid.ui.settings import WindowSettings
from pairaid.ui.style import make_heading

if TYPE_CHECKING:  # pydantic, SQLite and the visit screen are imported after the first paint
    import datetime as dt

    from PySide6.QtGui import QCloseEvent, QShowEvent  # annotations only: each type costs PySide6 set-up time

    from pairaid.core.framework import Framework
    from pairaid.core.outcome import Outcome
    from pairaid.core.pathway import Pathway
    from pairaid.core.pathway_card import PathwayCard
    from pairaid.store.models import Record, RecordInfo
    from pairaid.store.store import Store
    from pairaid.ui.session import VisitSession
    from pairaid.ui.summary_page import SummaryPage
    from pairaid.ui.walkthrough import WalkthroughView

log = logging.getLogger(__name__)


class Started(NamedTuple):
    """What the loader opens once the window is on screen. The store and the pathway's card fill home at
    once; the pathway itself (pydantic models, ~100 ms) is loaded a moment later by `load_pathway`, which
    gives None when it cannot be used (having said why in a dialog; its argument is that dialog's parent)."""

    store: Store
    card: PathwayCard
    load_pathway: Callable[[QWidget | None], Pathway | None]


# Opens the store and reads the pathway's card; None when pairaid cannot start (the loader has said why in a
# dialog). Its argument is the parent for those dialogs.
Loader = Callable[[QWidget | None], Started | None]
# key -> (button text, factory or None while that place is not available); a factory gets the window.
PlaceFactories = dict[str, tuple[str, Callable[["MainWindow"], QWidget] | None]]
SPLITTER = "walkthrough"
LOAD_FALLBACK_MS = 250  # load even if no paint arrives (a window shown minimised)


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
        self._loader = loader
        self._today = today
        self._started: Started | None = None
        self._pathway: Pathway | None = None
        self._loading = False
        self._failed = False
        self._load_scheduled = False
        self._framework: Framework | None = None
        self._record: Record | None = None
        self._place_views: dict[str, QWidget] = {}
        self.saver: RecordSaver | None = None
        self._session: VisitSession | None = None
        self._walkthrough: WalkthroughView | None = None
        self._summary_page: SummaryPage | None = None
        self._visit_page: QWidget | None = None

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

        self._build_menus()
        self.statusBar().showMessage("Opening the records…")
        self._restore_layout()
        self._update_actions()

    # Loading ---------------------------------------------------------------------------------------

    def is_loaded(self) -> bool:
        return self._pathway is not None

    def is_home_ready(self) -> bool:
        return self._started is not None

    def ensure_home(self) -> bool:
        """Stage one, right after the first paint: open the store, read the pathway's card, fill home."""
        if self._started is not None:
            return True
        if self._failed or self._loading:  # a loader's dialog runs an event loop: never load twice
            return False
        self._loading = True
        try:
            started = self._loader(self._dialog_parent())
        finally:
            self._loading = False
        if started is None:
            self._fail()
            return False
        self._started = started
        self.saver = RecordSaver(started.store, self._outcome)
        self.home.set_source(started.card, self._search_records)
        self.statusBar().showMessage("Loading the pathway…")
        self.home_ready.emit()
        return True

    def ensure_loaded(self) -> bool:
        """Both stages now if not done yet (the pathway is stage two). False when pairaid cannot start."""
        if self._pathway is not None:
            return True
        if not self.ensure_home() or self._failed or self._loading:
            return False
        assert self._started is not None
        self._loading = True
        try:
            pathway = self._started.load_pathway(self._dialog_parent())
        finally:
            self._loading = False
        if pathway is None:
            self._fail()
            return False
        self._pathway = pathway
        self._refresh_card(pathway)
        self.statusBar().showMessage("Ready")
        self._update_actions()
        self.loaded.emit()
        return True

    def _refresh_card(self, pathway: Pathway) -> None:
        """Home shows the pathway actually in use: the file may have been replaced between the two stages."""
        from pairaid.core.pathway_card import PathwayCard

        assert self._started is not None
        card = PathwayCard.of(pathway)
        if card != self._started.card:
            self._started = self._started._replace(card=card)
            self.home.set_source(card, self._search_records)

    def _search_records(self, query: RecordQuery) -> list[RecordInfo]:
        """Home's list, from the open store."""
        assert self._started is not None
        return search_records(self._started.store, query)

    def _dialog_parent(self) -> QWidget | None:
        return self if self.isVisible() else None

    def _fail(self) -> None:
        self._failed = True
        if self._started is not None:  # the pathway failed after the store opened: nothing will use it now
            self._started.store.close()
        self.statusBar().showMessage("pairaid cannot start")
        self.home.show_unavailable()
        self._update_actions()
        self.load_failed.emit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._load_scheduled:
            self._load_scheduled = True
            # Home is being painted when this fires; the frame reaches the screen before the 0 ms timer.
            self.home.first_painted.connect(lambda: QTimer.singleShot(0, self._load_after_paint))
            QTimer.singleShot(LOAD_FALLBACK_MS, self._load_after_paint)

    def _load_after_paint(self) -> None:
        """Stage one, then, once home has been painted with the list, stage two on the next turn of the loop."""
        if self._failed or self._loading or self._pathway is not None:
            return
        if self._started is None:
            if self.ensure_home():
                if self.isVisible():
                    self.home.repaint()  # the list is on screen before the pathway's ~100 ms load
                QTimer.singleShot(0, self._load_after_paint)
            return
        self.ensure_loaded()

    def _require(self) -> Started:
        if self._failed or not self.ensure_home():  # after a failure the store is closed: nothing may use it
            raise RuntimeError("the records database or the pathway could not be opened")
        assert self._started is not None
        return self._started

    @property
    def store(self) -> Store:
        return self._require().store

    @property
    def pathway(self) -> Pathway:
        if not self.ensure_loaded():
            raise RuntimeError("the records database or the pathway could not be opened")
        assert self._pathway is not None
        return self._pathway

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
        if self._started is not None:
            self._started.store.close()

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
    def visit_page(self) -> QWidget:
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
        session.saved.connect(self._on_saved)
        session.save_failed.connect(self._on_save_failed)
        session.read_only_changed.connect(lambda _ro: self._update_actions())
        session.data_changed.connect(self._update_title)
        self._session = session
        # The Edit menu's stand-ins become the undo stack's own actions (text "Undo typing", enabled state).
        undo = session.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcuts([QKeySequence("Ctrl+Z")])
        redo = session.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for old, new in ((self.undo_action, undo), (self.redo_action, redo)):
            self.edit_menu.insertAction(old, new)
            self.edit_menu.removeAction(old)
            old.deleteLater()
        self.undo_action, self.redo_action = undo, redo

    def _build_visit(self) -> None:
        from pairaid.ui.summary_page import SummaryPage
        from pairaid.ui.walkthrough import WalkthroughView

        session = self.session
        self._summary_page = SummaryPage(session, self.pathway, self._record_event, today=self._today)
        walkthrough = WalkthroughView(session, self.framework, [("summary", "Summary", self._summary_page)])
        walkthrough.finalise_requested.connect(self.finalise)
        self._walkthrough = walkthrough
        self._visit_page = self._make_visit_page(walkthrough)
        self.stack.addWidget(self._visit_page)
        self.go_menu.insertAction(self.summary_action, walkthrough.next_action)
        self.go_menu.insertAction(self.summary_action, walkthrough.previous_action)
        splitter = self.settings.splitter(SPLITTER)
        if splitter is not None:
            walkthrough.splitter().restoreState(splitter)
        else:
            walkthrough.splitter().setSizes([180, 700, 360])
        self._update_actions()

    def _make_visit_page(self, walkthrough: WalkthroughView) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        header = QWidget()
        header.setObjectName("visit-header")
        row = QHBoxLayout(header)
        row.setContentsMargins(12, 6, 12, 6)
        self.home_button = QPushButton("← Home")
        self.home_button.setProperty("role", "secondary")
        self.home_button.setAccessibleName("Home")
        self.home_button.setToolTip("Back to the list of assessments (Ctrl+H)")
        self.home_button.clicked.connect(self.go_home)
        self.visit_title = QLabel("")
        make_heading(self.visit_title, 1.15)
        self.record_status = QLabel("")
        self.record_status.setProperty("role", "hint")
        self.record_status.setAccessibleName("Record status")
        self.amend_button = QPushButton("&Amend…")
        self.amend_button.setAccessibleName("Amend this final record")
        self.amend_button.setToolTip("Correct a final record: opens a linked amendment draft")
        self.amend_button.clicked.connect(self.amend)
        row.addWidget(self.home_button)
        row.addWidget(self.visit_title, 1)
        row.addWidget(self.record_status)
        row.addWidget(self.amend_button)
        column.addWidget(header)
        column.addWidget(walkthrough, 1)
        return page

    # Menus -----------------------------------------------------------------------------------------

    def _action(self, menu: Any, text: str, slot: Callable[[], Any], keys: list[QKeySequence] | None = None,
                ) -> QAction:
        action = QAction(text, self)
        if keys:
            action.setShortcuts(keys)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self.new_action = self._action(file_menu, "&New visit", self.new_visit, [QKeySequence("Ctrl+N")])
        self.home_action = self._action(file_menu, "&Home", self.go_home, [QKeySequence("Ctrl+H")])
        file_menu.addSeparator()
        self.pdf_action = self._action(file_menu, "Save summary as &PDF…", self.save_pdf, [QKeySequence("Ctrl+S")])
        self.print_action = self._action(file_menu, "&Print summary…", self.print_summary,
                                         [QKeySequence("Ctrl+P")])
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", self.close, [QKeySequence("Ctrl+Q")])

        self.edit_menu = bar.addMenu("&Edit")
        # Stand-ins until a visit is opened (nothing to undo before): replaced by the session's undo stack.
        self.undo_action = self._action(self.edit_menu, "&Undo", lambda: None)
        self.redo_action = self._action(self.edit_menu, "&Redo", lambda: None)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)

        self.go_menu = bar.addMenu("&Go")  # next/previous section join it with the walk-through
        self.summary_action = self._action(self.go_menu, "&Summary", self.show_summary)

        record_menu = bar.addMenu("&Record")
        self.finalise_action = self._action(record_menu, "&Finalise…", self.finalise)
        self.amend_action = self._action(record_menu, "&Amend…", self.amend)

        places_menu = bar.addMenu("&Places")
        self._place_actions: dict[str, QAction] = {}
        for key, (text, factory) in self.places.items():
            action = self._action(places_menu, text, lambda k=key: self.show_place(k))
            action.setEnabled(factory is not None)
            self._place_actions[key] = action

    # Layout memory ---------------------------------------------------------------------------------

    def _restore_layout(self) -> None:
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 720)  # fits 1366x768 with the task bar
        state = self.settings.state()
        if state is not None:
            self.restoreState(state)
        # The walk-through's splitter is restored when the visit screen is built.

    def save_layout(self) -> None:
        self.settings.save_window(self.saveGeometry(), self.saveState())
        if self._walkthrough is not None:  # otherwise keep what the last visit screen left
            self.settings.save_splitter(SPLITTER, self._walkthrough.splitter().saveState())
            self.settings.set_last_section(self._walkthrough.current_section())
        self.settings.sync()

    def restore_last_record(self) -> bool:
        """Reopen the record that was open when the app last closed (or crashed)."""
        from pairaid.store.errors import StoreError

        record_id = self.settings.last_record()
        if not record_id or not self.ensure_loaded():
            return False
        try:
            self.open_record(record_id, quiet=True)
        except StoreError:
            self.settings.set_last_record(None)
            return False
        section = self.settings.last_section()
        if section in self.walkthrough.sections():
            self.walkthrough.go_to(section)
        return True

    # Records ---------------------------------------------------------------------------------------

    def record_id(self) -> str | None:
        return self.saver.record_id if self.saver is not None else None

    def new_visit(self) -> None:
        from pairaid.core.assessment import FORMAT
        from pairaid.store.models import RecordSummary

        if not self.ensure_loaded():
            return
        self.flush()
        data: dict[str, Any] = {"format": FORMAT, "contact": {"date": self._today().isoformat()}}
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
        self._show_record(record)
        self.walkthrough.go_to(self.walkthrough.sections()[0])

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
                self._place_actions[key].setEnabled(False)
                dialogs.error(self, "Not available", f"{_text.replace('&', '')} is not available in this "
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
        from pydantic import ValidationError

        from pairaid.core.assessment import parse_assessment
        from pairaid.core.engine import OverrideError, override_problem
        from pairaid.core.errors import format_validation_error
        from pairaid.pathway.loading import assess_with_pathway
        from pairaid.store.errors import StoreError

        if self.saver is None or self.saver.record_id is None or self.session.is_read_only():
            return False
        self.session.flush()
        try:
            assessment = parse_assessment(self.session.data())
        except ValidationError as exc:
            lines = "\n".join(f"• {line}" for line in format_validation_error(exc))
            dialogs.error(self, "Not ready to finalise",
                          f"Put these right first, then finalise again:\n\n{lines}")
            return False
        try:
            outcome = assess_with_pathway(assessment, self.pathway, strict=True)
        except OverrideError:
            draft = assess_with_pathway(assessment, self.pathway, strict=False)
            decision = assessment.decision
            problem = override_problem(draft.level, decision.override_level, decision.override_reason,
                                       draft.safeguarding)
            self._explain_override(draft.level, decision.override_level or draft.level,
                                   problem is not None and problem.kind == "safeguarding")
            self.walkthrough.go_to("decision")
            return False
        final = self.pathway.levels.get(outcome.final_level).label
        if not dialogs.confirm(
            self, "Finalise this assessment?",
            f"The level of need will be recorded as {final}. A final record cannot be changed: corrections are "
            "made as an amendment, which keeps the original.", "Finalise"):
            return False
        try:
            version = self.store.finalise(self.saver.record_id, self.saver.version, assessment, outcome,
                                          pathway_id=self.pathway.pathway.id,
                                          pathway_version=self.pathway.pathway.version)
        except (StoreError, OverrideError, ValueError) as exc:
            dialogs.error(self, "Not finalised", f"{exc}.")
            return False
        self.saver.version = version
        self._record = self.store.load(self.saver.record_id)
        self.session.set_read_only(True)
        self._update_title()
        self._update_actions()
        self.statusBar().showMessage("Finalised: this record is now read-only.", 8000)
        self.show_summary()  # the next step is sending the copies
        return True

    def _explain_override(self, suggested: str, chosen: str, safeguarding: bool) -> None:
        levels = self.pathway.levels
        if safeguarding:
            text = (f"A safeguarding indicator is recorded, so the level stays {levels.get('statutory').label} "
                    "and cannot be lowered. On the Decision section choose the suggested level, and follow the "
                    "front door's advice.")
        else:
            text = (f"You lowered the level from {levels.get(suggested).label} to {levels.get(chosen).label} "
                    "without a reason. On the Decision section, write why in the reason box, or accept the "
                    "suggested level. Then finalise again.")
        dialogs.error(self, "Lowering the level needs a reason", text)

    def amend(self) -> None:
        from pairaid.store.errors import StoreError

        record_id = self.record_id()
        if record_id is None or self._record is None or self._record.status != "final":
            return
        if not dialogs.confirm(self, "Amend this record?",
                               "An amendment is a new draft linked to this final record. The final record stays "
                               "as it is until the amendment is finalised.", "Amend"):
            return
        try:
            info = self.store.amend(record_id)
        except StoreError as exc:
            dialogs.error(self, "Cannot amend", f"{exc}.")
            return
        self.open_record(info.id)

    # Summary shortcuts -----------------------------------------------------------------------------

    def show_summary(self) -> None:
        self.walkthrough.go_to("summary")
        if not self.summary_page.isAncestorOf(self.focusWidget()):
            self.summary_page.copy_combo.setFocus()

    def _on_visit(self) -> bool:
        return self._visit_page is not None and self.stack.currentWidget() is self._visit_page

    def save_pdf(self) -> None:
        if self._on_visit():
            self.show_summary()
            self.summary_page.save_pdf()

    def print_summary(self) -> None:
        if self._on_visit():
            self.show_summary()
            self.summary_page.print_copy()

    # State -----------------------------------------------------------------------------------------

    def _update_title(self, *_args: object) -> None:
        if self._visit_page is None:
            return
        if self.record_id() is None:
            self.visit_title.setText("")
            self.setWindowTitle("pairaid")
            return
        name = self.session.value("family.baby.name") or "New visit"
        self.visit_title.setText(str(name))
        # The window title is visible to screen sharing and task switchers: no names in it.
        self.setWindowTitle("pairaid — visit")
        record = self._record
        if record is None:
            return
        if record.status == "final":
            status = "Final (read-only)"
        elif record.status == "amended":
            status = "Amended (superseded, read-only)"
        elif record.amendment_of:
            status = "Amendment draft"
        else:
            status = "Draft"
        self.record_status.setText(status)

    def _update_actions(self) -> None:
        on_visit = self._on_visit()
        open_record = self.record_id() is not None
        final = self._record is not None and self._record.status == "final" and not self._record.deidentified
        for action in (self.pdf_action, self.print_action, self.summary_action):
            action.setEnabled(on_visit and open_record)
        self.new_action.setEnabled(not self._failed)
        self.finalise_action.setEnabled(on_visit and open_record and self._session is not None
                                        and not self._session.is_read_only())
        self.amend_action.setEnabled(on_visit and final)
        if self._walkthrough is not None:
            self._walkthrough.next_action.setEnabled(on_visit)
            self._walkthrough.previous_action.setEnabled(on_visit)
            self.amend_button.setVisible(final)

    def _on_saved(self, version: int) -> None:
        self.statusBar().showMessage(f"Saved at {time.strftime('%H:%M:%S')}")

    def _on_save_failed(self, message: str) -> None:
        from pairaid.store.errors import VersionConflict

        if isinstance(self._last_save_error(), VersionConflict):
            text = ("This record was changed in another pairaid window since you opened it, so your latest "
                    "change was not saved. Go home, open the record again, and redo the change.")
        else:
            text = (f"Your latest change could not be saved: {message}. pairaid will try again on your next "
                    "change. If this keeps happening, note the change on paper and tell your IT service desk.")
        self.statusBar().showMessage("Not saved")
        dialogs.error(self, "Not saved", text)

    def _last_save_error(self) -> BaseException | None:
        return self.session.last_save_error

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
