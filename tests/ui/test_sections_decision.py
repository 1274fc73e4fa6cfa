"""The decision section: suggested and final level, the override rules shown live, services, finalise."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from pairaid.core import vocab
from pairaid.core.framework import load_framework
from pairaid.ui.level_names import level_name
from pairaid.ui.sections import DecisionPage
from tests.ui.walkthrough_support import Clock, complete_draft, make_session, type_text

SPECIALIST = {"warmth": {"rating": "significant_concern"}, "responding": {"rating": "no_concern"},
              "handling": {"rating": "strength"}}


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def session(clock):
    s = make_session(clock)
    s.load(complete_draft(observations=SPECIALIST, needs={"housing": {"status": "current"}}))
    return s


@pytest.fixture
def page(qtbot, session):
    widget = DecisionPage(session, load_framework())
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    return widget


def choose_override(page: DecisionPage, level: str | None) -> None:
    values = [v for v, _ in page.override.options]
    page.override.editor.setCurrentIndex(values.index(level))


def test_shows_suggested_and_final_level(page, session) -> None:
    assert session.outcome().level == "specialist"
    assert "Suggested level: Specialist" in page.suggested.text()
    assert "Final level: Specialist" in page.final.text()


def test_lowering_without_a_reason_is_explained_live(page, session) -> None:
    choose_override(page, "targeted")
    assert session.value("decision.override_level") == "targeted"
    assert page.override_message.text()
    assert "needs a written reason" in page.override_message.text()
    assert "(required)" in page.reason.label.text()
    assert "Final level: Specialist" in page.final.text()  # not applied without a reason

    type_text(page.reason.editor, "Seen by the perinatal team yesterday; they lead the plan.")
    assert "who lowered the level" in page.override_by.problem.text()
    type_text(page.override_by.editor, "Nguyễn Thị Minh Khai")
    assert not page.override_by.problem.text()
    assert not page.override_message.text()
    assert "Final level: Targeted" in page.final.text()
    assert session.outcome().override.by == "Nguyễn Thị Minh Khai"


def test_raising_needs_no_reason(page, session) -> None:
    choose_override(page, "statutory")
    assert not page.override_message.text()
    assert "Final level: Statutory" in page.final.text()


def test_statutory_from_safeguarding_cannot_be_lowered(page, session) -> None:
    session.set_value("safeguarding.indicators", ["parent_cannot_keep_baby_safe"])
    choose_override(page, "specialist")
    type_text(page.reason.editor, "I disagree")
    assert page.override_message.text()
    assert "cannot be lowered" in page.override_message.text()
    assert "Final level: Statutory" in page.final.text()


def test_services_are_ticked_from_suggestions_and_from_the_whole_pathway(page, session, clock) -> None:
    suggested = page.suggested_services
    assert suggested.ids() == [s.id for s in session.outcome().services]
    calm = suggested.text("calm-minds")
    assert "Check before referring" in calm
    assert session.outcome().services[suggested.ids().index("calm-minds")].why[0] in calm
    assert "Check before referring" not in suggested.text("bright-start")

    suggested.set_checked("calm-minds", True)
    assert session.value("decision.selected_services") == ["calm-minds"]

    everything = page.all_services
    assert everything.ids() == [s.id for s in session.pathway.services]
    assert everything.text("safe-homes").startswith("Safe Homes Housing Advice")
    type_text(page.filter, "housing")
    assert everything.visible_ids() == ["safe-homes"]
    page.filter.clear()
    assert len(everything.visible_ids()) == len(everything.ids())
    # The same service in both lists shows the same tick.
    assert everything.is_checked("calm-minds")
    clock.tick()
    everything.set_checked("safe-homes", True)
    assert session.value("decision.selected_services") == ["calm-minds", "safe-homes"]

    session.undo_stack.undo()
    assert not everything.is_checked("safe-homes")
    assert session.value("decision.selected_services") == ["calm-minds"]
    clock.tick()
    everything.set_checked("calm-minds", False)
    assert session.value("decision.selected_services") is None
    assert not suggested.is_checked("calm-minds")


def test_ticks_by_keyboard(qtbot, page, session) -> None:
    view = page.suggested_services.editor
    page.activateWindow()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    view.setCurrentIndex(view.model().index(0, 0))
    QTest.keyClick(view, Qt.Key.Key_Space)
    assert session.value("decision.selected_services") == [page.suggested_services.ids()[0]]


def test_next_steps_review_date_and_finalise(qtbot, page, session) -> None:
    type_text(page.next_steps.editor, "Refer to Calm Minds today; visit again in 4 weeks.")
    type_text(page.review_date.line, "18/12/2026")
    assert session.value("decision.next_steps") == "Refer to Calm Minds today; visit again in 4 weeks."
    assert session.value("decision.review_date") == "2026-12-18"
    with qtbot.waitSignal(page.finalise_requested, timeout=1000):
        page.finalise.click()


def test_level_names_come_from_the_pathway(page, session) -> None:
    labels = [text for _, text in page.override.options[1:]]
    assert labels == [level_name(session.pathway, lv) for lv in vocab.LEVELS]
    assert labels[0] == "Universal (Right Help, Right Time)"  # not "Universal — Universal (…)"


def test_unchanged_level_reads_keep_the_suggested_level(page, session) -> None:
    assert page.override.editor.currentText() == "Keep the suggested level"
    choose_override(page, "statutory")
    session.undo_stack.undo()
    assert page.override.editor.currentText() == "Keep the suggested level"


def test_read_only_services_can_be_browsed_but_not_ticked(qtbot, page, session) -> None:
    session.set_read_only(True)
    view = page.suggested_services.editor
    page.activateWindow()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    view.setCurrentIndex(view.model().index(0, 0))
    QTest.keyClick(view, Qt.Key.Key_Down)
    assert view.currentIndex().row() == 1
    QTest.keyClick(view, Qt.Key.Key_Space)
    assert not page.suggested_services.is_checked(page.suggested_services.ids()[1])
    centre = view.visualRect(view.model().index(0, 0)).center()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    assert not page.suggested_services.is_checked(page.suggested_services.ids()[0])
    assert session.value("decision.selected_services") is None


def test_a_click_anywhere_on_a_suggested_service_ticks_it(qtbot, page, session) -> None:
    """The suggested services are drawn with the name in bold and the tick box beside it; a click on the
    text ticks, as a click on a check box's label does, and a second click unticks."""
    view = page.suggested_services.editor
    first = page.suggested_services.ids()[0]
    rect = view.visualRect(view.model().index(0, 0))
    assert rect.height() > view.fontMetrics().height() * 2  # the reasons wrap below the name
    on_text = rect.center()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, on_text)
    assert session.value("decision.selected_services") == [first]
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, on_text)
    assert not session.value("decision.selected_services")


def test_a_click_makes_the_clicked_service_current_so_space_acts_on_it(qtbot, page, session) -> None:
    """Clicking a service ticks it and makes it the current one: Space then unticks that same service, not
    the one the arrow keys were on before. A press on one service released on another ticks nothing."""
    view = page.suggested_services.editor
    ids = page.suggested_services.ids()
    assert len(ids) >= 3
    page.activateWindow()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    view.setCurrentIndex(view.model().index(0, 0))
    third = view.visualRect(view.model().index(2, 0)).center()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, third)
    assert session.value("decision.selected_services") == [ids[2]] and view.currentIndex().row() == 2
    QTest.keyClick(view, Qt.Key.Key_Space)
    assert not session.value("decision.selected_services")
    first = view.visualRect(view.model().index(0, 0)).center()
    QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, first)
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, third)
    assert not session.value("decision.selected_services")



def test_consent_is_recorded_where_the_decision_is_made_from_the_keyboard(qtbot, page, session) -> None:
    from tests.ui.keyboard import choose_radio, focused

    page.window().activateWindow()
    page.override.editor.setFocus()
    choose_radio("Does the family agree to the referral", "Yes")
    choose_radio("Basis for sharing information", "Safeguarding (does not rest on consent)")
    choose_radio("Did you tell the family what will be shared, and with whom", "Yes")
    assert session.value("consent") == {"family_agrees": "yes", "sharing_basis": "safeguarding", "family_told": True}
    assert session.assessment().consent.sharing_basis == "safeguarding"
    assert focused().accessibleName().startswith("Did you tell the family")
    session.load(complete_draft(consent={"family_agrees": "no", "sharing_basis": "consent", "family_told": False}))
    assert page.family_agrees.buttons[1].isChecked() and page.sharing_basis.buttons[0].isChecked()
    assert page.family_told.buttons[1].isChecked()
