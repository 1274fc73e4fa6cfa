"""The real window as a screen reader sees it: start pairaid under a virtual X display with its own D-Bus
session and accessibility bus, then read and drive it through AT-SPI (pyatspi).

    python3 tools/atspi_check.py            # system python3 with Debian's python3-pyatspi
    (Debian: apt-get install xvfb dbus-x11 at-spi2-core python3-pyatspi, and Qt's X11 libraries)

It checks what a keyboard or screen-reader user depends on:
- no accessible name carries a mnemonic ampersand ("Pathway &browser" is read out with the "&");
- the menu items exist (Record's exports, "Add assessment file…" and "Keys and trusted colleagues…", View → Text
  size, Go, Places);
- Reviews → "Open bundle…" opens a file dialog (the button once crashed the app);
- the mouse wheel over an unfocused spin box or combo box changes nothing (the page scrolls instead).

Prints one line per check and exits 0 when all pass, 1 when any fails, 2 when it cannot run here. The app runs
with a fresh temporary data folder and synthetic data only.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
APP_PYTHON = ROOT / ".venv" / "bin" / "python"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
INSIDE = "--inside-session"
MNEMONIC = re.compile(r"&[^\s&]")
EXPECTED_MENU_ITEMS = ("New visit", "Save summary as PDF…", "Text size", "200% (double)", "Next section",
                       "Previous section", "Finalise…", "Export for supervision…", "Export full bundle…",
                       "Add assessment file…", "Keys and trusted colleagues…", "Pathway browser", "Reviews")
TIMEOUT = 30.0
SCREEN_HEIGHT = 768
DATABASE = "pairaid.db"  # as pairaid.store.paths.DB_NAME (this script runs outside the project's venv)


def missing_tools() -> list[str]:
    """What this machine lacks to run the check (empty when it can run)."""
    missing = [tool for tool in ("xvfb-run", "dbus-run-session") if shutil.which(tool) is None]
    if not Path(BUS_LAUNCHER).exists():
        missing.append("at-spi2-core")
    if not APP_PYTHON.exists():
        missing.append("the project's .venv (make setup)")
    try:
        import pyatspi  # noqa: F401
    except ImportError:
        missing.append("python3-pyatspi (for this python3)")
    return missing


def main(argv: list[str]) -> int:
    if "--what-is-missing" in argv:  # for the test that runs this script: exit 0 when it can run
        missing = missing_tools()
        print("missing " + ", ".join(missing) if missing else "nothing missing")
        return 1 if missing else 0
    if INSIDE not in argv:
        missing = missing_tools()
        if missing:
            print("cannot run: missing " + ", ".join(missing), file=sys.stderr)
            return 2
        command = ["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", "dbus-run-session", "--",
                   sys.executable, __file__, INSIDE]
        return subprocess.run(command, timeout=300).returncode
    return run_checks()


# -- inside the virtual display and session -------------------------------------------------------------------


def run_checks() -> int:
    bus = subprocess.Popen([BUS_LAUNCHER, "--launch-immediately"], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    data_dir = Path(tempfile.mkdtemp(prefix="pairaid-atspi-"))
    env = {**os.environ, "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1", "QT_QPA_PLATFORM": "xcb",
           "QT_ACCESSIBILITY": "1", "PAIRAID_DATA_DIR": str(data_dir)}
    app = subprocess.Popen([str(APP_PYTHON), "-m", "pairaid", "--data-dir", str(data_dir)], env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    results: list[tuple[str, bool, str]] = []
    try:
        import pyatspi

        root = wait_for(lambda: find_app(pyatspi), "the pairaid window on the accessibility bus")
        window = wait_for(lambda: first(root, lambda a: role(a) == "frame"), "its main window")
        wait_for(lambda: first(window, lambda a: name(a) == "New visit" and role(a) == "push button"),
                 "home to be ready")
        results.append(check_no_mnemonic_names(window))
        results.append(check_open_bundle(pyatspi, root, window))
        results.append(check_wheel(pyatspi, root, window, data_dir))
        results.append(check_menu_items(window))  # now that a visit is open: Go has its section items
        results.append(check_no_mnemonic_names(window, "on the visit screen"))
    except Exception as exc:  # a check that could not finish is a failure, said plainly
        results.append(("the checks ran to the end", False, f"{type(exc).__name__}: {exc}"))
    finally:
        app.terminate()
        try:
            output, _ = app.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            app.kill()
            output, _ = app.communicate()
        bus.terminate()
        shutil.rmtree(data_dir, ignore_errors=True)
    for title, ok, detail in results:
        print(f"{'PASS' if ok else 'FAIL'}: {title}" + (f" — {detail}" if detail else ""))
    failed = [title for title, ok, _ in results if not ok]
    if failed and output.strip():
        print("app output:\n" + output.strip()[-2000:])
    print(f"{len(results) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


def wait_for(probe: Callable[[], Any], what: str, timeout: float = TIMEOUT) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            found = probe()
        except Exception:  # the tree changes under us while the app builds it: look again
            found = None
        if found:
            return found
        time.sleep(0.2)
    raise TimeoutError(f"waited {timeout:.0f} s for {what}")


def find_app(pyatspi: Any) -> Any:
    desktop = pyatspi.Registry.getDesktop(0)
    for index in range(desktop.childCount):
        app = desktop.getChildAtIndex(index)
        if app is not None and app.name == "pairaid":
            return app
    return None


def name(acc: Any) -> str:
    return acc.name or ""


def role(acc: Any) -> str:
    return acc.getRoleName()


def walk(acc: Any, depth: int = 0) -> Iterator[Any]:
    if acc is None or depth > 60:
        return
    yield acc
    for index in range(acc.childCount):
        yield from walk(acc.getChildAtIndex(index), depth + 1)


def first(acc: Any, test: Callable[[Any], bool]) -> Any:
    return next((a for a in walk(acc) if test(a)), None)


def showing(acc: Any, pyatspi: Any) -> bool:
    return acc.getState().contains(pyatspi.STATE_SHOWING)


def press(acc: Any) -> None:
    action = acc.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    for wanted in ("Press", "press", "click", "Toggle", "SetFocus"):
        if wanted in names:
            action.doAction(names.index(wanted))
            return
    action.doAction(0)


def check_no_mnemonic_names(window: Any, where: str = "at home") -> tuple[str, bool, str]:
    bad = sorted({name(a) for a in walk(window) if MNEMONIC.search(name(a))})
    return f"no accessible name carries a mnemonic ampersand ({where})", not bad, ", ".join(map(repr, bad[:10]))


def check_menu_items(window: Any) -> tuple[str, bool, str]:
    bar = first(window, lambda a: role(a) == "menu bar")
    if bar is None:
        return "the menu items exist", False, "no menu bar"
    names = {name(a).replace("&", "") for a in walk(bar)}
    missing = [item for item in EXPECTED_MENU_ITEMS if item not in names]
    return "the menu items exist", not missing, "missing: " + ", ".join(missing) if missing else ""


def check_open_bundle(pyatspi: Any, root: Any, window: Any) -> tuple[str, bool, str]:
    title = "Reviews → Open bundle… opens a file dialog"
    reviews = first(window, lambda a: role(a) == "push button" and name(a) == "Reviews")
    press(reviews)
    button = wait_for(lambda: first(window, lambda a: role(a) == "push button" and name(a) == "Open bundle"
                                    and showing(a, pyatspi)), "the Open bundle button")
    press(button)
    dialog = wait_for(lambda: first(root, lambda a: role(a) in ("dialog", "file chooser")
                                    and "bundle" in name(a).lower() and showing(a, pyatspi)),
                      "a file dialog", timeout=10)
    dialog_name = name(dialog)
    cancel = first(dialog, lambda a: role(a) == "push button" and name(a).replace("&", "") == "Cancel")
    if cancel is not None:
        press(cancel)
    wait_for(lambda: not any(showing(a, pyatspi) for a in walk(root)
                             if role(a) in ("dialog", "file chooser") and "bundle" in name(a).lower()),
             "the file dialog to close", timeout=10)
    back = first(window, lambda a: role(a) == "push button" and name(a) == "Back" and showing(a, pyatspi))
    press(back)
    return title, True, f"dialog {dialog_name!r}"


def check_wheel(pyatspi: Any, root: Any, window: Any, data_dir: Path) -> tuple[str, bool, str]:
    """Start a visit; on Mood and Other needs, wheel over every spin box and combo box without focusing it.
    What counts is the saved record: the app saves every change at once, so it must read the same after."""
    title = "the wheel changes nothing unfocused"
    new_visit = wait_for(lambda: first(window, lambda a: role(a) == "push button" and name(a) == "New visit"
                                       and showing(a, pyatspi)), "the New visit button")
    press(new_visit)
    sections = wait_for(lambda: first(window, lambda a: role(a) == "list" and name(a) == "Sections"
                                      and showing(a, pyatspi)), "the section list")
    time.sleep(1.0)  # the new draft is saved
    saved_before = saved_records(data_dir)
    changed: list[str] = []
    checked = 0
    for section in ("Mood", "Other needs"):
        item = next((sections.getChildAtIndex(i) for i in range(sections.childCount)
                     if name(sections.getChildAtIndex(i)).startswith(section)), None)
        if item is None:
            return title, False, f"no {section} in the section list"
        click(pyatspi, item)  # a click, as a person would: focus goes to the list, not to an input
        time.sleep(0.8)
        inputs = [a for a in walk(window) if role(a) in ("spin button", "combo box") and showing(a, pyatspi)
                  and not a.getState().contains(pyatspi.STATE_FOCUSED)]
        for acc in inputs:
            extents = acc.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
            x, y = extents.x + extents.width // 2, extents.y + extents.height // 2
            if extents.width <= 0 or not (0 <= y < SCREEN_HEIGHT):
                continue
            before = value_of(acc)
            pyatspi.Registry.generateMouseEvent(x, y, "abs")
            for button in ("b4c", "b5c", "b5c", "b5c"):  # wheel up once, down three times
                pyatspi.Registry.generateMouseEvent(x, y, button)
                time.sleep(0.05)
            time.sleep(0.2)
            checked += 1
            after = value_of(acc)
            if after != before:
                changed.append(f"{section}: {name(acc)!r} {before!r} → {after!r}")
    time.sleep(1.0)  # any change would have been saved by now (autosave waits 250 ms)
    if saved_records(data_dir) != saved_before:
        changed.append("the saved record changed")
    if checked == 0:
        return title, False, "found no unfocused spin box or combo box on Mood or Other needs"
    return title, not changed, "; ".join(changed) if changed else f"{checked} inputs wheeled over, record unchanged"


def click(pyatspi: Any, acc: Any) -> None:
    extents = acc.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    x, y = extents.x + extents.width // 2, extents.y + extents.height // 2
    pyatspi.Registry.generateMouseEvent(x, y, "abs")
    pyatspi.Registry.generateMouseEvent(x, y, "b1c")


def saved_records(data_dir: Path) -> list[tuple[str, str]]:
    """Every record's saved data, read straight from the database (read only)."""
    import sqlite3

    database = data_dir / DATABASE
    if not database.exists():
        raise FileNotFoundError(f"no records database in {data_dir}")
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as conn:
        return list(conn.execute("SELECT record_id, data FROM record_bodies ORDER BY record_id"))


def value_of(acc: Any) -> str:
    try:
        return str(acc.queryValue().currentValue)
    except NotImplementedError:
        return name(acc)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
