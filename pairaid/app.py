"""Composition root of the desktop app: crash hook, arguments, logging, store, pathway, then the window.

The window is shown before anything slow happens; reportlab and the places (pathway browser, reviews,
population need) are imported only when first used.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import TYPE_CHECKING

from pairaid.ui.crash import CrashHook, install_crash_hook

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from pairaid.core.framework import Framework
    from pairaid.core.pathway import Pathway
    from pairaid.store import Store
    from pairaid.ui.main_window import MainWindow, PlaceFactories

log = logging.getLogger("pairaid.app")
LOG_NAME = "pairaid.log"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="pairaid", description="pairaid desktop app")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="folder for the records database and settings (default: the user data folder, or "
                             "$PAIRAID_DATA_DIR)")
    parser.add_argument("--pathway", metavar="FILE", help="pathway file (default: the bundled Birmingham pathway)")
    return parser.parse_args(argv)


def setup_logging(data_dir: Path) -> None:
    """A small rotating log in the data folder. Messages carry record ids and error types, never values."""
    handler = RotatingFileHandler(data_dir / LOG_NAME, maxBytes=512_000, backupCount=2, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    root.addHandler(handler)


def open_store(data_dir: Path, parent: QWidget | None = None) -> Store | None:
    """The records database; a damaged one is left untouched unless the practitioner agrees to set it aside."""
    from pairaid.store import Store, StoreCorruptError, StoreError, StoreTooNewError, set_aside
    from pairaid.ui import dialogs

    try:
        return Store.open(data_dir)
    except StoreTooNewError as exc:
        dialogs.error(parent, "Records database from a newer pairaid",
                      f"{exc.message}.\n\nThe file was not changed: {exc.path}")
        return None
    except StoreCorruptError as exc:
        log.error("records database could not be opened: %s", type(exc).__name__)
        agreed = dialogs.confirm(
            parent, "The records database is damaged",
            f"pairaid cannot open its records database:\n{exc.message}.\n\nYou can set the damaged file aside "
            "(it is renamed and kept, so your IT service desk can try to recover it) and start a new, empty "
            "database. Or quit now and nothing is changed.",
            "Set it aside and start a new one", "Quit")
        if not agreed:
            return None
        moved = set_aside(exc.path)
        dialogs.info(parent, "Damaged database set aside", f"The damaged file was kept as:\n{moved}")
        try:
            return Store.open(data_dir)
        except StoreError as again:
            dialogs.error(parent, "The records database cannot be started", f"{again}.")
            return None
    except StoreError as exc:
        dialogs.error(parent, "The records database cannot be opened", f"{exc}.")
        return None


def open_pathway(path: str | None, parent: QWidget | None = None) -> Pathway | None:
    """The pathway in use, loaded and checked once; a bad file gives a dialog naming the file and problem."""
    from pairaid.pathway.loading import PathwayError, load_pathway
    from pairaid.resources import default_pathway_path
    from pairaid.ui import dialogs

    file = Path(path) if path else default_pathway_path()
    try:
        if not file.is_file():
            raise FileNotFoundError(file)
        return load_pathway(file)
    except FileNotFoundError:
        problem = "the file does not exist. Check the path, or start pairaid without --pathway."
    except PathwayError as exc:
        problem = (f"it is not a valid pathway:\n{exc}\n\nFix the file (`pairaid pathway check FILE` lists every "
                   "problem), or ask your pathway owner for a corrected one.")
    except Exception as exc:  # unreadable file: say what and where, never a traceback
        problem = f"it cannot be read ({type(exc).__name__}: {exc})."
    log.error("pathway could not be loaded")
    dialogs.error(parent, "The pathway cannot be used", f"{file}: {problem}")
    return None


def place_factories(store: Store, pathway: Pathway, framework: Framework) -> PlaceFactories:
    """The places, built on first use (their modules are imported then, keeping start-up lean)."""

    def browser() -> QWidget:
        from pairaid.report import render_service_map
        from pairaid.ui.places.browser import PathwayBrowserView

        return PathwayBrowserView(pathway, render_service_map, framework)

    def reviews() -> QWidget:
        from pairaid.ui.places.review import ReviewView

        return ReviewView(store, pathway, framework)

    def population() -> QWidget:
        from pairaid.ui.places.population import PopulationView

        return PopulationView(pathway, store)

    factories: dict[str, tuple[str, Callable[[], QWidget] | None]] = {
        "browser": ("Pathway &browser", browser),
        "reviews": ("&Reviews", reviews),
        "population": ("Population &need", population),
    }
    return factories


def build_window(data_dir: Path, pathway_path: str | None = None) -> MainWindow | None:
    """Store, pathway and framework, then the main window (not yet shown). None when it cannot start."""
    from pairaid.core.framework import load_framework
    from pairaid.ui.main_window import MainWindow
    from pairaid.ui.settings import WindowSettings

    store = open_store(data_dir)
    if store is None:
        return None
    pathway = open_pathway(pathway_path)
    if pathway is None:
        store.close()
        return None
    framework = load_framework()
    return MainWindow(store, pathway, framework, WindowSettings(data_dir),
                      place_factories(store, pathway, framework))


def main(argv: list[str] | None = None) -> int:
    hook: CrashHook = install_crash_hook()
    args = parse_args(sys.argv[1:] if argv is None else argv)

    from PySide6.QtWidgets import QApplication

    from pairaid.store.paths import resolve_data_dir
    from pairaid.ui import dialogs
    from pairaid.ui.style import apply_style

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("pairaid")
    app.setApplicationDisplayName("pairaid")
    apply_style(app)  # type: ignore[arg-type]
    try:
        data_dir = resolve_data_dir(args.data_dir)
    except OSError as exc:
        dialogs.error(None, "The data folder cannot be used",
                      f"{exc}. Choose another folder with --data-dir, or ask your IT service desk.")
        return 1
    hook.data_dir = data_dir
    setup_logging(data_dir)
    log.info("starting")
    window = build_window(data_dir, args.pathway)
    if window is None:
        return 1
    hook.before_report.append(window.session.flush)
    window.show()
    window.restore_last_record()
    code = app.exec()
    window.store.close()
    log.info("stopped")
    return int(code)
