"""The guard covers every public Store method by construction, not by a list someone must keep up to date."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from pairaid.store import Store, StoreCorruptError
from pairaid.store.connection import StoreBase
from pairaid.store.guard import UNGUARDED, guarded, is_guarded, public_methods


def test_every_public_store_method_is_guarded() -> None:
    names = public_methods(Store)
    assert {"create_draft", "save_draft", "load", "search", "import_bundle", "add_review"} <= set(names)
    unguarded = [name for name in names if name not in UNGUARDED and not is_guarded(getattr(Store, name))]
    assert unguarded == []


def test_a_method_added_later_is_guarded_without_being_listed(tmp_path: Path) -> None:
    class Part(StoreBase):
        def count_everything(self) -> int:
            return self._conn.execute("SELECT count(*) FROM records").fetchone()[0]

    @guarded
    class Extended(Part, Store):
        pass

    store = Extended.open(tmp_path / "data")
    try:
        assert is_guarded(Extended.count_everything)

        class Broken:
            def execute(self, *args: object) -> object:
                raise sqlite3.DatabaseError("database disk image is malformed")

        real = store._conn
        store._conn = Broken()  # type: ignore[assignment]
        with pytest.raises(StoreCorruptError, match="damaged"):
            store.count_everything()
        store._conn = real
    finally:
        store.close()
