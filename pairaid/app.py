"""Composition root of the desktop app: crash hook, arguments, then the window; after its first paint the
data folder, the log, the store and the pathway.

The window is shown before anything slow happens (architecture.md, "Start-up and responsiveness"): it is
built from Qt alone. Right after its first paint it opens the store and reads the pathway's card (title,
version, dates, level names) to fill home, then loads the pathway itself from the cache of the checked file
(pairaid.ui.startup_loader, pairaid.ui.opening). pydantic (for the pathway), sqlite-utils (only to create or
upgrade a database), the walk-through, reportlab and the places (pathway browser, reviews, population need) are
imported only when first needed.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from pairaid import folders
from pairaid.ui.crash import CrashHook, install_crash_hook

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from pairaid.ui.main_window import MainWindow
    from pairaid.ui.startup_loader import Started

log = logging.getLogger("pairaid.app")


def parse_args(argv: list[str]) -> argparse.Namespace:
    """The app's options (`pairaid --help` lists them with the commands')."""
    parser = argparse.ArgumentParser(prog="pairaid", description="pairaid desktop app")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="folder for the records database and settings (default: the user data folder, or "
                             f"${folders.DATA_DIR_ENV})")
    parser.add_argument("--pathway", metavar="FILE", help="pathway file (default: the bundled Birmingham pathway)")
    return parser.parse_args(argv)


def build_window(data_dir: Path, pathway_path: str | None = None, *, defer: bool = False,
                 prepare: Callable[[QWidget | None], bool] | None = None) -> MainWindow | None:
    """The main window, not yet shown. defer=False: the store and pathway are opened now, and None means
    pairaid cannot start. defer=True (the app): they are opened right after the window's first paint, and
    the window's `load_failed` signal says it cannot start. `prepare` runs first in the loader (the app
    creates its data folder and log there); False from it means pairaid cannot start."""
    from pairaid.ui.main_window import MainWindow
    from pairaid.ui.opening import load_parts
    from pairaid.ui.place_factories import place_factories
    from pairaid.ui.settings import WindowSettings

    def loader(parent: QWidget | None) -> Started | None:
        if prepare is not None and not prepare(parent):
            return None
        return load_parts(data_dir, pathway_path, parent)

    window = MainWindow(WindowSettings(data_dir), loader, place_factories())
    if not defer and not window.ensure_loaded():
        window.deleteLater()
        return None
    return window


def main(argv: list[str] | None = None) -> int:
    from pairaid.ui.system_libraries import EXIT_MISSING, check_before_qt

    advice = check_before_qt()  # without them Qt aborts with a core dump and no word of what to install
    if advice is not None:
        print(advice, file=sys.stderr)
        return EXIT_MISSING
    hook: CrashHook = install_crash_hook()
    args = parse_args(sys.argv[1:] if argv is None else argv)

    from PySide6.QtWidgets import QApplication

    from pairaid.ui import dialogs, signals
    from pairaid.ui.style import STYLE_ARGUMENTS, apply_style

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0], *STYLE_ARGUMENTS])
    app.setApplicationName("pairaid")
    app.setApplicationDisplayName("pairaid")
    apply_style(app, style_chosen=existing is None)
    data_dir = folders.data_dir(args.data_dir)  # the window's layout is kept there: known before the first paint

    def prepare(parent: QWidget | None) -> bool:
        """After the first paint: create the data folder (0700) and start the log there; then the window icon
        and the bundled script fonts."""
        from pairaid.logfile import setup_logging
        from pairaid.store.paths import resolve_data_dir
        from pairaid.ui.app_identity import set_up_identity

        try:
            resolve_data_dir(args.data_dir)
        except OSError as exc:
            dialogs.error(parent, "The data folder cannot be used",
                          f"{exc}. Choose another folder with --data-dir, or ask your IT service desk.")
            return False
        hook.data_dir = data_dir
        setup_logging(data_dir)
        log.info("starting")
        set_up_identity(app)
        return True

    window = build_window(data_dir, args.pathway, defer=True, prepare=prepare)
    assert window is not None
    hook.before_report.append(window.flush)
    window.load_failed.connect(lambda: app.exit(1))  # prepare or the loader has already said why in a dialog
    window.loaded.connect(window.restore_last_record)
    window.show()
    restore_signals = signals.close_on_stop_signals(app)  # SIGINT/SIGTERM: close the window (saving), quit
    code = app.exec()
    restore_signals()
    window.close_store()
    log.info("stopped")
    return int(code)
