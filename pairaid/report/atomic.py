"""Write a file so that a crash or a failure never leaves half of it: a temporary file in the same folder,
then os.replace."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from pairaid.report import ReportError


@contextlib.contextmanager
def _temporary_in(folder: Path, name: str) -> Iterator[Path]:
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    except PermissionError:
        raise ReportError(f"{folder}: permission denied; choose a folder you can write to") from None
    except OSError as exc:
        raise ReportError(f"{folder}: cannot write here ({exc.strerror or exc})") from None
    os.close(handle)
    temp = Path(temp_name)
    try:
        yield temp
    finally:
        temp.unlink(missing_ok=True)


def write_atomically(out_path: Path, write: Callable[[Path], None]) -> Path:
    """Call `write(temp_path)` and move the result onto `out_path`; raise ReportError on a problem."""
    out_path = Path(out_path)
    folder = out_path.parent if str(out_path.parent) else Path(".")
    if not folder.is_dir():
        raise ReportError(f"{out_path}: the folder {folder} does not exist; create it or choose another")
    if out_path.is_dir():
        raise ReportError(f"{out_path}: is a folder; give a file name such as summary.pdf")
    with _temporary_in(folder, out_path.name) as temp:
        write(temp)
        try:
            os.replace(temp, out_path)
        except PermissionError:
            raise ReportError(
                f"{out_path}: cannot be replaced (permission denied, or the file is open in another program); "
                "close it or choose another name"
            ) from None
        except OSError as exc:
            raise ReportError(f"{out_path}: cannot be written ({exc.strerror or exc})") from None
    return out_path
