"""A checked pathway kept between runs, so the app's start-up skips reading YAML and checking the file.

The cache holds the pickled `Pathway` that `load_pathway` returned, under a key made of the file's SHA-256 and
a stamp of the code that checks it (pairaid, pydantic and Python versions, and the size and time of the
checking modules), so an edited pathway file or an updated pairaid is checked again. A cache file that is
missing, unreadable or damaged is ignored and rewritten; only a pathway without errors is ever cached.

The cache lives in the user's own cache folder (0700, files 0600): a pickle there is as trusted as the
user's own settings, and nothing in it is personal data (a pathway lists services, not families).
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import pairaid

if TYPE_CHECKING:
    from pairaid.core.pathway import Pathway

log = logging.getLogger(__name__)

ENV_VAR = "PAIRAID_CACHE_DIR"
PREFIX = "pathway-"
SUFFIX = ".pickle"
# The modules whose code decides what a checked pathway is: a change to any of them invalidates the cache.
_CHECKING_CODE = ("core/pathway.py", "core/rules.py", "core/vocab.py", "core/framework.py", "pathway/check.py",
                  "pathway/loading.py", "pathway/yamlread.py")


def cache_dir() -> Path:
    """`$PAIRAID_CACHE_DIR`, else the platform's user cache folder for pairaid."""
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR]).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("pairaid", appauthor=False))


def _code_stamp() -> bytes:
    import pydantic.version

    root = Path(pairaid.__file__).parent
    parts = [pairaid.__version__, pydantic.version.VERSION, sys.version]
    for name in _CHECKING_CODE:
        try:
            stat = (root / name).stat()
            parts.append(f"{name}:{stat.st_size}:{stat.st_mtime_ns}")
        except OSError:  # a frozen bundle has no source files: the versions above decide
            parts.append(f"{name}:-")
    return "\n".join(parts).encode("utf-8")


def cache_key(content: bytes) -> str:
    """SHA-256 of the pathway file's bytes and of the checking code's stamp."""
    digest = hashlib.sha256(content)
    digest.update(b"\0")
    digest.update(_code_stamp())
    return digest.hexdigest()


def cache_file(content: bytes, folder: Path | None = None) -> Path:
    return (folder or cache_dir()) / f"{PREFIX}{cache_key(content)}{SUFFIX}"


def load_pathway_cached(path: str | Path, folder: Path | None = None) -> Pathway:
    """The checked pathway in `path`, from the cache when this exact file was checked before.

    Raises what `load_pathway` raises (PathwayError, OSError) for a file that is not a usable pathway."""
    from pairaid.core.pathway import Pathway  # the classes a pickle needs; cheaper than the checker

    content = Path(path).read_bytes()
    target = cache_file(content, folder)
    try:
        cached = pickle.loads(target.read_bytes())
    except FileNotFoundError:
        cached = None
    except Exception as exc:  # damaged, truncated or from older code: check the file again
        log.warning("pathway cache ignored (%s)", type(exc).__name__)
        cached = None
    if isinstance(cached, Pathway):
        return cached

    from pairaid.pathway.loading import load_pathway

    pathway = load_pathway(path)
    if Path(path).read_bytes() == content:  # not changed while it was being checked
        _write(target, pathway)
    return pathway


def _write(target: Path, pathway: Pathway) -> None:
    """Atomically, best effort: a cache that cannot be written only costs the check next time."""
    try:
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=PREFIX, suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as out:
                pickle.dump(pathway, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temp, target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except (OSError, pickle.PicklingError) as exc:
        log.warning("pathway cache not written (%s)", type(exc).__name__)
