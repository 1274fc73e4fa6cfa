"""A report's file written whole or not at all (pairaid.atomic), with each failure said as a ReportError."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from pairaid import atomic
from pairaid.report import ReportError


def write_atomically(out_path: Path, write: Callable[[Path], None]) -> Path:
    """Call `write(temp_path)` and move the result onto `out_path` (pairaid.atomic); raise ReportError on a
    problem, saying what to do."""
    out_path = Path(out_path)
    folder = out_path.parent if str(out_path.parent) else Path(".")
    if not folder.is_dir():
        raise ReportError(f"{out_path}: the folder {folder} does not exist; create it or choose another")
    if out_path.is_dir():
        raise ReportError(f"{out_path}: is a folder; give a file name such as summary.pdf")
    if not os.access(folder, os.W_OK):
        raise ReportError(f"{folder}: permission denied; choose a folder you can write to")
    try:
        return atomic.write_atomically(out_path, write)
    except PermissionError:
        raise ReportError(
            f"{out_path}: cannot be replaced (permission denied, or the file is open in another program); "
            "close it or choose another name"
        ) from None
    except OSError as exc:
        raise ReportError(f"{out_path}: cannot be written ({exc.strerror or exc})") from None
