"""The walk-through from the keyboard and under the pointer: radio groups entered on their choice and chosen with
the arrows, Other needs passed in one stop a need, undo said in words, sections opened at the top, and
messages and the safeguarding banner that never move an input out from under the pointer (H47)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from pairaid.core import vocab
from tests.ui.keyboard import focused, press, tab_to
from tests.ui.walkthrough_support import Clock, complete_draft, make_session, shown_walkthrough, type_text


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def session(clock):
    s = make_session(clock)
    s.load(complete_draft())
    return s


@pytest.fixture
def view(qtbot, session):
    return shown_walkthrough(qtbot, session)


def on_screen(widget: QWidget) -> QPoint:
    return widget.mapTo(widget.window(), QPoint(0, 0))


# Radio groups ------------------------------------------------------------------------------------------


def test_arrow_keys_choose_even_when_nothing_was_chosen(view, session) -> None:
    view.go_to("parent_voice")
    page = view.page("parent_voice")
    first = page.wants_help.buttons[0]
    first.setFocus(Qt.FocusReason.TabFocusReason)
    assert session.value("parent_voice.wants_help") is None
    press(Qt.Key.Key_Right)
    assert session.value("parent_voice.wants_help") == vocab.WANTS_HELP[1]
    assert focused() is page.wants_help.buttons[1]
    press(Qt.Key.Key_Left)
    press(Qt.Key.Key_Left)  # wraps round to the last option
    assert session.value("parent_voice.wants_help") == vocab.WANTS_HELP[-1]
    assert focused() is page.wants_help.buttons[-1]


def test_tab_lands_on_the_chosen_option(view, session) -> None:
    session.load(complete_draft(parent_voice={"asked": True, "wants_help": "unsure"}))
    view.go_to("parent_voice")
    page = view.page("parent_voice")
    chosen = page.wants_help.buttons[vocab.WANTS_HELP.index("unsure")]
    page.words.editor.setFocus(Qt.FocusReason.TabFocusReason)
    press(Qt.Key.Key_Tab)
    assert focused() is chosen
    press(Qt.Key.Key_Tab)
    assert focused() not in page.wants_help.buttons  # one Tab stop a group
    press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is chosen


def test_arrows_do_nothing_on_a_read_only_record(view, session) -> None:
    session.load(complete_draft(parent_voice={"wants_help": "yes"}), read_only=True)
    view.go_to("parent_voice")
    page = view.page("parent_voice")
    page.wants_help.buttons[0].setFocus(Qt.FocusReason.TabFocusReason)
    press(Qt.Key.Key_Right)
    assert session.value("parent_voice.wants_help") == "yes"
    assert page.wants_help.buttons[0].isChecked()


# Other needs -------------------------------------------------------------------------------------------


def test_other_needs_take_one_tab_a_need_and_one_action_marks_the_rest_no(view, session) -> None:
    view.go_to("needs")
    page = view.page("needs")
    page.mark_no.setFocus(Qt.FocusReason.TabFocusReason)
    stops = 0
    while focused() is not page.social_care.editor:
        press(Qt.Key.Key_Tab)
        stops += 1
        assert stops <= len(vocab.NEEDS) + 1, "more than one Tab stop a need"
    assert stops == len(vocab.NEEDS) + 1
    session.set_value("needs.housing.status", "current")
    tab_to("Housing: note")  # a need with something to note shows its note beside it
    page.mark_no.setFocus(Qt.FocusReason.TabFocusReason)
    press(Qt.Key.Key_Space)
    statuses = {n: session.value(f"needs.{n}.status") for n in vocab.NEEDS}
    assert statuses.pop("housing") == "current"
    assert set(statuses.values()) == {"no"}
    assert not page.mark_no.isEnabled()
    assert session.undo_stack.undoText() == "marking the needs not yet recorded as No"
    session.undo_stack.undo()
    assert session.value("needs.domestic_abuse") is None and session.value("needs.housing.status") == "current"


# Undo in words -----------------------------------------------------------------------------------------


def test_undo_says_what_changed_in_words(view, session) -> None:
    decision = view.page("decision")
    type_text(decision.override_by.editor, "Zoë Brontë")
    assert session.undo_stack.undoText() == "change to who changed the level"
    undo = session.undo_stack.createUndoAction(view, "&Undo")
    assert undo.text() == "&Undo change to who changed the level"
    type_text(view.page("visit").team.editor, "North")
    assert session.undo_stack.undoText() == "change to team"
    view.page("mood").epds_total.editor.setValue(4)
    assert session.undo_stack.undoText() == "change to EPDS total score (0 to 30)"
    for index in range(session.undo_stack.count()):
        assert "." not in session.undo_stack.text(index).split(" (")[0], session.undo_stack.text(index)


# Sections open at the top; nothing moves under the pointer -----------------------------------------------


def test_a_new_record_opens_every_section_at_the_top(view, session) -> None:
    for section in ("observations", "needs", "decision"):
        view.go_to(section)
        page = view.page(section)
        QApplication.processEvents()
        page.verticalScrollBar().setValue(page.verticalScrollBar().maximum())
        assert page.verticalScrollBar().value() > 0, section
    session.load(complete_draft())
    for section in view.sections():
        assert view.page(section).verticalScrollBar().value() == 0, section


def test_a_problem_message_moves_neither_its_input_nor_the_next(view, session) -> None:
    visit = view.page("visit")
    QApplication.processEvents()
    date_at, type_at = on_screen(visit.date.line), on_screen(visit.type.editor)
    visit.date.line.setFocus()
    visit.date.line.selectAll()
    QTest.keyClicks(visit.date.line, "31/02")
    QApplication.processEvents()
    assert visit.date.problem.text()
    assert on_screen(visit.date.line) == date_at
    assert on_screen(visit.type.editor) == type_at


def test_raising_the_banner_moves_nothing_under_the_pointer(view, session) -> None:
    view.go_to("safeguarding")
    page = view.page("safeguarding")
    QApplication.processEvents()
    box = page.indicators.boxes[0]
    box_at, stack_at = on_screen(box), on_screen(view.stack)
    assert view.banner_slot.calm.isVisible() and not view.banner.isVisible()
    QTest.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(10, box.height() // 2))
    QApplication.processEvents()
    assert view.banner.is_raised() and view.banner.isVisible() and not view.banner_slot.calm.isVisible()
    assert on_screen(box) == box_at
    assert on_screen(view.stack) == stack_at
    assert view.banner.geometry().height() <= view.banner_slot.height()


def test_no_accessible_name_carries_a_mnemonic_ampersand(qtbot, tmp_data_dir, monkeypatch) -> None:
    import re

    from tests.ui.app_helpers import DialogLog, close_window, open_window

    DialogLog().install(monkeypatch)
    window = open_window(qtbot, tmp_data_dir)
    window.new_visit()
    for key in window.places:
        window.show_place(key)
    mnemonic = re.compile(r"&(?!&)\S")
    named = [w.accessibleName() for w in window.findChildren(QWidget) if w.accessibleName()]
    assert "Pathway browser" in named or any("browser" in n for n in named)
    wrong = sorted({n for n in named if mnemonic.search(n.replace("&&", ""))})
    assert not wrong, "accessible names with a mnemonic '&': " + ", ".join(wrong)
    close_window(window)
