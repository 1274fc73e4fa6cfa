"""Desktop start-up and live-panel speed (issue 6).

1. Start-up, each run a fresh process, against a bare PySide6 window in a fresh process (target <= 1.5x).
   Every process prints the CLOCK_MONOTONIC time of its milestones (shared across processes on Linux), and
   this process subtracts the time it started the child, so each figure runs from process start (Python,
   imports, Qt) to the milestone itself, without the exit:
   - floor: a bare `QMainWindow` (1280x720) receives its first paint;
   The app runs as the user starts it (`pairaid.__main__.main(["--data-dir", ...])`: crash hook, arguments,
   style, window; then data folder, log, store and pathway), watched through a wrapper around build_window.
   - (a) first paint: the main window painting home, laid out, with the "New visit" button enabled and
     reachable by Tab (home still says "Loading…" for its list and pathway card);
   - (b) home data loaded: the records database open, the pathway card (title, version, dates, level names)
     and the recent list (30 records) filled; on every start after the first the card comes from the
     pathway cache without pydantic (asserted), and the pathway itself loads just after;
   - (c) the pathway loaded too (pydantic models from the cache): everything a visit needs is ready;
   - (b) again with an empty pathway cache (the first start after installing or editing a pathway: the file
     is checked before home can say which pathway is in use).
   Bare and app runs alternate, so machine noise hits both alike; each figure is a median.
   For context, a second floor: the bare window showing one line of text (a QLabel), which adds Qt's one-off
   font set-up that any window with text pays and the empty bare window does not (its cost grows with the
   number of fonts installed, which the bench prints).
   Children run with Python's bytecode cache on (in a temporary PYTHONPYCACHEPREFIX), as an installed app
   does: this machine sets PYTHONDONTWRITEBYTECODE=1, which would otherwise recompile every pairaid module on
   every start.
2. Live-panel update with the Birmingham pathway: one edit through the session (validation, rules,
   services, live panel, section pages), median of many: target < 16 ms (one frame). Floor: repainting a label.

Runs offscreen unless a display is set. `.venv/bin/python bench/bench_startup.py` (BENCH_REPEAT=n runs)
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.common import median_seconds, report

RECORDS = 30

# A child prints "<milestone> <time.monotonic()>" lines; the parent takes them from its own start time.
BARE = """
import sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1280, 720)
if len(sys.argv) > 1:
    window.setCentralWidget(QLabel("Parent-infant relationship decision aid"))
painted = []
class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not painted:
            painted.append(time.monotonic())
        return False
watch = Watch()
window.installEventFilter(watch)
window.show()
while not painted:
    app.processEvents()
print("paint", painted[0])
"""

APP = """
import sys, time
import pairaid.app as app_module

build_window = app_module.build_window
marks = {}

def build_and_watch(*args, **kwargs):  # the real main() builds the window; watch it from here
    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtWidgets import QApplication

    window = build_window(*args, **kwargs)
    home = window.home

    class Watch(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and "paint" not in marks:
                marks["paint"] = time.monotonic()
                # usable: home laid out on screen, New visit enabled (Tab reachability checked at the end)
                button = home.new_button
                assert window.isVisible() and home.isVisible() and button.isVisible() and button.isEnabled()
                assert button.width() > 0 and home.is_loading()
                marks["modules"] = [m for m in ("pydantic", "sqlite_utils", "pairaid.store",
                                                "pairaid.ui.walkthrough") if m in sys.modules]
            return False

    def home_ready():
        marks["home"] = time.monotonic()
        assert "paint" in marks, "home filled before the first paint"
        assert not marks["modules"], f"imported before the first paint: {marks['modules']}"
        assert home.pathway.title in home.pathway_label.text() and not home.is_loading()
        assert len(home.record_ids()) == int(sys.argv[2]) == home.table.rowCount()
        assert home.new_button.focusPolicy() & Qt.FocusPolicy.TabFocus
        if sys.argv[3] == "warm":  # from the pathway's card: no pydantic, no sqlite-utils yet
            assert "pydantic" not in sys.modules and "sqlite_utils" not in sys.modules

    def loaded():
        marks["loaded"] = time.monotonic()
        assert "home" in marks and window.pathway.pathway.title in home.pathway_label.text()
        for absent in ("reportlab", "pairaid.ui.walkthrough", "pairaid.ui.sections", "pairaid.pathway.check"):
            assert absent not in sys.modules or (absent == "pairaid.pathway.check" and sys.argv[3] == "cold"), absent
        QApplication.instance().quit()

    window.watch = Watch()
    home.new_button.installEventFilter(window.watch)
    window.home_ready.connect(home_ready)
    window.loaded.connect(loaded)
    return window

app_module.build_window = build_and_watch
from pairaid.__main__ import main  # what `python -m pairaid` and the bundle run

code = main(["--data-dir", sys.argv[1]])
assert code == 0 and "loaded" in marks, code
print("paint", marks["paint"])
print("home", marks["home"])
print("loaded", marks["loaded"])
"""


def _run(argv: list[str], env: dict[str, str]) -> dict[str, float]:
    start = time.monotonic()
    out = subprocess.run(argv, capture_output=True, text=True, env=env, check=False)
    if out.returncode != 0:
        raise SystemExit(f"start-up run failed:\n{out.stderr[-2000:]}")
    marks = dict(line.split() for line in out.stdout.splitlines() if line.strip())
    return {name: float(value) - start for name, value in marks.items()}


def _font_faces() -> str:
    try:
        out = subprocess.run(["fc-list"], capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return "an unknown number of"
    return str(len(out.stdout.splitlines()))


def _seed(data_dir: Path, count: int) -> None:
    from pairaid.core.assessment import FORMAT
    from pairaid.store import RecordSummary, Store

    names = ["Łukasz Wójcik", "Zoë Brontë", "Nguyễn Thị Minh Khai", "محمد عبد الله", "রহমান চক্রবর্তী"]
    store = Store.open(data_dir)
    try:
        for index in range(count):
            day = dt.date(2026, 11, 26) - dt.timedelta(days=index)
            data = {"format": FORMAT, "contact": {"date": day.isoformat(), "type": "new_birth"},
                    "family": {"baby": {"name": names[index % len(names)],
                                        "date_of_birth": (day - dt.timedelta(days=12)).isoformat()}}}
            store.create_draft(data, summary=RecordSummary.from_draft(data))
    finally:
        store.close()


def startup(repeat: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder) / "data"
        data_dir.mkdir()
        _seed(data_dir, RECORDS)
        base = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
        base["PYTHONPYCACHEPREFIX"] = str(Path(folder) / "pycache")
        warm_env = {**base, "PAIRAID_CACHE_DIR": str(Path(folder) / "cache")}
        bare_argv = [sys.executable, "-c", BARE]
        text_argv = [sys.executable, "-c", BARE, "text"]
        app_argv = [sys.executable, "-c", APP, str(data_dir), str(RECORDS)]
        _run(bare_argv, warm_env)  # warm the file cache and the pathway cache; not counted
        _run([*app_argv, "cold"], warm_env)  # fills the pathway cache
        bare, text, paint, home, loaded, cold = [], [], [], [], [], []
        for run in range(repeat):
            bare.append(_run(bare_argv, warm_env)["paint"])
            text.append(_run(text_argv, warm_env)["paint"])
            marks = _run([*app_argv, "warm"], warm_env)
            paint.append(marks["paint"])
            home.append(marks["home"])
            loaded.append(marks["loaded"])
            cold_env = {**base, "PAIRAID_CACHE_DIR": str(Path(folder) / f"cold-{run}")}
            cold.append(_run([*app_argv, "cold"], cold_env)["home"])
    floor = statistics.median(bare)
    name = "bare PySide6 window painted"
    report("start-up (a) first paint: home laid out, New visit usable", statistics.median(paint), name, floor,
           target_ratio=1.5)
    report("start-up (b) home data loaded: records listed, pathway card filled", statistics.median(home), name,
           floor, target_ratio=1.5)
    report("start-up (c) pathway loaded too: ready for a visit", statistics.median(loaded), name, floor)
    report("start-up (b) with an empty pathway cache (first start)", statistics.median(cold), name, floor)
    report("  context: bare window with one label (fonts set up)", statistics.median(text), name, floor)
    print(f"  context: {_font_faces()} font faces installed (Qt reads them all before the first text)")


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
    startup(repeat=int(os.environ.get("BENCH_REPEAT", "9")))
    live_panel(repeat=200)
