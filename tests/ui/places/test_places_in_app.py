"""The places as the app builds them: opened from the main window, a review seen on the practitioner's record,
Esc back home."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from pairaid.ui.places import PathwayBrowserView, PopulationView, ReviewView
from tests.ui.places.records import assessment, finalise


@pytest.fixture
def window(qtbot, tmp_path: Path):
    from pairaid.app import build_window

    built = build_window(tmp_path / "data")
    assert built is not None
    qtbot.addWidget(built)
    built.resize(1366, 768)
    built.show()
    yield built
    built.store.close()


def test_every_place_opens_from_the_window_and_esc_goes_home(qtbot, window) -> None:
    kinds = {"browser": PathwayBrowserView, "reviews": ReviewView, "population": PopulationView}
    for key, kind in kinds.items():
        window.show_place(key)
        view = window.stack.currentWidget()
        assert isinstance(view, kind) and view.title
        with qtbot.waitActive(window):
            window.activateWindow()
        view.setFocus()
        assert view.isAncestorOf(window.focusWidget())  # the shell's setFocus lands on an input
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Escape)
        assert window.stack.currentWidget() is window.home


def test_a_review_made_in_the_app_shows_on_the_practitioners_record(qtbot, window) -> None:
    record_id = finalise(window.store, window.pathway, assessment())
    window.show_place("reviews")
    review: ReviewView = window.stack.currentWidget()
    assert review.queue_ids() == [record_id]  # refreshed when shown
    review.open_record(record_id)
    review.challenge.setChecked(True)
    review.suggested_level.setCurrentIndex(review.suggested_level.findData("specialist"))
    review.comment.setPlainText("Ask the perinatal team for advice.")
    review.reviewer.setText("Ann Example")
    review.sign_off.setChecked(True)
    assert review.save_review()

    window.open_record(record_id)
    shown = window.summary_page.review_label.text()
    assert "Ann Example" in shown and "challenges the level (suggests Specialist); signed off" in shown
