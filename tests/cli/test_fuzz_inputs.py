"""Property: whatever a file or a command line holds, pairaid answers with a result or a message, never a traceback.

One hypothesis test per input format (assessment JSON, pathway YAML, bundle, command-line arguments; Open Referral UK
feeds in tests/pathway). Each mutates a valid input at random places with values chosen to break parsers and models (huge
numbers, deep nesting, wrong types, markup, control characters, odd Unicode) and runs the real command in-process.
An unexpected exception fails the test with the example that caused it; pytest-timeout turns a hang into a failure.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pairaid.cli import main
from pairaid.pathway.check import CheckResult, check_text
from pairaid.resources import default_pathway_path
from tests.core.builders import visit

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)

_ODD_TEXT = st.sampled_from(
    ["", " ", "<b>", "a<b", "&amp;", "\x00", "\u202e", "محمد", "Zoë", "1e999", "NaN", "2026-13-45", "-1", "yes",
     "null", "{", "../../etc/passwd", "\ud7ff" * 3, "x" * 300]
)
_NUMBERS = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from([0, -1, 31, 2**63, -(2**63) - 1, 1e308, 10**4000]),
)
_LEAVES = st.one_of(st.none(), st.booleans(), _NUMBERS, _ODD_TEXT, st.text(max_size=30))
JSON_VALUES = st.recursive(
    _LEAVES,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(_ODD_TEXT, children, max_size=4)),
    max_leaves=12,
) | st.sampled_from([[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]], {"a": {"b": {"c": {"d": {}}}}}])


def _is_container(value: Any) -> bool:
    return isinstance(value, dict | list)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON value that a mutation can replace."""
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _paths(child, (*prefix, index))
    return found


def _replace(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    copied = copy.deepcopy(value)
    here = copied
    for part in path[:-1]:
        here = here[part]
    here[path[-1]] = new
    return copied


@st.composite
def mutated(draw: st.DrawFn, base: Any) -> Any:
    """`base` with one to three places replaced by nasty values (or a new nasty key added)."""
    value = base
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        paths = _paths(value)
        path = draw(st.sampled_from(paths))
        target = value
        for part in path:
            target = target[part]
        # half the time swap the kind (a list where an object was, a number where a list was): the usual breakage
        if draw(st.booleans()):
            replacement = draw(_LEAVES if isinstance(target, dict | list) else JSON_VALUES.filter(_is_container))
        else:
            replacement = draw(JSON_VALUES)
        if isinstance(target, dict) and draw(st.booleans()):
            path = (*path, draw(_ODD_TEXT | st.sampled_from(["note", "rating", "status", "total"])))
        value = _replace(value, path, replacement)
    return value


RICH_VISIT = visit(
    family={"baby": {"name": "Zoë Brontë", "date_of_birth": "2026-10-01", "nhs_number": "943 476 5919"},
            "carers": [{"name": "Şükrü Öztürk", "relationship": "father", "language": "Turkish"}],
            "postcode": "B15 2TT"},
    observations={"warmth": {"rating": "some_concern", "note": "Looked away when the baby cried."},
                  "responding": {"rating": "strength"}},
    parent_voice={"asked": True, "words": "Some days are hard.", "wants_help": "yes", "barriers": ["practical"]},
    mood={"whooley": {"low_mood": True, "little_interest": False}, "gad2": {"nervous": 1, "worrying": 1},
          "epds": {"total": 11, "self_harm_item": 0}},
    needs={"housing": {"status": "current", "note": "Damp flat."}},
    strengths=["family_network"],
    safeguarding={"indicators": []},
    decision={"selected_services": ["acacia"], "next_steps": "Visit again in two weeks."},
)


def _write(folder: str, name: str, data: Any) -> str:
    path = Path(folder) / name
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    return str(path)


def _quiet_main(args: list[str]) -> int:
    """Exit code of the command, its output thrown away (capsys is not reset between hypothesis examples)."""
    sink = io.StringIO()
    with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
        try:
            return main(args)
        except SystemExit as exc:  # argparse's own usage errors exit 2 with a message
            return exc.code if isinstance(exc.code, int) else 2


@pytest.mark.timeout(300)
@FUZZ
@given(data=mutated(RICH_VISIT))
def test_any_assessment_file_gives_a_result_or_a_message(data: Any) -> None:
    with tempfile.TemporaryDirectory() as folder:
        file = _write(folder, "visit.json", data)
        assert _quiet_main(["assess", file, "--json"]) in (0, 1)


_YAML_SNIPPETS = st.sampled_from(
    ["&a [1, 2]", "*a", "!!int abc", "!!timestamp nope", "<<: *a", "{", "}", "- ", ": ", "\t", "? [x]", "'",
     '"\\x"', "!!binary AAAA", "!!python/object:os.system {}", "2027-05-26T10:00:00", ".inf", "~", "yes", "0x1F",
     "9" * 5000, "[" * 200, "%TAG ! tag:x,2000:", "---", "...", "# comment"]
)


@st.composite
def mutated_pathway_text(draw: st.DrawFn) -> str:
    lines = default_pathway_path().read_text(encoding="utf-8").splitlines()
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        index = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        action = draw(st.sampled_from(["replace-value", "insert", "delete", "duplicate"]))
        line = lines[index]
        if action == "replace-value" and ":" in line:
            key = line.split(":", 1)[0]
            lines[index] = f"{key}: {draw(_YAML_SNIPPETS)}"
        elif action == "insert":
            indent = " " * (len(line) - len(line.lstrip()))
            lines.insert(index, f"{indent}{draw(_YAML_SNIPPETS)}")
        elif action == "delete":
            del lines[index]
        else:
            lines.insert(index, line)
    return "\n".join(lines) + "\n"


@pytest.mark.timeout(300)
@FUZZ
@given(text=mutated_pathway_text())
def test_any_pathway_text_gives_a_check_result(text: str) -> None:
    result = check_text(text, "mutated.yaml")
    assert isinstance(result, CheckResult)
    assert result.ok == (result.pathway is not None and not result.errors)


_BUNDLE = {
    "format": "pairaid.bundle/1", "exported_at": "2026-11-26T10:00:00+00:00", "app_version": "0.1.0",
    "deidentified": False, "pathway": {"id": "birmingham", "version": "2026.11"},
    "record": {"id": "8c0e2c9e-52a1-4c7e-9d55-1f4f4a7c0b11", "version": 3, "status": "final",
               "created_at": "2026-11-20T09:00:00+00:00", "updated_at": "2026-11-20T10:00:00+00:00",
               "finalised_at": "2026-11-20T10:00:00+00:00", "amendment_of": None, "amended_by": None,
               "signed_off": False, "summary": {"baby_name": "Zoë Brontë", "suggested_level": "targeted"},
               "data": RICH_VISIT},
    "outcome": None, "reviews": [], "sha256": "0" * 64,
}


@pytest.mark.timeout(300)
@FUZZ
@given(data=mutated(_BUNDLE))
def test_any_bundle_is_imported_or_refused_with_a_message(data: Any) -> None:
    with tempfile.TemporaryDirectory() as folder:
        file = _write(folder, "visit.pairaid", data)
        data_dir = str(Path(folder) / "data")
        assert _quiet_main(["records", "--data-dir", data_dir, "import", file]) in (0, 1)


_WORDS = st.sampled_from(
    ["assess", "summary", "pathway", "check", "services", "schema", "import-oruk", "export-hsds", "need", "records",
     "list", "show", "export", "import", "review", "audit", "--json", "--limit", "1e23", "-5", "--level",
     "targeted", "--postcode", "B15 2TT", "--copy", "parent", "--recipient", "--under-twos", "30672", "-1",
     "99999999999999999999999", "--text", "Zoë", "--from", "2026-13-01", "--to", "nope", "--verdict", "agree",
     "--reviewer", "x", "--sign-off", "--supervision", "--status", "final", "-o", "--pathway", "missing.yaml",
     "8c0e2c9e", "", "-", "--", "--help-me"]
)


@pytest.mark.timeout(300)
@FUZZ
@given(words=st.lists(_WORDS, min_size=1, max_size=6))
def test_any_command_line_gives_a_result_or_a_message(words: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder, pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.chdir(folder)
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"")))
        args = ["--data-dir", str(Path(folder) / "data"), *words]
        assert _quiet_main(args) in (0, 1, 2)
