"""A record with a bundle's copy waiting beside it (changed here and in the bundle since they last met): the
user compares the two and keeps one before either is opened, from home or from Reviews. Home is listed again
afterwards, and the status bar says when a copy was kept."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from pairaid.ui import dialogs

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

    from PySide6.QtWidgets import QStatusBar, QWidget

    from pairaid.core.framework import Framework
    from pairaid.core.pathway import Pathway
    from pairaid.store.models import Record
    from pairaid.store.store import Store
    from pairaid.ui.home import HomeView


class Window(Protocol):
    """What choosing between two copies uses of the main window."""

    home: HomeView
    today: Callable[[], dt.date]

    @property
    def store(self) -> Store: ...
    @property
    def pathway(self) -> Pathway: ...
    @property
    def framework(self) -> Framework: ...
    def statusBar(self) -> QStatusBar: ...
    def window(self) -> QWidget: ...


def resolve(window: Window, copy_id: str) -> Record | None:
    """Compare a bundle's copy with this computer's record and keep one; the record as kept, or None."""
    kept = dialogs.resolve_conflict(window.window(), window.store, window.pathway, window.framework, copy_id,
                                    window.today())
    window.home.refresh()
    if kept is not None:
        window.statusBar().showMessage("Conflict resolved: one copy kept.", 8000)
    return kept


def record_to_open(window: Window, record: Record, quiet: bool) -> Record | None:
    """`record` itself, or for one in conflict the copy the user kept (None while they decide later). `quiet`
    (reopening at start-up, no one to ask): a StoreError instead of the question."""
    if not record.in_conflict:
        return record
    if quiet:
        from pairaid.store.errors import StoreError  # the store is imported after the first paint

        raise StoreError(f"record {record.id} is in conflict")
    return resolve(window, record.id if record.conflict_of else str(record.conflict_copy))
