"""Scrolling a page never changes a value: a spin box, combo box or slider takes the mouse wheel only while it
has the keyboard focus. Otherwise the wheel event is left unaccepted, so Qt hands it to the scrolling page
beneath, and the page scrolls as the practitioner meant.

Qt's default for these inputs is `WheelFocus` (the wheel itself gives them focus, then changes them): a score,
a status or a level changed that way is a silent change to a clinical record. Every such input is made
through `guard_wheel`.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSlider, QAbstractSpinBox, QComboBox, QWidget

GUARDED_TYPES = (QAbstractSpinBox, QComboBox, QAbstractSlider)
W = TypeVar("W", bound=QWidget)


class _WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and isinstance(watched, QWidget) and not watched.hasFocus():
            event.ignore()  # unaccepted: Qt passes it on to the parent, so the page scrolls instead
            return True
        return False


_GUARD: _WheelGuard | None = None


def _guard() -> _WheelGuard:
    global _GUARD
    if _GUARD is None:
        _GUARD = _WheelGuard()
    return _GUARD


def guard_wheel(widget: W) -> W:
    """Make `widget` take wheel events only while it has the keyboard focus; returns it, for chaining."""
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    widget.installEventFilter(_guard())
    widget.setProperty("wheel_guarded", True)
    return widget


def is_guarded(widget: QWidget) -> bool:
    return bool(widget.property("wheel_guarded"))
