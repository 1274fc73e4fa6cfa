"""The base of every input on a section page: one editor bound to one dotted path of a VisitSession, with a
visible label buddy, an accessible name and description, and a problem label that shows why the value is not
right yet.

A binding writes only on user edits (never when it is being refreshed), and a refresh leaves a widget alone
when it already shows the session's value, so the field being typed in is never clobbered.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from pairaid.ui.session import VisitSession
from pairaid.ui.text_size import follow_font

NOTHING_CHECKED = object()  # a radio group or combo with nothing chosen yet (never stored)
REQUIRED = " (required)"

# Keys that still work on a read-only input: moving on, and reading a long note.
_NAVIGATION_KEYS = {Qt.Key.Key_Tab, Qt.Key.Key_Backtab}


def hint_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "hint")
    label.setWordWrap(True)
    return label


def problem_label() -> QLabel:
    """Under its input, one line tall even when empty: a message appearing never moves the input it is about,
    nor (unless it runs to a second line) the inputs below, out from under the pointer."""
    label = QLabel()
    label.setProperty("role", "problem")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    follow_font(label, lambda: label.setMinimumHeight(label.fontMetrics().lineSpacing()))
    return label


def field_words(label: str) -> str:
    """A label as words inside a sentence: "Date of the visit (required)" -> "date of the visit" (an
    abbreviation such as "EPDS" or "NHS" keeps its capitals)."""
    words = label.replace("&", "").replace(REQUIRED, "").strip().rstrip("?:")
    if len(words) > 1 and words[1].islower():
        words = words[0].lower() + words[1:]
    return words


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
                 problem_paths: Sequence[str] = (), undo_words: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.path = path
        # What Edit > Undo says it will undo: "Undo change to date of the visit", never a data path.
        self.undo_text = f"change to {undo_words or field_words(label)}"
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
        layout.addWidget(self.editor)
        layout.addWidget(self.problem)
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
        if shown is NOTHING_CHECKED:
            return False
        empty: tuple[Any, ...] = (None, "", [], {})
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
        if value is not NOTHING_CHECKED:
            self.write(value)

    def write(self, value: Any) -> None:
        self.session.set_value(self.path, value, text=self.undo_text)

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
        self.problem.setText(message or "")  # the label stays, one line tall: nothing moves when it fills
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


def set_buttons_read_only(buttons: Sequence[QAbstractButton], read_only: bool) -> None:
    """Action buttons (add, remove, finalise) are simply disabled on a read-only record."""
    for button in buttons:
        button.setEnabled(not read_only)
