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
    from pairaid.store import Store

log = logging.getLogger("pairaid.app")


def open_store(data_dir: Path, parent: QWidget | None = None) -> Store | None:
    """The records database; a damaged, empty or foreign file is left untouched unless the practitioner agrees
    to set it aside. A healthy file that is full, read-only, locked or out of reach is never offered for moving:
    its message says what to do."""
    from pairaid.store import Store, StoreCorruptError, StoreError, StoreTooNewError, set_aside
    from pairaid.ui import dialogs

    try:
        return Store.open(data_dir)
    except StoreTooNewError as exc:
        dialogs.error(parent, "Records database from a newer pairaid",
                      f"{exc.message}.\n\nThe file was not changed: {exc.path}")
        return None
    except StoreCorruptError as exc:  # damaged, empty or not a pairaid database: the one case to set aside
        log.error("records database could not be opened: %s", type(exc).__name__)
        agreed = dialogs.confirm(
            parent, _what_was_found(exc),
            f"pairaid cannot open its records database:\n{exc.message}.\n\nYou can set the file aside "
            "(it is renamed and kept, so your IT service desk can try to recover it) and start a new, empty "
            "database. Or quit now and nothing is changed.",
            "Set it aside and start a new one", "Quit")
        if not agreed:
            return None
        moved = set_aside(exc.path)
        dialogs.info(parent, "Records database set aside", f"The file was kept as:\n{moved}")
        try:
            return Store.open(data_dir)
        except StoreError as again:
            dialogs.error(parent, "The records database cannot be started", f"{again}.")
            return None
    except StoreError as exc:
        dialogs.error(parent, "The records database cannot be opened", f"{exc}.")
        return None


def _what_was_found(exc: Exception) -> str:
    """The set-aside question's title: what is wrong with the file, in the user's words."""
    from pairaid.store import StoreEmptyError, StoreNotDatabaseError

    if isinstance(exc, StoreEmptyError):
        return "The records database is empty"
    if isinstance(exc, StoreNotDatabaseError):
        return "This is not a pairaid records database"
    return "The records database is damaged"


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
