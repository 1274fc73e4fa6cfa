"""The records database: drafts saved on every change, history, final records, amendments, reviews, audit.

See pairaid/store/__init__.py for the public API. One Store per thread; several Stores (windows, processes) may
share one file: every save names the version it was based on and gets VersionConflict instead of silently
overwriting someone else's change.

Store is assembled from one part per job, each in its own module:
  connection.py  opening, settings, the write transaction, audit events (StoreBase)
  records.py     drafts, reading, finalising, amending, the audit trail (RecordsPart)
  search.py      history search (SearchPart)
  reviews.py     supervisors' reviews and sign-off (ReviewsPart)
  exchange.py    bundle export and import (BundlesPart; the file format is bundle.py)
  guard.py       every public method turns a database fault into a StoreError that says what to do
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pairaid.store.connection import open_connection
from pairaid.store.exchange import BundlesPart
from pairaid.store.guard import guarded
from pairaid.store.records import RecordsPart
from pairaid.store.reviews import ReviewsPart
from pairaid.store.search import SearchPart

if TYPE_CHECKING:
    from sqlite_utils import Migrations


@guarded
class Store(BundlesPart, RecordsPart, SearchPart, ReviewsPart):
    """One open records database. Build it with `Store.open(data_dir)`; close it with `close()`."""

    @classmethod
    def open(cls, data_dir: Path, *, migrations: Migrations | None = None) -> Store:
        """Open (creating or migrating) `<data_dir>/pairaid.db`.

        A damaged or foreign file raises StoreCorruptError and is left untouched. Before migrating an existing
        database it is copied with SQLite's backup API next to it (`pairaid.db.backup-v<N>-<time>`).
        An up-to-date database (every start after the first) opens with the sqlite3 module alone.
        `migrations` is for tests only."""
        conn, path = open_connection(data_dir, migrations)
        return cls(conn, path)
