"""What "fits" means on a screen (WCAG 1.4.4 at 200% text): every visible widget is at least as large as its
minimum size hint and lies inside its parent, except inside a scroll area, whose content scrolls; no scroll area
scrolls sideways; a dialog needs no more than the screen and fits the first-start window too."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyleOptionFrame,
    QWidget,
)

from pairaid.ui.dialog_fit import TITLE_BAR
from pairaid.ui.window_memory import FIRST_START_SIZE

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


def sideways(root: QWidget) -> list[str]:
    """A page that scrolls sideways hides what is to its right ("Not observed" once did): it must reflow. Also
    with its scroll bar turned off, when the right edge would simply be lost."""
    return [f"{area.objectName() or type(area.widget()).__name__} scrolls sideways by "
            f"{area.horizontalScrollBar().maximum()} px"
            for area in root.findChildren(QScrollArea) if area.isVisible() and area.horizontalScrollBar().maximum()]


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def dialog_problems(dialog: QWidget) -> list[str]:
    """A shown dialog at the size it opened at, then within the first-start window's size: nothing squeezed, cut
    off or scrolling sideways; what it needs fits a 1366x768 screen under a title bar, and it opens no larger
    than the screen it is on (unless it needs more)."""
    screen = dialog.screen().availableGeometry().size() - QSize(0, TITLE_BAR)  # the test's own screen
    problems = [f"{what} {size.width()}x{size.height()}, more than the screen's {room.width()}x{room.height()}"
                for what, size, room in (
                    ("needs", dialog.minimumSizeHint(), QSize(SCREEN_WIDTH, SCREEN_HEIGHT - TITLE_BAR)),
                    ("opens at", dialog.size(), screen.expandedTo(dialog.minimumSizeHint())))
                if size.width() > room.width() or size.height() > room.height()]
    for size in (dialog.size(), dialog.size().boundedTo(QSize(*FIRST_START_SIZE))):
        dialog.resize(size)
        _settle()
        problems += [f"at {size.width()}x{size.height()}: {problem}"
                     for problem in fit_problems(dialog) + sideways(dialog)]
    return problems
