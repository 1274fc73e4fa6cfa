"""Composition root of the desktop app: crash hook, arguments, logging, then the window, then the store and
pathway.

The window is shown before anything slow happens (architecture.md, "Start-up and responsiveness"): it is
built from Qt alone. Right after its first paint it opens the store and reads the pathway's card (title,
version, dates, level names) to fill home, then loads the pathway itself from the cache of the checked file.
pydantic (for the pathway), sqlite-utils (only to create or upgrade a database), the walk-through, reportlab
and the places (pathway browser, reviews, population need) are imported only when first needed.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from pairaid.ui.crash import CrashHook, install_crash_hook
from pairaid.ui.font_warmup import start_font_warmup

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from pairaid.core.pathway import Pathway
    from pairaid.core.pathway_card import PathwayCard
    from pairaid.store import Store
    from pairaid.ui.main_window import MainWindow, PlaceFactories, Started

log = logging.getLogger("pairaid.app")
LOG_NAME = "pairaid.log"
LOG_MAX_BYTES = 512_000
LOG_BACKUPS = 2
DATA_DIR_ENV = "PAIRAID_DATA_DIR"  # as pairaid.store.paths.ENV_VAR


class AppArgs(NamedTuple):
    data_dir: str | None = None
    pathway: str | None = None


APP_OPTIONS = {"--data-dir": "data_dir", "--pathway": "pathway"}


def parse_args(argv: list[str]) -> AppArgs:
    """The app's two options. The usual forms (`--data-dir DIR`, `--pathway=FILE`) are read directly: argparse
    costs about 5 ms of start-up (its import and pattern compiling) before the first paint. Anything else
    goes to argparse, which explains the mistake (or prints help) and exits as usual."""
    values: dict[str, str] = {}
    rest = list(argv)
    while rest:
        option, equals, inline = rest.pop(0).partition("=")
        if option not in APP_OPTIONS or APP_OPTIONS[option] in values or (equals and not inline):
            return _parse_with_argparse(argv)
        if not equals:
            if not rest or rest[0].startswith("-"):
                return _parse_with_argparse(argv)
            inline = rest.pop(0)
        values[APP_OPTIONS[option]] = inline
    return AppArgs(**values)


def _parse_with_argparse(argv: list[str]) -> AppArgs:
    import argparse

    parser = argparse.ArgumentParser(prog="pairaid", description="pairaid desktop app")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="folder for the records database and settings (default: the user data folder, or "
                             "$PAIRAID_DATA_DIR)")
    parser.add_argument("--pathway", metavar="FILE", help="pathway file (default: the bundled Birmingham pathway)")
    parsed = parser.parse_args(argv)
    return AppArgs(parsed.data_dir, parsed.pathway)


def setup_logging(data_dir: Path) -> None:
    """A small log in the data folder (0600, like the database), kept under LOG_MAX_BYTES by moving a full log
    to `pairaid.log.1` at start-up. Messages carry record ids and error types, never values. Best effort: a
    log that cannot be written is not a reason to stop a practitioner working."""
    path = data_dir / LOG_NAME
    try:
        _rotate_log(path)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.close(fd)
        for log_file in (path, *_backups(path)):  # older pairaid versions left them 0644
            if log_file.exists():
                os.chmod(log_file, 0o600)
        # FileHandler, not RotatingFileHandler: logging.handlers costs ~5 ms of start-up, and a session writes
        # a few lines, so rotating once per start keeps the file small enough.
        handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    root.addHandler(handler)


def _backups(path: Path) -> list[Path]:
    return [path.with_name(f"{path.name}.{n}") for n in range(1, LOG_BACKUPS + 1)]


def _rotate_log(path: Path) -> None:
    """Move a full log to .1 (and .1 to .2 …). Two windows starting at once may both try: whichever finds a
    file gone simply carries on."""
    try:
        if path.stat().st_size < LOG_MAX_BYTES:
            return
    except FileNotFoundError:
        return
    older = _backups(path)
    for newer_copy, older_copy in zip(reversed(older[:-1]), reversed(older[1:]), strict=True):
        with contextlib.suppress(FileNotFoundError):
            os.replace(newer_copy, older_copy)
    with contextlib.suppress(FileNotFoundError):
        os.replace(path, older[0])


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
    """The pathway in use, checked once per version of the file (pairaid.pathway.cache keeps the checked form);
    a bad file gives a dialog naming the file and problem."""
    from pairaid.ui import dialogs

    file = _pathway_file(path)
    try:
        if not file.is_file():
            raise FileNotFoundError(file)
        cached = _cached_pathway(file)
        return cached if cached is not None else _checked_pathway(file)
    except FileNotFoundError:
        problem = "the file does not exist. Check the path, or start pairaid without --pathway."
    except Exception as exc:
        from pairaid.pathway.loading import PathwayError  # only now: the checker is not needed on a cache hit

        if isinstance(exc, PathwayError):
            problem = (f"it is not a valid pathway:\n{exc}\n\nFix the file (`pairaid pathway check FILE` lists "
                       "every problem), or ask your pathway owner for a corrected one.")
        else:  # unreadable file: say what and where, never a traceback
            problem = f"it cannot be read ({type(exc).__name__}: {exc})."
    log.error("pathway could not be loaded")
    dialogs.error(parent, "The pathway cannot be used", f"{file}: {problem}")
    return None


def pathway_card(path: str | None) -> PathwayCard | None:
    """The card of this exact file from the cache, read without pydantic; None when this version of the file
    has not been checked yet (or cannot be read): the caller then loads the pathway itself."""
    from pairaid.pathway.cache import cache_key, read_card

    try:
        return read_card(cache_key(_pathway_file(path).read_bytes()))
    except OSError:
        return None


def _pathway_file(path: str | None) -> Path:
    from pairaid.resources import default_pathway_path

    return Path(path) if path else default_pathway_path()


def _cached_pathway(file: Path) -> Pathway | None:
    """The checked form of this exact file from the cache, without importing the checker (a YAML reader and
    the rules) that a cache hit does not need."""
    from pairaid.pathway.cache import cache_key, read_cached

    return read_cached(cache_key(file.read_bytes()))


def _checked_pathway(file: Path) -> Pathway:
    from pairaid.pathway.loading import load_pathway  # checks the file, and caches it when it passes

    return load_pathway(file)


def place_factories() -> PlaceFactories:
    """The places, built on first use (their modules are imported then, keeping start-up lean)."""

    def browser(window: MainWindow) -> QWidget:
        from pairaid.report import render_service_map
        from pairaid.ui.places.browser import PathwayBrowserView

        return PathwayBrowserView(window.pathway, render_service_map, window.framework)

    def reviews(window: MainWindow) -> QWidget:
        from pairaid.ui.places.review import ReviewView

        return ReviewView(window.store, window.pathway, window.framework)

    def population(window: MainWindow) -> QWidget:
        from pairaid.ui.places.population import PopulationView

        return PopulationView(window.pathway, window.store)

    factories: dict[str, tuple[str, Callable[[MainWindow], QWidget] | None]] = {
        "browser": ("Pathway &browser", browser),
        "reviews": ("&Reviews", reviews),
        "population": ("Population &need", population),
    }
    return factories


def load_parts(data_dir: Path, pathway_path: str | None, parent: QWidget | None = None) -> Started | None:
    """The window's loader: the store (SQLite writes stay on this, the main, thread) and the pathway's card
    for home; the pathway itself is loaded by the window a moment later. The first time a version of the file
    is seen there is no card yet: the pathway is checked now, and its card taken from it."""
    from pairaid.ui.main_window import Started

    store = open_store(data_dir, parent)
    if store is None:
        return None
    card = pathway_card(pathway_path)
    if card is not None:
        return Started(store, card, lambda later_parent: open_pathway(pathway_path, later_parent))
    pathway = open_pathway(pathway_path, parent)
    if pathway is None:
        store.close()
        return None
    from pairaid.core.pathway_card import PathwayCard

    return Started(store, PathwayCard.of(pathway), lambda _parent: pathway)


def planned_data_dir(cli_value: str | None) -> Path:
    """The folder `pairaid.store.resolve_data_dir` will use (same order: --data-dir, $PAIRAID_DATA_DIR, the
    platform's user data folder), computed without creating it and without importing `pairaid.store`, whose
    package imports pydantic and sqlite-utils (about 180 ms): the window needs the folder for its layout
    before its first paint. The loader then calls resolve_data_dir itself; a test keeps the two equal."""
    if cli_value:
        folder = Path(cli_value).expanduser()
    elif os.environ.get(DATA_DIR_ENV):
        folder = Path(os.environ[DATA_DIR_ENV]).expanduser()
    else:
        from platformdirs import user_data_dir

        folder = Path(user_data_dir("pairaid", appauthor=False))
    return folder.resolve()


def build_window(data_dir: Path, pathway_path: str | None = None, *, defer: bool = False,
                 prepare: Callable[[QWidget | None], bool] | None = None) -> MainWindow | None:
    """The main window, not yet shown. defer=False: the store and pathway are opened now, and None means
    pairaid cannot start. defer=True (the app): they are opened right after the window's first paint, and
    the window's `load_failed` signal says it cannot start. `prepare` runs first in the loader (the app
    creates its data folder and log there); False from it means pairaid cannot start."""
    from pairaid.ui.main_window import MainWindow
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
    start_font_warmup()  # fontconfig loads on another core while PySide6 is imported
    args = parse_args(sys.argv[1:] if argv is None else argv)

    from PySide6.QtWidgets import QApplication

    from pairaid.ui import dialogs, qt_import_hook

    qt_import_hook.install()  # every module imported from here on is checked by PySide6: make that cheap
    from pairaid.ui.style import STYLE_ARGUMENTS, apply_style

    existing = QApplication.instance()
    app = existing or QApplication([sys.argv[0], *STYLE_ARGUMENTS])
    app.setApplicationName("pairaid")
    app.setApplicationDisplayName("pairaid")
    apply_style(app, style_chosen=existing is None)  # type: ignore[arg-type]
    data_dir = planned_data_dir(args.data_dir)

    def prepare(parent: QWidget | None) -> bool:
        """After the first paint: create the data folder (0700) and start the log there; then the window icon
        and the bundled script fonts."""
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
    code = app.exec()
    window.close_store()
    log.info("stopped")
    return int(code)
