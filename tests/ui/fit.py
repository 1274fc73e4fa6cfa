"""What "fits" means on a screen (WCAG 1.4.4 at 200% text): every visible widget is at least as large as its
minimum size hint and lies inside its parent, except inside a scroll area, whose content scrolls."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QSizePolicy,
    QStyle,
    QStyleOptionFrame,
    QWidget,
)

SCREEN_WIDTH, SCREEN_HEIGHT = 1366, 768


def _scrolled(widget: QWidget) -> bool:
    """Whether the widget sits directly on a scroll area's viewport: there it may be larger than what shows."""
    parent = widget.parentWidget()
    area = parent.parentWidget() if parent is not None else None
    return isinstance(area, QAbstractScrollArea) and area.viewport() is parent


def _inside_scroll_machinery(widget: QWidget) -> bool:
    """A scroll area's own scroll bars and corner are laid out by it, not by a layout."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and not parent.viewport().isAncestorOf(widget) and (
                parent.viewport() is not widget):
            return True
        if isinstance(parent, QAbstractScrollArea):
            return False
        parent = parent.parentWidget()
    return False


def _text_room(edit: QLineEdit) -> int:
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    return edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit).height()


def _described(widget: QWidget) -> str:
    name = widget.accessibleName() or widget.objectName() or getattr(widget, "text", lambda: "")()
    return f"{type(widget).__name__} {name!r}"


def fit_problems(root: QWidget) -> list[str]:
    """Every visible widget under `root` that is narrower or lower than its minimum size hint, or cut off by
    its parent (outside a scroll area)."""
    problems: list[str] = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or widget.isWindow() or _inside_scroll_machinery(widget):
            continue
        if isinstance(widget.parentWidget(), (QAbstractSpinBox, QComboBox)):
            continue  # the line edit inside: its box lays it out (and is itself checked)
        policy = widget.sizePolicy()
        hint = widget.minimumSizeHint().expandedTo(widget.minimumSize())
        size = widget.size()
        short_width = policy.horizontalPolicy() != QSizePolicy.Policy.Ignored and size.width() < hint.width()
        if isinstance(widget, QLineEdit):
            # Its hints grow by 2 px once the style sheet is applied and its layout keeps the earlier ones (at
            # every text size): what matters is that a line of text fits inside its border and padding.
            short_height = _text_room(widget) < widget.fontMetrics().height()
        else:
            short_height = policy.verticalPolicy() != QSizePolicy.Policy.Ignored and size.height() < hint.height()
        if hint.isValid() and (short_width or short_height):
            problems.append(f"{_described(widget)} is {size.width()}x{size.height()}, needs "
                            f"{hint.width()}x{hint.height()}")
        parent = widget.parentWidget()
        inside = parent is None or _scrolled(widget) or QRect(0, 0, parent.width(), parent.height()).contains(
            widget.geometry())
        if not inside:
            problems.append(f"{_described(widget)} at {widget.geometry().getRect()} is cut off by "
                            f"{_described(parent)} of {parent.width()}x{parent.height()}")
    return problems
