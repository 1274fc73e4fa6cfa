"""The seam between the window and the records store: autosave of the open draft and the home search.

The UI never runs SQL; it calls the Store through these two small objects.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported by the window before the store is open: keep it free of pydantic and SQLite
    from pairaid.core.outcome import Outcome
    from pairaid.store.models import RecordInfo
    from pairaid.store.store import Store
    from pairaid.ui.home import RecordQuery


class RecordSaver:
    """A `DraftSaver` for the record open in the window: saves under the version it last saw, so a change
    made elsewhere raises VersionConflict instead of being overwritten."""

    def __init__(self, store: Store, outcome: Callable[[], Outcome | None]) -> None:
        self.store = store
        self._outcome = outcome
        self.record_id: str | None = None
        self.version = 0

    def attach(self, record_id: str | None, version: int = 0) -> None:
        self.record_id = record_id
        self.version = version

    def save(self, data: dict[str, Any]) -> int:
        if self.record_id is None:
            raise RuntimeError("no record is open")
        from pairaid.store.models import RecordSummary

        summary = RecordSummary.from_draft(data, self._outcome())
        self.version = self.store.save_draft(self.record_id, data, self.version, summary=summary)
        return self.version


def search_records(store: Store, query: RecordQuery, limit: int = 200) -> list[RecordInfo]:
    """The home list: newest change first. "reviewed" means final and signed off by a supervisor."""
    status = "final" if query.status == "reviewed" else query.status
    found = store.search(
        text=query.text or None,
        level=query.level or None,
        status=status or None,
        date_from=query.date_from,
        date_to=query.date_to,
        limit=limit,
    )
    if query.status == "reviewed":
        found = [info for info in found if info.signed_off]
    return found
