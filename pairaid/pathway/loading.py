"""Load a pathway file for the commands and the app (assessing with it is pairaid.core.assess)."""

from __future__ import annotations

from pathlib import Path

from pairaid.core.input_files import InputFileError, read_bytes
from pairaid.core.pathway import Pathway
from pairaid.pathway.cache import cache_key, read_cached, write_cached
from pairaid.pathway.check import CheckResult, check_file, check_text


class PathwayError(ValueError):
    """The file has errors; `result` holds every problem (each with file, line, service and field)."""

    def __init__(self, result: CheckResult) -> None:
        errors = result.errors or result.problems
        lines = [str(p) for p in errors]
        super().__init__(f"{result.file}: not a usable pathway ({len(lines)} error(s)):\n  " + "\n  ".join(lines))
        self.result = result


def load_pathway(path: str | Path) -> Pathway:
    """The checked pathway; raises PathwayError listing every error (warnings do not stop it).

    An unchanged file that passed before comes from the validated-form cache (pairaid.pathway.cache).
    """
    try:
        data = read_bytes(path, kind="pathway")
    except InputFileError:
        data = None  # check_file below says what is wrong with it
    key = cache_key(data) if data is not None else None
    if key is not None and (cached := read_cached(key)) is not None:
        return cached
    try:
        text = data.decode("utf-8") if data is not None else None
    except UnicodeDecodeError:
        text = None
    # check_file names the problem (missing, a folder, not UTF-8) when the bytes could not be read or decoded
    result = check_text(text, str(path)) if text is not None else check_file(path)
    if result.pathway is None or result.errors:
        raise PathwayError(result)
    if key is not None:
        write_cached(key, result.pathway)
    return result.pathway
