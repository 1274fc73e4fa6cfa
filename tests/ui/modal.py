"""Acting on a modal dialog from a test: the action runs once the dialog is up (its exec() loop is running)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

TRIES = 250  # 20 ms apart: five seconds for the dialog to appear


def shown_active(qtbot, widget: QWidget) -> QWidget:
    """`widget` shown, exposed and the active window (it has the keyboard), closed with the test."""
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    with qtbot.waitActive(widget):
        widget.activateWindow()
    return widget


def on_next_modal(action: Callable[[QWidget], None], seen: list[str] | None = None,
                  skip: QWidget | None = None) -> list[str]:
    """Call `action(dialog)` when a modal dialog (other than `skip`) is up; the titles of the dialogs acted on are
    appended to `seen` (returned), so a test can tell that the dialog came at all."""
    seen = [] if seen is None else seen
    left = [TRIES]

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        ready = dialog is not None and dialog is not skip and dialog.isActiveWindow()
        if not ready:  # not up yet, or not yet the window that has the keyboard
            if dialog is not None and dialog is not skip:
                dialog.activateWindow()
            left[0] -= 1
            if left[0] > 0:
                QTimer.singleShot(20, look)
            return
        assert dialog is not None
        seen.append(dialog.windowTitle())
        try:
            action(dialog)
        except BaseException:
            dialog.close()  # a failed check must not leave the dialog's loop waiting for ever
            raise

    QTimer.singleShot(0, look)
    return seen
