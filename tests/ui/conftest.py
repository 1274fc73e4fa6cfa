"""Set-up shared by the Qt tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from pairaid.ui.style import apply_style
from pairaid.ui.text_size import apply_text_size


@pytest.fixture
def normal_text(qapp: QApplication) -> Iterator[None]:
    """The app's own style (its em-sized padding grows with the text); afterwards the system's size and no
    style sheet, as the other tests expect.

    The test's windows are deleted first: pytest-qt only asks for their deletion, which would happen inside the
    next test, and a window styled under a style sheet that was taken away and put back in between crashes Qt
    (a segmentation fault in the next QApplication.setStyleSheet) when it is finally deleted."""
    before = qapp.styleSheet()
    apply_style(qapp)
    yield
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    apply_text_size(qapp, 100)
    qapp.setStyleSheet(before)
