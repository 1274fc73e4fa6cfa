"""Every public Store method is guarded: a fault of the database reaches callers as a StoreError that says what
to do, never as a bare sqlite3 exception in a crash dialog.

`guarded` is a class decorator that wraps every public method the class has (its own and its mixins'), so a method
added later is guarded without anyone remembering to list it.
"""

from __future__ import annotations

import functools
import inspect
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from pairaid.store.errors import StoreCorruptError

T = TypeVar("T", bound=type)

# Methods that must work on a broken connection (closing it) or are not database calls.
UNGUARDED = frozenset({"close"})
GUARD_MARK = "__pairaid_guarded__"


def translate(exc: sqlite3.DatabaseError, path: Path) -> Exception | None:
    """The StoreError to raise for a database fault found after opening, or None when the method handles
    `exc` itself (IntegrityError, OperationalError: its own case)."""
    if type(exc) is not sqlite3.DatabaseError:
        return None
    return StoreCorruptError(
        path, f"the database is damaged ({exc}). Close pairaid and start it again: it will offer to set the "
        "damaged file aside, and your IT service desk can restore a backup")


def _guard(method: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(method)
    def guarded_method(self: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.DatabaseError as exc:
            error = translate(exc, self.path)
            if error is None:
                raise
            raise error from None

    setattr(guarded_method, GUARD_MARK, True)
    return guarded_method


def public_methods(cls: type) -> list[str]:
    """Names of the plain public methods of `cls` and its bases (not properties, class or static methods)."""
    return [
        name for name in dir(cls)
        if not name.startswith("_") and inspect.isfunction(inspect.getattr_static(cls, name))
    ]


def guarded(cls: T) -> T:
    """Wrap every public method of `cls` (see the module docstring)."""
    for name in public_methods(cls):
        if name not in UNGUARDED:
            method = getattr(cls, name)
            if not getattr(method, GUARD_MARK, False):
                setattr(cls, name, _guard(method))
    return cls


def is_guarded(method: Any) -> bool:
    return bool(getattr(method, GUARD_MARK, False))
