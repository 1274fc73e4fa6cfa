"""Where pairaid keeps its files, and that the tests never use the real user's folders."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from pairaid import atomic, folders


def test_the_tests_never_touch_the_user_s_folders() -> None:
    home = Path.home().resolve()
    for folder in (folders.pathway_cache_dir(), folders.data_dir()):
        assert home not in folder.resolve().parents, folder


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG folders are Linux's")
def test_without_settings_the_platform_s_folders_are_used(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv(folders.CACHE_DIR_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert folders.pathway_cache_dir() == tmp_path / "cache" / "pairaid" / "pathways"
    assert folders.data_dir() == (tmp_path / "data" / "pairaid").resolve()
    assert folders.data_dir("~/elsewhere") == (Path.home() / "elsewhere").resolve()


def test_an_atomic_write_leaves_the_old_file_when_writing_fails(tmp_path: Path) -> None:
    target = tmp_path / "summary.txt"
    atomic.write_text_atomically(target, "Zoë Brontë")
    assert target.read_text(encoding="utf-8") == "Zoë Brontë" and (target.stat().st_mode & 0o777) == 0o600

    def half_then_fail(temporary: Path) -> None:
        temporary.write_text("half", encoding="utf-8")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        atomic.write_atomically(target, half_then_fail)
    assert target.read_text(encoding="utf-8") == "Zoë Brontë"
    assert [p.name for p in tmp_path.iterdir()] == ["summary.txt"]  # no temporary file left behind
