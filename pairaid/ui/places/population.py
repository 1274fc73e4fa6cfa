"""Population need: the needs assessment's estimate for a number of children under two, by route and level,
beside the levels recorded in this store, as a chart (with the same figures in a table), exportable as PNG
and CSV for a commissioner's report."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pairaid.atomic import write_atomically
from pairaid.core import vocab
from pairaid.core.pathway import Pathway
from pairaid.core.population import PopulationEstimate, estimate
from pairaid.ui.places.bar_chart import BarChart, Row, Series
from pairaid.ui.places.common import PlaceView, labelled
from pairaid.ui.places.recorded_levels import RecordedLevels, recorded_levels
from pairaid.ui.style import DARK_GREY, NHS_BLUE
from pairaid.ui.wheel_guard import guard_wheel

MAX_CHILDREN = 10_000_000


def _count(value: float) -> str:
    return f"{round(value):,}"


def _percent(value: float) -> str:
    return f"{value * 100:.0f}%" if value >= 0.01 or value == 0 else f"{value * 100:.1f}%"


def _cell(text: str, align_right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class PopulationView(PlaceView):
    """Estimate need for `under_twos` children with the pathway's prevalence model; compare with `store`."""

    title = "Population need"

    def __init__(self, pathway: Pathway, store: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pathway = pathway
        self.store = store
        self.estimate: PopulationEstimate | None = None
        self.recorded: RecordedLevels = recorded_levels(store)
        self.setAccessibleName(self.title)

        layout = QVBoxLayout(self)
        header = self._header(f"Population need: {pathway.pathway.area.name}")
        self.png_button = QPushButton("Export P&NG…")
        self.png_button.setAccessibleName("Export chart as PNG")
        self.png_button.clicked.connect(lambda: self.export_png())
        self.csv_button = QPushButton("Export &CSV…")
        self.csv_button.setAccessibleName("Export figures as CSV")
        self.csv_button.clicked.connect(lambda: self.export_csv())
        header.addWidget(self.png_button)
        header.addWidget(self.csv_button)
        layout.addLayout(header)

        row = QHBoxLayout()
        self.under_twos = guard_wheel(QSpinBox())
        self.under_twos.setRange(1, MAX_CHILDREN)
        self.under_twos.setGroupSeparatorShown(True)
        self.under_twos.setSingleStep(100)
        self.under_twos.setValue(pathway.pathway.under_twos or 1000)
        row.addWidget(labelled("Children under t&wo:", self.under_twos, "Number of children under two"))
        row.addWidget(self.under_twos)
        self.reset_button = QPushButton("&Use the pathway's figure")
        self.reset_button.setAccessibleName("Use the pathway's figure")
        self.reset_button.setEnabled(pathway.pathway.under_twos is not None)
        self.reset_button.clicked.connect(self._use_pathway_figure)
        row.addWidget(self.reset_button)
        row.addStretch(1)
        layout.addLayout(row)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setAccessibleName("Summary of the estimate")
        layout.addWidget(self.summary)

        body = QHBoxLayout()
        # The charts sit on one white panel, exported as the PNG.
        self.chart_panel = QWidget()
        self.chart_panel.setAutoFillBackground(True)
        self.chart_panel.setStyleSheet("background: white;")
        charts = QVBoxLayout(self.chart_panel)
        self.route_chart = BarChart("Estimated children under two, by route", _count)
        self.level_chart = BarChart("Share by level: estimate and records in this app", _percent)
        charts.addWidget(self.route_chart, 3)
        charts.addWidget(self.level_chart, 2)
        self.source_note = QLabel()
        self.source_note.setWordWrap(True)
        self.source_note.setStyleSheet(f"color: {DARK_GREY}; background: white;")
        charts.addWidget(self.source_note)
        body.addWidget(self.chart_panel, 3)

        tables = QVBoxLayout()
        self.route_table = QTableWidget(0, 4)
        self.route_table.setHorizontalHeaderLabels(["Route", "Level", "Share", "Children"])
        self.level_table = QTableWidget(0, 3)
        self.level_table.setHorizontalHeaderLabels(["Level", "Estimated share", "Recorded here"])
        for table, text, name in (
            (self.route_table, "Figures by r&oute:", "Estimated children by route"),
            (self.level_table, "Figures by &level:", "Share by level, estimated and recorded"),
        ):
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setTabKeyNavigation(False)
            table.verticalHeader().setVisible(False)
            table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            tables.addWidget(labelled(text, table, name))
            tables.addWidget(table)
        self.rounding = QLabel()
        self.rounding.setWordWrap(True)
        self.rounding.setAccessibleName("Rounding rule")
        tables.addWidget(self.rounding)
        body.addLayout(tables, 2)
        # Charts and tables scroll together when they need more height than the window has (large text).
        body_widget = QWidget()
        body_widget.setLayout(body)
        body.setContentsMargins(0, 0, 0, 0)
        body_scroll = QScrollArea()
        body_scroll.setWidget(body_widget)
        body_scroll.setWidgetResizable(True)
        body_scroll.setFrameShape(QFrame.Shape.NoFrame)
        body_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(body_scroll, 1)

        self.under_twos.valueChanged.connect(self.recompute)
        self.set_first_input(self.under_twos)
        self.recompute()

    def showEvent(self, event: QShowEvent) -> None:
        # Records finalised since the view was last shown count at once.
        super().showEvent(event)
        self.refresh_recorded()

    # -- figures -------------------------------------------------------------------------------------------

    def _use_pathway_figure(self) -> None:
        if self.pathway.pathway.under_twos:
            self.under_twos.setValue(self.pathway.pathway.under_twos)

    def refresh_recorded(self) -> None:
        """Re-read the store (after records were finalised elsewhere)."""
        self.recorded = recorded_levels(self.store)
        self.recompute()

    def recompute(self) -> None:
        prevalence = self.pathway.prevalence
        if prevalence is None:
            self.estimate = None
            self.summary.setText("This pathway file has no population model (prevalence), so no estimate can be "
                                 "made. Levels recorded here are still shown.")
        else:
            self.estimate = estimate(self.under_twos.value(), prevalence)
            self.summary.setText(self._summary_text(self.estimate))
        self._fill_routes()
        self._fill_levels()

    def _summary_text(self, result: PopulationEstimate) -> str:
        return f"{result.summary_sentence()}\n\n{result.note}"

    def route_rows(self) -> list[tuple[str, str, float, int]]:
        """(route, level, proportion, children) for each route of the estimate."""
        if self.estimate is None:
            return []
        return [
            (route.label, self.pathway.levels.get(route.level).label if route.level else "—",
             route.proportion, route.count)
            for route in self.estimate.routes
        ]

    def level_rows(self) -> list[tuple[str, float | None, float | None, int]]:
        """(level, estimated share, recorded share, records) for each level."""
        rows = []
        for level in vocab.LEVELS:
            estimated = self.estimate.level_share(level) if self.estimate is not None else None
            rows.append((self.pathway.levels.get(level).label, estimated, self.recorded.share(level),
                         self.recorded.counts[level]))
        return rows

    def _fill_routes(self) -> None:
        rows = self.route_rows()
        self.route_table.setRowCount(len(rows))
        for index, (label, level, proportion, children) in enumerate(rows):
            cells = (_cell(label), _cell(level), _cell(_percent(proportion), True), _cell(f"{children:,}", True))
            for column, cell in enumerate(cells):
                self.route_table.setItem(index, column, cell)
        self.route_table.resizeColumnsToContents()
        self.route_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.route_chart.set_data([Series("Children", NHS_BLUE)], [Row(r[0], (r[3],)) for r in rows])
        self.rounding.setText(f"Rounding: {self.estimate.rounding}." if self.estimate is not None else "")
        source = self.pathway.prevalence.source if self.pathway.prevalence else None
        self.source_note.setText(
            f"Estimate for {self.under_twos.value():,} children under two"
            + (f"; proportions from {source}" if source else "")
            + f". Recorded here: final levels of {self.recorded.total:,} finalised records."
        )

    def _fill_levels(self) -> None:
        rows = self.level_rows()
        self.level_table.setRowCount(len(rows))
        for index, (label, estimated, recorded, count) in enumerate(rows):
            recorded_text = f"{_percent(recorded)} ({count:,})" if recorded is not None else "none recorded"
            cells = (_cell(label), _cell(_percent(estimated) if estimated is not None else "—", True),
                     _cell(recorded_text, True))
            for column, cell in enumerate(cells):
                self.level_table.setItem(index, column, cell)
        self.level_table.resizeColumnsToContents()
        self.level_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        series = [Series("Estimate", NHS_BLUE), Series(f"Recorded here ({self.recorded.total:,})", DARK_GREY)]
        chart_rows = [Row(label, (estimated, recorded)) for label, estimated, recorded, _ in rows]
        self.level_chart.set_data(series, chart_rows, maximum=1.0)

    # -- export --------------------------------------------------------------------------------------------

    def _ask(self, caption: str, suffix: str, kind: str) -> Path | None:
        suggested = str(Path.home() / f"{self.pathway.pathway.id}-population-need.{suffix}")
        chosen, _ = QFileDialog.getSaveFileName(self, caption, suggested, f"{kind} (*.{suffix})")
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == f".{suffix}" else path.with_name(f"{path.name}.{suffix}")

    def _failed(self, path: Path, exc: Exception) -> None:
        QMessageBox.critical(self, "The file could not be saved",
                             f"{path} could not be written: {exc}\n\nChoose another folder and try again.")

    def export_png(self, path: Path | None = None) -> Path | None:
        """Save the chart panel as a PNG (asks for the file when `path` is None)."""
        path = path or self._ask("Export chart as PNG", "png", "PNG images")
        if path is None:
            return None
        image = self.chart_panel.grab()

        def save(temporary: Path) -> None:
            if not image.save(str(temporary), "PNG"):
                raise OSError("the image could not be written")

        try:
            write_atomically(path, save)
        except OSError as exc:
            self._failed(path, exc)
            return None
        return path

    def export_csv(self, path: Path | None = None) -> Path | None:
        """Save every figure as CSV (asks for the file when `path` is None)."""
        path = path or self._ask("Export figures as CSV", "csv", "CSV files")
        if path is None:
            return None
        def save(temporary: Path) -> None:
            with temporary.open("w", newline="", encoding="utf-8") as handle:
                self.write_csv(handle)

        try:
            write_atomically(path, save)
        except OSError as exc:
            self._failed(path, exc)
            return None
        return path

    def write_csv(self, handle: Any) -> None:
        writer = csv.writer(handle)
        writer.writerow(["section", "name", "level", "proportion", "children_or_records"])
        writer.writerow(["population", "children under two", "", "", self.under_twos.value()])
        for label, level, proportion, children in self.route_rows():
            writer.writerow(["estimate by route", label, level, f"{proportion:.4f}", children])
        if self.estimate is not None:
            writer.writerow(["estimate", "specialist PAIR support", "", "", self.estimate.specialist_pair])
            if self.estimate.seen_by_perinatal_service is not None:
                writer.writerow(["estimate", "seen by perinatal mental health service", "", "",
                                 self.estimate.seen_by_perinatal_service])
                writer.writerow(["estimate", "specialist PAIR support not seen", "", "", self.estimate.not_seen])
        for label, estimated, recorded, count in self.level_rows():
            writer.writerow(["estimate by level", label, label,
                             "" if estimated is None else f"{estimated:.4f}", ""])
            writer.writerow(["recorded here", label, label, "" if recorded is None else f"{recorded:.4f}", count])
