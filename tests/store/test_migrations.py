from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlite_utils import Database, Migrations

from pairaid.store import Store, StoreError, database_path
from pairaid.store.migrations import MIGRATIONS
from pairaid.store.schema import MIGRATION_NAMES, MIGRATION_SET, SCHEMA_VERSION

FIXTURES = Path(__file__).parent.parent / "fixtures" / "db"
RELEASED = sorted(FIXTURES.glob("v*.db"))
ROOT = Path(__file__).resolve().parents[2]


def schema_of(path: Path) -> set[tuple[str, str]]:
    conn = sqlite3.connect(path)
    try:
        return {(row[0], row[1]) for row in conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'")}
    finally:
        conn.close()


def copy_fixture(fixture: Path, data_dir: Path) -> Path:
    data_dir.mkdir()
    return Path(shutil.copyfile(fixture, database_path(data_dir)))


def test_every_released_schema_has_a_fixture() -> None:
    assert [p.name for p in RELEASED] == [f"v{n}.db" for n in range(1, SCHEMA_VERSION + 1)]


@pytest.mark.parametrize("fixture", RELEASED, ids=lambda p: p.stem)
def test_a_released_database_opens_and_upgrades(fixture: Path, tmp_path: Path) -> None:
    db = copy_fixture(fixture, tmp_path / "old")
    with Store.open(tmp_path / "old") as store:
        infos = store.search(limit=50)
        assert sorted(i.status for i in infos) == ["amended", "draft", "final", "final"]
        for info in infos:
            record = store.load(info.id)
            assert record.data["family"]["baby"]["name"] == info.baby_name
        assert any(r.signed_off for r in infos)
        assert store.search(text="zoe")[0].final_level == "universal"
        assert store.integrity_check() == "ok"
        applied = [m.name for m in Migrations(MIGRATION_SET).applied(store.db)]
        assert applied == list(MIGRATION_NAMES)
    with Store.open(tmp_path / "fresh"):
        pass
    assert schema_of(db) == schema_of(database_path(tmp_path / "fresh")), "upgraded schema differs from a new one"


def extended(extra) -> Migrations:
    """Today's migrations plus one more, as a future release would ship them."""
    migrations = Migrations(MIGRATION_SET)
    for migration in MIGRATIONS.pending(Database(memory=True)):
        migrations(name=migration.name)(migration.fn)
    migrations(name="9999_future")(extra)
    return migrations


@pytest.mark.parametrize("fixture", RELEASED[:-1], ids=lambda p: p.stem)
def test_an_older_database_is_backed_up_before_it_is_upgraded(fixture: Path, tmp_path: Path) -> None:
    db = copy_fixture(fixture, tmp_path / "data")
    Store.open(tmp_path / "data").close()
    old_version = int(fixture.stem[1:])
    backups = list(db.parent.glob(f"pairaid.db.backup-v{old_version}-*"))
    assert len(backups) == 1 and oct(backups[0].stat().st_mode)[-3:] == "600"
    assert schema_of(backups[0]) == schema_of(fixture)


def test_a_migration_backs_the_database_up_first(tmp_path: Path) -> None:
    def add_column(db: Database) -> None:
        db.execute("ALTER TABLE records ADD COLUMN colour TEXT")

    db = copy_fixture(RELEASED[-1], tmp_path / "data")
    with Store.open(tmp_path / "data", migrations=extended(add_column)) as store:
        assert "colour" in store.db["records"].columns_dict
    backups = list(db.parent.glob(f"pairaid.db.backup-v{SCHEMA_VERSION}-*"))
    assert len(backups) == 1 and oct(backups[0].stat().st_mode)[-3:] == "600"
    assert schema_of(backups[0]) == schema_of(RELEASED[-1])
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT count(*) FROM records").fetchone()[0] == 4


def test_a_failed_migration_changes_nothing(tmp_path: Path) -> None:
    def broken(db: Database) -> None:
        db.execute("ALTER TABLE records ADD COLUMN colour TEXT")
        raise RuntimeError("disk on fire")

    copy_fixture(RELEASED[-1], tmp_path / "data")
    with pytest.raises(StoreError, match=rf"upgrading the database failed.*backup-v{SCHEMA_VERSION}-"):
        Store.open(tmp_path / "data", migrations=extended(broken))
    with Store.open(tmp_path / "data") as store:
        assert "colour" not in store.db["records"].columns_dict
        assert len(store.recent()) == 4


def test_a_new_database_is_not_backed_up(tmp_path: Path) -> None:
    Store.open(tmp_path / "data").close()
    assert not list((tmp_path / "data").glob("*.backup-*"))


def test_an_up_to_date_database_opens_with_sqlite3_alone_and_the_same_settings(tmp_path: Path) -> None:
    """Every start after the first: no sqlite-utils (nor pydantic) import, and the connection is set up as the
    migrating path sets it (WAL, synchronous FULL, foreign keys, recursive triggers, busy timeout)."""
    Store.open(tmp_path / "data").close()
    child = (
        "import sys; from pairaid.store import Store\n"
        "store = Store.open(sys.argv[1])\n"
        "pragmas = [store._conn.execute(f'PRAGMA {p}').fetchone()[0] for p in "
        "('journal_mode', 'synchronous', 'foreign_keys', 'recursive_triggers', 'busy_timeout')]\n"
        "print(pragmas, [m for m in ('sqlite_utils', 'pydantic') if m in sys.modules])\n"
    )
    out = subprocess.run([sys.executable, "-c", child, str(tmp_path / "data")], capture_output=True, text=True,
                         cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True)
    assert out.stdout.strip() == "['wal', 2, 1, 1, 5000] []"


def test_migration_names_are_the_registered_migrations() -> None:
    assert [m.name for m in MIGRATIONS.pending(Database(memory=True))] == list(MIGRATION_NAMES)


def test_windows_started_at_once_on_a_new_database_all_open_it(tmp_path: Path) -> None:
    """Several processes creating the same new database at the same moment: one migrates, the others wait for
    it (they used to fail with "database is locked")."""
    child = "import sys; from pairaid.store import Store; Store.open(sys.argv[1]).close(); print('ok')"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for round_ in range(3):
        data_dir = tmp_path / f"data-{round_}"
        children = [subprocess.Popen([sys.executable, "-c", child, str(data_dir)], stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env) for _ in range(4)]
        results = [child.communicate(timeout=60) for child in children]
        assert all(c.returncode == 0 for c in children), [err.strip().splitlines()[-1:] for _, err in results]
        with Store.open(data_dir) as store:
            applied = [m.name for m in Migrations(MIGRATION_SET).applied(store.db)]
        assert applied == list(MIGRATION_NAMES)
