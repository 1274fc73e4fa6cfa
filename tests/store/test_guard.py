"""The guard covers every public Store method by construction, not by a list someone must keep up to date."""

from __future__ import annotations

from pathlib import Path

import pytest

from pairaid.store import RecordSummary, Store, StoreCorruptError, database_path
from pairaid.store.connection import StoreBase
from pairaid.store.guard import UNGUARDED, guarded, is_guarded, public_methods
from tests.disk_faults import scribble_over_records


def test_every_public_store_method_is_guarded() -> None:
    names = public_methods(Store)
    assert {"create_draft", "save_draft", "load", "search", "import_bundle", "add_review"} <= set(names)
    unguarded = [name for name in names if name not in UNGUARDED and not is_guarded(getattr(Store, name))]
    assert unguarded == []


def test_a_method_added_later_is_guarded_without_being_listed(tmp_path: Path) -> None:
    class Part(StoreBase):
        def count_everything(self) -> int:
            return len(self._conn.execute("SELECT * FROM records").fetchall())  # reads the table, not an index

    @guarded
    class Extended(Part, Store):
        pass

    with Store.open(tmp_path / "data") as store:
        store.create_draft({"n": 1}, summary=RecordSummary())
    store = Extended.open(tmp_path / "data")  # opened healthy, its page cache still cold
    try:
        assert is_guarded(Extended.count_everything)
        scribble_over_records(database_path(tmp_path / "data"))  # real damage, found by SQLite
        with pytest.raises(StoreCorruptError, match="damaged"):
            store.count_everything()
    finally:
        store.close()
