"""The walk-through: free movement between sections (list, buttons, shortcuts), extra sections, the live
panel and banner around every page, read-only mode, and a visit written with the keyboard alone."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QSplitter, QWidget

from pairaid.core.framework import load_framework
from pairaid.ui.walkthrough import WalkthroughView
from tests.ui.test_accessibility import assert_accessible, tab_reached
from tests.ui.walkthrough_support import complete_draft, make_session, type_text

SECTIONS = ["visit", "family", "observations", "parent_voice", "mood", "needs", "safeguarding", "decision"]


@pytest.fixture
def session():
    return make_session()


@pytest.fixture
def summary():
    page = QWidget()
    QLabel("Summary preview", page)
    return page


@pytest.fixture
def view(qtbot, session, summary):
    widget = WalkthroughView(session, load_framework(), [("summary", "Summary", summary)])
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    return widget


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    target = QApplication.focusWidget()
    assert target is not None
    QTest.keyClick(target, key, modifier)


def test_sections_in_order_with_extras_appended(view, summary) -> None:
    assert view.sections() == [*SECTIONS, "summary"]
    assert view.current_section() == "visit"
    view.go_to("summary")
    assert view.current_page() is summary and view.stack.currentWidget().isAncestorOf(summary)
    assert view.nav.currentItem().text() == "Summary"
    with pytest.raises(KeyError):
        view.go_to("nowhere")


def test_next_and_previous_stop_at_the_ends(view) -> None:
    view.previous_section()
    assert view.current_section() == "visit"
    assert not view.previous_button.isEnabled()
    for expected in [*SECTIONS[1:], "summary"]:
        view.next_section()
        assert view.current_section() == expected
    view.next_section()
    assert view.current_section() == "summary"
    assert not view.next_button.isEnabled()


def test_side_list_moves_freely(qtbot, view) -> None:
    view.nav.setFocus()
    qtbot.waitUntil(view.nav.hasFocus)
    QTest.keyClick(view.nav, Qt.Key.Key_End)
    assert view.current_section() == "summary"
    QTest.keyClick(view.nav, Qt.Key.Key_Up)
    assert view.current_section() == "decision"


def test_shortcuts_move_between_sections_and_focus_the_first_input(qtbot, view) -> None:
    view.page("visit").date.line.setFocus()
    qtbot.waitUntil(view.page("visit").date.line.hasFocus)
    press(qtbot, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier)
    assert view.current_section() == "family"
    assert QApplication.focusWidget() is view.page("family").name.editor
    press(qtbot, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert view.current_section() == "observations"
    press(qtbot, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    press(qtbot, Qt.Key.Key_BracketLeft, Qt.KeyboardModifier.ControlModifier)
    assert view.current_section() == "visit"


def test_a_visit_written_with_the_keyboard_alone(qtbot, view, session) -> None:
    fw = load_framework()
    visit = view.page("visit")
    visit.date.line.setFocus()
    qtbot.waitUntil(visit.date.line.hasFocus)
    type_text(QApplication.focusWidget(), "20/11/2026")
    press(qtbot, Qt.Key.Key_Tab)  # calendar button
    press(qtbot, Qt.Key.Key_Tab)  # type of contact
    assert QApplication.focusWidget() is visit.type.editor
    for _ in range(3):
        press(qtbot, Qt.Key.Key_Down)
    assert session.value("contact.type") == "six_to_eight_weeks"

    press(qtbot, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier)
    type_text(QApplication.focusWidget(), "Zoë Brontë")  # baby's name
    press(qtbot, Qt.Key.Key_Tab)
    type_text(QApplication.focusWidget(), "01/10/2026")  # date of birth
    assert session.value("family.baby") == {"name": "Zoë Brontë", "date_of_birth": "2026-10-01"}
    assert view.live_panel.outcome() is not None

    press(qtbot, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier)
    assert view.current_section() == "observations"
    first = QApplication.focusWidget()
    assert first is view.page("observations").boxes["noticing_cues"].rating.buttons[0]
    press(qtbot, Qt.Key.Key_Space)  # strength
    press(qtbot, Qt.Key.Key_Right)  # no concern
    press(qtbot, Qt.Key.Key_Right)  # some concern
    assert session.value("observations.noticing_cues.rating") == "some_concern"
    press(qtbot, Qt.Key.Key_Tab)  # guidance button
    press(qtbot, Qt.Key.Key_Space)
    assert view.page("observations").boxes["noticing_cues"].guidance.isVisible()
    press(qtbot, Qt.Key.Key_Tab)  # the note
    type_text(QApplication.focusWidget(), "Missed her yawns; fed again when baby turned away.")
    press(qtbot, Qt.Key.Key_Tab)  # Tab leaves the note: it never types a tab
    assert session.value("observations.noticing_cues.note") == "Missed her yawns; fed again when baby turned away."
    assert QApplication.focusWidget() is view.page("observations").boxes["responding"].rating.buttons[0]
    assert fw.label("levels", "targeted") in view.live_panel.level.text()


def test_read_only_keeps_reading_and_tab_but_blocks_edits(qtbot, view, session) -> None:
    session.load(complete_draft(observations={"warmth": {"rating": "strength", "note": "Sang to baby."}},
                                family={"baby": {"date_of_birth": "2026-10-01"},
                                        "carers": [{"name": "Şükrü Öztürk"}]}),
                 read_only=True)
    view.go_to("observations")
    warmth = view.page("observations").boxes["warmth"]
    assert warmth.note.editor.isReadOnly()
    assert warmth.note.editor.toPlainText() == "Sang to baby."
    QTest.mouseClick(warmth.rating.buttons[3], Qt.MouseButton.LeftButton)
    warmth.rating.buttons[0].setFocus()
    QTest.keyClick(warmth.rating.buttons[0], Qt.Key.Key_Right)
    assert session.value("observations.warmth.rating") == "strength"
    assert warmth.rating.buttons[0].isChecked()
    assert len(tab_reached(view.page("observations"))) > 20
    assert_accessible(view.page("observations"))  # every input still named and reached by Tab

    view.go_to("family")
    family = view.page("family")
    assert not family.add_carer_button.isEnabled()
    assert not family.carer_rows[0].remove.isEnabled()
    assert family.carer_rows[0].bindings[0].editor.isReadOnly()
    view.go_to("decision")
    assert not view.page("decision").finalise.isEnabled()

    session.set_read_only(False)
    assert view.page("decision").finalise.isEnabled()
    QTest.mouseClick(warmth.rating.buttons[3], Qt.MouseButton.LeftButton)
    assert session.value("observations.warmth.rating") == "significant_concern"


def test_finalise_is_relayed(qtbot, view) -> None:
    view.go_to("decision")
    with qtbot.waitSignal(view.finalise_requested, timeout=1000):
        view.page("decision").finalise.click()


def test_splitter_holds_sections_pages_and_live_panel_and_restores_state(view) -> None:
    splitter = view.splitter()
    assert isinstance(splitter, QSplitter)
    assert splitter.count() == 3
    assert splitter.widget(2) is view.live_panel
    state = splitter.saveState()
    sizes = splitter.sizes()
    splitter.setSizes([sizes[0] + 40, sizes[1] - 40, sizes[2]])
    assert splitter.restoreState(state)
    assert splitter.sizes() == sizes


def test_fits_1366_by_768(view) -> None:
    assert view.live_panel.width() > 200
    assert view.stack.width() > 600
    assert view.minimumSizeHint().width() <= 1366
