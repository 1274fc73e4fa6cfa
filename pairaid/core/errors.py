"""Turn pydantic validation errors into messages a practitioner can act on: `field.path: problem`."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError


def error_path(loc: tuple[Any, ...]) -> str:
    """`('carers', 0, 'name')` -> `carers[0].name`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def _problem(error: Any) -> str:
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if kind in ("literal_error", "enum"):
        expected = str(ctx.get("expected", "")).replace("'", "").replace(" or ", ", ")
        return f"{value!r} is not one of {expected}"
    if kind == "extra_forbidden":
        return "is not a field pairaid knows; check the spelling (unknown fields are refused so nothing is lost)"
    if kind == "missing":
        return "is required but missing"
    if kind in ("value_error", "assertion_error"):
        message = str(ctx.get("error", error["msg"]))
        return message
    if kind in ("date_from_datetime_parsing", "date_parsing", "date_type", "date_from_datetime_inexact"):
        return f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-11-20"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        limits = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in ctx.items())
        return f"{value!r} is out of range ({limits})"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"{value!r} is not a whole number"
    if kind in ("bool_parsing", "bool_type"):
        return f"{value!r} is not true or false"
    if kind in ("string_type",):
        return f"{value!r} should be text"
    if kind in ("list_type",):
        return f"{value!r} should be a list, e.g. [\"a\", \"b\"]"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"{value!r} should be an object with named fields"
    return str(error["msg"])


def format_validation_error(exc: ValidationError) -> list[str]:
    """One readable line per problem, each naming the field."""
    lines = []
    for error in exc.errors():
        path = error_path(tuple(error["loc"]))
        problem = _problem(error)
        lines.append(f"{path}: {problem}" if path else problem)
    return lines
