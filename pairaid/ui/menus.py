"""The main window's menu bar and shortcuts: which actions exist, their words, keys and order.

The window owns what the actions do (`MenuHost`); this module only lays them out, and swaps the Edit menu's
stand-ins for the undo stack's own actions once a visit is opened.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtGui import QAction, QKeySequence

from pairaid.ui.text_size import DEFAULT_TEXT_SIZE, add_text_size_menu

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QMainWindow, QMenu


class MenuHost(Protocol):
    """What the menus call on the window."""

    def new_visit(self) -> None: ...
    def go_home(self) -> None: ...
    def save_pdf(self) -> None: ...
    def print_summary(self) -> None: ...
    def close(self) -> bool: ...
    def show_summary(self) -> None: ...
    def finalise(self) -> bool: ...
    def amend(self) -> None: ...
    def export_for_supervision(self) -> object: ...
    def export_full_bundle(self) -> object: ...
    def add_assessment_file(self) -> object: ...
    def show_keys(self) -> None: ...
    def show_place(self, key: str) -> None: ...
    def set_text_size(self, percent: int) -> None: ...


@dataclass
class Menus:
    edit_menu: QMenu
    go_menu: QMenu
    new_action: QAction
    home_action: QAction
    pdf_action: QAction
    print_action: QAction
    undo_action: QAction
    redo_action: QAction
    summary_action: QAction
    finalise_action: QAction
    amend_action: QAction
    supervision_action: QAction
    full_bundle_action: QAction
    add_file_action: QAction
    keys_action: QAction  # Record → Keys and trusted colleagues
    place_actions: dict[str, QAction] = field(default_factory=dict)
    text_size_actions: dict[int, QAction] = field(default_factory=dict)  # View → Text size, by percent

    def use_undo_stack(self, window: QMainWindow, stack: QUndoStack) -> None:
        """The Edit menu's stand-ins become the undo stack's own actions (text "Undo typing", enabled state)."""
        undo = stack.createUndoAction(window, "&Undo")
        undo.setShortcuts([QKeySequence("Ctrl+Z")])
        redo = stack.createRedoAction(window, "&Redo")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for old, new in ((self.undo_action, undo), (self.redo_action, redo)):
            self.edit_menu.insertAction(old, new)
            self.edit_menu.removeAction(old)
            old.deleteLater()
        self.undo_action, self.redo_action = undo, redo


def _action(window: QMainWindow, menu: QMenu, text: str, slot: Callable[[], Any],
            keys: list[QKeySequence] | None = None) -> QAction:
    action = QAction(text, window)
    if keys:
        action.setShortcuts(keys)
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    return action


def build_menus(window: QMainWindow, host: MenuHost, places: dict[str, tuple[str, bool]],
                text_size: int = DEFAULT_TEXT_SIZE) -> Menus:
    """The menu bar of `window`; `places` maps a place's key to (menu text, available); `text_size` is the
    percentage ticked under View → Text size."""
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    new_action = _action(window, file_menu, "&New visit", host.new_visit, [QKeySequence("Ctrl+N")])
    home_action = _action(window, file_menu, "&Home", host.go_home, [QKeySequence("Ctrl+H")])
    file_menu.addSeparator()
    pdf_action = _action(window, file_menu, "Save summary as P&DF…", host.save_pdf, [QKeySequence("Ctrl+S")])
    print_action = _action(window, file_menu, "&Print summary…", host.print_summary, [QKeySequence("Ctrl+P")])
    file_menu.addSeparator()
    _action(window, file_menu, "&Quit", host.close, [QKeySequence("Ctrl+Q")])

    edit_menu = bar.addMenu("&Edit")
    # Stand-ins until a visit is opened (nothing to undo before): replaced by the session's undo stack.
    undo_action = _action(window, edit_menu, "&Undo", lambda: None)
    redo_action = _action(window, edit_menu, "&Redo", lambda: None)
    undo_action.setEnabled(False)
    redo_action.setEnabled(False)

    view_menu = bar.addMenu("&View")
    text_size_actions = add_text_size_menu(view_menu, text_size, host.set_text_size)

    go_menu = bar.addMenu("&Go")  # next/previous section join it with the walk-through
    summary_action = _action(window, go_menu, "&Summary", host.show_summary)

    record_menu = bar.addMenu("&Record")
    finalise_action = _action(window, record_menu, "&Finalise…", host.finalise)
    amend_action = _action(window, record_menu, "&Amend…", host.amend)
    record_menu.addSeparator()
    supervision_action = _action(window, record_menu, "Export for &supervision…", host.export_for_supervision)
    supervision_action.setToolTip("A bundle without identifiers for your supervisor, after a preview of what leaves")
    full_bundle_action = _action(window, record_menu, "Export full &bundle…", host.export_full_bundle)
    full_bundle_action.setToolTip("The whole record, identifiers included, to move it to another pairaid")
    add_file_action = _action(window, record_menu, "A&dd assessment file…", host.add_assessment_file)
    add_file_action.setToolTip("Save a pairaid assessment file (JSON) as a new draft and open it")
    record_menu.addSeparator()
    keys_action = _action(window, record_menu, "&Keys and trusted colleagues…", host.show_keys)
    keys_action.setToolTip("This computer's fingerprint and key, and the colleagues whose bundles count as verified")

    places_menu = bar.addMenu("&Places")
    place_actions: dict[str, QAction] = {}
    for key, (text, available) in places.items():
        action = _action(window, places_menu, text, functools.partial(host.show_place, key))
        action.setEnabled(available)
        place_actions[key] = action
    return Menus(edit_menu, go_menu, new_action, home_action, pdf_action, print_action, undo_action, redo_action,
                 summary_action, finalise_action, amend_action, supervision_action, full_bundle_action,
                 add_file_action, keys_action, place_actions, text_size_actions)
