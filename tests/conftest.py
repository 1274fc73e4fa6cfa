"""Shared test set-up. Qt must find a platform before it is imported: without a display the process would
abort instead of failing a test, so the offscreen platform is the default here."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def tmp_data_dir(tmp_path: Path) -> Path:
    """A fresh, empty data folder (database, settings) for one test."""
    folder = tmp_path / "pairaid-data"
    folder.mkdir()
    return folder
