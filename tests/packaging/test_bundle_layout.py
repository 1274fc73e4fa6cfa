"""The PyInstaller spec and build script, checked without building (a build takes about 30 s and is run by
packaging/build-linux.sh, not by the test suite)."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pairaid import resources

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "pyinstaller" / "pairaid.spec"
BUILD_LINUX = ROOT / "packaging" / "build-linux.sh"


def spec_text() -> str:
    return SPEC.read_text(encoding="utf-8")


def test_spec_is_python_and_bundles_resources_and_pathways_from_the_entry_point() -> None:
    tree = ast.parse(spec_text())  # a syntax error would only show at build time otherwise
    text = spec_text()
    assert '(str(ROOT / "resources"), "resources")' in text
    assert '(str(ROOT / "pathways"), "pathways")' in text
    assert 'ROOT / "pairaid" / "__main__.py"' in text
    calls = {node.func.id for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)}
    assert {"Analysis", "PYZ", "EXE", "COLLECT"} <= calls
    assert "onefile" not in text  # one folder: starts fast and is easy to inspect


@pytest.mark.parametrize("module", ["QtWebEngineCore", "Qt3DCore", "QtMultimedia", "QtQuick", "QtQml", "QtNetwork"])
def test_spec_leaves_out_unused_qt_modules(module: str) -> None:
    assert f'"{module}"' in spec_text()


def test_spec_keeps_the_qt_modules_pairaid_imports() -> None:
    used = set()
    for file in (ROOT / "pairaid").rglob("*.py"):
        used |= set(re.findall(r"PySide6\.(Qt\w+)", file.read_text(encoding="utf-8")))
    excluded = set(re.findall(r'"(Qt\w+)"', spec_text()))
    assert used and not used & excluded


def test_spec_plugin_filter_drops_unused_plugins_and_keeps_what_the_app_needs() -> None:
    namespace: dict[str, object] = {}
    source = spec_text()
    start = source.index("UNUSED_PLUGIN_DIRS =")
    end = source.index("a = Analysis(")
    exec(compile("from pathlib import Path\n" + source[start:end], str(SPEC), "exec"), namespace)
    unused = namespace["unused_qt_file"]
    base = "PySide6/Qt/plugins"
    for kept in ("platforms/libqxcb.so", "platforms/libqwayland.so", "platforms/libqoffscreen.so",
                 "platforms/qwindows.dll", "platforms/libqcocoa.dylib", "imageformats/libqsvg.so",
                 "iconengines/libqsvgicon.so", "printsupport/libcupsprintersupport.so",
                 "platforminputcontexts/libibusplatforminputcontextplugin.so"):
        assert not unused(f"{base}/{kept}"), kept  # type: ignore[operator]
    for dropped in ("qmltooling/libqmldbg_debugger.so", "multimedia/libffmpegmediaplugin.so",
                    "sqldrivers/libqsqlite.so", "platforms/libqvnc.so", "tls/libqopensslbackend.so"):
        assert unused(f"{base}/{dropped}"), dropped  # type: ignore[operator]
    assert unused("PySide6/Qt/translations/qtbase_de.qm")  # type: ignore[operator]
    assert not unused("PySide6/Qt/translations/qtbase_en.qm")  # type: ignore[operator]


def test_only_pairaid_resources_knows_where_bundled_files_are() -> None:
    for file in (ROOT / "pairaid").rglob("*.py"):
        if file == ROOT / "pairaid" / "resources.py":
            continue
        text = file.read_text(encoding="utf-8")
        assert "_MEIPASS" not in text, file
        assert "__file__" not in text, f"{file}: find bundled files through pairaid.resources"


def test_inside_a_bundle_files_are_found_under_meipass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resource_path("icons", "pairaid.svg") == tmp_path / "resources" / "icons" / "pairaid.svg"
    assert resources.default_pathway_path() == tmp_path / "pathways" / "birmingham.yaml"


def test_build_script_is_executable_bash_that_builds_and_self_tests_offscreen() -> None:
    assert BUILD_LINUX.stat().st_mode & 0o111
    text = BUILD_LINUX.read_text(encoding="utf-8")
    assert text.startswith("#!/usr/bin/env bash") and "set -euo pipefail" in text
    assert "pyinstaller==$PYINSTALLER_VERSION" in text and "packaging/pyinstaller/pairaid.spec" in text
    assert 'QT_QPA_PLATFORM=offscreen "$ROOT/dist/pairaid/pairaid" --self-test' in text
    if shutil.which("bash"):
        result = subprocess.run(["bash", "-n", str(BUILD_LINUX)], capture_output=True, text=True, timeout=30)
        assert result.returncode == 0, result.stderr


def test_readme_has_one_build_command_per_platform() -> None:
    text = (ROOT / "packaging" / "README.md").read_text(encoding="utf-8")
    for platform in ("Linux", "Windows", "macOS"):
        assert re.search(rf"^## {platform}\b", text, re.MULTILINE), platform
    assert "packaging/build-linux.sh" in text
    assert text.count("pyinstaller --noconfirm --clean") >= 2  # the Windows and macOS commands
