"""One visit being edited: the draft as a JSON-like dict, undo/redo, best-effort validation, the live
outcome and autosave (docs/dev/ui-contract.md, "VisitSession").

Every input widget talks to the session through dotted paths ("family.carers.0.name"). Each change is a
QUndoCommand holding before/after snapshots of the draft: drafts are a few kilobytes, so snapshots are cheap
and make undo correct for any structural change (adding or removing a carer) without per-case code.
"""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import logging
import re
import time
import uuid
from collections.abc import Callable, Mapping
from typing import Any, Protocol

from pydantic import ValidationError
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from pairaid.core.assess import assess_with_pathway
from pairaid.core.assessment import FORMAT, Assessment, parse_assessment
from pairaid.core.errors import error_path, format_validation_error
from pairaid.core.outcome import Outcome
from pairaid.core.pathway import Pathway
from pairaid.ui.crash import log_failure

log = logging.getLogger(__name__)

MERGE_SECONDS = 1.0
AUTOSAVE_MS = 250
_MERGE_ID = 0x5E55
_MAX_REPAIRS = 100
_PATH_PREFIX = re.compile(r"^([a-z_]+(?:\.[a-z0-9_]+)+): (.+)$", re.S)

# Plain words for the required fields, shown instead of pydantic's "is required but missing".
_REQUIRED_MESSAGES = {
    "contact.date": "Enter the date of the visit.",
    "contact.type": "Choose the type of contact.",
    "family.baby": "Enter the baby's date of birth, or the due date for an antenatal contact.",
}
# A missing parent is reported as its missing required children, so each shows beside its own field.
_MISSING_PARTS = {"contact": ("contact.date", "contact.type")}


class DraftSaver(Protocol):
    """Where autosave goes. `save` returns the draft's new version (the shell wraps the store)."""

    def save(self, data: dict[str, Any]) -> int: ...


def path_words(path: str) -> str:
    """Undo text for a change made without words of its own: "family.carers.1.name" -> "change to carer 2 name"
    (input bindings give their label instead)."""
    parts: list[str] = []
    for part in split_path(path)[1:] or split_path(path):
        if isinstance(part, int):
            if parts:
                parts[-1] = f"{parts[-1].removesuffix('s')} {part + 1}"
            continue
        parts.append(part.replace("_", " "))
    return "change to " + " ".join(parts)


def split_path(path: str) -> list[str | int]:
    """`"family.carers.0.name"` -> `["family", "carers", 0, "name"]`."""
    if not path:
        return []
    return [int(part) if part.isdigit() else part for part in path.split(".")]


def join_path(parts: tuple[Any, ...] | list[Any]) -> str:
    return ".".join(str(p) for p in parts)


def get_path(data: Any, path: str, default: Any = None) -> Any:
    node = data
    for key in split_path(path):
        in_list = isinstance(key, int) and isinstance(node, list) and 0 <= key < len(node)
        in_dict = isinstance(key, str) and isinstance(node, dict) and key in node
        if in_list or in_dict:
            node = node[key]
        else:
            return default
    return node


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _prune(data: dict[str, Any], parts: list[str | int]) -> None:
    """Remove dicts left empty along `parts` (list items stay: removing a carer is explicit)."""
    for depth in range(len(parts) - 1, 0, -1):
        parent = get_path(data, join_path(parts[: depth - 1])) if depth > 1 else data
        key = parts[depth - 1]
        if isinstance(parent, dict) and isinstance(key, str) and parent.get(key) == {}:
            del parent[key]


def set_path(data: dict[str, Any], path: str, value: Any) -> None:
    """Set `value` at `path` in place, creating dicts and list slots on the way; an empty value removes."""
    parts = split_path(path)
    if not parts:
        raise ValueError("an empty path names the whole draft; use load()")
    if is_empty(value):
        remove_path(data, path)
        return
    node: Any = data
    for key, nxt in itertools.pairwise(parts):
        blank: Any = [] if isinstance(nxt, int) else {}
        if isinstance(key, int):
            while len(node) <= key:
                node.append({} if not isinstance(nxt, int) else [])
            if not isinstance(node[key], type(blank)):
                node[key] = blank
            node = node[key]
        else:
            if not isinstance(node.get(key), type(blank)):
                node[key] = blank
            node = node[key]
    last = parts[-1]
    if isinstance(last, int):
        while len(node) <= last:
            node.append(None)
        node[last] = copy.deepcopy(value)
    else:
        node[last] = copy.deepcopy(value)


def remove_path(data: dict[str, Any], path: str) -> None:
    parts = split_path(path)
    parent = get_path(data, join_path(parts[:-1])) if len(parts) > 1 else data
    last = parts[-1]
    if isinstance(last, int) and isinstance(parent, list) and 0 <= last < len(parent):
        parent.pop(last)
    elif isinstance(last, str) and isinstance(parent, dict):
        parent.pop(last, None)
    _prune(data, parts)


def _changed_path(path: str, before: dict[str, Any], after: dict[str, Any]) -> str:
    """The path to announce: a list whose length changed is announced whole (its indices shifted)."""
    parts = split_path(path)
    for depth, key in enumerate(parts):
        if isinstance(key, int):
            list_path = join_path(parts[:depth])
            if len(get_path(before, list_path, []) or []) != len(get_path(after, list_path, []) or []):
                return list_path
    return path


class _Edit(QUndoCommand):
    """One undoable change: the draft before and after. Consecutive edits of one path merge."""

    def __init__(self, session: VisitSession, path: str, before: dict[str, Any], after: dict[str, Any],
                 text: str, at: float) -> None:
        super().__init__(text)
        self.session = session
        self.path = path
        self.before = before
        self.after = after
        self.at = at
        self.announce = _changed_path(path, before, after) if path else ""

    def id(self) -> int:
        return _MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, _Edit) or not self.path or other.path != self.path:
            return False
        if other.at - self.at > MERGE_SECONDS:
            return False
        self.after = other.after
        self.at = other.at
        if self.after == self.before:
            self.setObsolete(True)
        return True

    def redo(self) -> None:
        self.session._apply(self.after, self.announce)

    def undo(self) -> None:
        self.session._apply(self.before, self.announce)


class VisitSession(QObject):
    data_changed = Signal(str)
    outcome_changed = Signal(object)
    problems_changed = Signal(dict)
    read_only_changed = Signal(bool)
    saved = Signal(int)
    save_failed = Signal(str)  # a plain message; the shell shows it (the draft stays dirty and is retried)

    def __init__(self, pathway: Pathway, saver: DraftSaver | None = None, parent: QObject | None = None, *,
                 clock: Callable[[], float] = time.monotonic, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.pathway = pathway
        self.saver = saver
        self.today = today
        self._clock = clock
        self.undo_stack = QUndoStack(self)
        self._data: dict[str, Any] = self._with_identity({})
        self._read_only = False
        self._dirty = False
        self.last_save_error: Exception | None = None
        self._assessment: Assessment | None = None
        self._outcome: Outcome | None = None
        self._problems: dict[str, str] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.flush)
        self._recompute(announce=False)

    # Reading ---------------------------------------------------------------------------------------

    def value(self, path: str, default: Any = None) -> Any:
        found = get_path(self._data, path, default)
        return copy.deepcopy(found) if isinstance(found, dict | list) else found

    def data(self) -> dict[str, Any]:
        return copy.deepcopy(self._data)

    def assessment(self) -> Assessment | None:
        return self._assessment

    def outcome(self) -> Outcome | None:
        return self._outcome

    def problems(self) -> dict[str, str]:
        return dict(self._problems)

    def is_read_only(self) -> bool:
        return self._read_only

    def is_dirty(self) -> bool:
        return self._dirty

    # Writing ---------------------------------------------------------------------------------------

    def set_value(self, path: str, value: Any, text: str | None = None) -> None:
        """Undoable; consecutive edits of one path within a second are one undo step. `text` is what Edit > Undo
        will say after "Undo", in words ("change to date of the visit")."""
        self.set_values({path: value}, text=text or path_words(path))

    def set_values(self, changes: Mapping[str, Any], text: str = "changes") -> None:
        """Several paths as one undo step (e.g. a level and its reason); `text` says what, in words."""
        if self._read_only:
            log.warning("ignored an edit to a read-only record")
            return
        after = copy.deepcopy(self._data)
        for path, value in changes.items():
            set_path(after, path, value)
        if after == self._data:
            return
        path = next(iter(changes)) if len(changes) == 1 else ""
        self.undo_stack.push(_Edit(self, path, copy.deepcopy(self._data), after, text, self._clock()))

    def load(self, data: dict[str, Any], *, read_only: bool = False) -> None:
        """Replace the draft (opening a record); clears undo and does not save."""
        self._timer.stop()
        self._dirty = False
        self.undo_stack.clear()
        self._data = self._with_identity(copy.deepcopy(data))
        self._set_read_only(read_only)
        self.data_changed.emit("")
        self._recompute()

    def set_read_only(self, read_only: bool) -> None:
        """After finalising (True): pending edits are saved first, and undo is cleared."""
        if read_only:
            self.flush()
            self.undo_stack.clear()
        self._set_read_only(read_only)

    def flush(self) -> None:
        """Save now if anything is unsaved (called by the timer, on focus-out and on close)."""
        self._timer.stop()
        if not self._dirty or self.saver is None or self._read_only:
            return
        try:
            version = self.saver.save(self.data())
        except Exception as exc:  # the store's own errors say what went wrong; keep the edits and retry
            log.error("autosave failed: %s", type(exc).__name__)
            self.last_save_error = exc
            self.save_failed.emit(str(exc) or type(exc).__name__)
            return
        self._dirty = False
        self.last_save_error = None
        self.saved.emit(int(version))

    # Internals -------------------------------------------------------------------------------------

    @staticmethod
    def _with_identity(data: dict[str, Any]) -> dict[str, Any]:
        data.setdefault("format", FORMAT)
        data.setdefault("id", str(uuid.uuid4()))
        return data

    def _set_read_only(self, read_only: bool) -> None:
        if read_only != self._read_only:
            self._read_only = read_only
            self.read_only_changed.emit(read_only)

    def _apply(self, data: dict[str, Any], announce: str) -> None:
        """Called by undo commands: install a snapshot, tell the pages, recompute, schedule a save."""
        self._data = copy.deepcopy(data)
        self.data_changed.emit(announce)
        self._recompute()
        self._dirty = True
        if self.saver is not None and not self._timer.isActive():
            self._timer.start()

    def _recompute(self, announce: bool = True) -> None:
        assessment, problems = best_effort_assessment(self._data, self.today)
        outcome = None
        if assessment is not None:
            try:
                outcome = assess_with_pathway(assessment, self.pathway, strict=False)
            except Exception as exc:  # a rule the pathway cannot evaluate must not take the editor down
                log_failure(log, "evaluating the draft failed", exc)
                problems.setdefault("", "The level could not be worked out; check the pathway file.")
        self._assessment = assessment
        if problems != self._problems:
            self._problems = problems
            if announce:
                self.problems_changed.emit(dict(problems))
        if outcome != self._outcome:
            self._outcome = outcome
            if announce:
                self.outcome_changed.emit(outcome)


def _error_path(loc: tuple[Any, ...], message: str) -> tuple[str, str]:
    """Dotted data path and message of one error; model-level errors carry their path in the message."""
    path = join_path(loc)
    if not path:
        found = _PATH_PREFIX.match(message)
        if found:
            return found.group(1), found.group(2)
    return path, message


def best_effort_assessment(
    data: dict[str, Any], today: dt.date | None = None
) -> tuple[Assessment | None, dict[str, str]]:
    """Validate the draft, dropping invalid optional parts until it passes.

    Returns the assessment (None while a required field is missing or wrong) and a problem per dotted
    path. Nothing is removed from the draft itself: the practitioner sees the problem beside the field.
    """
    candidate = copy.deepcopy(data)
    problems: dict[str, str] = {}
    for _ in range(_MAX_REPAIRS):
        try:
            return parse_assessment(candidate, today=today), problems
        except ValidationError as exc:
            errors = exc.errors()
            lines = format_validation_error(exc)
        progressed = False
        for error, line in zip(errors, lines, strict=True):
            loc = tuple(error["loc"])
            prefix = f"{error_path(loc)}: " if loc else ""
            path, message = _error_path(loc, line.removeprefix(prefix))
            path = _field_named(path, message, error["type"])
            if error["type"] == "missing" or path == "family.baby":
                for required in _MISSING_PARTS.get(path, (path,)):
                    problems.setdefault(required, _REQUIRED_MESSAGES.get(required, message))
            else:
                problems.setdefault(path, message)
            if _drop(candidate, path):
                progressed = True
        if not progressed:
            return None, problems
    return None, problems


_REQUIRED = {"format", "contact", "contact.date", "contact.type"}

# Checks across fields of one part, reported at the part, that belong beside one field: shown there, and only that
# field is set aside while the level is worked out (the whole baby would otherwise go, date of birth and all).
_CROSS_FIELD_CHECKS = {"family.baby": ("gestation_weeks",)}


def _field_named(path: str, message: str, kind: str) -> str:
    if kind == "missing":
        return path
    for field in _CROSS_FIELD_CHECKS.get(path, ()):
        if field in message:
            return f"{path}.{field}"
    return path


def _drop(candidate: dict[str, Any], path: str) -> bool:
    """Remove the deepest existing part of `path` that is not required; True when something went."""
    parts = split_path(path)
    while parts:
        dotted = join_path(parts)
        if dotted in _REQUIRED:
            return False
        if get_path(candidate, dotted, _MISSING) is not _MISSING:
            remove_path(candidate, dotted)
            return True
        parts = parts[:-1]
    return False


_MISSING = object()
