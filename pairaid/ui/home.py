"""Home: the pathway in use (with a banner once its review date has passed), "New visit", the places, and the
recent assessments with search by baby name, NHS number, visit dates, level and status.

Home is the first screen, so it imports only Qt: the window shows it at once in a "Loading…" state, and the
pathway and the records arrive a few tens of milliseconds later through `set_source`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtGui import QKeyEvent, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pairaid.core import vocab
from pairaid.core.dates import parse_date
from pairaid.ui.mnemonics import plain_text
from pairaid.ui.style import compact_combo, make_heading
from pairaid.ui.wheel_guard import guard_wheel

if TYPE_CHECKING:
    from pairaid.core.pathway_card import PathwayCard

ListRecords = Callable[["RecordQuery"], Sequence[object]]

STATUSES: list[tuple[str, str]] = [
    ("", "Any status"),
    ("draft", "Draft"),
    ("final", "Final"),
    ("reviewed", "Reviewed (signed off)"),
    ("amended", "Amended (superseded)"),
]
COLUMNS = ["Baby", "NHS number", "Visit date", "Contact", "Level", "Status"]


class RecordQuery(NamedTuple):  # a NamedTuple, not a dataclass: `dataclasses` is not needed for the first frame
    """What the practitioner searched for; empty fields match everything."""

    text: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    level: str = ""
    status: str = ""


def system_today() -> dt.date:
    return dt.date.today()


def format_nhs(digits: str | None) -> str:
    if not digits or len(digits) != 10:
        return digits or ""
    return f"{digits[:3]} {digits[3:6]} {digits[6:]}"


def format_day(iso: str | None) -> str:
    if not iso:
        return ""
    try:
        day = dt.date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    return day.strftime("%d/%m/%Y")


def status_text(info: object) -> str:
    if getattr(info, "conflict_of", None):
        return "In conflict: the bundle's copy (open to choose)"
    text = _plain_status(info)
    return f"{text} — in conflict (open to choose)" if getattr(info, "conflict_copy", None) else text


def _plain_status(info: object) -> str:
    status = getattr(info, "status", "")
    if getattr(info, "deidentified", False):
        return "For review (no identifiers)"
    if status == "draft":
        return "Draft (amendment)" if getattr(info, "amendment_of", None) else "Draft"
    if status == "amended":
        return "Amended"
    return "Final, reviewed" if getattr(info, "signed_off", False) else "Final"


def _labelled(text: str, widget: QWidget, name: str) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    widget.setAccessibleName(name)
    return label


class _RecordTable(QTableWidget):
    """The recent list: Enter opens the selected assessment. A key handler rather than a QShortcut: home is
    built for the first frame without touching the `Qt` namespace, whose ~100 enums PySide6 builds on first
    use (15-20 ms)."""

    enter_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from PySide6.QtCore import Qt

        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            self.enter_pressed.emit()
            return
        super().keyPressEvent(event)


class HomeView(QWidget):
    new_visit_requested = Signal()
    open_requested = Signal(str)  # record id
    place_requested = Signal(str)  # place key
    first_painted = Signal()  # home has been painted once: the window loads its data after this

    def __init__(
        self,
        pathway: PathwayCard | None,
        list_records: ListRecords | None,
        places: Sequence[tuple[str, str, bool]] = (),
        today: Callable[[], dt.date] = system_today,
        parent: QWidget | None = None,
    ) -> None:
        """places: (key, button text, available); an unavailable place shows a disabled button that says so.
        pathway and list_records None: home shows "Loading…" until `set_source` gives them."""
        super().__init__(parent)
        self.setObjectName("home")
        self.pathway = pathway
        self._list_records = list_records
        self._today = today
        self._records: list[object] = []
        self._painted = False
        column = QVBoxLayout(self)
        column.setContentsMargins(24, 16, 24, 16)
        column.setSpacing(12)

        heading = QLabel("Parent-infant relationship decision aid")
        make_heading(heading, 1.6)
        column.addWidget(heading)
        column.addWidget(self._pathway_card())
        self.review_banner = self._review_banner()
        column.addWidget(self.review_banner)

        actions = QHBoxLayout()
        self.new_button = QPushButton("&New visit")
        self.new_button.setAccessibleName("New visit")
        self.new_button.setToolTip("Start recording a new visit (Ctrl+N)")
        self.new_button.clicked.connect(self.new_visit_requested.emit)
        actions.addWidget(self.new_button)
        self.place_buttons: dict[str, QPushButton] = {}
        for key, text, available in places:
            button = QPushButton(text)
            button.setProperty("role", "secondary")
            button.setAccessibleName(plain_text(text))
            button.setEnabled(available)
            button.setToolTip(plain_text(text) if available else f"{plain_text(text)} is not available in this version "
                              "yet")
            button.clicked.connect(lambda _=False, k=key: self.place_requested.emit(k))
            self.place_buttons[key] = button
            actions.addWidget(button)
        actions.addStretch(1)
        column.addLayout(actions)

        recent = QLabel("Re&cent assessments")  # the list's visible label (Alt+C goes to it)
        make_heading(recent, 1.2)
        column.addWidget(recent)
        column.addLayout(self._search_row())
        self.table = _RecordTable(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setAccessibleName("Recent assessments")
        recent.setBuddy(self.table)
        self.table.setAccessibleDescription("Press Enter to open the selected assessment")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move within it
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for index in range(1, len(COLUMNS)):
            self.table.horizontalHeader().setSectionResizeMode(index, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.enter_pressed.connect(self.open_selected)
        column.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        self.count_label = QLabel("")
        self.count_label.setProperty("role", "hint")
        bottom.addWidget(self.count_label, 1)
        self.open_button = QPushButton("&Open")
        self.open_button.setAccessibleName("Open the selected assessment")
        self.open_button.clicked.connect(self.open_selected)
        bottom.addWidget(self.open_button)
        column.addLayout(bottom)
        if pathway is not None and list_records is not None:
            self.set_source(pathway, list_records)
        else:
            self._show_loading()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()

    def is_loading(self) -> bool:
        return self._list_records is None

    def set_source(self, pathway: PathwayCard, list_records: ListRecords) -> None:
        """The pathway in use (its card: home needs no more) and where the records come from: fills the card,
        the filters and the list."""
        self.pathway = pathway
        self._list_records = list_records
        self._fill_pathway_card()
        self._fill_review_banner()
        with QSignalBlocker(self.level_combo):  # refilling must not search once per item
            self.level_combo.clear()
            self.level_combo.addItem("Any level", "")
            for level in vocab.LEVELS:
                self.level_combo.addItem(pathway.level_label(level), level)
        for widget in self._filters():
            widget.setEnabled(True)
        self.table.setAccessibleDescription("Press Enter to open the selected assessment")
        self.refresh()

    def _show_loading(self) -> None:
        self.pathway_label.setText("Pathway in use: loading…")
        self.pathway_details.setText("")
        self.count_label.setText("Loading recent assessments…")
        self.table.setAccessibleDescription("Loading recent assessments")
        for widget in self._filters():
            widget.setEnabled(False)
        self.open_button.setEnabled(False)

    def show_unavailable(self) -> None:
        """The records or the pathway could not be opened (a dialog has said why): nothing here can be used."""
        self.pathway_label.setText("Pathway in use: not loaded")
        self.count_label.setText("The records could not be opened.")
        self._list_records = None  # the store is closed: nothing may search it
        self.table.setRowCount(0)
        for widget in [*self._filters(), self.new_button, self.open_button]:
            widget.setEnabled(False)

    def _filters(self) -> list[QWidget]:
        return [self.search_edit, self.date_from, self.date_to, self.level_combo, self.status_combo]

    # Building --------------------------------------------------------------------------------------

    def _pathway_card(self) -> QFrame:
        card = QFrame()
        card.setProperty("role", "card")
        row = QVBoxLayout(card)
        self.pathway_label = QLabel("")
        self.pathway_details = QLabel("")
        self.pathway_details.setProperty("role", "hint")
        row.addWidget(self.pathway_label)
        row.addWidget(self.pathway_details)
        return card

    def _fill_pathway_card(self) -> None:
        assert self.pathway is not None
        info = self.pathway
        parts = [f"version {_esc(info.version)}"]
        if info.published:
            parts.append(f"published {info.published.strftime('%d/%m/%Y')}")
        if info.review_by:
            parts.append(f"review by {info.review_by.strftime('%d/%m/%Y')}")
        self.pathway_label.setText(f"Pathway in use: <b>{_esc(info.title)}</b>")
        details = ", ".join(parts)  # not str.capitalize(), which would lower-case a version such as "2027-RC1"
        self.pathway_details.setText(f"{details[0].upper()}{details[1:]}. Area: {_esc(info.area)}.")

    def _review_banner(self) -> QFrame:
        banner = QFrame()
        banner.setProperty("role", "warning")
        row = QHBoxLayout(banner)
        self.review_text = QLabel("")
        self.review_text.setWordWrap(True)
        self.review_text.setAccessibleName("Pathway review date has passed")
        row.addWidget(self.review_text)
        banner.setVisible(False)
        return banner

    def _fill_review_banner(self) -> None:
        assert self.pathway is not None
        review_by = self.pathway.review_by
        text = ""
        if review_by and review_by < self._today():
            text = (
                f"This pathway was due for review on {review_by.strftime('%d/%m/%Y')}. Services, phone numbers "
                "and thresholds may have changed: check with your team's pathway owner before relying on it."
            )
        self.review_text.setText(text)
        self.review_banner.setVisible(bool(text))

    def _search_row(self) -> QGridLayout:
        grid = QGridLayout()
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText("Baby's name or NHS number")
        self.search_edit.setClearButtonEnabled(True)
        self.date_from = QLineEdit()
        self.date_from.setPlaceholderText("dd/mm/yyyy")
        self.date_to = QLineEdit()
        self.date_to.setPlaceholderText("dd/mm/yyyy")
        self.level_combo = guard_wheel(compact_combo(QComboBox(), 12))
        self.level_combo.addItem("Any level", "")  # the pathway's level names come with set_source
        self.status_combo = guard_wheel(compact_combo(QComboBox(), 12))
        for value, text in STATUSES:
            self.status_combo.addItem(text, value)
        fields = [
            ("&Search:", self.search_edit, "Search by baby's name or NHS number"),
            ("Visit fro&m:", self.date_from, "Visits from date"),
            ("Visit &to:", self.date_to, "Visits to date"),
            ("&Level:", self.level_combo, "Level of need"),
            ("St&atus:", self.status_combo, "Record status"),
        ]
        for index, (text, widget, name) in enumerate(fields):
            grid.addWidget(_labelled(text, widget, name), 0, index)
            grid.addWidget(widget, 1, index)
        grid.setColumnStretch(0, 3)
        for edit in (self.search_edit, self.date_from, self.date_to):
            edit.textChanged.connect(self.refresh)
        for combo in (self.level_combo, self.status_combo):
            combo.currentIndexChanged.connect(self.refresh)
        return grid

    # Behaviour -------------------------------------------------------------------------------------

    def query(self) -> RecordQuery:
        return RecordQuery(
            text=self.search_edit.text().strip(),
            date_from=parse_date(self.date_from.text()),
            date_to=parse_date(self.date_to.text()),
            level=self.level_combo.currentData() or "",
            status=self.status_combo.currentData() or "",
        )

    def _set_count_role(self, role: str) -> None:
        """Hint grey, or problem red; the stylesheet is re-applied only when the role changes."""
        if self.count_label.property("role") != role:
            self.count_label.setProperty("role", role)
            self.count_label.style().polish(self.count_label)

    def refresh(self) -> None:
        if self._list_records is None or self.pathway is None:
            return  # still loading: the list is filled by set_source
        try:
            self._records = list(self._list_records(self.query()))
        except Exception as exc:  # a damaged database says what to do (StoreError); never a crash dialog here
            self._records = []
            self.table.setRowCount(0)
            self.count_label.setText(f"The recent assessments could not be read: {exc}")
            self._set_count_role("problem")
            return
        self._set_count_role("hint")
        self.table.setRowCount(len(self._records))
        for row, info in enumerate(self._records):
            level = getattr(info, "final_level", None) or getattr(info, "suggested_level", None) or ""
            cells = [
                getattr(info, "baby_name", None) or "(no name yet)",
                format_nhs(getattr(info, "nhs_number", None)),
                format_day(getattr(info, "visit_date", None)),
                _contact_text(getattr(info, "contact_type", None)),
                self.pathway.level_label(level),
                status_text(info),
            ]
            if getattr(info, "safeguarding", False):
                cells[4] += " — safeguarding"
            for col, text in enumerate(cells):  # the row's record id is self._records[row].id
                self.table.setItem(row, col, QTableWidgetItem(text))
        if self._records:
            self.table.selectRow(0)
        count = len(self._records)
        self.count_label.setText(
            "No assessments match." if not count else f"{count} assessment{'s' if count != 1 else ''}."
        )
        self.open_button.setEnabled(bool(count))

    def record_ids(self) -> list[str]:
        return [str(getattr(info, "id", "")) for info in self._records]

    def open_selected(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self._records):
            self.open_requested.emit(str(getattr(self._records[row], "id", "")))


def _contact_text(contact_type: str | None) -> str:
    names = {
        "antenatal": "Antenatal",
        "new_birth": "New birth",
        "six_to_eight_weeks": "6–8 weeks",
        "one_year": "1 year",
        "two_year": "2–2½ years",
        "additional": "Additional",
    }
    return names.get(contact_type or "", contact_type or "")


def _esc(text: str) -> str:
    from html import escape

    return escape(text)
