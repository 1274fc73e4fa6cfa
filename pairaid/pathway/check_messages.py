"""What a pathway checker's problems are called: pydantic's errors in words a commissioner can act on, with
"did you mean" suggestions, and unions' many branch errors pruned to the one that fits. The words shared with
the assessment's checks are pairaid.core.errors'; only those that differ for YAML authors are here."""

from __future__ import annotations

import difflib
from functools import lru_cache
from typing import Any

from pairaid.core.errors import problem
from pairaid.core.pathway import Pathway

_UNION_TAG = ("[", "(")


@lru_cache(maxsize=1)
def _known_fields() -> tuple[str, ...]:
    names: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "properties" and isinstance(value, dict):
                    names.update(value)
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(Pathway.model_json_schema())
    return tuple(sorted(names))


def clean_loc(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """The loc without pydantic's union-branch tags such as "literal['relationship']"."""
    return tuple(p for p in loc if not (isinstance(p, str) and any(c in p for c in _UNION_TAG)))


def _choices(expected: str) -> list[str]:
    return [c.strip().strip("'") for c in expected.replace(" or ", ", ").split(",") if c.strip()]


def suggest(value: Any, options: list[str] | tuple[str, ...]) -> str:
    close = difflib.get_close_matches(str(value), options, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _what(loc: tuple[Any, ...]) -> str:
    """What kind of id a field holds, for messages about unknown ids."""
    names = [p for p in loc if isinstance(p, str)]
    last = names[-1] if names else ""
    if last == "level" or last == "service_level":
        return "level"
    if last in ("needs", "serves", "service_need"):
        return "need tag"
    if last == "requires_needs":
        return "need (one of the family's other needs)"
    if last in ("domain", "domains"):
        return "observation area (domain)"
    return "value"


# How a pathway's authors write values (YAML), where it differs from the assessment's JSON (core.errors.WORDS).
YAML_WORDS = {
    "missing": "is required but missing; add it",
    "date": "{value} is not a date; write it as YYYY-MM-DD, e.g. 2027-05-26",
    "bool": "{value} should be true or false",
    "list": "{value} should be a list, e.g. [a, b]",
    "object": "{value} should be a group of named fields (a mapping)",
}


def message(error: dict[str, Any]) -> str:
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    loc = clean_loc(tuple(error["loc"]))
    if kind == "extra_forbidden":
        key = loc[-1] if loc else value
        return (
            f"'{key}' is not a field pairaid knows{suggest(key, _known_fields())}; fix the spelling or remove it "
            "(unknown fields are refused so nothing is silently lost)"
        )
    if kind == "literal_error":
        options = _choices(str(ctx.get("expected", "")))
        what = _what(loc)
        if what == "value":
            return f"'{value}' is not allowed here; use one of {', '.join(options)}"
        shown = ", ".join(options)
        return f"'{value}' is not a known {what}{suggest(value, options)}; use one of {shown}"
    if kind == "string_pattern_mismatch":
        return (
            f"'{value}' is not a usable id; use lower-case letters, digits, '-' and '_' only, starting with a "
            "letter or digit, e.g. family-hubs"
        )
    if kind in ("string_type",) and isinstance(value, (int, float, bool)):
        return f"{value!r} should be text; put it in quotes, e.g. \"{value}\""
    if kind == "string_too_short":
        return "is empty; write the text people will read here"
    if kind == "too_short":
        return "needs at least one entry"
    return problem(error, YAML_WORDS)


def prune_union_errors(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Pydantic reports a bad value against every branch of a union; keep the branch that fits best."""
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    plain: list[dict[str, Any]] = []
    for error in errors:
        loc = tuple(error["loc"])
        cut = next((i for i, p in enumerate(loc) if isinstance(p, str) and any(c in p for c in _UNION_TAG)), None)
        if cut is None:
            plain.append(error)
        else:
            groups.setdefault(loc[:cut], []).append(error)
    for group in groups.values():
        deepest = max(len(e["loc"]) for e in group)
        best = [e for e in group if len(e["loc"]) == deepest]
        if len(best) > 1:
            best = [e for e in best if not e["type"].endswith("_type")] or best[:1]
        plain.extend(best[:1] if len({clean_loc(tuple(e["loc"])) for e in best}) == 1 else best)
    return plain
