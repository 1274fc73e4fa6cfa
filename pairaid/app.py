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

    from pairaid.ui.main_window import MainWindow
    from pairaid.ui.startup_loader import Started

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
    start_font_warmup()  # fontconfig loads on another core while PySide6 is imported
    args = parse_args(sys.argv[1:] if argv is None else argv)

    from PySide6.QtWidgets import QApplication

    from pairaid.ui import dialogs, qt_import_hook

    qt_import_hook.install()  # every module imported from here on is checked by PySide6: make that cheap
    from pairaid.ui.style import STYLE_ARGUMENTS, apply_style

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0], *STYLE_ARGUMENTS])
    app.setApplicationName("pairaid")
    app.setApplicationDisplayName("pairaid")
    apply_style(app, style_chosen=existing is None)
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
