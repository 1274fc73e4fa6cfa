"""Dialogs that stay usable at 200% text on a 1366x768 screen: the body (everything but the buttons) scrolls up
and down instead of being squeezed below its size, and the dialog opens at the size it would like, but never
larger than the screen's free area (at 200% the keys dialog wanted 831 px of height)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QVBoxLayout, QWidget

from pairaid.ui.places.common import DownScrollArea

TITLE_BAR = 40  # room left for the window manager's title bar and frame, which the dialog's size leaves out


def scrolling_body(layout: QVBoxLayout, stretch: int = 1) -> tuple[DownScrollArea, QVBoxLayout]:
    """A column added to `layout` that scrolls when the dialog is too low for it; returns its scroll area and the
    column's layout."""
    body = QWidget()
    column = QVBoxLayout(body)
    column.setContentsMargins(0, 0, 0, 0)
    area = DownScrollArea(body)
    layout.addWidget(area, stretch)
    return area, column


def open_within_screen(dialog: QWidget, wanted: QSize, body: DownScrollArea | None = None) -> None:
    """Size `dialog` to `wanted` or to what its content would like, whichever is larger, within the screen: as
    wide as that allows, and as tall as its scrolling `body` then needs to show all of itself (wrapped text takes
    more lines in a narrower dialog)."""
    dialog.ensurePolished()  # the style sheet's em sizes count in the hints
    layout = dialog.layout()
    if layout is not None:
        layout.invalidate()  # it keeps the hints it measured last: the body may have grown since
    hint = dialog.sizeHint()
    screen = dialog.screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry().size() - QSize(0, TITLE_BAR) if screen is not None else QSize(10**6, 10**6)
    width = min(max(hint.width(), wanted.width()), room.width())
    height = hint.height()
    if body is not None and layout is not None:
        margins = layout.contentsMargins()
        height += body.height_for(width - margins.left() - margins.right()) - body.sizeHint().height()
    size = QSize(width, max(height, wanted.height())).boundedTo(room)
    dialog.resize(size.expandedTo(dialog.minimumSizeHint()))
