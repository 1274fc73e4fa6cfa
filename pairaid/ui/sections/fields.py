"""Inputs bound to one dotted path of a VisitSession, each with a visible label buddy, an accessible name and
description, and a problem label that shows why the value is not right yet.

A binding writes only on user edits (never when it is being refreshed), and a refresh leaves a widget alone
when it already shows the session's value, so the field being typed in is never clobbered.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from pairaid.ui.session import VisitSession
from pairaid.ui.style import compact_combo
from pairaid.ui.wheel_guard import guard_wheel

_NOTHING_CHECKED = object()  # a radio group or combo with nothing chosen yet (never stored)
Option = tuple[Any, str]  # (stored value, label shown); a value of None means "not recorded"

YES_NO: list[Option] = [(True, "Yes"), (False, "No"), (None, "Not recorded")]
REQUIRED = " (required)"
DATE_HINT = "day/month/year, for example 20/11/2026"

_DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d", "%d %m %Y")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# Keys that still work on a read-only input: moving on, and reading a long note.
_NAVIGATION_KEYS = {Qt.Key.Key_Tab, Qt.Key.Key_Backtab}


def parse_date(text: str) -> dt.date | None:
    """A date typed as 20/11/2026 (UK order), 20-11-2026, 20.11.2026 or 2026-11-20; None when not a date."""
    text = text.strip()
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def iso_to_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _ISO.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def show_date(value: Any) -> str:
    """How a stored date is shown in a field (UK order); text that is not a date is shown as it is."""
    date = iso_to_date(value)
    return date.strftime("%d/%m/%Y") if date else ("" if value is None else str(value))


def hint_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "hint")
    label.setWordWrap(True)
    return label


def problem_label() -> QLabel:
    label = QLabel()
    label.setProperty("role", "problem")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


class _ReadOnlyFilter(QObject):
    """Swallows mouse, wheel and keys (other than Tab) on inputs that have no read-only mode of their own,
    so a finalised record can still be read and tabbed through but not changed."""

    def __init__(self, parent: QObject, allowed_keys: frozenset[Qt.Key] = frozenset()) -> None:
        super().__init__(parent)
        self.allowed_keys = _NAVIGATION_KEYS | set(allowed_keys)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
                    QEvent.Type.MouseButtonDblClick, QEvent.Type.Wheel):
            return True
        if kind == QEvent.Type.KeyPress:
            return event.key() not in self.allowed_keys  # type: ignore[attr-defined]
        return False


class Binding(QObject):
    """One input bound to one session path: `row` holds the label, hint, problem and the editor."""

    read_only_keys: frozenset[Qt.Key] = frozenset()  # keys besides Tab that still work when read-only

    def __init__(self, session: VisitSession, path: str, label: str, *, hint: str = "",
                 problem_paths: Sequence[str] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.path = path
        self.problem_paths = (path, *problem_paths)
        self._updating = False
        self._local_problem: str | None = None
        self._session_problem: str | None = None
        self._touched = False  # an empty field says "required" only once the practitioner has been in it
        self._read_only_filter = _ReadOnlyFilter(self, self.read_only_keys)
        self._read_only = False
        self.row = QWidget()
        self.label = QLabel(label)
        self.label.setWordWrap(True)
        self.hint = hint_label(hint) if hint else None
        self.problem = problem_label()
        self.problem.setAccessibleName(f"Problem with {label}")
        self.editor = self._make_editor()
        self.label.setBuddy(self.focus_widget())
        self._describe(label, hint)
        self._descriptions = [(w, w.accessibleDescription()) for w in self.inputs()]
        layout = QVBoxLayout(self.row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.label)
        if self.hint:
            layout.addWidget(self.hint)
        layout.addWidget(self.problem)
        layout.addWidget(self.editor)
        self.refresh()

    # To be provided by each kind of input -----------------------------------------------------------

    def _make_editor(self) -> QWidget:
        raise NotImplementedError

    def widget_value(self) -> Any:
        """What the editor shows, as it would be stored."""
        raise NotImplementedError

    def _show_value(self, value: Any) -> None:
        raise NotImplementedError

    def inputs(self) -> list[QWidget]:
        """The focusable widgets of this binding, in Tab order."""
        return [self.editor]

    def focus_widget(self) -> QWidget:
        return self.inputs()[0]

    # Shared behaviour -------------------------------------------------------------------------------

    def _describe(self, label: str, hint: str) -> None:
        name = label.replace("&", "")
        for widget in self.inputs():
            if not widget.accessibleName():
                widget.setAccessibleName(name)
            if hint:
                widget.setAccessibleDescription(hint)

    def matches(self, changed: str) -> bool:
        """True when a change at `changed` may alter this binding's value."""
        return (not changed or self.path == changed or self.path.startswith(changed + ".")
                or changed.startswith(self.path + "."))

    def refresh(self) -> None:
        value = self.session.value(self.path)
        if self._same(self.widget_value(), value):
            return
        self._updating = True
        try:
            self._show_value(value)
            self._local_problem = None
            self._update_problem()
        finally:
            self._updating = False

    @staticmethod
    def _same(shown: Any, stored: Any) -> bool:
        if shown is _NOTHING_CHECKED:
            return False
        empty = (None, "", [], {})
        if shown in empty and stored in empty:
            return True
        return shown == stored

    def _commit(self, *_: Any) -> None:
        """Write what the user entered (ignored while refreshing, and reverted on a read-only record)."""
        if self._updating:
            return
        if self.session.is_read_only():
            self.refresh()
            return
        self._touched = True
        value = self.widget_value()
        if value is not _NOTHING_CHECKED:
            self.write(value)

    def write(self, value: Any) -> None:
        self.session.set_value(self.path, value)

    def forget_touched(self) -> None:
        """A record was opened: show exactly what it holds (dropping half-typed text), and let empty
        required fields wait again until they are used."""
        self._touched = False
        self._local_problem = None
        self._updating = True
        try:
            self._show_value(self.session.value(self.path))
        finally:
            self._updating = False
        self._update_problem()

    def set_description(self, text: str) -> None:
        """The accessible description of every input of this binding (guidance, hints)."""
        self._descriptions = [(w, text) for w in self.inputs()]
        self._update_problem()

    def set_local_problem(self, message: str | None) -> None:
        """A problem the session cannot see (e.g. text that is not yet a date)."""
        self._local_problem = message
        self._update_problem()

    def show_problems(self, problems: dict[str, str]) -> None:
        self._session_problem = next((problems[p] for p in self.problem_paths if p in problems), None)
        self._update_problem()

    def _update_problem(self) -> None:
        empty = self.session.value(self.path) in (None, "", [])
        message = self._local_problem or (self._session_problem if self._touched or not empty else None)
        self.problem.setText(message or "")
        self.problem.setVisible(bool(message))
        for widget in self.inputs():
            widget.setProperty("invalid", bool(message))
        for widget, base in self._descriptions:
            parts = (f"Problem: {message}" if message else "", base)
            widget.setAccessibleDescription(" ".join(part for part in parts if part))

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for widget in self.inputs():
            if isinstance(widget, QLineEdit | QPlainTextEdit):
                widget.setReadOnly(read_only)
            elif read_only:
                widget.installEventFilter(self._read_only_filter)
            else:
                widget.removeEventFilter(self._read_only_filter)


class LineField(Binding):
    """A single line of text. `to_value`/`from_value` adapt non-text values (e.g. a list of words)."""

    def __init__(self, session: VisitSession, path: str, label: str, *, placeholder: str = "",
                 to_value: Callable[[str], Any] | None = None, from_value: Callable[[Any], str] | None = None,
                 check: Callable[[str], str | None] | None = None, **kwargs: Any) -> None:
        self._to_value = to_value or (lambda text: text.strip() or None)
        self._from_value = from_value or (lambda value: "" if value is None else str(value))
        self._check = check
        self._placeholder = placeholder
        super().__init__(session, path, label, **kwargs)

    def _make_editor(self) -> QWidget:
        edit = QLineEdit()
        edit.setPlaceholderText(self._placeholder)
        edit.textEdited.connect(self._edited)
        return edit

    def _edited(self, text: str) -> None:
        if self._check:
            self.set_local_problem(self._check(text))
        self._commit()

    def widget_value(self) -> Any:
        return self._to_value(self.editor.text())

    def _show_value(self, value: Any) -> None:
        self.editor.setText(self._from_value(value))


def words_to_list(text: str) -> list[str] | None:
    words = [w.strip() for w in text.split(",") if w.strip()]
    return words or None


def list_to_words(value: Any) -> str:
    return ", ".join(value) if isinstance(value, list) else ""


class NoteField(Binding):
    """Several lines of free text; Tab moves on (it never types a tab character)."""

    def __init__(self, session: VisitSession, path: str, label: str, *, placeholder: str = "",
                 lines: int = 3, **kwargs: Any) -> None:
        self._placeholder = placeholder
        self._lines = lines
        super().__init__(session, path, label, **kwargs)

    def _make_editor(self) -> QWidget:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setPlaceholderText(self._placeholder)
        height = edit.fontMetrics().lineSpacing() * self._lines + 16
        edit.setMinimumHeight(height)
        edit.setMaximumHeight(height * 3 // 2)
        edit.textChanged.connect(self._commit)
        return edit

    def widget_value(self) -> Any:
        return self.editor.toPlainText().strip() or None

    def _show_value(self, value: Any) -> None:
        self.editor.setPlainText("" if value is None else str(value))


class ComboField(Binding):
    """A choice from a short list; an option whose value is None stands for "not recorded"."""

    def __init__(self, session: VisitSession, path: str, label: str, options: Sequence[Option],
                 **kwargs: Any) -> None:
        self.options = list(options)
        super().__init__(session, path, label, **kwargs)

    def _make_editor(self) -> QWidget:
        combo = guard_wheel(compact_combo(QComboBox(), 24))
        for _, text in self.options:
            combo.addItem(text)
        combo.setCurrentIndex(-1)
        combo.currentIndexChanged.connect(self._commit)
        return combo

    def widget_value(self) -> Any:
        index = self.editor.currentIndex()
        return self.options[index][0] if 0 <= index < len(self.options) else _NOTHING_CHECKED

    def _show_value(self, value: Any) -> None:
        values = [v for v, _ in self.options]
        self.editor.setCurrentIndex(values.index(value) if value in values else -1)


class RadioField(Binding):
    """A choice shown as radio buttons (arrow keys move between them and choose)."""

    def __init__(self, session: VisitSession, path: str, label: str, options: Sequence[Option], *,
                 vertical: bool = False, **kwargs: Any) -> None:
        self.options = list(options)
        self._vertical = vertical
        self.buttons: list[QRadioButton] = []
        super().__init__(session, path, label, **kwargs)

    def _make_editor(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box) if self._vertical else QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(box)
        self.group.setExclusive(True)
        for index, (_, text) in enumerate(self.options):
            button = QRadioButton(text)
            self.group.addButton(button, index)
            layout.addWidget(button)
            self.buttons.append(button)
        if not self._vertical:
            layout.addStretch(1)
        self.group.idToggled.connect(self._toggled)
        return box

    def _describe(self, label: str, hint: str) -> None:
        name = label.replace("&", "").rstrip("?:")
        for button, (_, text) in zip(self.buttons, self.options, strict=True):
            button.setAccessibleName(f"{name}: {text}")
            if hint:
                button.setAccessibleDescription(hint)

    def _toggled(self, _: int, checked: bool) -> None:
        if checked:
            self._commit()

    def inputs(self) -> list[QWidget]:
        return list(self.buttons)

    def widget_value(self) -> Any:
        index = self.group.checkedId()
        return self.options[index][0] if index >= 0 else _NOTHING_CHECKED

    def _show_value(self, value: Any) -> None:
        values = [v for v, _ in self.options]
        if value in values:
            self.buttons[values.index(value)].setChecked(True)
        else:
            self.group.setExclusive(False)
            for button in self.buttons:
                button.setChecked(False)
            self.group.setExclusive(True)


class CheckListField(Binding):
    """Tick boxes that together make a list value (e.g. strengths), stored in the options' order."""

    def __init__(self, session: VisitSession, path: str, label: str, options: Sequence[Option], **kwargs: Any):
        self.options = list(options)
        self.boxes: list[QCheckBox] = []
        super().__init__(session, path, label, **kwargs)

    def _make_editor(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        for _, text in self.options:
            check = QCheckBox(text)
            check.toggled.connect(self._commit)
            layout.addWidget(check)
            self.boxes.append(check)
        return box

    def _describe(self, label: str, hint: str) -> None:
        for check, (_, text) in zip(self.boxes, self.options, strict=True):
            check.setAccessibleName(text)
            check.setAccessibleDescription(hint or label)

    def inputs(self) -> list[QWidget]:
        return list(self.boxes)

    def widget_value(self) -> Any:
        return [value for (value, _), check in zip(self.options, self.boxes, strict=True) if check.isChecked()]

    def _show_value(self, value: Any) -> None:
        chosen = set(value) if isinstance(value, list) else set()
        for (option, _), check in zip(self.options, self.boxes, strict=True):
            check.setChecked(option in chosen)


class SpinField(Binding):
    """A whole number in a range, or "not done" (shown at the bottom of the range)."""

    def __init__(self, session: VisitSession, path: str, label: str, minimum: int, maximum: int, *,
                 empty_text: str = "Not done", **kwargs: Any) -> None:
        self._range = (minimum, maximum)
        self._empty_text = empty_text
        super().__init__(session, path, label, **kwargs)

    def _make_editor(self) -> QWidget:
        spin = guard_wheel(QSpinBox())
        spin.setRange(self._range[0] - 1, self._range[1])
        spin.setSpecialValueText(self._empty_text)
        spin.setValue(self._range[0] - 1)
        spin.valueChanged.connect(self._commit)
        return spin

    def widget_value(self) -> Any:
        value = self.editor.value()
        return None if value < self._range[0] else value

    def _show_value(self, value: Any) -> None:
        number = value if isinstance(value, int) and not isinstance(value, bool) else self._range[0] - 1
        self.editor.setValue(number)


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
        width = self.line.fontMetrics().horizontalAdvance("00/00/00000") + 24
        self.line.setMaximumWidth(width * 2)
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


def set_buttons_read_only(buttons: Sequence[QAbstractButton], read_only: bool) -> None:
    """Action buttons (add, remove, finalise) are simply disabled on a read-only record."""
    for button in buttons:
        button.setEnabled(not read_only)
