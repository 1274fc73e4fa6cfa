"""A cache of validated pathways, keyed by the file's bytes (SHA-256), so an unchanged 10,000-service file
loads without parsing its YAML again. Only files that passed the check with no errors are cached; any edit
changes the key, so the file is checked in full again. Failing to read or write the cache is never an error.

Folder: pairaid.folders.pathway_cache_dir() ($PAIRAID_CACHE_DIR, else the user cache folder / pairaid /
pathways). Beside each cached pathway
(`<key>.json`) is its card (`<key>.card.json`, pairaid.core.pathway_card), which the desktop app reads
without importing pydantic, to fill home before the pathway itself has loaded.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from pairaid import __version__, folders
from pairaid.atomic import write_text_atomically
from pairaid.core.pathway_card import PathwayCard

if TYPE_CHECKING:  # pydantic only where a pathway is read or written: reading a card needs none of it
    from pairaid.core.pathway import Pathway

# Bump when the checker's rules change, so older cached passes are not trusted. 2: a card beside each pathway;
# 3: eligibility, sensitive, shared districts, the national block and the urgent-route check.
CACHE_FORMAT = "3"


def cache_dir() -> Path:
    return folders.pathway_cache_dir()


def cache_key(data: bytes) -> str:
    digest = hashlib.sha256(data)
    digest.update(f"\0pairaid {__version__} cache {CACHE_FORMAT}".encode())
    return digest.hexdigest()


def read_cached(key: str) -> Pathway | None:
    from pydantic import ValidationError

    from pairaid.core.pathway import Pathway

    try:
        text = (cache_dir() / f"{key}.json").read_text(encoding="utf-8")
        return Pathway.model_validate_json(text)
    except (OSError, ValueError, ValidationError):
        return None


def read_card(key: str) -> PathwayCard | None:
    """The card of a cached pathway; None when there is none (or it is damaged)."""
    try:
        return PathwayCard.from_json((cache_dir() / f"{key}.card.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, TypeError):
        return None


def write_cached(key: str, pathway: Pathway) -> None:
    """The pathway, then its card (a card is only ever beside a pathway that was written whole)."""
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_text_atomically(folder / f"{key}.json", pathway.model_dump_json())
        write_text_atomically(folder / f"{key}.card.json", PathwayCard.of(pathway).to_json())
    except OSError:
        return
