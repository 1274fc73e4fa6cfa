"""Scrolling over a spin box or combo box never changes it unless it has the keyboard focus (hazard H45).

Offscreen, a test can only send synthesised wheel events, which Qt never passes on to a parent; so the tests
show that the input leaves the event unaccepted (a real wheel event then goes on to the scrolling page) and
that nothing in the record changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QCalendarWidget,
    QComboBox,
    QScrollArea,
    QScrollBar,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pairaid.core.framework import load_framework
from pairaid.ui.wheel_guard import GUARDED_TYPES, guard_wheel, is_guarded
from tests.ui.app_helpers import DialogLog, close_window, open_window
from tests.ui.walkthrough_support import make_session

SECTIONS = ["visit", "family", "observations", "parent_voice", "mood", "needs", "safeguarding", "decision"]

# A draft that shows every kind of input: a carer row, household members, every mood screen answered.
DRAFT = {
    "contact": {"date": "2026-11-20", "type": "one_year", "setting": "home"},
    "family": {"baby": {"date_of_birth": "2025-11-01", "born_before_37_weeks": True, "gestation_weeks": 34},
               "carers": [{"name": "Zoë Brontë", "parental_responsibility": True}],
               "household": [{"name": "Şükrü Öztürk", "relationship": "grandfather"}]},
    "mood": {"subject": "birthing_parent", "whooley": {"low_mood": False, "little_interest": False},
             "gad2": {"nervous": 1, "worrying": 1}, "epds": {"total": 8, "self_harm_item": 0}},
    "needs": {"housing": {"status": "current"}, "social_care_status": {"status": "early_help"}},
    "consent": {"family_agrees": "yes", "sharing_basis": "consent", "family_told": True},
    "decision": {"override_level": "targeted", "override_reason": "Raised after talking with the family today."},
}


def wheel(widget: QWidget, notches: int) -> QWheelEvent:
    """Send `notches` wheel clicks (positive: away from the user) to the middle of `widget`."""
    pos = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(pos, QPointF(widget.mapToGlobal(pos.toPoint())), QPoint(0, 0), QPoint(0, 120 * notches),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                        False)
    QApplication.sendEvent(widget, event)
    return event


def value_of(widget: QWidget) -> object:
    if isinstance(widget, QComboBox):
        return widget.currentIndex()
    return widget.value()  # type: ignore[attr-defined]


def wheel_inputs(root: QWidget, visible_only: bool = True) -> list[QWidget]:
    """Every (visible) spin box, combo box and slider under `root`; not scroll bars (scrolling is their job),
    nor a calendar pop-up's own year box (open only while the practitioner is using it)."""
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, GUARDED_TYPES) or isinstance(widget, QScrollBar):
            continue
        if visible_only and not widget.isVisibleTo(root.window()):
            continue
        parent = widget.parentWidget()
        while parent is not None and not isinstance(parent, QCalendarWidget):
            parent = parent.parentWidget()
        if parent is None:
            found.append(widget)
    return found


@pytest.fixture
def view(qtbot):
    from pairaid.ui.walkthrough import WalkthroughView

    session = make_session()
    widget = WalkthroughView(session, load_framework())
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    session.load(DRAFT)
    return widget


@pytest.mark.parametrize("section", SECTIONS)
def test_wheel_over_an_unfocused_spin_box_or_combo_box_changes_nothing(view, section) -> None:
    session = view.session
    view.go_to(section)
    view.nav.setFocus()  # the focus is elsewhere, as when the practitioner scrolls the page with the mouse
    QApplication.processEvents()
    inputs = wheel_inputs(view.page(section))
    before = session.data()
    for widget in inputs:
        assert widget.focusPolicy() == Qt.FocusPolicy.StrongFocus, widget.accessibleName()
        shown = value_of(widget)
        for notches in (1, -1, 3, -3):
            event = wheel(widget, notches)
            assert not event.isAccepted(), f"{widget.accessibleName()} kept the wheel event from the page"
        assert value_of(widget) == shown, f"{widget.accessibleName()} changed under the wheel"
        assert not widget.hasFocus()
    assert session.data() == before
    assert not session.undo_stack.count()


def test_every_section_with_such_inputs_was_checked(view) -> None:
    """The test above must not pass by finding nothing: these sections hold spin boxes or combo boxes."""
    for section in ("visit", "family", "mood", "needs", "decision"):
        view.go_to(section)
        assert wheel_inputs(view.page(section)), section


def test_a_focused_spin_box_still_takes_the_wheel(view) -> None:
    """The guard leaves the wheel to the practitioner who has chosen the input (so the test above can fail)."""
    view.go_to("mood")
    spin = view.page("mood").epds_total.editor
    spin.setFocus()
    QApplication.processEvents()
    assert spin.hasFocus()
    wheel(spin, 1)
    assert view.session.value("mood.epds.total") == 9


def test_the_guard_passes_the_wheel_on_and_a_bare_spin_box_would_not(qtbot) -> None:
    page = QScrollArea()
    inner = QWidget()
    column = QVBoxLayout(inner)
    bare, guarded = QSpinBox(), guard_wheel(QSpinBox())
    for spin in (bare, guarded):
        spin.setValue(5)
        column.addWidget(spin)
    page.setWidget(inner)
    qtbot.addWidget(page)
    page.show()
    assert not wheel(guarded, 1).isAccepted() and guarded.value() == 5
    assert wheel(bare, 1).isAccepted() and bare.value() == 6  # Qt's default: the value changes


def test_every_spin_box_and_combo_box_in_the_app_is_guarded(qtbot, tmp_data_dir: Path, monkeypatch) -> None:
    DialogLog().install(monkeypatch)
    window = open_window(qtbot, tmp_data_dir)
    window.new_visit()
    for key in window.places:
        window.show_place(key)
        QApplication.processEvents()
    inputs = wheel_inputs(window, visible_only=False)
    assert len(inputs) > 10
    unguarded = [f"{type(w).__name__} {w.accessibleName()!r}" for w in inputs if not is_guarded(w)]
    assert not unguarded, "made without guard_wheel:\n  " + "\n  ".join(unguarded)
    close_window(window)
