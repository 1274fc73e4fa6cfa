"""The visit screen's frame: a header (back to home, the baby's name, the record's status, Amend) above the
walk-through. Layout only: the window connects the buttons and sets the words."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pairaid.ui.style import make_heading


class VisitPage(QWidget):
    def __init__(self, walkthrough: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
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
        self.title = QLabel("")
        make_heading(self.title, 1.15)
        self.status = QLabel("")
        self.status.setProperty("role", "hint")
        self.status.setAccessibleName("Record status")
        self.amend_button = QPushButton("&Amend…")
        self.amend_button.setAccessibleName("Amend this final record")
        self.amend_button.setToolTip("Correct a final record: opens a linked amendment draft")
        row.addWidget(self.home_button)
        row.addWidget(self.title, 1)
        row.addWidget(self.status)
        row.addWidget(self.amend_button)
        column.addWidget(header)
        column.addWidget(walkthrough, 1)

    def show_record(self, name: str, status: str | None) -> None:
        """The baby's name (or "" with no record open), and the record's status when it is known."""
        self.title.setText(name)
        if status is not None:
            self.status.setText(status)
