"""The real window, as a screen reader reads it: tools/atspi_check.py starts pairaid under Xvfb with its own
D-Bus session and accessibility bus and drives it through AT-SPI. It needs Debian's xvfb, dbus, at-spi2-core
and python3-pyatspi (for the system python3) and Qt's X11 libraries; without them this test is skipped."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from pairaid.ui.system_libraries import check_before_qt

ROOT = Path(__file__).resolve().parents[2]
SYSTEM_PYTHON = "/usr/bin/python3"
INSTALL = "apt-get install xvfb dbus-x11 at-spi2-core python3-pyatspi libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1"


def _missing() -> str | None:
    if not Path(SYSTEM_PYTHON).exists():
        return "no system python3"
    result = subprocess.run([SYSTEM_PYTHON, str(ROOT / "tools" / "atspi_check.py"), "--what-is-missing"],
                            capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        return result.stdout.strip() or result.stderr.strip() or "the check cannot run"
    if check_before_qt({"QT_QPA_PLATFORM": "xcb"}) is not None:
        return "Qt's X11 libraries are missing"
    return None


MISSING = _missing() if shutil.which("xvfb-run") else "xvfb-run is not installed"


@pytest.mark.skipif(MISSING is not None, reason=f"AT-SPI check cannot run here ({MISSING}); Debian: {INSTALL}")
def test_the_real_window_through_the_accessibility_tree() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "DBUS_SESSION_BUS_ADDRESS")}
    result = subprocess.run([SYSTEM_PYTHON, str(ROOT / "tools" / "atspi_check.py")], capture_output=True,
                            text=True, timeout=280, env=env)
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    for check in ("no accessible name carries a mnemonic ampersand", "the menu items exist",
                  "Open bundle… opens a file dialog", "the wheel changes nothing unfocused"):
        assert any(line.startswith("PASS: ") and check in line for line in report.splitlines()), report
