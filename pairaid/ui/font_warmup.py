"""Warm the system's font configuration in the background while Python imports Qt.

Qt reads the font list the first time a window needs text: on Linux that starts with fontconfig loading its
configuration and font caches (10-15 ms on a machine with a couple of thousand fonts), on the main thread,
before the first paint. fontconfig is thread-safe and keeps what it has loaded for the whole process, so
loading it from a helper thread while the main thread imports PySide6 (60+ ms) takes that wait off the first
paint. The call goes through ctypes, which releases the GIL, so the two really run side by side.

Best effort: anywhere fontconfig is not the font system (Windows, macOS) or cannot be loaded, nothing
happens and Qt loads the fonts itself as usual.
"""

from __future__ import annotations

import sys
import threading

FONTCONFIG = "libfontconfig.so.1"


def _load_fontconfig() -> None:
    try:
        import ctypes

        ctypes.CDLL(FONTCONFIG).FcInit()
    except (OSError, AttributeError):  # no fontconfig here: Qt finds the fonts its own way
        pass


def start_font_warmup() -> threading.Thread | None:
    """Start loading fontconfig in a daemon thread; None where fontconfig is not used."""
    if not sys.platform.startswith("linux"):
        return None
    thread = threading.Thread(target=_load_fontconfig, name="font-warmup", daemon=True)
    thread.start()
    return thread
