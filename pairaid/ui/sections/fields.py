"""The inputs of the section pages, one class a kind of editor (line, note, combo, radio group, tick list,
number), each a `Binding` to one dotted path of the visit. The base and the date field live beside this module
and are re-exported here, so a section imports all its inputs from one place.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pairaid.ui.sections.binding import (
    NOTHING_CHECKED,
    REQUIRED,
    Binding,
    hint_label,
    problem_label,
    set_buttons_read_only,
)
from pairaid.ui.sections.date_field import DATE_HINT, DateField, iso_to_date, parse_date, show_date
from pairaid.ui.sections.option_row import OptionRow
from pairaid.ui.sections.wrapping import WrappingCheckBox, WrappingRadioButton
from pairaid.ui.session import VisitSession
from pairaid.ui.style import compact_combo
from pairaid.ui.text_size import follow_font
from pairaid.ui.wheel_guard import guard_wheel

__all__ = [
    "DATE_HINT", "REQUIRED", "YES_NO", "Binding", "CheckListField", "ComboField", "DateField", "LineField",
    "NoteField", "Option", "RadioField", "SpinField", "hint_label", "iso_to_date", "list_to_words",
    "parse_date", "problem_label", "set_buttons_read_only", "show_date", "words_to_list",
]

Option = tuple[Any, str]  # (stored value, label shown); a value of None means "not recorded"

YES_NO: list[Option] = [(True, "Yes"), (False, "No"), (None, "Not recorded")]


class LineField(Binding):
    """A single line of text. `to_value`/`from_value` adapt non-text values (e.g. a list of words)."""

    editor: QLineEdit

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

    editor: QPlainTextEdit

    def __init__(self, session: VisitSession, path: str, label: str, *, placeholder: str = "",
                 lines: int = 3, **kwargs: Any) -> None:
        self._placeholder = placeholder
        self._lines = lines
        super().__init__(session, path, label, **kwargs)

    def _make_editor(self) -> QWidget:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setPlaceholderText(self._placeholder)
        follow_font(edit, lambda: self._size_to_lines(edit))
        edit.textChanged.connect(self._commit)
        return edit

    def _size_to_lines(self, edit: QPlainTextEdit) -> None:
        """So many lines of the text in use tall (and half as much again at most)."""
        height = edit.fontMetrics().lineSpacing() * self._lines + 16
        edit.setMinimumHeight(height)
        edit.setMaximumHeight(height * 3 // 2)

    def widget_value(self) -> Any:
        return self.editor.toPlainText().strip() or None

    def _show_value(self, value: Any) -> None:
        self.editor.setPlainText("" if value is None else str(value))


class ComboField(Binding):
    """A choice from a short list; an option whose value is None stands for "not recorded"."""

    editor: QComboBox

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
        return self.options[index][0] if 0 <= index < len(self.options) else NOTHING_CHECKED

    def _show_value(self, value: Any) -> None:
        values = [v for v, _ in self.options]
        self.editor.setCurrentIndex(values.index(value) if value in values else -1)


_BACK_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Left)
_ON_KEYS = (Qt.Key.Key_Down, Qt.Key.Key_Right)


class _ArrowsChoose(QObject):
    """Arrow keys move to the next or previous option of a radio group and choose it, with or without a choice
    made before, wrapping at the ends (Qt's own arrows only choose when an option is already chosen)."""

    def __init__(self, field: RadioField) -> None:
        super().__init__(field)
        self.field = field

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QKeyEvent) or event.type() != QEvent.Type.KeyPress:
            return False
        if not isinstance(watched, QRadioButton) or watched not in self.field.buttons:
            return False
        key = event.key()
        if key not in _BACK_KEYS + _ON_KEYS or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        if self.field.session.is_read_only():
            return True
        buttons = self.field.buttons
        step = -1 if key in _BACK_KEYS else 1
        target = buttons[(buttons.index(watched) + step) % len(buttons)]
        target.setFocus(Qt.FocusReason.TabFocusReason if step > 0 else Qt.FocusReason.BacktabFocusReason)
        target.setChecked(True)
        return True


class RadioField(Binding):
    """A choice shown as radio buttons: Tab lands on the chosen option (the first while none is), and the arrow
    keys move between options and choose."""

    def __init__(self, session: VisitSession, path: str, label: str, options: Sequence[Option], *,
                 vertical: bool = False, **kwargs: Any) -> None:
        self.options = list(options)
        self._vertical = vertical
        self.buttons: list[QRadioButton] = []
        super().__init__(session, path, label, **kwargs)

    def _make_editor(self) -> QWidget:
        self.buttons = [WrappingRadioButton(text) for _, text in self.options]
        box: QWidget
        if self._vertical:
            box = QWidget()
            layout = QVBoxLayout(box)
            layout.setContentsMargins(0, 0, 0, 0)
            for button in self.buttons:
                layout.addWidget(button)
        else:  # side by side while they fit, stacked when they do not (large text, a narrow window)
            box = OptionRow(self.buttons)
        self.group = QButtonGroup(box)
        self.group.setExclusive(True)
        for index, button in enumerate(self.buttons):
            self.group.addButton(button, index)
        self.group.idToggled.connect(self._toggled)
        arrows = _ArrowsChoose(self)
        for button in self.buttons:
            button.installEventFilter(arrows)
        self._tab_stop()
        return box

    def _tab_stop(self) -> None:
        """Only the chosen option (or the first) is a Tab stop, so Tab enters the group on the choice."""
        checked = self.group.checkedButton() or self.buttons[0]
        for button in self.buttons:
            policy = Qt.FocusPolicy.StrongFocus if button is checked else Qt.FocusPolicy.ClickFocus
            if button.focusPolicy() != policy:
                button.setFocusPolicy(policy)

    def _describe(self, label: str, hint: str) -> None:
        name = label.replace("&", "").rstrip("?:")
        for button, (_, text) in zip(self.buttons, self.options, strict=True):
            button.setAccessibleName(f"{name}: {text}")
            if hint:
                button.setAccessibleDescription(hint)

    def _toggled(self, _: int, checked: bool) -> None:
        if checked:
            self._tab_stop()
            self._commit()

    def inputs(self) -> list[QWidget]:
        return list(self.buttons)

    def widget_value(self) -> Any:
        index = self.group.checkedId()
        return self.options[index][0] if index >= 0 else NOTHING_CHECKED

    def _show_value(self, value: Any) -> None:
        values = [v for v, _ in self.options]
        if value in values:
            self.buttons[values.index(value)].setChecked(True)
        else:
            self.group.setExclusive(False)
            for button in self.buttons:
                button.setChecked(False)
            self.group.setExclusive(True)
        self._tab_stop()


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
            check = WrappingCheckBox(text)  # a long indicator wraps rather than pushing the page sideways
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

    editor: QSpinBox

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
