"""Small pieces every place shares: labelled inputs, the way back, level names, dates in words."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QWidget

from pairaid.ui.level_names import level_name as level_name  # re-exported: the places name levels alike
from pairaid.ui.style import make_heading


def labelled(text: str, widget: QWidget, accessible_name: str | None = None) -> QLabel:
    """A visible label whose buddy is `widget` (Alt+mnemonic focuses it), and the widget's accessible name."""
    label = QLabel(text)
    label.setBuddy(widget)
    widget.setAccessibleName(accessible_name or text.replace("&", "").rstrip(":"))
    return label


def long_date(value: dt.date | str | None) -> str:
    """"26 November 2026" (no leading zero, the NHS style); "" for nothing."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            date = dt.date.fromisoformat(value[:10])
        except ValueError:
            return value
    else:
        date = value
    return f"{date.day} {date.strftime('%B %Y')}"


class DownScrollArea(QScrollArea):
    """Scrolls up and down only, and is never narrower than what it holds plus its scroll bar: in a splitter
    at 200% text a review form was squeezed 16 px, its right edge hidden with no way to scroll to it. The
    minimum is only read from the content's own hints, so nothing of ours runs in Qt's geometry passes."""

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        content = self.widget()
        if content is None:
            return hint
        width = content.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()
        return QSize(max(hint.width(), width), hint.height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # the content grew or shrank (a message shown): the hints above change with it
        return super().eventFilter(watched, event)

    def height_for(self, width: int) -> int:
        """The height that shows all of the content at `width` without scrolling."""
        content = self.widget()
        if content is None:
            return self.sizeHint().height()
        inner = max(1, width - 2 * self.frameWidth())
        height = content.heightForWidth(inner) if content.hasHeightForWidth() else content.sizeHint().height()
        return max(height, content.minimumSizeHint().height()) + 2 * self.frameWidth()

    def sizeHint(self) -> QSize:
        """The content's whole size as it is now (QScrollArea keeps the first one it measured, and caps it)."""
        content = self.widget()
        if content is None:
            return super().sizeHint()
        frame = 2 * self.frameWidth()
        wanted = content.sizeHint()
        height = content.heightForWidth(wanted.width()) if content.hasHeightForWidth() else wanted.height()
        return QSize(wanted.width() + frame, max(height, wanted.height()) + frame)


class PlaceView(QWidget):
    """Base of the places: a `title`, a `back_requested` signal on Esc / Alt+Left, and a Back button."""

    back_requested = Signal()
    title = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for keys in (QKeySequence(Qt.Key.Key_Escape), QKeySequence("Alt+Left")):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.back_requested.emit)

    def set_first_input(self, widget: QWidget) -> None:
        """Where focus lands when the view is opened. Not a focus proxy: tabbing into a proxy's parent jumps
        to the proxy and skips what lies between (Back and the header buttons)."""
        self._first_input = widget
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if event.reason() == Qt.FocusReason.TabFocusReason:
            self.focusNextChild()  # tabbing through the view itself moves on to Back
        elif event.reason() == Qt.FocusReason.BacktabFocusReason:
            self.focusPreviousChild()
        elif getattr(self, "_first_input", None) is not None:
            self._first_input.setFocus(Qt.FocusReason.OtherFocusReason)

    def _header(self, heading: str) -> QHBoxLayout:
        """The top row: a Back button, then the heading."""
        row = QHBoxLayout()
        back = QPushButton("← Back")
        back.setAccessibleName("Back")
        back.setToolTip("Back (Esc or Alt+Left)")
        back.clicked.connect(self.back_requested.emit)
        row.addWidget(back)
        title = QLabel(heading)
        title.setObjectName("placeHeading")
        make_heading(title)
        title.setAccessibleName(heading)
        title.setWordWrap(True)  # a long pathway name wraps rather than widening the window
        row.addWidget(title, 1)
        self.back_button = back
        return row
