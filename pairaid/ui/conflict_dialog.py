"""Two copies of one record: the one on this computer and one a bundle brought, both changed since they last met.
pairaid keeps both until the user chooses; this dialog shows what differs (the level each copy gives, and each
field in the words of the visit's screens) and keeps one of them (`Store.resolve_conflict`), after saying what
the other loses and that it cannot be undone.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, Protocol

from PySide6.QtCore import QSize
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pairaid.core.framework import Framework
from pairaid.core.pathway import Pathway
from pairaid.core.record_diff import Difference, record_differences
from pairaid.store.errors import StoreError
from pairaid.store.models import Record
from pairaid.ui import dialogs
from pairaid.ui.dialog_fit import open_within_screen
from pairaid.ui.level_names import level_name
from pairaid.ui.places.common import labelled, long_date
from pairaid.ui.style import make_heading

Keep = Literal["this_computer", "bundle"]
COLUMNS = ["Section", "What", "This computer's copy", "The bundle's copy"]


class ConflictStore(Protocol):
    def load(self, record_id: str) -> Record: ...
    def resolve_conflict(self, copy_id: str, keep: Keep) -> Record: ...


def level_text(record: Record, pathway: Pathway, today: dt.date | None = None) -> str:
    """The level a copy gives, in words: its final level once final, else the level its draft suggests now."""
    if record.status != "draft" and record.final_level:
        return level_name(pathway, record.final_level)
    from pairaid.core.assess import assess_with_pathway
    from pairaid.ui.session import best_effort_assessment

    assessment, _problems = best_effort_assessment(record.data, today)
    if assessment is None:
        return "not worked out yet (the visit's required details are incomplete)"
    try:
        outcome = assess_with_pathway(assessment, pathway, strict=False, today=today)
    except Exception:  # a rule the pathway cannot evaluate: say so rather than guess a level
        return "cannot be worked out with this pathway"
    text = level_name(pathway, outcome.final_level)
    caption = outcome.level_caption()
    if outcome.nothing_observed and caption:
        return caption
    if caption:
        text += f" ({caption[:1].lower()}{caption[1:]})"
    return text + (" — safeguarding indicator recorded" if outcome.safeguarding else "")


def _when(record: Record) -> str:
    stamp = record.updated_at.astimezone()
    return f"{long_date(stamp.date())} at {stamp:%H:%M}"


class ConflictDialog(QDialog):
    """Compare the two copies and keep one; `resolved` holds the record as kept (None while undecided)."""

    def __init__(self, store: ConflictStore, pathway: Pathway, framework: Framework, copy_id: str,
                 today: dt.date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Two copies of one record")
        self.store = store
        self.copy = store.load(copy_id)
        if self.copy.conflict_of is None:
            raise StoreError(f"{copy_id} is not a bundle's copy waiting beside a record (it may have been resolved)")
        self.record = store.load(self.copy.conflict_of)
        self.resolved: Record | None = None
        self.differences: list[Difference] = record_differences(self.record.data, self.copy.data, framework)

        column = QVBoxLayout(self)
        name = self.record.baby_name or self.copy.baby_name or "this record"
        heading = QLabel(f"Two copies of the record for {name}")
        heading.setWordWrap(True)
        make_heading(heading, 1.3)
        column.addWidget(heading)
        explain = QLabel(
            "This record was changed on this computer and in a bundle since the two last met, so pairaid kept "
            "both and changed neither. Read what differs, check with the colleague who sent the bundle if you are "
            "unsure, then keep one copy. The other copy's changes are lost: this cannot be undone.")
        explain.setWordWrap(True)
        column.addWidget(explain)
        column.addLayout(self._copies(pathway, today))
        column.addWidget(self._table(), 1)
        self.final_note = QLabel()
        self.final_note.setWordWrap(True)
        self.final_note.setProperty("role", "warning")
        column.addWidget(self.final_note)
        column.addLayout(self._buttons())
        self._show_final_note()
        open_within_screen(self, QSize(980, 620))  # at 200% text it needs 898 px of width, 351 of height

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # the differences first: read them before choosing
        self.table.setFocus()

    # Building --------------------------------------------------------------------------------------

    def _copies(self, pathway: Pathway, today: dt.date | None) -> QGridLayout:
        grid = QGridLayout()
        self.this_level = level_text(self.record, pathway, today)
        self.bundle_level = level_text(self.copy, pathway, today)
        status = {"draft": "draft", "final": "final", "amended": "amended"}
        for col, (title, record, level) in enumerate((
                ("This computer's copy", self.record, self.this_level),
                ("The bundle's copy", self.copy, self.bundle_level))):
            text = QLabel(f"<b>{title}</b><br>Level: {_esc(level)}<br>Last changed {_when(record)} · "
                          f"{status.get(record.status, record.status)}")
            text.setWordWrap(True)
            text.setAccessibleName(f"{title}: level {level}, last changed {_when(record)}")
            text.setProperty("role", "card")
            grid.addWidget(text, 0, col)
        return grid

    def _table(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        count = len(self.differences)
        self.table = QTableWidget(count, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for index in (1, 2, 3):
            header.setSectionResizeMode(index, QHeaderView.ResizeMode.Stretch)
        for row, diff in enumerate(self.differences):
            for col, text in enumerate((diff.section, diff.field, diff.this_computer, diff.bundle)):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeRowsToContents()
        said = (f"&What differs ({count} field{'s' if count != 1 else ''}):" if count else
                "&What differs: the visit's details are the same; only the level's working or hidden fields differ")
        label = labelled(said, self.table, "What differs between the two copies")
        label.setWordWrap(True)
        column.addWidget(label)
        column.addWidget(self.table, 1)
        if count:
            self.table.selectRow(0)
        return box

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.keep_this_button = QPushButton("Keep &this computer's")
        self.keep_this_button.setAccessibleName("Keep this computer's copy")
        self.keep_this_button.clicked.connect(lambda: self.keep("this_computer"))
        self.keep_bundle_button = QPushButton("Keep the &bundle's")
        self.keep_bundle_button.setAccessibleName("Keep the bundle's copy")
        self.keep_bundle_button.clicked.connect(lambda: self.keep("bundle"))
        self.later_button = QPushButton("&Decide later")
        self.later_button.setAccessibleName("Decide later")
        self.later_button.setToolTip("Close: both copies stay as they are, and the record stays marked as in conflict")
        self.later_button.clicked.connect(self.reject)
        for button in (self.keep_this_button, self.keep_bundle_button):
            button.setAutoDefault(False)
        self.later_button.setDefault(True)  # Enter never throws a copy away
        row.addWidget(self.keep_this_button)
        row.addWidget(self.keep_bundle_button)
        row.addStretch(1)
        row.addWidget(self.later_button)
        return row

    def _show_final_note(self) -> None:
        final = self.record.status != "draft" or self.record.deidentified
        self.keep_bundle_button.setEnabled(not final)
        self.final_note.setVisible(final)
        if final:
            self.final_note.setText(
                "This computer's record is final, so the bundle's copy cannot replace it. To use anything from the "
                "bundle's copy, note it down from the list above, keep this computer's copy, then amend the record "
                "(Record → Amend).")

    # Choosing --------------------------------------------------------------------------------------

    def loss_text(self, keep: Keep) -> str:
        """What keeping `keep` loses, for the confirmation."""
        count = len(self.differences)
        fields = f"{count} field{'s' if count != 1 else ''}" if count else "nothing you can see"
        if keep == "this_computer":
            return (f"Keep this computer's copy (level: {self.this_level})? The bundle's copy is deleted from this "
                    f"computer: its changes to {fields} are lost here (the bundle file itself is not changed, and "
                    "opening it again will not bring the conflict back). This cannot be undone.")
        return (f"Keep the bundle's copy (level: {self.bundle_level})? It replaces this computer's draft: this "
                f"computer's changes to {fields} are lost. This cannot be undone.")

    def keep(self, keep: Keep) -> Record | None:
        """Confirm, then keep one copy; the record as kept, or None when cancelled or refused."""
        verb = "Keep this computer's" if keep == "this_computer" else "Keep the bundle's"
        if not dialogs.confirm(self, f"{verb} copy?", self.loss_text(keep), verb):
            return None
        try:
            self.resolved = self.store.resolve_conflict(self.copy.id, keep)
        except StoreError as exc:
            dialogs.error(self, "The conflict could not be resolved", f"{exc}. Both copies are as they were.")
            return None
        self.accept()
        return self.resolved


def _esc(text: str) -> str:
    from html import escape

    return escape(text)
