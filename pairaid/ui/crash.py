"""The crash hook: installed first, before anything else can fail.

An unexpected error shows a dialog whose details can be copied into a support ticket. The details hold
only the exception type and, per frame, the file, line and function — never the exception message or any
variable, because those may contain a family's name, date of birth or NHS number.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

log = logging.getLogger(__name__)

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def crash_details(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    """A report safe to share: versions, exception type, and frames (file, line, function) only."""
    import platform  # only when reporting: crash.py is imported first, before the window

    from pairaid import __version__

    lines = [
        f"pairaid {__version__}, Python {platform.python_version()}, {platform.system()} {platform.release()}",
        f"{exc_type.__module__}.{exc_type.__qualname__}",
        "Traceback (most recent call last):",
    ]
    for frame in traceback.extract_tb(tb):
        lines.append(f'  File "{_short(frame.filename)}", line {frame.lineno}, in {frame.name}')
    return "\n".join(lines)


def _short(filename: str) -> str:
    """Paths from the package onwards: a home folder name can itself identify a person."""
    parts = Path(filename).parts
    for anchor in ("pairaid", "site-packages", "lib"):
        if anchor in parts:
            index = len(parts) - 1 - parts[::-1].index(anchor)
            return "/".join(parts[index:])
    return Path(filename).name


def log_failure(logger: logging.Logger, what: str, exc: BaseException) -> None:
    """Log a handled failure as the crash report does: its type and code locations, never its message, which
    may hold a family's details (a validation error quotes the value it refused). Use it instead of
    `logger.exception`."""
    logger.error("%s:\n%s", what, crash_details(type(exc), exc.__traceback__))


def write_crash_file(folder: Path | None, details: str) -> Path | None:
    """Keep the report beside the data (best effort: a crash hook must never raise)."""
    if folder is None:
        return None
    try:
        path = Path(folder) / "crash-report.txt"
        path.write_text(details + "\n", encoding="utf-8")
        os.chmod(path, 0o600)
        return path
    except OSError:
        return None


def show_crash_dialog(details: str, saved_to: Path | None) -> None:
    """Qt dialog with the copyable details; on failure (Qt half broken) print to stderr."""
    try:
        from PySide6.QtWidgets import QApplication, QMessageBox

        if QApplication.instance() is None:
            raise RuntimeError("no QApplication")
        box = QMessageBox(QMessageBox.Icon.Critical, "pairaid stopped working", "")
        box.setText("Something went wrong inside pairaid. Your visit is saved up to the last second.")
        where = f"\nA copy of these details is in {saved_to}." if saved_to else ""
        box.setInformativeText(
            "Restart pairaid and reopen the visit from the home screen. To report the problem, press "
            "Show Details, copy the text and send it to your IT service desk. It contains no personal "
            f"data.{where}"
        )
        box.setDetailedText(details)
        box.setTextInteractionFlags(box.textInteractionFlags())
        box.exec()
    except Exception:
        print(details, file=sys.stderr)


class CrashHook:
    """sys.excepthook / threading.excepthook replacement. `on_crash` runs first (e.g. flush the draft)."""

    def __init__(self, data_dir: Path | None = None, show: Callable[[str, Path | None], None] | None = None
                 ) -> None:
        self.data_dir = data_dir
        self.show = show or show_crash_dialog
        self.before_report: list[Callable[[], None]] = []
        self._busy = False

    def __call__(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if self._busy:  # an error while reporting an error: do not loop
            return
        self._busy = True
        try:
            for action in self.before_report:
                try:
                    action()
                except Exception:
                    log.error("saving before the crash report failed")
            details = crash_details(exc_type, tb)
            log.error("unexpected error:\n%s", details)
            self.show(details, write_crash_file(self.data_dir, details))
        finally:
            self._busy = False

    def thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self(args.exc_type, args.exc_value, args.exc_traceback)


def install_crash_hook(data_dir: Path | None = None) -> CrashHook:
    hook = CrashHook(data_dir)
    sys.excepthook = hook
    threading.excepthook = hook.thread_hook
    return hook
