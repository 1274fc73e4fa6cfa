"""Turn pydantic validation errors into messages a practitioner can act on: `field.path: problem`."""

from __future__ import annotations

from collections.abc import Mapping
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


# The one table of pydantic error kinds and the words a person reads for them. `{value}` is the value given
# (repr), `{limits}` the range. A file format whose authors write values another way (pathway YAML) passes its
# own words for a few groups to `problem`; everything else is worded here.
_GROUPS: dict[str, str] = {
    "missing": "missing",
    "value_error": "own", "assertion_error": "own",
    "date_from_datetime_parsing": "date", "date_parsing": "date", "date_type": "date",
    "date_from_datetime_inexact": "date",
    "greater_than_equal": "range", "less_than_equal": "range", "greater_than": "range", "less_than": "range",
    "int_parsing": "int", "int_type": "int", "int_from_float": "int",
    "float_parsing": "float", "float_type": "float",
    "bool_parsing": "bool", "bool_type": "bool",
    "string_type": "text",
    "list_type": "list",
    "model_type": "object", "dict_type": "object", "model_attributes_type": "object",
}
WORDS: dict[str, str] = {
    "missing": "is required but missing",
    "date": "{value} is not a date; write it as YYYY-MM-DD, e.g. 2026-11-20",
    "range": "{value} is out of range ({limits})",
    "int": "{value} is not a whole number",
    "float": "{value} should be a number",
    "bool": "{value} is not true or false",
    "text": "{value} should be text",
    "list": "{value} should be a list, e.g. [\"a\", \"b\"]",
    "object": "{value} should be an object with named fields",
}


def problem(error: Any, words: Mapping[str, str] | None = None) -> str:
    """The words for one pydantic error (without its field); `words` replaces some of WORDS by group."""
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if kind in ("literal_error", "enum"):
        expected = str(ctx.get("expected", "")).replace("'", "").replace(" or ", ", ")
        return f"{value!r} is not one of {expected}"
    if kind == "extra_forbidden":
        return "is not a field pairaid knows; check the spelling (unknown fields are refused so nothing is lost)"
    group = _GROUPS.get(kind)
    if group == "own":
        return str(ctx.get("error", error["msg"]))
    if group is None:
        return str(error["msg"])
    template = (words or {}).get(group) or WORDS[group]
    limits = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in ctx.items())
    return template.format(value=repr(value), limits=limits)


def format_validation_error(exc: ValidationError) -> list[str]:
    """One readable line per problem, each naming the field."""
    lines = []
    for error in exc.errors():
        path = error_path(tuple(error["loc"]))
        text = problem(error)
        lines.append(f"{path}: {text}" if path else text)
    return lines
