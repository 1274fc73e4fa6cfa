"""Read the files of one Open Referral UK feed: ORUK 1.0 `/services` pages, ORUK 3.0 list pages and
`/services/{id}` bodies, in any mix, and gather their services by id.

A file that is not JSON or not ORUK is refused with its name and the position of the problem (OrukFileError).
Problems of one service (an item that is not an object, a missing or duplicated id) are Faults: that service is
skipped, the rest are read. A list item and a body with the same id are merged, the body winning; two list
items, or two bodies, with one id are a duplicate and both are skipped, never renamed.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pairaid.core import input_files

_SURROGATE = re.compile("[\ud800-\udfff]")
_SERVICE_KEYS = frozenset({"name", "status", "description", "url", "email", "organization", "contacts",
                           "attributes", "service_at_locations", "eligibilitys", "service_taxonomys"})


class OrukFileError(ValueError):
    """A file that cannot be read as ORUK; the message names the file and where the problem is."""


@dataclass(frozen=True)
class Fault:
    """One service that could not be read as published: skipped, never guessed."""

    file: str
    position: str
    service_id: str | None
    name: str | None
    field: str
    value: Any
    message: str


@dataclass(frozen=True)
class FeedFile:
    file: str
    kind: str  # "ORUK 1.0 service page" | "ORUK 3.0 service page" | "service list" | "single service"
    page: int | None = None
    total_pages: int | None = None
    first: bool | None = None
    last: bool | None = None
    total_items: int | None = None
    items: tuple[tuple[str, Any], ...] = ()  # (position in the file, the raw item)

    @property
    def is_page(self) -> bool:
        return self.kind.endswith("page")


@dataclass(frozen=True)
class FeedService:
    """One service of the feed, as published (a list item merged with its body when both were given)."""

    service_id: str
    data: dict[str, Any]
    file: str
    position: str
    merged_from: tuple[str, ...] = ()  # "file position" of each part merged, when there was more than one


@dataclass
class Feed:
    files: list[FeedFile] = field(default_factory=list)
    services: list[FeedService] = field(default_factory=list)
    faults: list[Fault] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    complete: bool = False  # True only when list pages were given and none is missing

    @property
    def read(self) -> int:
        return sum(len(f.items) for f in self.files)


def shown(value: Any) -> Any:
    """A value as it may appear in a message or a JSON report: scalars as they are (long text cut), containers
    described, never walked (a deeply nested value must not recurse)."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int):
        text = str(value) if value.bit_length() < 200 else f"a whole number of {len(str(abs(value)))} digits"
        return value if text.lstrip("-").isdigit() else text
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, str):
        value = value.encode("utf-8", "backslashreplace").decode("utf-8")  # broken text must not break a report
        return value if len(value) <= 120 else value[:117] + "..."
    if isinstance(value, list):
        return f"a list of {len(value)} item(s)"
    if isinstance(value, dict):
        return f"an object with {len(value)} field(s)"
    return type(value).__name__


def _kind_of(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return f"a number ({shown(value)})"
    if isinstance(value, str):
        return f"text ('{shown(value)}')"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "null"


def _whole(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(value, float) and not math.isfinite(value):  # math.isfinite overflows on a 400-digit int
        return None
    return int(value) if value == int(value) and 0 <= value < 10**9 else None


def _flag(value: Any) -> bool | None:
    return value if isinstance(value, bool) else None


def classify(data: Any, file: str) -> FeedFile:
    """What kind of ORUK file `data` is, with its paging facts and its items."""
    if isinstance(data, list):
        return FeedFile(file, "service list", items=tuple((f"[{i}]", item) for i, item in enumerate(data)))
    if not isinstance(data, dict):
        raise OrukFileError(f"{file}: top level: expected a /services page or a service (a JSON object), "
                            f"found {_kind_of(data)}")
    for key, kind, names in (("contents", "ORUK 3.0 service page",
                              ("page_number", "total_pages", "first_page", "last_page", "total_items")),
                             ("content", "ORUK 1.0 service page",
                              ("number", "totalPages", "first", "last", "totalElements"))):
        if key not in data:
            continue
        items = data[key]
        if items is None:
            items = []
        if not isinstance(items, list):
            raise OrukFileError(f"{file}: {key}: expected the list of services, found {_kind_of(items)}")
        number, total, first, last, count = (data.get(n) for n in names)
        return FeedFile(file, kind, page=_whole(number), total_pages=_whole(total), first=_flag(first),
                        last=_flag(last), total_items=_whole(count),
                        items=tuple((f"{key}[{i}]", item) for i, item in enumerate(items)))
    if "id" in data and _SERVICE_KEYS.intersection(data):
        return FeedFile(file, "single service", items=(("top level", data),))
    keys = ", ".join(sorted(str(k) for k in data)[:8]) or "none"
    raise OrukFileError(
        f"{file}: top level: not an Open Referral UK file: expected a /services page (with `contents` or "
        f"`content`), a list of services, or one service with `id` and `name` (found the fields: {keys})"
    )


def _id_of(item: dict[str, Any]) -> str | None:
    value = item.get("id")
    if isinstance(value, bool):
        return None
    if isinstance(value, int) or (isinstance(value, float) and math.isfinite(value) and value == int(value)):
        return str(int(value))
    if isinstance(value, str) and value.strip() and value.isprintable() and not _SURROGATE.search(value):
        return value.strip()
    return None


def name_of(item: dict[str, Any]) -> str | None:
    name = item.get("name")
    if isinstance(name, str) and name.strip() and not _SURROGATE.search(name):
        return name.strip()
    return None


def _check_pages(feed: Feed) -> None:
    """Warn when a paged feed is incomplete; the feed is complete only when every page was given."""
    pages = [f for f in feed.files if f.is_page]
    complete = bool(pages)
    for kind in sorted({f.kind for f in pages}):
        group = [f for f in pages if f.kind == kind]
        numbers = {f.page for f in group if f.page is not None}
        total = max((f.total_pages for f in group if f.total_pages is not None), default=None)
        has_last = any(f.last for f in group)
        says_more = [f for f in group if f.last is False]
        if says_more and not has_last:
            page = says_more[-1]
            where = f"page {page.page}" if page.page is not None else "a page"
            of = f" of {total}" if total is not None else ""
            feed.warnings.append(
                f"{page.file}: {where}{of} says more pages follow, but the last page was not given: services on "
                "the missing pages are not imported. Download every page and run the import again with all of them"
            )
            complete = False
        elif total is not None and len(numbers) < total:
            feed.warnings.append(
                f"the {kind}s given are {len(numbers)} of the {total} pages the feed says it has: services on "
                "the missing pages are not imported"
            )
            complete = False
        elif not has_last and not says_more:
            complete = False  # no paging facts at all: whether pages are missing cannot be told
        counts = [f.total_items for f in group if f.total_items is not None]
        given = sum(len(f.items) for f in group)
        if complete and counts and max(counts) != given:
            feed.warnings.append(f"the {kind}s say the feed has {max(counts)} services, but they list {given}")
    feed.complete = complete


def gather(files: list[FeedFile]) -> Feed:
    """The feed's services by id, with faults for items that are not services or share an id."""
    feed = Feed(files=list(files))
    parts: dict[str, list[tuple[FeedFile, str, dict[str, Any]]]] = {}
    for source in files:
        for position, item in source.items:
            if not isinstance(item, dict):
                feed.faults.append(Fault(source.file, position, None, None, position, shown(item),
                                         f"expected a service (a JSON object), found {_kind_of(item)}"))
                continue
            sid = _id_of(item)
            if sid is None:
                feed.faults.append(Fault(source.file, position, None, name_of(item), "id", shown(item.get("id")),
                                         "the service has no id, so it cannot be told apart or kept up to date"))
                continue
            parts.setdefault(sid.lower(), []).append((source, position, item))
    for group in parts.values():
        lists = [p for p in group if p[0].kind != "single service"]
        bodies = [p for p in group if p[0].kind == "single service"]
        if len(lists) > 1 or len(bodies) > 1:
            places = ", ".join(f"{f.file} {pos}" for f, pos, _ in group)
            for source, position, item in group:
                feed.faults.append(Fault(
                    source.file, position, _id_of(item), name_of(item), "id", _id_of(item),
                    f"the id is used by {len(group)} services ({places}); all of them are skipped, since which "
                    "one is right cannot be told. Ask the publisher to correct the feed"))
            continue
        data: dict[str, Any] = {}
        for _, _, item in (*lists, *bodies):  # the body (fuller, from /services/{id}) wins
            data.update(item)
        source, position, item = (bodies or lists)[0]
        merged = tuple(f"{f.file} {pos}" for f, pos, _ in (*lists, *bodies)) if len(group) > 1 else ()
        feed.services.append(FeedService(_id_of(item) or "", data, source.file, position, merged))
    _check_pages(feed)
    return feed


def read_feed(paths: list[Path]) -> Feed:
    """Read every file of one feed; OrukFileError for the first file that is not JSON or not ORUK."""
    seen: set[Path] = set()
    files = []
    for path in paths:
        resolved = path.resolve()
        if resolved in seen:
            raise OrukFileError(f"{path}: given twice; give each file of the feed once")
        seen.add(resolved)
        try:
            # bounded in size, kind and depth; NaN and 5,000-digit numbers refused, all with the file's name
            data = input_files.parse_json(input_files.read_text(path, kind="oruk"), path.name)
        except input_files.InputFileError as exc:
            raise OrukFileError(str(exc)) from None
        files.append(classify(data, path.name))
    return gather(files)
