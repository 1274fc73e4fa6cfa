"""Population need: the needs assessment's figures for 30,672 children, recorded levels, PNG and CSV."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog

from pairaid.store import RecordSummary, Store
from pairaid.ui.places.population import PopulationView
from tests.ui.places.records import assessment, finalise

NEEDS_ASSESSMENT = ["15,336", "6,134", "3,987", "2,454", "613", "2,147"]


@pytest.fixture
def store(tmp_path: Path):
    store = Store.open(tmp_path / "data")
    yield store
    store.close()


@pytest.fixture
def view(qtbot, birmingham, store) -> PopulationView:
    widget = PopulationView(birmingham, store)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    return widget


def _column(table, column: int) -> list[str]:
    return [table.item(row, column).text() for row in range(table.rowCount())]


def test_default_is_the_pathways_figure_and_matches_the_needs_assessment(view: PopulationView) -> None:
    assert view.under_twos.value() == 30_672
    assert _column(view.route_table, 3) == NEEDS_ASSESSMENT
    assert _column(view.route_table, 2) == ["50%", "20%", "13%", "8%", "2%", "7%"]
    summary = view.summary.text()
    assert "30,672 children" in summary and "2,760 families" in summary
    assert "340 are seen by the perinatal mental health service, leaving 2,420" in summary
    assert "children under two (about two years of births)" in summary
    assert "* The needs assessment calls this figure \"families a year\"" in summary
    assert "rounded half up" in view.rounding.text()
    # The chart draws the same figures as the table (and says them to a screen reader).
    assert [row.values[0] for row in view.route_chart.rows()] == [15336, 6134, 3987, 2454, 613, 2147]
    assert "15,336" in view.route_chart.accessibleDescription()


def test_another_population_reruns_the_estimate(qtbot, view: PopulationView) -> None:
    view.under_twos.setValue(10_000)
    assert _column(view.route_table, 3) == ["5,000", "2,000", "1,300", "800", "200", "700"]
    assert "900 families" in view.summary.text() and "leaving 560" in view.summary.text()
    view.reset_button.click()
    assert view.under_twos.value() == 30_672


def test_recorded_levels_are_shown_as_proportions(qtbot, birmingham, store) -> None:
    finalise(store, birmingham, assessment("Łukasz Wójcik", dt.date(2026, 11, 2)))  # targeted
    finalise(store, birmingham, assessment("Zoë Brontë", dt.date(2026, 11, 3)))
    quiet = assessment("Şükrü Öztürk", dt.date(2026, 11, 4), parent_voice={"asked": True, "wants_help": "no"},
                       mood={}, needs={}, observations={d: {"rating": "no_concern"}
                                                        for d in ("noticing_cues", "warmth", "responding")})
    finalise(store, birmingham, quiet)  # universal
    store.create_draft(assessment("Draft Only"), summary=RecordSummary())
    view = PopulationView(birmingham, store)
    qtbot.addWidget(view)
    assert view.recorded.counts == {"universal": 1, "targeted": 2, "specialist": 0, "statutory": 0}
    assert _column(view.level_table, 2) == ["33% (1)", "67% (2)", "0% (0)", "0% (0)"]
    assert _column(view.level_table, 1) == ["70%", "8%", "9%", "13%"]


def test_no_records_says_so(view: PopulationView) -> None:
    assert _column(view.level_table, 2) == ["none recorded"] * 4


def test_export_png_and_csv(qtbot, monkeypatch, view: PopulationView, tmp_path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "need"), ""))
    png = view.export_png()
    assert png == tmp_path / "need.png"
    image = QImage(str(png))
    assert not image.isNull() and image.width() > 300 and image.height() > 200

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "need.csv"), ""))
    written = view.export_csv()
    with written.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["section", "name", "level", "proportion", "children_or_records"]
    routes = [row for row in rows if row[0] == "estimate by route"]
    assert [int(row[4]) for row in routes] == [15336, 6134, 3987, 2454, 613, 2147]
    figures = {row[1]: row[4] for row in rows if row[0] == "estimate"}
    assert figures == {"specialist PAIR support": "2760", "seen by perinatal mental health service": "340",
                       "specialist PAIR support not seen": "2420"}
    assert sorted(p.name for p in tmp_path.glob("*need*")) == ["need.csv", "need.png"]  # no temporary files left


def test_population_is_accessible(qtbot, view: PopulationView) -> None:
    from tests.ui.places.accessibility import check_accessible

    qtbot.waitExposed(view)
    check_accessible(view)
