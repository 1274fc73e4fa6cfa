"""How a suggested service is drawn in the Decision section's list: its tick box beside the first line (the
service's name, in bold), the reasons below it, and room between services. The text stays the item's own
(screen readers and the filter read it whole); only the drawing changes. A click anywhere on a service
ticks it, as a click on a check box's label does; Space ticks the current one."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QMouseEvent, QPainter
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

PAD = 6
GAP = 8  # between the tick box and the text

Index = QModelIndex | QPersistentModelIndex


class ServiceRowDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pressed: QPersistentModelIndex | None = None  # the service a mouse press began on

    def _parts(self, option: QStyleOptionViewItem, index: Index) -> tuple[str, str, QFont, int]:
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        first, _, rest = text.partition("\n")
        bold = QFont(option.font)
        bold.setBold(True)
        box = QFontMetrics(option.font).height()
        return first, rest, bold, box

    def _text_width(self, option: QStyleOptionViewItem, box: int) -> int:
        widget = option.widget
        width = widget.viewport().width() if isinstance(widget, QWidget) and hasattr(widget, "viewport") \
            else option.rect.width()
        return max(80, width - box - GAP - 3 * PAD)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        first, rest, bold, box = self._parts(option, index)
        width = self._text_width(option, box)
        flags = int(Qt.TextFlag.TextWordWrap)
        height = QFontMetrics(bold).boundingRect(QRect(0, 0, width, 100_000), flags, first).height()
        if rest:
            height += QFontMetrics(option.font).boundingRect(QRect(0, 0, width, 100_000), flags, rest).height()
        return QSize(width + box + GAP + 3 * PAD, max(height, box) + 2 * PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if isinstance(widget, QWidget) else None
        if style is None:
            super().paint(painter, option, index)
            return
        first, rest, bold, box = self._parts(opt, index)
        checked = opt.checkState == Qt.CheckState.Checked
        # Background, selection and focus as the style draws them, without its own text and tick box.
        opt.text = ""
        opt.features &= ~QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)

        tick = QStyleOptionViewItem(opt)
        tick.rect = self.check_rect(option, index)
        tick.state = (opt.state & ~QStyle.StateFlag.State_HasFocus) | (
            QStyle.StateFlag.State_On if checked else QStyle.StateFlag.State_Off)
        style.drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck, tick, painter, widget)

        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        colour = opt.palette.highlightedText().color() if selected else opt.palette.text().color()
        left = opt.rect.left() + 2 * PAD + box + GAP
        width = self._text_width(opt, box)  # exactly as sizeHint measured it, so no line is cut off
        flags = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        painter.save()
        painter.setPen(colour)
        painter.setFont(bold)
        top = opt.rect.top() + PAD
        used = painter.boundingRect(QRect(left, top, width, 100_000), flags, first)
        painter.drawText(QRect(left, top, width, used.height()), flags, first)
        if rest:
            painter.setFont(opt.font)
            painter.drawText(QRect(left, top + used.height(), width, opt.rect.bottom() - top - used.height()),
                             flags, rest)
        painter.restore()

    def check_rect(self, option: QStyleOptionViewItem, index: Index) -> QRect:
        box = self._parts(option, index)[3]
        return QRect(option.rect.left() + 2 * PAD, option.rect.top() + PAD, box, box)

    def editorEvent(self, event: QEvent, model: QAbstractItemModel, option: QStyleOptionViewItem, index: Index) -> bool:
        flags = index.flags()
        if not (flags & Qt.ItemFlag.ItemIsUserCheckable and flags & Qt.ItemFlag.ItemIsEnabled):
            return False
        left_button = isinstance(event, QMouseEvent) and event.button() == Qt.MouseButton.LeftButton
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
            if not left_button:
                return False
            # The view does not see this press, so make the clicked service the current one here: Space
            # then ticks the service just clicked, and the focus frame follows the mouse.
            view = option.widget
            if isinstance(view, QAbstractItemView):
                view.setCurrentIndex(index.model().index(index.row(), index.column(), index.parent()))
            self._pressed = QPersistentModelIndex(index)
            return True
        if event.type() == QEvent.Type.MouseButtonRelease:
            pressed, self._pressed = self._pressed, None
            if not (left_button and pressed == QPersistentModelIndex(index)
                    and option.rect.contains(event.position().toPoint())):  # type: ignore[attr-defined]
                return False  # released on another service than the one pressed: nothing ticks
            checked = index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked.value or \
                index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
            new = Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked
            return bool(model.setData(index, new, Qt.ItemDataRole.CheckStateRole))
        return super().editorEvent(event, model, option, index)  # Space and Select tick the current row
