"""Desktop start-up and live-panel speed (issue 6).

1. Time to a usable main window (store opened, pathway loaded, window shown and painted), each run a fresh
   process, against a bare PySide6 window in a fresh process: target <= 1.5x.
2. Live-panel update with the Birmingham pathway: one edit through the session (validation, rules,
   services, live panel, section pages), median of many: target < 16 ms (one frame). Floor: repainting a label.

Runs offscreen unless a display is set. `.venv/bin/python bench/bench_startup.py`
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.common import median_process_seconds, median_seconds, report

BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1280, 720)
window.show()
app.processEvents()
"""

APP = """
import sys, tempfile
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from pairaid.ui.style import apply_style
apply_style(app)
from pairaid.app import build_window
window = build_window(Path(sys.argv[1]))
window.show()
app.processEvents()
window.store.close()
assert "reportlab" not in sys.modules, "reportlab must not load at start-up"
"""


def startup(repeat: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        bare = median_process_seconds([sys.executable, "-c", BARE], repeat=repeat)
        app = median_process_seconds([sys.executable, "-c", APP, str(data_dir)], repeat=repeat)
    report("start-up to a usable main window", app, "bare PySide6 window", bare, target_ratio=1.5)


def live_panel(repeat: int) -> None:
    from PySide6.QtWidgets import QApplication, QLabel

    from pairaid.app import build_window

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        window = build_window(Path(folder))
        assert window is not None
        window.show()
        window.new_visit()
        session = window.session
        session.set_value("contact.type", "new_birth")
        session.set_value("family.baby.date_of_birth", (dt.date.today() - dt.timedelta(days=14)).isoformat())
        session.set_value("family.postcode", "B15 2TT")
        for domain in ("noticing_cues", "responding", "handling", "pacing"):
            session.set_value(f"observations.{domain}.rating", "no_concern")
        session.set_value("needs.housing.status", "current")
        window.walkthrough.go_to("observations")
        app.processEvents()
        ratings = iter(["some_concern", "significant_concern"] * (repeat + 50))

        def edit() -> None:
            session.set_value("observations.warmth.rating", next(ratings))
            app.processEvents()

        panel = median_seconds(edit, repeat=repeat, warmup=10)
        label = QLabel("Universal")
        label.show()
        texts = iter(["Targeted", "Specialist"] * (repeat + 50))

        def repaint() -> None:
            label.setText(next(texts))
            label.repaint()
            app.processEvents()

        floor = median_seconds(repaint, repeat=repeat, warmup=10)
        services = len(window.pathway.services)
        session.saver.record_id = None  # nothing to save at exit
        session._dirty = False
        window.close()
        window.store.close()
    report(f"live-panel update, Birmingham pathway ({services} services)", panel, "repaint a label", floor)
    print(f"  target < 16 ms: {'met' if panel < 0.016 else 'NOT met'}")


if __name__ == "__main__":
    startup(repeat=int(os.environ.get("BENCH_REPEAT", "7")))
    live_panel(repeat=200)
