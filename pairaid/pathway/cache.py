"""A cache of validated pathways, keyed by the file's bytes (SHA-256), so an unchanged 10,000-service file
loads without parsing its YAML again. Only files that passed the check with no errors are cached; any edit
changes the key, so the file is checked in full again. Failing to read or write the cache is never an error.

Folder: $PAIRAID_CACHE_DIR, else the user cache folder / pairaid / pathways.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
from pathlib import Path

from pydantic import ValidationError

from pairaid import __version__
from pairaid.core.pathway import Pathway

CACHE_FORMAT = "1"  # bump when the checker's rules change, so older cached passes are not trusted


def cache_dir() -> Path:
    """$PAIRAID_CACHE_DIR, else the platform's user cache folder (the pathway layer does not use platformdirs)."""
    configured = os.environ.get("PAIRAID_CACHE_DIR")
    if configured:
        return Path(configured)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / "pairaid" / "Cache"
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches" / "pairaid"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "pairaid"
    return base / "pathways"


def cache_key(data: bytes) -> str:
    digest = hashlib.sha256(data)
    digest.update(f"\0pairaid {__version__} cache {CACHE_FORMAT}".encode())
    return digest.hexdigest()


def read_cached(key: str) -> Pathway | None:
    try:
        text = (cache_dir() / f"{key}.json").read_text(encoding="utf-8")
        return Pathway.model_validate_json(text)
    except (OSError, ValueError, ValidationError):
        return None


def write_cached(key: str, pathway: Pathway) -> None:
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, suffix=".tmp", delete=False) as out:
            out.write(pathway.model_dump_json())
        os.replace(out.name, folder / f"{key}.json")
    except OSError:
        return
