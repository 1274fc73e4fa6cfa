from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test gets an empty pathway cache, so no test passes because of another's cached file."""
    monkeypatch.setenv("PAIRAID_CACHE_DIR", str(tmp_path / "cache"))
