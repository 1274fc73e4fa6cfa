"""Ctrl+C in the terminal, or SIGTERM when the system logs out or shuts down, closes the windows the normal way
(each saves what is open) and quits, instead of killing Python in the middle of a write.

Python runs a signal handler only between bytecodes, and Qt's event loop waits in C++, so a signal alone would
wait for the next mouse move. `signal.set_wakeup_fd` writes a byte to a socket the moment a signal arrives; a
QSocketNotifier on the other end wakes the event loop, which then closes the windows.
"""

from __future__ import annotations

import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QSocketNotifier
from PySide6.QtWidgets import QApplication

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)

# What an installation needs kept alive for as long as the app runs: were the write end garbage-collected, its
# socket would close and the read end would look readable (end of file) at once.
_alive: list[object] = []


def close_on_stop_signals(app: QApplication) -> Callable[[], None]:
    """Close every window and quit `app` on SIGINT or SIGTERM; return a function undoing this (for tests)."""
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    previous_fd = signal.set_wakeup_fd(writer.fileno())
    previous = {sig: signal.signal(sig, lambda _sig, _frame: None) for sig in STOP_SIGNALS}
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)

    def stop() -> None:
        try:
            received = reader.recv(64)  # drain: one stop is enough however many signals came
        except BlockingIOError:
            return
        if not any(byte in (int(sig) for sig in STOP_SIGNALS) for byte in received):
            if not received:  # the other end closed: nothing more can come
                notifier.setEnabled(False)
            return  # another signal Python handles (SIGALRM, SIGCHLD...): not a request to stop
        app.closeAllWindows()  # each window's closeEvent saves its record
        app.quit()

    notifier.activated.connect(stop)
    kept = (reader, writer, notifier, stop)
    _alive.append(kept)

    def undo() -> None:
        notifier.setEnabled(False)
        notifier.deleteLater()
        signal.set_wakeup_fd(previous_fd)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        reader.close()
        writer.close()
        if kept in _alive:
            _alive.remove(kept)

    return undo
