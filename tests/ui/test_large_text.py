"""View → Text size: at 200% text (WCAG 2.2, 1.4.4) every section and place of a 1366×768 window fits its
controls (none narrower or lower than its minimum size, none cut off; long pages scroll), the size is applied
live, and it is kept in settings for the next start."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from pairaid.ui.settings import WindowSettings
from pairaid.ui.style import apply_style
from pairaid.ui.text_size import apply_text_size, current_text_size
from tests.ui.app_helpers import DialogLog, close_window, open_window
from tests.ui.fit import SCREEN_HEIGHT, SCREEN_WIDTH, fit_problems


@pytest.fixture
def normal_text(qapp: QApplication) -> Iterator[None]:
    """The app's own style (its em-sized padding grows with the text); afterwards the system's size and no
    style sheet, as the other tests expect."""
    before = qapp.styleSheet()
    apply_style(qapp)
    yield
    apply_text_size(qapp, 100)
    qapp.setStyleSheet(before)


def _settle(qapp: QApplication) -> None:
    for _ in range(3):
        qapp.processEvents()


def _size_problem(window: QWidget) -> list[str]:
    """A window whose content needs more than the screen grows past it: then something is off screen."""
    hint = window.minimumSizeHint()
    if (window.width(), window.height()) != (SCREEN_WIDTH, SCREEN_HEIGHT) or hint.width() > SCREEN_WIDTH or (
            hint.height() > SCREEN_HEIGHT):
        return [f"the window is {window.width()}x{window.height()} and needs {hint.width()}x{hint.height()}"]
    return []


def _sideways(window: QWidget) -> list[str]:
    """A page that scrolls sideways hides what is to its right ("Not observed" once did): it must reflow."""
    return [f"{area.objectName() or type(area.widget()).__name__} scrolls sideways by "
            f"{area.horizontalScrollBar().maximum()} px"
            for area in window.findChildren(QScrollArea) if area.isVisible() and area.horizontalScrollBar().maximum()]


def test_every_section_and_place_fits_its_controls_at_200_percent(qtbot, qapp: QApplication, tmp_data_dir: Path,
                                                                  monkeypatch, normal_text) -> None:
    DialogLog().install(monkeypatch)
    window = open_window(qtbot, tmp_data_dir)
    window.resize(SCREEN_WIDTH, SCREEN_HEIGHT)
    window.new_visit()
    base = qapp.font().pointSizeF()
    window.menus.text_size_actions[200].trigger()  # live, with the visit screen already built at 100%
    assert qapp.font().pointSizeF() == pytest.approx(2 * base)
    window.session.set_value("safeguarding.indicators", ["domestic_abuse_baby_present"])  # the banner too
    window.session.set_value("parent_voice.asked", True)  # the questions that only show after asking
    screens: dict[str, list[str]] = {}
    window.go_home()
    _settle(qapp)
    screens["home"] = fit_problems(window) + _size_problem(window) + _sideways(window)
    window.open_record(window.record_id() or window.home.record_ids()[0])
    nav = window.walkthrough.nav
    assert nav.sizeHintForColumn(0) <= nav.viewport().width(), "section names cut off"
    for section in window.walkthrough.sections():
        window.walkthrough.go_to(section)
        _settle(qapp)
        screens[section] = fit_problems(window) + _size_problem(window) + _sideways(window)
    for key in window.places:
        window.show_place(key)
        _settle(qapp)
        screens[key] = fit_problems(window) + _size_problem(window) + _sideways(window)
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
