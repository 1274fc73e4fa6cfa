"""View → Text size: at 200% text (WCAG 2.2, 1.4.4) every section and place of a 1366×768 window, and of the
smaller window a first start opens, fits its controls (none narrower or lower than its minimum size, none cut
off; long pages scroll), the size is applied live, and it is kept in settings for the next start."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QRadioButton, QWidget

from pairaid.ui.settings import WindowSettings
from pairaid.ui.text_size import apply_text_size, current_text_size
from pairaid.ui.window_memory import FIRST_START_SIZE
from tests.ui.app_helpers import DialogLog, close_window, open_window
from tests.ui.fit import SCREEN_HEIGHT, SCREEN_WIDTH, fit_problems, sideways


def _settle(qapp: QApplication) -> None:
    for _ in range(3):
        qapp.processEvents()


def _size_problem(window: QWidget, width: int = SCREEN_WIDTH, height: int = SCREEN_HEIGHT) -> list[str]:
    """A window whose content needs more than its size grows past it: then something is off screen."""
    hint = window.minimumSizeHint()
    if (window.width(), window.height()) != (width, height) or hint.width() > width or hint.height() > height:
        return [f"the window is {window.width()}x{window.height()} and needs {hint.width()}x{hint.height()}"]
    return []


@pytest.mark.parametrize("size", [(SCREEN_WIDTH, SCREEN_HEIGHT), FIRST_START_SIZE], ids=["screen", "first-start"])
def test_every_section_and_place_fits_its_controls_at_200_percent(qtbot, qapp: QApplication, tmp_data_dir: Path,
                                                                  monkeypatch, normal_text,
                                                                  size: tuple[int, int]) -> None:
    """Both in a window filling a 1366x768 screen and in the window a first start opens (no size saved yet),
    where "Other needs" and "Summary" once scrolled sideways and the review form lost its right edge."""
    DialogLog().install(monkeypatch)
    window = open_window(qtbot, tmp_data_dir)
    if size == FIRST_START_SIZE:
        assert (window.width(), window.height()) == FIRST_START_SIZE, "a fresh data folder has no saved size"
    window.resize(*size)
    window.new_visit()
    base = qapp.font().pointSizeF()
    window.menus.text_size_actions[200].trigger()  # live, with the visit screen already built at 100%
    assert qapp.font().pointSizeF() == pytest.approx(2 * base)
    window.session.set_value("safeguarding.indicators", ["domestic_abuse_baby_present"])  # the banner too
    window.session.set_value("parent_voice.asked", True)  # the questions that only show after asking
    screens: dict[str, list[str]] = {}

    def check() -> list[str]:
        _settle(qapp)
        return fit_problems(window) + _size_problem(window, *size) + sideways(window)

    window.go_home()
    screens["home"] = check()
    window.open_record(window.record_id() or window.home.record_ids()[0])
    nav = window.walkthrough.nav
    assert nav.sizeHintForColumn(0) <= nav.viewport().width(), "section names cut off"
    for section in window.walkthrough.sections():
        window.walkthrough.go_to(section)
        screens[section] = check()
    for key in window.places:
        window.show_place(key)
        screens[key] = check()
    assert {screen: problems for screen, problems in screens.items() if problems} == {}
    close_window(window)


def test_the_text_size_is_kept_for_the_next_start(qtbot, qapp: QApplication, tmp_data_dir: Path,
                                                  normal_text) -> None:
    window = open_window(qtbot, tmp_data_dir)
    window.menus.text_size_actions[150].trigger()
    assert current_text_size(qapp) == 150
    assert window.menus.text_size_actions[150].isChecked() and not window.menus.text_size_actions[100].isChecked()
    close_window(window)
    assert WindowSettings(tmp_data_dir).text_size() == 150

    apply_text_size(qapp, 100)
    again = open_window(qtbot, tmp_data_dir)
    assert current_text_size(qapp) == 150 and again.menus.text_size_actions[150].isChecked()
    close_window(again)


def test_headings_keep_their_size_relative_to_the_text(qtbot, qapp: QApplication, tmp_data_dir: Path,
                                                       normal_text) -> None:
    window = open_window(qtbot, tmp_data_dir)
    window.new_visit()
    level = window.walkthrough.live_panel.level  # a heading 1.5 times the text
    ratio = level.font().pointSizeF() / qapp.font().pointSizeF()
    window.set_text_size(200)
    assert level.font().pointSizeF() / qapp.font().pointSizeF() == pytest.approx(ratio)
    window.session.set_value("safeguarding.indicators", ["domestic_abuse_baby_present"])  # re-coloured
    assert level.font().pointSizeF() / qapp.font().pointSizeF() == pytest.approx(ratio)
    window.set_text_size(125)
    assert level.font().pointSizeF() / qapp.font().pointSizeF() == pytest.approx(ratio)
    close_window(window)


def test_a_hand_edited_text_size_falls_back_to_the_system_size(tmp_data_dir: Path) -> None:
    (tmp_data_dir / "settings.ini").write_text("[view]\ntext_size=175\n")
    assert WindowSettings(tmp_data_dir).text_size() == 100
    (tmp_data_dir / "settings.ini").write_text("[view]\ntext_size=huge\n")
    assert WindowSettings(tmp_data_dir).text_size() == 100


def _text_measured_sizes(window) -> dict[str, int]:
    """Every size the visit screen works out from the text: widths and heights of so many characters or lines."""
    decision, family = window.walkthrough.page("decision"), window.walkthrough.page("family")
    return {
        "live panel width": window.walkthrough.live_panel.minimumWidth(),
        "note height": decision.next_steps.editor.minimumHeight(),
        "problem line height": decision.override.problem.minimumHeight(),
        "service list height": decision.suggested_services.editor.minimumHeight(),
        "date box width": decision.review_date.line.maximumWidth(),
        "area line height": family.area_note.minimumHeight(),
        "level list width": decision.override.editor.view().minimumWidth(),
    }


def test_sizes_worked_out_from_the_text_follow_a_live_change(qtbot, qapp: QApplication, tmp_data_dir: Path,
                                                             normal_text) -> None:
    window = open_window(qtbot, tmp_data_dir)
    window.new_visit()
    normal = _text_measured_sizes(window)
    window.set_text_size(200)
    double = _text_measured_sizes(window)
    grown = {name: round(double[name] / normal[name], 2) for name in normal}
    assert all(1.6 <= ratio <= 2.4 for ratio in grown.values()), str(grown)
    window.set_text_size(100)
    assert _text_measured_sizes(window) == normal
    close_window(window)


def _rating_rows(window) -> list:
    return [box.rating.editor for box in window.walkthrough.page("observations").boxes.values() if box.isVisible()]


def test_rows_of_options_stack_at_200_percent_and_come_back_side_by_side(qtbot, qapp: QApplication,
                                                                         tmp_data_dir: Path, normal_text) -> None:
    """A live 100 -> 200 -> 100% change with the window on screen: the rating rows stack when they no longer fit,
    nothing scrolls sideways, and at 100% they are side by side again ("Not observed" beside the others)."""
    window = open_window(qtbot, tmp_data_dir)
    window.resize(SCREEN_WIDTH, SCREEN_HEIGHT)
    window.new_visit()
    window.walkthrough.go_to("observations")
    _settle(qapp)
    rows = _rating_rows(window)
    assert rows and not any(row.stacked() for row in rows)
    for percent, stacked in ((200, True), (100, False), (200, True)):
        window.set_text_size(percent)
        _settle(qapp)
        assert [row.stacked() for row in rows] == [stacked] * len(rows), f"at {percent}%"
        assert sideways(window) == [], f"at {percent}%"
        options = rows[0].findChildren(QRadioButton)
        tops = {button.geometry().top() for button in options}
        assert len(tops) == (len(options) if stacked else 1), f"at {percent}%"
    close_window(window)


def test_the_supervision_preview_word_list_follows_a_live_change(qtbot, qapp: QApplication, normal_text) -> None:
    from pairaid.ui.supervision_preview import SupervisionPreview

    dialog = SupervisionPreview({"family": {"baby": {"name": "Zoë Brontë"}}})
    qtbot.addWidget(dialog)
    dialog.show()
    normal = dialog.word_list.maximumHeight()
    apply_text_size(qapp, 200)
    assert 1.6 <= dialog.word_list.maximumHeight() / normal <= 2.4
    apply_text_size(qapp, 100)
    assert dialog.word_list.maximumHeight() == normal


@pytest.mark.parametrize("percent", [125, 150])
def test_no_section_scrolls_sideways_at_the_sizes_between(qtbot, qapp: QApplication, tmp_data_dir: Path,
                                                          normal_text, percent: int) -> None:
    """A row of options near the edge of fitting, or a scroll bar appearing, must not leave a page a few pixels
    too wide at 125% or 150% either."""
    window = open_window(qtbot, tmp_data_dir)
    window.resize(SCREEN_WIDTH, SCREEN_HEIGHT)
    window.new_visit()
    window.session.set_value("parent_voice.asked", True)
    window.set_text_size(percent)
    too_wide = {}
    for section in window.walkthrough.sections():
        window.walkthrough.go_to(section)
        _settle(qapp)
        too_wide[section] = sideways(window)
    assert {section: found for section, found in too_wide.items() if found} == {}
    close_window(window)
