from __future__ import annotations

import stat
from pathlib import Path

import pytest

from pairaid.store import RecordSummary, Store, database_path, resolve_data_dir
from pairaid.store.paths import ENV_VAR


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_cli_value_wins_over_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env"))
    assert resolve_data_dir(str(tmp_path / "cli")) == (tmp_path / "cli").resolve()
    assert not (tmp_path / "env").exists()


def test_environment_wins_over_platform_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env"))
    assert resolve_data_dir(None) == (tmp_path / "env").resolve()


def test_platform_user_data_folder_last(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    folder = resolve_data_dir(None)
    assert folder.name == "pairaid"
    assert folder.is_dir()


def test_created_folders_are_owner_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("os.umask", lambda *_: 0)  # harmless; the chmod must not depend on the umask
    folder = resolve_data_dir(str(tmp_path / "a" / "b"))
    assert mode(folder) == 0o700


def test_database_and_wal_files_are_owner_only(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        store.create_draft({"format": "pairaid.assessment/1"}, summary=RecordSummary())
        db = database_path(data_dir)
        files = [db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")]
        assert all(f.exists() for f in files)
        assert [mode(f) for f in files] == [0o600, 0o600, 0o600]
    assert mode(data_dir) == 0o700


def test_an_existing_loose_database_is_tightened(data_dir: Path) -> None:
    Store.open(data_dir).close()
    db = database_path(data_dir)
    db.chmod(0o644)
    Store.open(data_dir).close()
    assert mode(db) == 0o600
