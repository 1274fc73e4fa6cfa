"""Checks every place must pass: inputs have accessible names and visible label buddies, and Tab reaches them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

# Inputs that need a separate visible label (buttons and check boxes carry their own text).
NEEDS_BUDDY = (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QAbstractItemView)
INPUTS = (*NEEDS_BUDDY, QAbstractButton, QTextEdit)


def _inputs(root: QWidget) -> list[QWidget]:
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INPUTS) or not widget.isVisibleTo(root):
            continue
        if isinstance(widget.parentWidget(), (QAbstractSpinBox, QComboBox)):
            continue  # the line edit inside a spin box or combo box
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        found.append(widget)
    return found


def check_names_and_buddies(root: QWidget) -> None:
    buddies = {label.buddy() for label in root.findChildren(QLabel) if label.isVisibleTo(root) and label.buddy()}
    for widget in _inputs(root):
        name = widget.accessibleName()
        assert name.strip(), f"{type(widget).__name__} {widget.objectName()!r} has no accessible name"
        if isinstance(widget, NEEDS_BUDDY) and not isinstance(widget, QTextEdit):
            assert widget in buddies, f"{name!r} has no visible label buddy"


def tab_chain(root: QWidget) -> list[QWidget]:
    """The widgets Tab visits inside `root`, in order (Qt's focus chain, as focusNextPrevChild walks it)."""
    chain: list[QWidget] = []
    widget = root.nextInFocusChain()
    while widget is not root and widget not in chain:
        tabbable = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        if tabbable and widget.isVisibleTo(root) and widget.isEnabled() and root.isAncestorOf(widget):
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def check_tab_reaches_every_input(root: QWidget) -> None:
    reached = set(tab_chain(root))
    for widget in _inputs(root):
        if widget.isEnabled():
            assert widget in reached, f"Tab never reaches {widget.accessibleName()!r}"


def check_accessible(root: QWidget) -> None:
    """Our checks (the focus chain), then the walk-through's shared helper (real Tab presses)."""
    from tests.ui.test_accessibility import assert_accessible

    check_names_and_buddies(root)
    check_tab_reaches_every_input(root)
    assert_accessible(root)
