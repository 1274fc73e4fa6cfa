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


def _scalar(event: ev.ScalarEvent) -> Any:
    value = event.value
    if event.tag not in (None, "!"):
        if event.tag == _STR:
            return value
        return _constructor.construct_object(yaml.nodes.ScalarNode(event.tag, value))
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
            return _constructor.construct_object(yaml.nodes.ScalarNode(tag, value))
    return value


def read_yaml(text: str) -> tuple[Any, Marks]:
    """Data of a one-document YAML text and its marks; raises YamlSyntaxError."""
    marks = Marks()
    lines = marks.lines
    parser = _Loader(text)
    get = parser.get_event
    stack: list[Any] = []  # containers being filled
    keys: list[Any] = []  # for dicts: the pending key (or _NO_KEY); for lists: None
    paths: list[tuple[Any, ...]] = []
    anchors: dict[str, Any] = {}
    root: Any = None
    no_key = _NO_KEY
    try:
        while True:
            event = get()
            kind = type(event)
            if kind is ev.ScalarEvent or kind is ev.MappingStartEvent or kind is ev.SequenceStartEvent \
                    or kind is ev.AliasEvent:
                if kind is ev.ScalarEvent:
                    value = _scalar(event)
                elif kind is ev.AliasEvent:
                    value = anchors[event.anchor]
                else:
                    value = {} if kind is ev.MappingStartEvent else []
                if event.anchor and kind is not ev.AliasEvent:
                    anchors[event.anchor] = value
                line = event.start_mark.line + 1
                slot: Any = None
                if not stack:
                    root = value
                else:
                    parent = stack[-1]
                    if type(parent) is dict:
                        key = keys[-1]
                        if key is no_key:  # this value is a key
                            if kind is not ev.ScalarEvent:
                                raise YamlSyntaxError("a key must be a plain word, not a list or mapping", line)
                            keys[-1] = value
                            if value in parent:
                                marks.duplicate_keys.append((paths[-1], str(value), line))
                            lines[id(parent)][value] = line
                            continue
                        parent[key] = value
                        keys[-1] = no_key
                        slot = key
                    else:
                        slot = len(parent)
                        lines[id(parent)][slot] = line
                        parent.append(value)
                if kind is ev.MappingStartEvent or kind is ev.SequenceStartEvent:
                    path = (*paths[-1], slot) if stack else ()
                    stack.append(value)
                    keys.append(no_key if kind is ev.MappingStartEvent else None)
                    paths.append(path)
                    lines[id(value)] = {}
            elif kind is ev.MappingEndEvent or kind is ev.SequenceEndEvent:
                stack.pop()
                keys.pop()
                paths.pop()
            elif kind is ev.StreamEndEvent:
                break
            elif kind is ev.DocumentStartEvent and root is not None:
                raise YamlSyntaxError(
                    "the file holds more than one YAML document (a line '---' in the middle); keep one",
                    event.start_mark.line + 1,
                )
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
