"""The X11 libraries Qt's xcb platform plugin needs, checked before Qt is started.

Without them Qt aborts ("could not load the Qt platform plugin xcb") with a core dump and no word of what to
install; offscreen tests pass all the same, so only a real window shows it. pairaid names the missing
libraries and the one `apt-get install` line instead. The check is a few `stat` calls (no PySide6, no
ctypes) on every start; only a library not found that way is confirmed with the dynamic loader itself.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Mapping

# Shared libraries the xcb plugin (libqxcb.so with libQt6XcbQpa, QtGui and QtDBus) links to, each with the
# Debian package holding it: the plugin's direct needs as `ldd` lists them, less the C and C++ runtimes.
XCB_LIBRARIES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
}
DEFAULT_DIRS = ("/lib", "/usr/lib", "/lib64", "/usr/lib64", "/usr/local/lib")
LD_SO_CONF = "/etc/ld.so.conf"
EXIT_MISSING = 3


def uses_xcb(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Whether Qt will start its xcb (X11) plugin: on Linux, unless another platform is asked for or the
    session is Wayland's (Qt then tries Wayland first)."""
    if not platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(":")[0].split(";")[0] == "xcb"
    return environ.get("XDG_SESSION_TYPE", "") != "wayland"


def library_dirs(environ: Mapping[str, str], conf: str = LD_SO_CONF) -> list[str]:
    """Where the dynamic loader looks: LD_LIBRARY_PATH, the folders named in ld.so.conf (with its includes),
    then the defaults (Debian's multiarch folders come from ld.so.conf.d)."""
    dirs = [d for d in environ.get("LD_LIBRARY_PATH", "").split(":") if d]
    dirs += _conf_dirs(conf, depth=0)
    dirs += DEFAULT_DIRS
    return list(dict.fromkeys(dirs))


def _conf_dirs(conf: str, depth: int) -> list[str]:
    if depth > 4:  # an include loop in a damaged configuration
        return []
    try:
        with open(conf, encoding="utf-8", errors="replace") as file:
            lines = file.read().splitlines()
    except OSError:
        return []
    dirs: list[str] = []
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if line.startswith("include "):
            pattern = line.split(None, 1)[1]
            if not os.path.isabs(pattern):
                pattern = os.path.join(os.path.dirname(conf), pattern)
            import glob  # only for include lines: every start pays for this module

            for included in sorted(glob.glob(pattern)):
                dirs += _conf_dirs(included, depth + 1)
        elif line:
            dirs.append(line)
    return dirs


def _loads(name: str) -> bool:
    """The dynamic loader's own answer, for a library the folder search did not find."""
    import ctypes

    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def missing_libraries(dirs: Iterable[str], loads: Callable[[str], bool] = _loads,
                      libraries: Mapping[str, str] = XCB_LIBRARIES) -> list[str]:
    """The Debian packages of the libraries that neither the folder search nor the loader finds."""
    folders = list(dirs)
    return [package for name, package in libraries.items()
            if not any(os.path.exists(os.path.join(folder, name)) for folder in folders) and not loads(name)]


def install_advice(packages: list[str], has_apt: bool) -> str:
    """What to tell the person starting pairaid: what is missing, and the one line that installs it."""
    listed = ", ".join(packages)
    if has_apt:
        how = ("Install them with this one command, then start pairaid again:\n\n"
               f"    sudo apt-get install {' '.join(packages)}\n")
    else:
        how = "Install them with your system's package manager (these are Debian's names), then start again.\n"
    return (f"pairaid cannot open its window: Qt needs system libraries that are not installed ({listed}).\n"
            f"{how}\nThe headless commands (pairaid assess, summary, records …) work without them.")


def check_before_qt(environ: Mapping[str, str] = os.environ) -> str | None:
    """None when Qt can start its window here (or will not use xcb); otherwise the advice to print."""
    if not uses_xcb(environ):
        return None
    packages = missing_libraries(library_dirs(environ))
    if not packages:
        return None
    import shutil

    return install_advice(packages, shutil.which("apt-get") is not None)
