"""Opening the records database and the pathway for the window, each failure said in a dialog.

The loader runs after the window's first paint: the store (SQLite writes stay on this, the main, thread) and
the pathway's card for home; the pathway itself a moment later. On a cache hit the pathway's checker (a YAML
reader and the rules) is never imported.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from pairaid.ui.startup_loader import Started

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from pairaid.core.pathway import Pathway
    from pairaid.core.pathway_card import PathwayCard
    from pairaid.store import Store, StoreFileError

log = logging.getLogger("pairaid.app")


def open_store(data_dir: Path, parent: QWidget | None = None) -> Store | None:
    """The records database, or None when pairaid cannot start with it. Each cause has its own dialog saying what
    was found and offering only what fits: a damaged, empty or foreign file may be set aside (renamed and kept)
    when the practitioner agrees; a disk that is full, a database in use and a folder out of reach may be tried
    again; a read-only folder and a database from a newer pairaid are explained. A healthy file is never moved."""
    from pairaid.store import Store, StoreError, StoreFileError
    from pairaid.ui import dialogs

    while True:
        try:
            return Store.open(data_dir)
        except StoreFileError as exc:
            log.error("records database could not be opened: %s", type(exc).__name__)
            choice = _ask(exc, parent)
            if choice == RETRY:
                continue
            if choice != SET_ASIDE or not _set_aside(exc, parent):
                return None
        except StoreError as exc:  # an upgrade that failed: nothing was changed, a copy from before is kept
            log.error("records database could not be upgraded")
            dialogs.error(parent, "The records database could not be upgraded", f"{exc}.")
            return None


RETRY, SET_ASIDE, QUIT = "Try again", "Set it aside and start a new one", "Quit"


def _ask(exc: StoreFileError, parent: QWidget | None) -> str:
    """Show what was found and what to do; the practitioner's choice (RETRY, SET_ASIDE or QUIT)."""
    from pairaid.store import StoreEmptyError, StoreFullError, StoreLockedError, StoreUnavailableError
    from pairaid.ui import dialogs

    found = f"{exc.message[:1].upper()}{exc.message[1:]}.\n\nThe file: {exc.path}"
    if exc.can_set_aside:
        what = "the empty file" if isinstance(exc, StoreEmptyError) else "the file"
        text = (f"{found}\n\nYou can set {what} aside (it is renamed and kept beside the new one, so your IT "
                "service desk can look at it) and start a new, empty records database. Or quit now and nothing is "
                "changed.")
        return SET_ASIDE if dialogs.confirm(parent, exc.title, text, SET_ASIDE, QUIT) else QUIT
    when = {StoreFullError: "once there is space on the disk",
            StoreLockedError: "when the other pairaid window or program has finished with it",
            StoreUnavailableError: "once the drive or folder is there again"}.get(type(exc))
    if when is not None:
        text = f"{found}\n\nChoose {RETRY} {when}, or {QUIT} (nothing is changed)."
        return RETRY if dialogs.confirm(parent, exc.title, text, RETRY, QUIT) else QUIT
    dialogs.error(parent, exc.title, f"{found}\n\npairaid closes now; the file was not changed.")
    return QUIT


def _set_aside(exc: StoreFileError, parent: QWidget | None) -> bool:
    """Rename the bad file (it is kept) and say where it went; False, having said why, when it cannot be moved
    (a read-only folder): then nothing was changed."""
    from pairaid.store import StoreEmptyError, StoreFileError, set_aside
    from pairaid.ui import dialogs

    try:
        moved = set_aside(exc.path)
    except StoreFileError as cannot:
        dialogs.error(parent, cannot.title, f"The file could not be set aside: {cannot.message}.\n\n"
                      f"The file: {cannot.path}\n\npairaid closes now; the file was not changed.")
        return False
    what = "The empty file (0 bytes)" if isinstance(exc, StoreEmptyError) else "The file"
    dialogs.info(parent, "Records database set aside",
                 f"{what} was kept as:\n{moved}\n\nA new, empty records database is started beside it.")
    return True


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


def load_parts(data_dir: Path, pathway_path: str | None, parent: QWidget | None = None) -> Started | None:
    """The window's loader: the store (SQLite writes stay on this, the main, thread) and the pathway's card
    for home; the pathway itself is loaded by the window a moment later. The first time a version of the file
    is seen there is no card yet: the pathway is checked now, and its card taken from it."""
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
