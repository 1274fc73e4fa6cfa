"""Keys that work across the whole window: Ctrl+] / Ctrl+[ wherever focus is on the visit screen, and no Alt
letter taken twice on any screen (the menu bar's letters included)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QWidget

from pairaid.ui.main_window import MainWindow
from pairaid.ui.mnemonics import mnemonic, plain_text
from tests.ui.app_helpers import DialogLog, close_window, open_window


def _press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.ControlModifier) -> None:
    target = QApplication.focusWidget()
    assert target is not None
    QTest.keyClick(target, key, modifier)


def test_next_and_previous_section_work_from_the_home_button(qtbot, tmp_data_dir: Path, monkeypatch) -> None:
    DialogLog().install(monkeypatch)
    window = open_window(qtbot, tmp_data_dir)
    window.new_visit()
    walkthrough = window.walkthrough
    home_button = window.visit_page.home_button
    home_button.setFocus(Qt.FocusReason.TabFocusReason)  # where Tab wraps to after the last input
    assert QApplication.focusWidget() is home_button
    _press(Qt.Key.Key_BracketRight)
    assert walkthrough.current_section() == walkthrough.sections()[1]
    home_button.setFocus(Qt.FocusReason.TabFocusReason)
    _press(Qt.Key.Key_BracketLeft)
    assert walkthrough.current_section() == walkthrough.sections()[0]

    walkthrough.go_to("summary")  # a page that is not a section page (it scrolls inside the walk-through)
    window.summary_page.copy_combo.setFocus()
    _press(Qt.Key.Key_BracketLeft)
    assert walkthrough.current_section() == walkthrough.sections()[-2]

    window.go_home()  # on home the keys have nothing to move
    _press(Qt.Key.Key_BracketRight)
    assert window.stack.currentWidget() is window.home
    close_window(window)


def _mnemonics(window: MainWindow) -> dict[str, list[str]]:
    """Alt letters of everything on screen now, the menu bar's included, with the words they belong to."""
    QApplication.processEvents()
    found: dict[str, list[str]] = {}
    for action in window.menuBar().actions():
        letter = mnemonic(action.text())
        if letter:
            found.setdefault(letter, []).append(f"menu {plain_text(action.text())}")
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, (QLabel, QAbstractButton)):
            text = widget.text()
        elif isinstance(widget, QGroupBox):
            text = widget.title()
        else:
            continue
        letter = mnemonic(text)
        if letter:
            found.setdefault(letter, []).append(plain_text(text))
    return found


def test_no_alt_letter_is_taken_twice_on_any_screen(qtbot, tmp_data_dir: Path, monkeypatch) -> None:
    """Alt+R was both the Record menu and the summary's Recipient box: Qt then does neither."""
    DialogLog().install(monkeypatch)
    window = open_window(qtbot, tmp_data_dir)
    clashes: dict[str, dict[str, list[str]]] = {}

    def look(screen: str) -> None:
        twice = {letter: words for letter, words in _mnemonics(window).items() if len(words) > 1}
        if twice:
            clashes[screen] = twice

    look("home")
    window.new_visit()
    for section in window.walkthrough.sections():
        window.walkthrough.go_to(section)
        look(section)
    for key in window.places:
        window.show_place(key)
        look(key)
    assert clashes == {}
    close_window(window)


def test_mnemonics_are_read_and_removed_as_qt_does() -> None:
    assert plain_text("Pathway &browser") == "Pathway browser"
    assert plain_text("Fish && chips") == "Fish & chips"
    assert mnemonic("Fish && &chips") == "c"
    assert mnemonic("No letter") is None


def test_no_alt_letter_is_taken_twice_in_a_menu(qtbot, tmp_data_dir: Path, monkeypatch) -> None:
    DialogLog().install(monkeypatch)
    window = open_window(qtbot, tmp_data_dir)
    window.new_visit()  # Go gains the section items
    clashes: dict[str, list[str]] = {}
    menus = [action.menu() for action in window.menuBar().actions()]
    while menus:
        menu = menus.pop()
        letters: dict[str, list[str]] = {}
        for action in menu.actions():
            if action.menu() is not None:
                menus.append(action.menu())
            letter = mnemonic(action.text())
            if letter:
                letters.setdefault(letter, []).append(plain_text(action.text()))
        clashes.update({f"{plain_text(menu.title())} {k}": v for k, v in letters.items() if len(v) > 1})
    assert clashes == {}
    close_window(window)
