"""What the main window remembers between starts: its size and place, the walk-through's column widths, and the
record and section that were open when the app last closed (or crashed), reopened at the next start."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QByteArray

if TYPE_CHECKING:
    from pairaid.ui.settings import WindowSettings
    from pairaid.ui.walkthrough import WalkthroughView

FIRST_START_SIZE = (1280, 720)  # no saved window size yet: fits a 1366x768 screen with the task bar
SPLITTER = "walkthrough"


class Window(Protocol):
    settings: WindowSettings

    @property
    def walkthrough(self) -> WalkthroughView: ...
    def has_visit_screen(self) -> bool: ...
    def ensure_loaded(self) -> bool: ...
    def open_record(self, record_id: str, quiet: bool = False) -> None: ...
    def restoreGeometry(self, geometry: QByteArray) -> bool: ...
    def saveGeometry(self) -> QByteArray: ...
    def restoreState(self, state: QByteArray) -> bool: ...
    def saveState(self) -> QByteArray: ...
    def resize(self, w: int, h: int) -> None: ...


def restore_layout(window: Window) -> None:
    if not window.restoreGeometry(window.settings.geometry() or QByteArray()):
        window.resize(*FIRST_START_SIZE)
    window.restoreState(window.settings.state() or QByteArray())  # the splitter: when the visit screen is built


def restore_splitter(window: Window) -> None:
    """The walk-through's columns as the last visit screen left them (once it is built)."""
    splitter = window.settings.splitter(SPLITTER)
    if splitter is not None:
        window.walkthrough.splitter().restoreState(splitter)
    else:
        window.walkthrough.splitter().setSizes([180, 700, 360])


def save_layout(window: Window) -> None:
    window.settings.save_window(window.saveGeometry(), window.saveState())
    if window.has_visit_screen():  # otherwise keep what the last visit screen left
        window.settings.save_splitter(SPLITTER, window.walkthrough.splitter().saveState())
        window.settings.set_last_section(window.walkthrough.current_section())
    window.settings.sync()


def restore_last_record(window: Window) -> bool:
    """Reopen the record that was open when the app last closed (or crashed), at its section."""
    from pairaid.store.errors import StoreError  # the store is imported after the first paint

    record_id = window.settings.last_record()
    if not record_id or not window.ensure_loaded():
        return False
    try:
        window.open_record(record_id, quiet=True)
    except StoreError:
        window.settings.set_last_record(None)
        return False
    section = window.settings.last_section()
    if section in window.walkthrough.sections():
        window.walkthrough.go_to(section)
    return True
