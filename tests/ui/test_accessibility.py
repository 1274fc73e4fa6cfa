"""Accessibility checks any view can reuse, and their use on every walk-through section.

    from tests.ui.test_accessibility import assert_accessible
    assert_accessible(widget)   # widget is shown (it is shown for you otherwise)

What is checked, for every enabled, visible, keyboard-focusable input under `widget`:
- it has a non-empty accessibleName;
- text inputs, lists, combos and spin boxes have a visible QLabel with text whose buddy() is the input;
- check boxes and radio buttons carry their own visible text, and their group has a visible QLabel buddy
  (a label whose buddy is a button in the same container);
- pressing Tab from the first input reaches it (a radio button counts as reached when Tab reaches its group:
  the arrow keys move inside a group, as everywhere in Qt).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTextEdit,
    QWidget,
)

from pairaid.core.framework import load_framework
from tests.ui.walkthrough_support import make_session

TEXT_INPUTS = (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox, QAbstractItemView)
CHOICE_BUTTONS = (QCheckBox, QRadioButton)


def _shown(widget: QWidget, root: QWidget) -> bool:
    return widget.isVisibleTo(root.window()) and widget.isEnabled()


def _tab_focusable(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.focusProxy() is None


def focusable_inputs(root: QWidget) -> list[QWidget]:
    """Inputs and buttons under `root` a keyboard user must be able to reach, in tree order."""
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, (*TEXT_INPUTS, QAbstractButton)):
            continue
        if isinstance(widget.parent(), QAbstractSpinBox | QComboBox):  # their inner line edits
            continue
        if _shown(widget, root) and _tab_focusable(widget):
            found.append(widget)
    return found


def _buddies(root: QWidget) -> dict[int, QLabel]:
    labels = {}
    for label in root.window().findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and label.isVisibleTo(root.window()) and label.text().strip():
            labels[id(buddy)] = label
    return labels


def label_problems(root: QWidget) -> list[str]:
    """Every missing name or label under `root`, described (empty when all is well)."""
    problems = []
    buddies = _buddies(root)
    for widget in focusable_inputs(root):
        kind = type(widget).__name__
        name = widget.accessibleName().strip()
        if not name:
            problems.append(f"{kind} {getattr(widget, 'text', lambda: '')()!r} has no accessibleName")
            continue
        if isinstance(widget, TEXT_INPUTS) and id(widget) not in buddies:
            problems.append(f"{kind} {name!r} has no visible QLabel buddy")
        if isinstance(widget, CHOICE_BUTTONS):
            if not widget.text().strip():
                problems.append(f"{kind} {name!r} has no visible text")
            siblings = widget.parent().findChildren(QAbstractButton) if widget.parent() else []
            if not any(id(s) in buddies for s in siblings):
                problems.append(f"{kind} {name!r}: its group has no visible QLabel buddy")
    return problems


def tab_reached(root: QWidget, limit: int = 2000) -> list[QWidget]:
    """Press Tab from the first input until focus comes back round; the widgets focused, in order."""
    window = root.window()
    if not window.isVisible():
        window.show()
    window.activateWindow()
    QApplication.processEvents()
    inputs = focusable_inputs(root)
    if not inputs:
        return []
    inputs[0].setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    reached: list[QWidget] = []
    for _ in range(limit):
        current = QApplication.focusWidget()
        if current is None:
            break
        if reached and current is reached[0]:
            break
        reached.append(current)
        QTest.keyClick(current, Qt.Key.Key_Tab)
    return reached


def unreachable(root: QWidget) -> list[str]:
    reached = {id(w) for w in tab_reached(root)}
    missing = []
    for widget in focusable_inputs(root):
        if id(widget) in reached:
            continue
        if isinstance(widget, QRadioButton):
            group = widget.group()
            siblings = group.buttons() if group else [
                b for b in widget.parent().findChildren(QRadioButton) if b.autoExclusive()]
            if any(id(b) in reached for b in siblings):
                continue
        missing.append(f"{type(widget).__name__} {widget.accessibleName()!r}")
    return missing


def assert_accessible(root: QWidget) -> None:
    """Fail with every input under `root` that lacks a name or label, or that Tab does not reach."""
    problems = label_problems(root)
    assert not problems, "Inputs without a name or label:\n  " + "\n  ".join(problems)
    missing = unreachable(root)
    assert not missing, "Tab does not reach:\n  " + "\n  ".join(missing)


# The walk-through's own sections ----------------------------------------------------------------------


@pytest.fixture
def session():
    return make_session()


@pytest.fixture
def framework():
    return load_framework()


@pytest.fixture
def view(qtbot, session, framework):
    from pairaid.ui.walkthrough import WalkthroughView

    widget = WalkthroughView(session, framework)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    return widget


@pytest.mark.parametrize(
    "section", ["visit", "family", "observations", "parent_voice", "mood", "needs", "safeguarding", "decision"]
)
def test_every_input_of_every_section_is_named_labelled_and_reached_by_tab(view, session, section) -> None:
    session.load({
        "contact": {"date": "2026-11-20", "type": "one_year"},
        "family": {"baby": {"date_of_birth": "2025-11-01"}, "carers": [{"name": "Zoë Brontë"}, {}]},
    })
    view.go_to(section)
    page = view.page(section)
    assert len(focusable_inputs(page)) >= 3
    assert_accessible(page)


def test_checks_catch_an_unlabelled_input(qtbot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    edit = QLineEdit(root)
    root.show()
    assert any("no accessibleName" in p for p in label_problems(root))
    edit.setAccessibleName("Postcode")
    assert any("no visible QLabel buddy" in p for p in label_problems(root))
    label = QLabel("Postcode", root)
    label.setBuddy(edit)
    label.show()
    assert label_problems(root) == []


def test_checks_catch_an_input_tab_cannot_reach(qtbot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    note = QPlainTextEdit(root)  # without setTabChangesFocus, Tab types a tab and never leaves
    after = QLineEdit(root)
    for edit, text in ((note, "Note"), (after, "After")):
        edit.setAccessibleName(text)
        QLabel(text, root).setBuddy(edit)
    root.show()
    assert unreachable(root) == ["QLineEdit 'After'"]
    note.setTabChangesFocus(True)
    assert unreachable(root) == []


def test_visit_date_field_keeps_reading_in_read_only_mode(view, session) -> None:
    session.load({"contact": {"date": "2026-11-20", "type": "new_birth"}}, read_only=True)
    page = view.page("visit")
    view.go_to("visit")
    assert page.date.line.isReadOnly()
    assert page.date.line.text() == "20/11/2026"
    assert not page.date.calendar_button.isEnabled()
    assert_accessible(page)


# Home and the summary, in the real window ---------------------------------------------------------------


def test_home_and_the_summary_are_named_labelled_and_reached_by_tab(qtbot, tmp_data_dir, monkeypatch) -> None:
    from tests.ui.app_helpers import DialogLog, close_window, open_window

    DialogLog().install(monkeypatch)
    window = open_window(qtbot, tmp_data_dir)
    window.new_visit()
    window.session.set_value("family.baby.name", "Zoë Brontë")
    window.go_home()
    assert len(focusable_inputs(window.home)) >= 8
    assert_accessible(window.home)
    # Alt+C (the list's label) goes to the recent list; Enter opens the selected record.
    QTest.keyClick(window, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is window.home.table
    QTest.keyClick(window.home.table, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.visit_page
    assert window.session.value("family.baby.name") == "Zoë Brontë"
    window.walkthrough.go_to("summary")
    assert len(focusable_inputs(window.summary_page)) >= 4  # Save and Print wait for a complete record
    assert_accessible(window.summary_page)
    close_window(window)
