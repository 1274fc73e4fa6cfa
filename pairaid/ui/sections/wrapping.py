"""Check boxes and radio buttons whose text wraps onto more lines when there is not room for one (at 200% text a
safeguarding indicator runs to 860 px on one line). The text stays the button's own, so screen readers, the
mnemonic-free accessible names and every test that reads `text()` see it whole; only the measuring and the
drawing change. A click on the indicator or on any line of its text toggles it, as a click on a label does.

A button that can wrap asks for one line's width when there is room (`sizeHint`), needs only its longest word
(`minimumSizeHint`) and tells its layout how tall it is at a width (`heightForWidth`), as a word-wrapped QLabel
does: layouts and scroll areas then reflow it, and no code of ours runs inside their geometry passes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QRadioButton,
    QSizePolicy,
    QStyle,
    QStyleOption,
    QStyleOptionButton,
    QWidget,
)

_WRAP = int(Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextShowMnemonic)
_TOP_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
_TALL = 100_000

if TYPE_CHECKING:
    class _Button(QAbstractButton):
        def initStyleOption(self, option: QStyleOptionButton) -> None: ...
else:
    _Button = object  # at run time the mixin sits before QCheckBox or QRadioButton


class _Wrapping(_Button):
    """What a wrapping check box and radio button share; `_PARTS` names the style's parts for each."""

    _PARTS: tuple[QStyle.PrimitiveElement, QStyle.SubElement, QStyle.SubElement]  # indicator, its place, text

    def _allow_wrapping(self) -> None:
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)  # what makes a layout ask heightForWidth, as for a word-wrapped label
        policy.setHorizontalPolicy(QSizePolicy.Policy.Preferred)  # Qt's buttons never go under one line's width
        policy.setVerticalPolicy(QSizePolicy.Policy.Minimum)  # nor over one line's height
        self.setSizePolicy(policy)

    def _option(self, width: int | None = None) -> QStyleOptionButton:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        if width is not None:
            option.rect = QRect(0, 0, width, _TALL)
        return option

    def _beside_text(self) -> int:
        """The width beside the text (indicator, spacing, padding), from the style in use."""
        option = self._option(1000)
        return option.rect.width() - self.style().subElementRect(self._PARTS[2], option, self).width()

    def _plain_text(self) -> str:
        return self.text().replace("&&", "\0").replace("&", "").replace("\0", "&")

    def _one_line(self) -> QSize:
        """What Qt's own button asks for: the text on one line."""
        return super().sizeHint()

    # Sizes ------------------------------------------------------------------------------------------

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        room = QRect(0, 0, max(1, width - self._beside_text()), _TALL)
        text = self.fontMetrics().boundingRect(room, _WRAP, self.text()).height()
        one_line = self._one_line().height()
        return max(one_line, one_line - self.fontMetrics().height() + text)

    def sizeHint(self) -> QSize:
        width = self._beside_text() + self.fontMetrics().horizontalAdvance(self._plain_text()) + 2
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        longest = max((metrics.horizontalAdvance(word) for word in self._plain_text().split()), default=0)
        return QSize(self._beside_text() + longest + 2, self._one_line().height())

    # Clicking and drawing ---------------------------------------------------------------------------

    def _places(self, option: QStyleOptionButton) -> tuple[QRect, QRect]:
        """Where the indicator and the text go: the indicator beside the first line of text, not half-way
        down a paragraph."""
        style = self.style()
        indicator = style.subElementRect(self._PARTS[1], option, self)
        text = style.subElementRect(self._PARTS[2], option, self)
        line = self.fontMetrics().height()
        top = option.rect.top() + (self._one_line().height() - max(line, indicator.height())) // 2
        indicator.moveTop(top + max(0, line - indicator.height()) // 2)
        text.setTop(top + max(0, indicator.height() - line) // 2)
        return indicator, text

    def hitButton(self, pos: QPoint) -> bool:
        """The indicator or any line of the text, as a click on a label; not the empty space beside them."""
        indicator, text = self._places(self._option())
        used = self.fontMetrics().boundingRect(text, _WRAP | _TOP_LEFT, self.text())
        return indicator.united(used).adjusted(-2, -2, 2, 2).contains(pos)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        style = self.style()
        background = QStyleOption()
        background.initFrom(self)  # the style sheet's background, e.g. the yellow of keyboard focus
        style.drawPrimitive(QStyle.PrimitiveElement.PE_Widget, background, painter, self)
        option = self._option()
        mark = QStyleOptionButton(option)
        mark.rect, text = self._places(option)
        style.drawPrimitive(self._PARTS[0], mark, painter, self)
        style.drawItemText(painter, text, _WRAP | _TOP_LEFT, option.palette, self.isEnabled(), self.text(),
                           QPalette.ColorRole.WindowText)
        painter.end()


class WrappingCheckBox(_Wrapping, QCheckBox):
    _PARTS = (QStyle.PrimitiveElement.PE_IndicatorCheckBox, QStyle.SubElement.SE_CheckBoxIndicator,
              QStyle.SubElement.SE_CheckBoxContents)

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._allow_wrapping()


class WrappingRadioButton(_Wrapping, QRadioButton):
    _PARTS = (QStyle.PrimitiveElement.PE_IndicatorRadioButton, QStyle.SubElement.SE_RadioButtonIndicator,
              QStyle.SubElement.SE_RadioButtonContents)

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._allow_wrapping()
