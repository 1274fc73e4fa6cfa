"""A faster answer to PySide6's question "does this module use PySide6?", asked of every module imported.

PySide6 (PYSIDE-2029) asks it of each module imported once PySide6 is loaded, to support `from __feature__
import ...`, by reading the module's source with `inspect.getsource` and looking for "PySide6". That
tokenises whole files: after the window's first paint, loading pydantic, SQLite and the core imports about
130 modules and spent 16 ms of start-up in that check alone. Reading the file's bytes and looking for the same
word gives the same answer for a module with a .py file in a fraction of the time; anything else goes to
PySide6's own check. Installed once, best effort: if PySide6 changes its internals, nothing is replaced.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

FEATURE_MODULE = "shibokensupport.feature"


def _faster(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def mod_uses_pyside(module: ModuleType) -> bool:
        spec = getattr(module, "__spec__", None)  # its origin is the module's file, for a module loaded from one
        file = getattr(spec, "origin", None)
        if not isinstance(file, str) or not file.endswith(".py"):
            return original(module)
        try:
            with open(file, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return original(module)

    mod_uses_pyside.pairaid_original = original  # type: ignore[attr-defined]
    return mod_uses_pyside


def install() -> bool:
    """Replace the check (PySide6 must be imported first); True when it is in place."""
    feature = sys.modules.get(FEATURE_MODULE)
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original):
        return False
    if not hasattr(original, "pairaid_original"):
        feature._mod_uses_pyside = _faster(original)  # type: ignore[attr-defined]
    return True
