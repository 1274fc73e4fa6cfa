"""Driving the app from the keyboard alone in tests (Tab, arrows, Space, typed characters).

Non-ASCII text is typed one QKeyEvent per character carrying the text (qtbot.keyClicks aborts the process on
non-ASCII characters; see shared/design/engineering.md)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QButtonGroup, QRadioButton, QWidget

MAX_TABS = 400


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(focused(), key, modifier)


def shortcut(sequence: str) -> None:
    """A key sequence such as "Ctrl+N" sent to whatever has the focus."""
    from PySide6.QtGui import QKeySequence

    combo = QKeySequence(sequence)[0]
    QTest.keyClick(focused(), combo.key(), combo.keyboardModifiers())


def tab_to(name: str | Callable[[str], bool]) -> QWidget:
    """Press Tab until the focused widget's accessible name matches; fail if Tab never gets there."""
    test = name if callable(name) else (lambda found: found == name)
    seen: list[str] = []
    for _ in range(MAX_TABS):
        widget = focused()
        if test(widget.accessibleName()):
            return widget
        seen.append(widget.accessibleName())
        QTest.keyClick(widget, Qt.Key.Key_Tab)
    raise AssertionError(f"{name!r} is not reachable by Tab; reached: {seen[:60]}")


def type_text(text: str) -> None:
    """Type into the focused widget, one key event per character (safe for any script)."""
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, focused(), Qt.Key.Key_unknown, ch,
                           Qt.KeyboardModifier.NoModifier)


def clear_field() -> None:
    press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    press(Qt.Key.Key_Delete)


def choose_radio(group_prefix: str, option: str) -> None:
    """Tab into a radio group, then arrow to `option` (arrows move and check within a group)."""
    tab_to(lambda found: found.startswith(f"{group_prefix}: "))
    target = f"{group_prefix}: {option}"
    for _ in range(12):
        if focused().accessibleName() == target:
            break
        press(Qt.Key.Key_Right)
    assert focused().accessibleName() == target, f"{target!r} not reached with the arrow keys"
    button = focused()
    assert isinstance(button, QRadioButton)
    if not button.isChecked():
        press(Qt.Key.Key_Space)
    assert button.isChecked()


def choose_combo(name: str, done: Callable[[], bool], key: Qt.Key = Qt.Key.Key_Down, steps: int = 20) -> None:
    """Tab to a combo box and press Down (or Up) until `done()` says the right value is chosen."""
    tab_to(name)
    for _ in range(steps):
        if done():
            return
        press(key)
    assert done(), f"could not choose the wanted value in {name!r} with the keyboard"


def radio_group_reached(button: QAbstractButton, reached: set[int]) -> bool:
    """A radio button is keyboard-reachable when any button of its group is (arrows move within a group)."""
    group: QButtonGroup | None = button.group()
    siblings = group.buttons() if group is not None else [
        w for w in (button.parentWidget().findChildren(QRadioButton) if button.parentWidget() else [])
        if w.parentWidget() is button.parentWidget()
    ]
    return any(id(s) in reached for s in siblings)
