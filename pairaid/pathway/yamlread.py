"""Read YAML into plain Python data while keeping the line of every key and list item.

PyYAML's own loader builds a node tree and then the data (slow at 10,000 services, and the marks are
lost); here the C parser's events are turned straight into dicts and lists, and each container's
key -> line (or index -> line) is kept aside so every problem can name its line.
Duplicate keys, which PyYAML silently collapses, are reported.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml import events as ev

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# YAML 1.1 implicit types as PyYAML resolves them (by first character, then pattern).
_RESOLVERS: dict[str | None, list[tuple[str, re.Pattern[str]]]] = yaml.resolver.Resolver.yaml_implicit_resolvers
_STR = "tag:yaml.org,2002:str"
# First characters of plain scalars that might not be text (numbers, dates, null, booleans); '' is null.
_PLAIN_FIRST = frozenset(k for k in _RESOLVERS if k is not None) | {""}


class YamlSyntaxError(ValueError):
    """The text is not YAML; line is 1-based."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.line = line


@dataclass
class Marks:
    """Where things are in the file: for each dict or list (by identity) its key/index -> 1-based line."""

    lines: dict[int, dict[Any, int]] = field(default_factory=dict)
    duplicate_keys: list[tuple[tuple[Any, ...], str, int]] = field(default_factory=list)

    def line_of(self, data: Any, path: tuple[Any, ...]) -> int | None:
        """Line of the deepest part of `path` found in `data` (parts that are not keys are skipped)."""
        line: int | None = None
        here = data
        for part in path:
            table = self.lines.get(id(here))
            if table is None:
                break
            in_dict = isinstance(here, dict) and part in here
            if in_dict or (isinstance(here, list) and isinstance(part, int) and 0 <= part < len(here)):
                line, here = table.get(part, line), here[part]
        return line


_constructor = yaml.constructor.SafeConstructor()

#: Most values (keys, scalars, lists, mappings) a file may stand for once its aliases are expanded: a pathway
#: of 10,000 services has about 400,000.
MAX_EXPANDED_VALUES = 2_000_000


def _construct(tag: str, value: str, event: ev.ScalarEvent) -> Any:
    """A scalar of an explicit or resolved YAML type; a value that is not of its type is a YamlSyntaxError."""
    try:
        return _constructor.construct_object(yaml.nodes.ScalarNode(tag, value))
    except Exception:  # PyYAML's constructors raise ValueError, TypeError or AttributeError on bad values
        name = tag.removeprefix("tag:yaml.org,2002:")
        raise YamlSyntaxError(
            f"the value {value[:40]!r} is marked as {name} (!!{name}) but is not one; remove the tag or fix the value",
            event.start_mark.line + 1 if event.start_mark else None,
        ) from None


def _scalar(event: ev.ScalarEvent) -> Any:
    value = event.value
    if event.tag not in (None, "!"):
        if event.tag == _STR:
            return value
        return _construct(event.tag, value, event)
    if event.style or not event.implicit[0]:
        return value  # quoted: always text
    for tag, pattern in _RESOLVERS.get(value[:1] if value else "", ()):
        if pattern.match(value):
            if tag == "tag:yaml.org,2002:null":
                return None
            if tag == "tag:yaml.org,2002:bool":
                return value.lower() in ("yes", "true", "on")
            if tag == "tag:yaml.org,2002:timestamp" and len(value) == 10:
                try:
                    return dt.date.fromisoformat(value)
                except ValueError:
                    return value
            return _construct(tag, value, event)
    return value


def read_yaml(text: str) -> tuple[Any, Marks]:
    """Data of a one-document YAML text and its marks; raises YamlSyntaxError.

    Written for speed (10,000 services): the container being filled, whether it is a dict, its line table,
    the pending key and its path live in local variables, and are pushed on a stack when a child opens.
    """
    marks = Marks()
    lines = marks.lines
    get = _Loader(text).get_event
    scalar_event, alias_event = ev.ScalarEvent, ev.AliasEvent
    map_start, seq_start = ev.MappingStartEvent, ev.SequenceStartEvent
    map_end, seq_end = ev.MappingEndEvent, ev.SequenceEndEvent
    plain_first = _PLAIN_FIRST
    no_key = _NO_KEY
    stack: list[tuple[Any, bool, dict[Any, int], Any, tuple[Any, ...]]] = []
    top: Any = None  # the container being filled (None before the root)
    top_is_dict = False
    top_lines: dict[Any, int] = {}
    pending: Any = no_key  # in a dict: the key waiting for its value
    path: tuple[Any, ...] = ()
    anchors: dict[str, Any] = {}
    # Aliases share one object, but everything after this reader walks them as copies: count the values the
    # file stands for, so a small file of nested aliases (an "alias bomb") is refused instead of hanging.
    anchor_sizes: dict[str, int] = {}
    open_anchors: dict[int, tuple[str, int]] = {}
    count = 0
    root: Any = None
    try:
        while True:
            event = get()
            kind = type(event)
            if kind is scalar_event:
                raw = event.value
                if raw == "<<" and not event.style and event.tag is None and top_is_dict and pending is no_key:
                    # yaml.safe_load would merge the named mapping in; refused, so whoever reads the file sees
                    # every field of a service where it stands
                    raise YamlSyntaxError(
                        "merge keys ('<<: *name') are not used in pathway files; write the fields out in full "
                        "(an anchor '&name' with an alias '*name' may still repeat a whole value)",
                        event.start_mark.line + 1)
                if event.style or event.tag is not None or not event.implicit[0]:
                    value = raw if event.tag in (None, "!", _STR) else _scalar(event)
                else:
                    value = _scalar(event) if raw[:1] in plain_first else raw
                if event.anchor:
                    anchors[event.anchor] = value
                    anchor_sizes[event.anchor] = 1
                count += 1
            elif kind is map_start or kind is seq_start:
                value = {} if kind is map_start else []
                if event.anchor:
                    anchors[event.anchor] = value
                    open_anchors[id(value)] = (event.anchor, count)
                count += 1
            elif kind is alias_event:
                value = anchors[event.anchor]
                size = anchor_sizes.get(event.anchor)
                if size is None:
                    raise YamlSyntaxError(
                        f"the alias *{event.anchor} is inside the part it names; a value cannot contain itself",
                        event.start_mark.line + 1,
                    )
                count += size
                if count > MAX_EXPANDED_VALUES:
                    raise YamlSyntaxError(
                        f"aliases (*{event.anchor}) make this file stand for more than {MAX_EXPANDED_VALUES:,} "
                        "values; write the repeated parts out instead of nesting aliases",
                        event.start_mark.line + 1,
                    )
            elif kind is map_end or kind is seq_end:
                if open_anchors and (opened := open_anchors.pop(id(top), None)) is not None:
                    anchor_sizes[opened[0]] = count - opened[1]
                top, top_is_dict, top_lines, pending, path = stack.pop()
                continue
            elif kind is ev.StreamEndEvent:
                break
            elif kind is ev.DocumentStartEvent and root is not None:
                raise YamlSyntaxError(
                    "the file holds more than one YAML document (a line '---' in the middle); keep one",
                    event.start_mark.line + 1,
                )
            else:
                continue
            # place the value
            if top is None:
                root = value
                slot: Any = None
            elif top_is_dict:
                if pending is no_key:  # this value is a key
                    line = event.start_mark.line + 1
                    if kind is not scalar_event:
                        raise YamlSyntaxError("a key must be a plain word, not a list or mapping", line)
                    if value in top:
                        marks.duplicate_keys.append((path, str(value), line))
                    top_lines[value] = line
                    pending = value
                    continue
                top[pending] = value
                slot, pending = pending, no_key
            else:
                slot = len(top)
                top_lines[slot] = event.start_mark.line + 1
                top.append(value)
            if kind is map_start or kind is seq_start:
                stack.append((top, top_is_dict, top_lines, pending, path))
                path = (*path, slot) if top is not None else ()
                top, top_is_dict, top_lines, pending = value, kind is map_start, {}, no_key
                lines[id(value)] = top_lines
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise YamlSyntaxError(f"not valid YAML: {exc.problem or exc.context}", line) from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(f"not valid YAML: {exc}", None) from None
    except KeyError as exc:
        raise YamlSyntaxError(f"the alias *{exc.args[0]} names no anchor", None) from None
    except TypeError:
        raise YamlSyntaxError("a key must be a plain word, not a list or mapping", None) from None
    return root, marks


class _NoKey:
    __slots__ = ()


_NO_KEY = _NoKey()
