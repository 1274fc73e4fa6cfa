"""A row of options (a radio group's buttons) side by side while they fit on one line, one under another when
they do not (at 200% text "Not observed" was pushed off the right of the screen). Only the direction of an
ordinary QBoxLayout changes, after a resize or a change of the text's size: no layout of our own, and nothing
of ours runs inside Qt's geometry passes but a size query that only reads. Its height at a width is its
layout's, in the direction it has now: a change of direction asks the page for a second pass.
Tab order and the arrow keys follow the buttons, not the layout, so the keyboard works alike either way.
Any widgets can sit in a row this way (the Summary's two drop-down lists, each under its label); `fill` shares
the row's width among them instead of leaving the rest empty."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QWidget

SIDE_BY_SIDE = QBoxLayout.Direction.LeftToRight
STACKED = QBoxLayout.Direction.TopToBottom
SPACING = 12


class OptionRow(QWidget):
    def __init__(self, buttons: Sequence[QWidget], parent: QWidget | None = None, fill: bool = False) -> None:
        super().__init__(parent)
        self._buttons = list(buttons)
        self._layout = QBoxLayout(SIDE_BY_SIDE, self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(SPACING)
        for button in self._buttons:
            self._layout.addWidget(button, 1 if fill else 0)
        if not fill:
            self._layout.addStretch(1)

    def stacked(self) -> bool:
        return self._layout.direction() == STACKED

    def _side_by_side_width(self) -> int:
        return sum(b.sizeHint().width() for b in self._buttons) + SPACING * (len(self._buttons) - 1)

    def _fits(self, width: int) -> bool:
        return width >= self._side_by_side_width()

    def sizeHint(self) -> QSize:
        """Side by side is what the row would like, whichever way it is laid out now."""
        return QSize(self._side_by_side_width(), super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        """The widest option alone: stacked, the row needs no more (its layout would ask for the sum). The height
        is its layout's, in the direction it has now: stacked, every option's, one under another."""
        width = max((b.minimumSizeHint().width() for b in self._buttons), default=0)
        return QSize(width, super().minimumSizeHint().height())

    # Choosing the direction, after Qt has settled a size ----------------------------------------------

    def _choose_direction(self) -> None:
        wanted = SIDE_BY_SIDE if self._fits(self.width()) else STACKED
        if self._layout.direction() != wanted:
            self._layout.setDirection(wanted)  # posts a layout request; it is handled after this returns
            self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._choose_direction()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        # The text grew or shrank (a new text size; Qt sets the buttons' fonts before telling the row) or a
        # button's text changed, while the row kept its width.
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._choose_direction()
        return handled
