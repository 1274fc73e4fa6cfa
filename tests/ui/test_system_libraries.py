"""Before Qt starts its X11 window, missing system libraries are named with the one line that installs them,
instead of Qt's abort."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path

import pytest

from pairaid import app
from pairaid.ui import system_libraries
from pairaid.ui.system_libraries import XCB_LIBRARIES, install_advice, library_dirs, missing_libraries, uses_xcb


def _folder_with(tmp_path: Path, names: list[str]) -> Path:
    folder = tmp_path / "lib"
    folder.mkdir()
    for name in names:
        (folder / name).write_bytes(b"")
    return folder


def test_a_library_found_in_no_folder_and_refused_by_the_loader_is_named_by_its_package(tmp_path: Path) -> None:
    present = [name for name in XCB_LIBRARIES if name not in ("libxcb-icccm.so.4", "libxcb-keysyms.so.1")]
    folder = _folder_with(tmp_path, present)
    asked: list[str] = []

    def loads(name: str) -> bool:
        asked.append(name)
        return False

    assert missing_libraries([str(folder)], loads) == ["libxcb-icccm4", "libxcb-keysyms1"]
    assert asked == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]  # the loader is asked only about those


def test_a_library_the_loader_finds_elsewhere_is_not_missing(tmp_path: Path) -> None:
    folder = _folder_with(tmp_path, [])
    assert missing_libraries([str(folder)], lambda name: name != "libxcb-cursor.so.0") == ["libxcb-cursor0"]


def test_the_advice_is_one_apt_get_line_naming_every_package() -> None:
    text = install_advice(["libxcb-cursor0", "libxcb-icccm4"], has_apt=True)
    assert "    sudo apt-get install libxcb-cursor0 libxcb-icccm4\n" in text
    assert text.count("apt-get") == 1
    assert "libxcb-cursor0, libxcb-icccm4" in text
    assert "apt-get" not in install_advice(["libxcb-cursor0"], has_apt=False)


@pytest.mark.parametrize(
    ("environ", "platform", "expected"),
    [
        ({}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({"XDG_SESSION_TYPE": "wayland"}, "linux", False),
        ({"XDG_SESSION_TYPE": "wayland", "QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({}, "win32", False),
        ({}, "darwin", False),
    ],
)
def test_only_an_x11_start_is_checked(environ: dict[str, str], platform: str, expected: bool) -> None:
    assert uses_xcb(environ, platform) is expected


def test_library_folders_follow_ld_so_conf_and_its_includes(tmp_path: Path) -> None:
    (tmp_path / "conf.d").mkdir()
    (tmp_path / "conf.d" / "multiarch.conf").write_text("# Multiarch support\n/usr/lib/x86_64-linux-gnu\n")
    (tmp_path / "ld.so.conf").write_text("include conf.d/*.conf\n/opt/extra\n")
    dirs = library_dirs({"LD_LIBRARY_PATH": "/first:"}, str(tmp_path / "ld.so.conf"))
    assert dirs[:3] == ["/first", "/usr/lib/x86_64-linux-gnu", "/opt/extra"]
    assert "/usr/lib" in dirs


def test_the_app_prints_the_advice_and_stops_before_qt(monkeypatch, capsys) -> None:
    monkeypatch.setattr(system_libraries, "missing_libraries", lambda _dirs: ["libxcb-cursor0"])
    monkeypatch.setattr(system_libraries, "uses_xcb", lambda _environ: True)
    assert app.main(["--data-dir", "unused"]) == system_libraries.EXIT_MISSING
    err = capsys.readouterr().err
    assert "apt-get install libxcb-cursor0" in err and "Traceback" not in err


def _xcb_plugin() -> Path | None:
    spec = importlib.util.find_spec("PySide6")
    assert spec is not None and spec.submodule_search_locations
    plugin = Path(spec.submodule_search_locations[0]) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return plugin if plugin.exists() else None


@pytest.mark.skipif(shutil.which("ldd") is None or _xcb_plugin() is None,
                    reason="needs ldd and PySide6's Linux xcb plugin")
def test_the_list_covers_every_system_library_the_xcb_plugin_needs() -> None:
    """A new Qt that links one more X11 library must add it to XCB_LIBRARIES (with its Debian package)."""
    plugin = _xcb_plugin()
    assert plugin is not None
    lines = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=True).stdout.splitlines()
    runtime = ("linux-vdso", "ld-linux", "libc.so", "libm.so", "libstdc++", "libgcc_s", "libQt6", "libicu")
    needed = {line.split()[0] for line in lines if line.strip() and not line.strip().startswith(runtime)}
    direct_x11 = {name for name in needed if name.startswith(("libxcb", "libX11", "libxkbcommon", "libGL.",
                                                              "libEGL"))}
    assert direct_x11 <= set(XCB_LIBRARIES)
