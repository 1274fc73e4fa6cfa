"""Any ORUK input ends in a pathway, a reported fault or a refusal naming the file, never a traceback."""

from __future__ import annotations

import copy
import json
import math
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pairaid.core.input_files import InputFileError, parse_json
from pairaid.core.pathway import Service
from pairaid.pathway.oruk_feed import classify, gather
from pairaid.pathway.oruk_import import import_feed
from pairaid.pathway.oruk_report import import_report
from pairaid.pathway.writing import pathway_yaml
from pairaid.pathway.yamlread import read_yaml
from tests.pathway import oruk_feeds as feeds

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True), st.sampled_from([1e308, -1e308, 10**400, "", " "]),
    st.text(max_size=30), st.sampled_from(["six months", "<p>x &amp; y</p>", "0121 496 0999", "\ud800", "18"]),
)
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                        st.dictionaries(st.text(max_size=8), inner, max_size=3)),
                      max_leaves=8)
FIELDS = ["id", "name", "status", "description", "url", "email", "minimum_age", "maximum_age", "contacts",
          "organization", "attributes", "eligibilitys", "service_taxonomys", "languages", "cost_options",
          "service_at_locations", "phones", "application_process", "eligibility_description", "fees"]


def services() -> list[dict[str, Any]]:
    return [feeds.larkfield10(), feeds.kestrel30_body(), feeds.bumps30_body(), feeds.millbrook10()]


def set_path(data: Any, path: list[Any], value: Any) -> None:
    """Replace what sits at `path` (keys and indexes, followed as far as they go) with `value`."""
    for part in path[:-1]:
        in_list = isinstance(data, list) and isinstance(part, int) and part < len(data)
        if (isinstance(data, dict) and part in data) or in_list:
            data = data[part]
        else:
            return
    if isinstance(data, dict) or (isinstance(data, list) and isinstance(path[-1], int) and path[-1] < len(data)):
        data[path[-1]] = value


def run_whole_import(text: str) -> None:
    try:
        feed = gather([classify(parse_json(text, "fuzz.json"), "fuzz.json")])
    except (InputFileError, ValueError) as exc:  # OrukFileError is a ValueError
        assert str(exc).startswith("fuzz.json: ")
        return
    imported = import_feed(feed, source="fuzz")
    json.dumps(import_report(feed, imported, output="out.yaml"), ensure_ascii=False, default=str).encode("utf-8")
    for decision in imported.decisions:
        if decision.decision == "fault":
            assert decision.file == "fuzz.json" and decision.field and decision.reason
    written, _ = read_yaml(pathway_yaml(["fuzz"], {"format": "pairaid.pathway/1"}, imported.services))
    for service in written.get("services") or []:  # what was imported is a valid pathway service, as written
        Service.model_validate(service)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 3), st.lists(st.sampled_from([*FIELDS, 0, 1, "number", "taxonomy_term", "taxonomy"]),
                                   min_size=1, max_size=4), values)
def test_a_mutated_service_never_crashes_the_import(which: int, path: list[Any], value: Any) -> None:
    items = services()
    set_path(items[which], path, copy.deepcopy(value))
    page = {"totalPages": 1, "number": 1, "first": True, "last": True, "content": items}
    run_whole_import(json.dumps(page, allow_nan=True))


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["contents", "content", "total_pages", "last_page", "totalPages", "last", "id"]), values)
@example("total_pages", 10**400)  # found by this test: math.isfinite overflowed on a 401-digit whole number
def test_a_mutated_page_never_crashes_the_import(key: str, value: Any) -> None:
    page = {"total_pages": 1, "page_number": 1, "first_page": True, "last_page": True,
            "contents": [feeds.kestrel30_body()]}
    page[key] = copy.deepcopy(value)
    run_whole_import(json.dumps(page, allow_nan=True))


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=60))
def test_any_text_is_refused_or_read(text: str) -> None:
    run_whole_import(text)


def test_nasty_files_found_by_the_evaluation() -> None:
    body = feeds.kestrel30_body()
    for nasty in ({**body, "contacts": 5}, {**body, "maximum_age": 1e308}, {**body, "minimum_age": math.inf}):
        run_whole_import(json.dumps(nasty, allow_nan=True))
    run_whole_import('{"contents": ' + "[" * 50_000 + "]" * 50_000 + "}")
    run_whole_import(json.dumps(body).replace('"minimum_age": 16', '"minimum_age": 1' + "0" * 5000))
