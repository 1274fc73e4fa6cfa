"""What the import-linter contracts in pyproject.toml cannot say by reading imports: that core loads no framework
when it really runs (an import hidden behind importlib would pass a static check), and that every package of
pairaid is placed in a layer, so a new or renamed package cannot sit outside the contracts unnoticed."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FRAMEWORKS = ["PySide6", "shiboken6", "sqlite_utils", "sqlite3", "reportlab", "yaml", "platformdirs"]


def _layers() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    (layers,) = [c["layers"] for c in contracts if c["type"] == "layers"]
    return [name.strip() for layer in layers for name in layer.replace(":", "|").split("|")]


def test_every_package_and_top_module_is_in_a_layer() -> None:
    placed = set(_layers())
    found = {f"pairaid.{module.name}" for module in pkgutil.iter_modules([str(ROOT / "pairaid")])}
    assert found, "no pairaid modules found"
    assert found == placed, f"not in a layer: {sorted(found - placed)}; no such module: {sorted(placed - found)}"


def test_core_imports_no_framework_at_run_time() -> None:
    """Import every core module in a fresh interpreter and check no framework was loaded."""
    code = (
        "import importlib, pkgutil, sys, pairaid.core as c\n"
        "for m in pkgutil.iter_modules(c.__path__): importlib.import_module('pairaid.core.' + m.name)\n"
        f"print(sorted(set(sys.modules) & set({FRAMEWORKS!r})))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert out.strip() == "[]"
