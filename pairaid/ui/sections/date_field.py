"""A date typed as day/month/year (pairaid.core.dates), or picked from a calendar."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCalendarWidget, QHBoxLayout, QLineEdit, QMenu, QToolButton, QWidget, QWidgetAction

from pairaid.core.dates import DATE_HINT, iso_to_date, parse_date, show_date
from pairaid.ui.sections.binding import REQUIRED, Binding
from pairaid.ui.session import VisitSession
from pairaid.ui.text_size import follow_font


class DateField(Binding):
    """A date typed as day/month/year (or picked from a calendar); empty means "not set"."""

    def __init__(self, session: VisitSession, path: str, label: str, **kwargs: Any) -> None:
        kwargs.setdefault("hint", f"Type the date as {DATE_HINT}, or leave it empty.")
        super().__init__(session, path, label, **kwargs)

    def _make_editor(self) -> QWidget:
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.line = QLineEdit()
        self.line.setPlaceholderText("dd/mm/yyyy")
        self.line.setMaxLength(10)
        follow_font(self.line, lambda: self.line.setMaximumWidth(
            (self.line.fontMetrics().horizontalAdvance("00/00/00000") + 24) * 2))
        self.line.textEdited.connect(self._edited)
        self.calendar_button = QToolButton()
        self.calendar_button.setText("Calendar…")
        self.calendar_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        menu = QMenu(self.calendar_button)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._prepare_calendar)
        self.calendar_button.setMenu(menu)
        layout.addWidget(self.line)
        layout.addWidget(self.calendar_button)
        layout.addStretch(1)
        return box

    def _describe(self, label: str, hint: str) -> None:
        name = label.replace("&", "")
        self.line.setAccessibleName(name)
        self.line.setAccessibleDescription(hint)
        self.calendar_button.setAccessibleName(f"Choose {name.replace(REQUIRED, '')} from a calendar")
        self.calendar.setAccessibleName(f"Calendar for {name.replace(REQUIRED, '')}")

    def inputs(self) -> list[QWidget]:
        return [self.line]

    def _prepare_calendar(self) -> None:
        date = iso_to_date(self.session.value(self.path)) or dt.date.today()
        self.calendar.setSelectedDate(QDate(date.year, date.month, date.day))

    def _picked(self, date: QDate) -> None:
        if self.session.is_read_only():
            return
        picked = dt.date(date.year(), date.month(), date.day())
        self.line.setText(show_date(picked.isoformat()))
        self.set_local_problem(None)
        self.calendar_button.menu().hide()
        self._touched = True
        self.write(picked.isoformat())

    def _edited(self, text: str) -> None:
        if text.strip() and parse_date(text) is None:
            self.set_local_problem(f"Enter the full date as {DATE_HINT}.")
        else:
            self.set_local_problem(None)
        self._commit()

    def widget_value(self) -> Any:
        date = parse_date(self.line.text())
        return date.isoformat() if date else None

    def _show_value(self, value: Any) -> None:
        self.line.setText(show_date(value))

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.calendar_button.setEnabled(not read_only)
