"""The Qt binding we install must not leak references to None.

PySide6 6.12.0 drops one reference to None on every call that returns nothing (QLabel.setText, ...);
on Python 3.11 the process then aborts with "Fatal Python error: none_dealloc" after enough edits. The
pin in pyproject.toml keeps us off that release; this test fails if the pin is lifted onto a bad one.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_calls_keep_none_alive(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
        label.setHidden(False)
    assert sys.getrefcount(None) - before > -100
