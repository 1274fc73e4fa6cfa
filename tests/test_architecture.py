"""The layers of architecture.md, enforced by reading every import (including those inside functions)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "pairaid"
FRAMEWORKS = {"PySide6", "shiboken6", "sqlite_utils", "sqlite3", "reportlab", "yaml", "platformdirs"}

# layer -> (pairaid layers it may import, frameworks it may import)
ALLOWED: dict[str, tuple[set[str], set[str]]] = {
    "core": ({"core", "resources"}, set()),
    "pathway": ({"core", "pathway", "resources", "commands"}, {"yaml"}),
    "store": ({"core", "store", "resources"}, {"sqlite_utils", "sqlite3", "platformdirs"}),
    "report": ({"core", "report", "resources"}, {"reportlab"}),
    "commands": ({"core", "pathway", "store", "report", "resources", "commands", "cli"},
                 {"yaml", "sqlite_utils", "sqlite3", "platformdirs"}),
}


# Deliberate exceptions, each with its reason.
EXCEPTIONS: dict[str, set[str]] = {
    # the self-test checks that Qt can open an offscreen window after an install; it uses no pairaid.ui code
    "commands/selftest.py": {"PySide6", "shiboken6"},
}


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def layer_files(layer: str) -> list[Path]:
    folder = PACKAGE / layer
    return sorted(folder.rglob("*.py")) if folder.is_dir() else []


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_layer_imports_only_what_it_may(layer: str) -> None:
    layers, frameworks = ALLOWED[layer]
    bad = []
    for file in layer_files(layer):
        for name in imports_of(file):
            top, _, rest = name.partition(".")
            if top == "pairaid":
                sub = rest.partition(".")[0]
                if sub and sub not in layers:
                    bad.append(f"{file.relative_to(PACKAGE)} imports {name}")
            elif top in FRAMEWORKS and top not in frameworks | EXCEPTIONS.get(str(file.relative_to(PACKAGE)), set()):
                bad.append(f"{file.relative_to(PACKAGE)} imports {name}")
    assert not bad, "\n".join(bad)


def test_only_ui_and_app_import_qt() -> None:
    offenders = []
    for file in PACKAGE.rglob("*.py"):
        rel = file.relative_to(PACKAGE)
        if rel.parts[0] == "ui" or rel.name == "app.py" or str(rel) in EXCEPTIONS:
            continue
        if any(n.split(".")[0] in {"PySide6", "shiboken6"} for n in imports_of(file)):
            offenders.append(str(rel))
    assert not offenders


def test_ui_runs_no_sql() -> None:
    offenders = [str(f.relative_to(PACKAGE)) for f in (PACKAGE / "ui").rglob("*.py")
                 if {"sqlite3", "sqlite_utils"} & {n.split(".")[0] for n in imports_of(f)}]
    assert not offenders


def test_core_imports_no_framework_at_run_time() -> None:
    """Import every core module in a fresh interpreter and check no framework was loaded."""
    code = (
        "import importlib, pkgutil, sys, pairaid.core as c\n"
        "for m in pkgutil.iter_modules(c.__path__): importlib.import_module('pairaid.core.' + m.name)\n"
        f"print(sorted(set(sys.modules) & set({sorted(FRAMEWORKS)!r})))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
