"""The window's two loading stages, as one small state machine with no window in it.

Stage one (right after the first paint): the loader opens the records database and reads the pathway's card,
so home can list the records. Stage two (on the next turn of the event loop): the pathway itself is loaded
(pydantic models, ~100 ms). A loader's dialog runs an event loop, so a stage is never entered twice; after a
failure nothing loads again and the store, if it was opened, is closed.

The owner (the main window) is told through three callbacks, in order: `on_home(started)`, then
`on_pathway(pathway)`, or `on_fail()` at most once instead.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QTimer

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QWidget

    from pairaid.core.pathway import Pathway
    from pairaid.core.pathway_card import PathwayCard
    from pairaid.store.store import Store

LOAD_FALLBACK_MS = 250  # load even if no paint arrives (a window shown minimised)


class Started(NamedTuple):
    """What the loader opens once the window is on screen. The store and the pathway's card fill home at
    once; the pathway itself is loaded a moment later by `load_pathway`, which gives None when it cannot be
    used (having said why in a dialog; its argument is that dialog's parent)."""

    store: Store
    card: PathwayCard
    load_pathway: Callable[[QWidget | None], Pathway | None]


# Opens the store and reads the pathway's card; None when pairaid cannot start (the loader has said why in a
# dialog). Its argument is the parent for those dialogs.
Loader = Callable[["QWidget | None"], "Started | None"]


class Stage(Enum):
    WAITING = "waiting"  # nothing opened yet
    HOME = "home"  # store open, card read: home can list the records
    READY = "ready"  # the pathway is loaded too
    FAILED = "failed"  # pairaid cannot start


class StartupLoader:
    """Runs the loader and the pathway load at most once each, and says what happened through callbacks."""

    def __init__(self, loader: Loader, dialog_parent: Callable[[], QWidget | None],
                 on_home: Callable[[Started], None], on_pathway: Callable[[Pathway], None],
                 on_fail: Callable[[], None]) -> None:
        self._loader = loader
        self._dialog_parent = dialog_parent
        self._on_home = on_home
        self._on_pathway = on_pathway
        self._on_fail = on_fail
        self.stage = Stage.WAITING
        self.started: Started | None = None
        self.pathway: Pathway | None = None
        self._busy = False  # a loader's dialog is open (it runs an event loop)
        self._scheduled = False

    @property
    def failed(self) -> bool:
        return self.stage is Stage.FAILED

    def replace_card(self, card: PathwayCard) -> None:
        assert self.started is not None
        self.started = self.started._replace(card=card)

    def ensure_home(self) -> bool:
        """Stage one now if not done yet: open the store and read the pathway's card."""
        if self.started is not None and not self.failed:
            return True
        if self.failed or self._busy:
            return False
        self._busy = True
        try:
            started = self._loader(self._dialog_parent())
        finally:
            self._busy = False
        if started is None:
            self._fail()
            return False
        self.started = started
        self.stage = Stage.HOME
        self._on_home(started)
        return True

    def ensure_loaded(self) -> bool:
        """Both stages now if not done yet. False when pairaid cannot start."""
        if self.stage is Stage.READY:
            return True
        if not self.ensure_home() or self._busy:
            return False
        assert self.started is not None
        self._busy = True
        try:
            pathway = self.started.load_pathway(self._dialog_parent())
        finally:
            self._busy = False
        if pathway is None:
            self._fail()
            return False
        self.pathway = pathway
        self.stage = Stage.READY
        self._on_pathway(pathway)
        return True

    def close_store(self) -> None:
        if self.started is not None:
            self.started.store.close()

    def _fail(self) -> None:
        self.stage = Stage.FAILED
        self.close_store()  # the pathway failed after the store opened: nothing will use it now
        self._on_fail()

    # Scheduling after the first paint --------------------------------------------------------------

    def schedule(self, first_painted: SignalInstance, repaint_home: Callable[[], None]) -> None:
        """Once: load stage one right after `first_painted` (or after LOAD_FALLBACK_MS if no paint comes),
        repaint home with its list, then stage two on the next turn of the loop. `repaint_home` puts the list
        on screen before the pathway's load."""
        if self._scheduled:
            return
        self._scheduled = True
        self._repaint_home = repaint_home
        # Home is being painted when this fires; the frame reaches the screen before the 0 ms timer.
        first_painted.connect(lambda: QTimer.singleShot(0, self._load_after_paint))
        QTimer.singleShot(LOAD_FALLBACK_MS, self._load_after_paint)

    def _load_after_paint(self) -> None:
        if self.stage in (Stage.READY, Stage.FAILED) or self._busy:
            return
        if self.stage is Stage.WAITING:
            if self.ensure_home():
                self._repaint_home()
                QTimer.singleShot(0, self._load_after_paint)
            return
        self.ensure_loaded()
