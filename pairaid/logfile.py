"""The app's log: a small file in the data folder, readable by its owner only, rotated by the standard
library. Messages carry record ids and error types, never values."""

from __future__ import annotations

import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_NAME = "pairaid.log"
LOG_MAX_BYTES = 512_000
LOG_BACKUPS = 2
FILE_MODE = 0o600


def _private(path: Path) -> None:
    """Create `path` if missing, and make it readable by its owner only."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, FILE_MODE))
    os.chmod(path, FILE_MODE)


def _rotate(source: str, dest: str) -> None:
    """RotatingFileHandler's move of the full log, leaving a new empty private file for it to open."""
    os.replace(source, dest)
    _private(Path(source))


def setup_logging(data_dir: Path) -> logging.Handler | None:
    """Log INFO and above to `pairaid.log` in `data_dir` (full logs kept as .1 and .2); the handler, or None
    when the log cannot be written, which is never a reason to stop a practitioner working."""
    path = data_dir / LOG_NAME
    try:
        _private(path)
        for n in range(1, LOG_BACKUPS + 1):  # older pairaid versions left them 0644
            backup = path.with_name(f"{LOG_NAME}.{n}")
            if backup.exists():
                os.chmod(backup, FILE_MODE)
        handler = RotatingFileHandler(path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8")
    except OSError:
        return None
    handler.rotator = _rotate
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    root.addHandler(handler)
    return handler
