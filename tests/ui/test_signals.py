"""SIGTERM (log-out, shutdown) and Ctrl+C close the window the normal way, saving what is open, then quit."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from pairaid.ui.signals import close_on_stop_signals
from tests.ui.app_helpers import open_window


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_signal_closes_the_window_which_saves_then_quits(qtbot, tmp_data_dir: Path,
                                                                monkeypatch: pytest.MonkeyPatch, sig: int) -> None:
    app = QApplication.instance()
    quits: list[bool] = []
    monkeypatch.setattr(app, "quit", lambda: quits.append(True))
    window = open_window(qtbot, tmp_data_dir)
    flushed: list[bool] = []
    real_flush = window.flush
    monkeypatch.setattr(window, "flush", lambda: (flushed.append(True), real_flush())[-1])
    undo = close_on_stop_signals(app)
    try:
        os.kill(os.getpid(), sig)
        qtbot.waitUntil(lambda: bool(quits), timeout=5000)
    finally:
        undo()
    assert not window.isVisible() and flushed, "the window was closed the normal way (its work saved)"
    window.store.close()


def test_undo_restores_the_previous_handlers() -> None:
    app = QApplication.instance()
    before = signal.getsignal(signal.SIGTERM)
    close_on_stop_signals(app)()
    assert signal.getsignal(signal.SIGTERM) is before
