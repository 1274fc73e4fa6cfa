"""Text scales with the system font: at 1.5 times the usual size every screen still fits a 1366 px wide
screen (the walk-through with its live panel, the summary, the safeguarding banner and the three places)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from tests.ui.app_helpers import DialogLog, close_window, open_window

SCREEN_WIDTH = 1366


def test_every_screen_fits_1366_pixels_at_one_and_a_half_times_the_text(qtbot, qapp: QApplication,
                                                                          tmp_data_dir: Path, monkeypatch) -> None:
    DialogLog().install(monkeypatch)
    before = qapp.font()
    large = qapp.font()
    large.setPointSizeF(large.pointSizeF() * 1.5)
    qapp.setFont(large)
    try:
        window = open_window(qtbot, tmp_data_dir)
        window.new_visit()
        window.session.set_value("safeguarding.indicators", ["domestic_abuse_baby_present"])  # the banner too
        window.walkthrough.go_to("summary")
        for key in window.places:
            window.show_place(key)
        qapp.processEvents()
        assert window.minimumSizeHint().width() <= SCREEN_WIDTH
        widest = max(range(window.stack.count()), key=lambda i: window.stack.widget(i).minimumSizeHint().width())
        assert window.stack.widget(widest).minimumSizeHint().width() <= SCREEN_WIDTH, type(
            window.stack.widget(widest)).__name__
        close_window(window)
    finally:
        qapp.setFont(before)
