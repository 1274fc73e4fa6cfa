"""The hazard log stays a true record: every hazard has its row in the summary table and its section, once,
and every test it names as showing a mitigation exists. A renamed or deleted test must be renamed in the log
too, or the clinical safety officer would sign off a mitigation nothing checks any more."""

from __future__ import annotations

import ast
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOG = ROOT / "docs" / "hazard-log.md"
NAMED_TEST = re.compile(r"`(tests/[\w/]+\.py)(?:::(\w+)(?:::(\w+))?)?(?:\[[^\]`]*\])?`")


def _log() -> str:
    return LOG.read_text(encoding="utf-8")


def _defined(path: Path) -> set[str]:
    """Names of the functions and classes (and `Class::method`) that the test file defines."""
    names: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            names.add(node.name)
        elif isinstance(node, ast.ClassDef):
            names.add(node.name)
            names.update(f"{node.name}::{item.name}" for item in node.body if isinstance(item, ast.FunctionDef))
    return names


def test_every_hazard_has_one_section_and_one_summary_row() -> None:
    sections = Counter(re.findall(r"^### (H\d+) ", _log(), re.MULTILINE))
    rows = Counter(re.findall(r"^\| (H\d+) \|", _log(), re.MULTILINE))
    assert [h for h, n in sections.items() if n > 1] == [], "a hazard id used for two sections"
    assert [h for h, n in rows.items() if n > 1] == [], "a hazard id in two summary rows"
    assert set(sections) == set(rows), "a hazard without its summary row, or a row without its section"


def test_every_test_the_log_names_exists() -> None:
    named = NAMED_TEST.findall(_log())
    assert len(named) > 100  # the pattern still finds the log's references
    missing = []
    for path, name, method in named:
        file = ROOT / path
        if not file.is_file():
            missing.append(path)
        elif name and (f"{name}::{method}" if method else name) not in _defined(file):
            missing.append(f"{path}::{name}" + (f"::{method}" if method else ""))
    assert missing == [], "the hazard log names tests that do not exist (renamed or removed?)"
