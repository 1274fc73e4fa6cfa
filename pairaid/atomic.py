"""Writing a file so that a crash or a failure never leaves half of it: the content goes to a new temporary
file in the same folder (readable by its owner only), is flushed to disk, then renamed over the target in one
step (os.replace). The one way pairaid writes a file the practitioner or the app relies on."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def write_atomically(path: Path, write: Callable[[Path], object]) -> Path:
    """Call `write(temporary_path)`, then move the result onto `path`. Raises OSError (the target is then
    untouched and no temporary file is left)."""
    path = Path(path)
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        write(temporary)
        with open(temporary, "rb+") as written:  # on disk before the rename, so a power cut keeps old or new
            os.fsync(written.fileno())
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return path


def write_text_atomically(path: Path, text: str) -> Path:
    """`text` as UTF-8 in `path`, whole or not at all."""
    return write_atomically(path, lambda temporary: temporary.write_text(text, encoding="utf-8"))
