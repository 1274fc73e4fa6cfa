"""A plain horizontal bar chart drawn with QPainter (no chart library): labels left, bars, values right.

Made for reports: white background, dark text, one colour per series with a legend, figures on every bar.
The figures are also given as accessible text (`accessible_summary`) for screen readers; views put the
same figures in a table beside the chart.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

TEXT = QColor("#212B32")
GRID = QColor("#D8DDE0")


@dataclass(frozen=True)
class Series:
    name: str
    colour: str


@dataclass(frozen=True)
class Row:
    label: str
    values: tuple[float | None, ...]  # one per series; None = no figure (drawn as "—")


class BarChart(QWidget):
    """Horizontal grouped bars; `set_data` replaces everything and repaints."""

    def __init__(self, title: str, value_text: Callable[[float], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self._value_text = value_text
        self._series: list[Series] = []
        self._rows: list[Row] = []
        self._maximum: float | None = None
        self.setAccessibleName(title)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAutoFillBackground(False)

    def set_data(self, series: Sequence[Series], rows: Sequence[Row], maximum: float | None = None) -> None:
        self._series = list(series)
        self._rows = list(rows)
        self._maximum = maximum
        self.setAccessibleDescription(self.accessible_summary())
        self.updateGeometry()
        self.update()

    def rows(self) -> list[Row]:
        return list(self._rows)

    def accessible_summary(self) -> str:
        parts = []
        for row in self._rows:
            figures = ", ".join(
                f"{series.name} {self._value_text(value) if value is not None else 'no figure'}"
                for series, value in zip(self._series, row.values, strict=False)
            )
            parts.append(f"{row.label}: {figures}")
        return f"{self._title}. " + "; ".join(parts)

    def sizeHint(self) -> QSize:
        line = QFontMetricsF(self.font()).height()
        bars = max(1, len(self._rows)) * max(1, len(self._series))
        return QSize(520, int(line * (3.5 + bars * 1.3 + len(self._rows) * 0.6)))

    def minimumSizeHint(self) -> QSize:
        """Tall enough for the title, the legend and each row's label (up to two lines) at this font size."""
        line = QFontMetricsF(self.font()).height()
        return QSize(320, int(line * (3 + 2 * max(1, len(self._rows)))))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#FFFFFF"))
        metrics = QFontMetricsF(self.font())
        line = metrics.height()
        pad = line * 0.6

        title_font = QFont(self.font())
        title_font.setBold(True)
        title_font.setPointSizeF(self.font().pointSizeF() * 1.15)
        painter.setFont(title_font)
        painter.setPen(TEXT)
        title_height = QFontMetricsF(title_font).height()
        painter.drawText(QRectF(pad, pad, self.width() - 2 * pad, title_height), Qt.AlignmentFlag.AlignLeft,
                         self._title)
        painter.setFont(self.font())
        top = pad + title_height + line * 0.3

        # Legend (only when there is more than one series).
        if len(self._series) > 1:
            x = pad
            for series in self._series:
                painter.fillRect(QRectF(x, top + line * 0.2, line * 0.8, line * 0.6), QColor(series.colour))
                x += line
                width = metrics.horizontalAdvance(series.name)
                painter.drawText(QRectF(x, top, width + 2, line), Qt.AlignmentFlag.AlignVCenter, series.name)
                x += width + line
            top += line * 1.4

        if not self._rows:
            painter.drawText(QRectF(pad, top, self.width() - 2 * pad, line), Qt.AlignmentFlag.AlignLeft,
                             "No figures to show.")
            painter.end()
            return

        widest = max(metrics.horizontalAdvance(r.label) for r in self._rows)
        label_width = min(widest + pad, self.width() * 0.38)
        values = [v for r in self._rows for v in r.values if v is not None]
        maximum = self._maximum or max([*values, 1e-9])
        value_width = max(
            (metrics.horizontalAdvance(self._value_text(v)) for v in values), default=line
        ) + pad
        bar_left = pad + label_width
        bar_span = max(10.0, self.width() - bar_left - value_width - pad)
        group_gap = line * 0.6
        n = max(1, len(self._series))
        wrap = Qt.TextFlag.TextWordWrap
        label_heights = [
            metrics.boundingRect(QRectF(0, 0, label_width - pad / 2, 1e6), int(wrap), r.label).height()
            for r in self._rows
        ]
        available = self.height() - top - pad - group_gap * len(self._rows)
        bar_height = max(4.0, min(line * 2.0, available / (len(self._rows) * n)))
        group_heights = [max(n * bar_height, h) for h in label_heights]
        # Faint gridlines at quarters of the scale, so lengths can be compared by eye.
        painter.setPen(GRID)
        bottom = top + sum(group_heights) + group_gap * (len(self._rows) - 1)
        for quarter in range(5):
            x = bar_left + bar_span * quarter / 4
            painter.drawLine(int(x), int(top), int(x), int(bottom))

        y = top
        for row, group_height in zip(self._rows, group_heights, strict=True):
            painter.setPen(TEXT)
            painter.drawText(
                QRectF(pad, y, label_width - pad / 2, group_height),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight | wrap,
                row.label,
            )
            bars_top = y + (group_height - n * bar_height) / 2
            for index, (series, value) in enumerate(zip(self._series, row.values, strict=False)):
                bar_y = bars_top + index * bar_height
                length = 0.0 if value is None else bar_span * max(0.0, value) / maximum
                painter.fillRect(QRectF(bar_left, bar_y + 1, length, bar_height - 2), QColor(series.colour))
                text = "—" if value is None else self._value_text(value)
                painter.setPen(TEXT)
                painter.drawText(
                    QRectF(bar_left + length + pad / 3, bar_y, value_width, bar_height),
                    Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                    text,
                )
            y += group_height + group_gap
        painter.end()
