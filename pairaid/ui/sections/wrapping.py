"""Check boxes and radio buttons whose text wraps onto more lines when there is not room for one (at 200% text a
safeguarding indicator runs to 860 px on one line). The text stays the button's own, so screen readers, the
mnemonic-free accessible names and every test that reads `text()` see it whole; only the measuring and the
drawing change. A click anywhere on the button, any line of its text, toggles it, as a click on a label does.

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

    def hitButton(self, pos: QPoint) -> bool:
        return self.rect().contains(pos)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        style = self.style()
        background = QStyleOption()
        background.initFrom(self)  # the style sheet's background, e.g. the yellow of keyboard focus
        style.drawPrimitive(QStyle.PrimitiveElement.PE_Widget, background, painter, self)
        option = self._option()
        kind, indicator_part, text_part = self._PARTS
        text = style.subElementRect(text_part, option, self)
        mark = QStyleOptionButton(option)
        mark.rect = style.subElementRect(indicator_part, option, self)
        line = self.fontMetrics().height()
        top = option.rect.top() + (self._one_line().height() - max(line, mark.rect.height())) // 2
        # The indicator beside the first line of text, not half-way down a paragraph.
        mark.rect.moveTop(top + max(0, line - mark.rect.height()) // 2)
        text.setTop(top + max(0, mark.rect.height() - line) // 2)
        style.drawPrimitive(kind, mark, painter, self)
        style.drawItemText(painter, text, _WRAP | int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                           option.palette, self.isEnabled(), self.text(), QPalette.ColorRole.WindowText)
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
