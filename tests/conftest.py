"""Shared test set-up. Qt must find a platform before it is imported: without a display the process would
abort instead of failing a test, so the offscreen platform is the default here."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Property tests run the same examples on every run, so a CI result never depends on luck, and keep no example
# database in the checkout. HYPOTHESIS_PROFILE=explore searches afresh (run it by hand to look for new failures,
# then pin what it finds with @example).
settings.register_profile("repeatable", derandomize=True, database=None, print_blob=True)
settings.register_profile("explore", derandomize=False, database=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))


@pytest.fixture(scope="session")
def _test_folders(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("user-folders")


@pytest.fixture(autouse=True)
def _isolated_user_folders(_test_folders: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the real user's folders: the pathway cache, and the platform's cache, data and
    config folders (for pairaid and for Qt), point into one temporary folder for the whole run (shared, so the
    checked Birmingham pathway is cached once). Child processes inherit them. A test that needs its own cache
    sets PAIRAID_CACHE_DIR itself."""
    monkeypatch.setenv("PAIRAID_CACHE_DIR", str(_test_folders / "pathway-cache"))
    for variable, name in (("XDG_CACHE_HOME", "cache"), ("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config")):
        monkeypatch.setenv(variable, str(_test_folders / name))
    monkeypatch.delenv("PAIRAID_DATA_DIR", raising=False)


@pytest.fixture
def tmp_data_dir(tmp_path: Path) -> Path:
    """A fresh, empty data folder (database, settings) for one test."""
    folder = tmp_path / "pairaid-data"
    folder.mkdir()
    return folder
