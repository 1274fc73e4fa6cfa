"""The window icon, the desktop file name and the bundled script fonts are set up when the app starts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from pairaid.ui.app_identity import DESKTOP_FILE, register_script_fonts
from tests.ui.app_helpers import DialogLog
from tests.ui.test_app import _run_main

ROOT = Path(__file__).resolve().parents[2]


def test_bundled_script_fonts_cover_bengali_gurmukhi_and_arabic(qapp) -> None:
    families = register_script_fonts()
    assert {"Noto Sans Arabic", "Noto Sans Bengali", "Noto Sans Gurmukhi"} <= set(families)
    system = QFontDatabase.WritingSystem
    for writing, family in ((system.Bengali, "Noto Sans Bengali"), (system.Gurmukhi, "Noto Sans Gurmukhi"),
                            (system.Arabic, "Noto Sans Arabic")):
        assert family in QFontDatabase.families(writing), family


def test_the_app_names_its_desktop_file_and_sets_its_icon(tmp_path: Path, monkeypatch) -> None:
    DialogLog().install(monkeypatch)
    app = QApplication.instance()
    app.setDesktopFileName("")  # an earlier run of main() in this process may have set both
    app.setWindowIcon(QIcon())
    code, windows = _run_main(monkeypatch, ["--data-dir", str(tmp_path / "data")])
    assert code == 0 and app.desktopFileName() == DESKTOP_FILE and not app.windowIcon().isNull()
    assert (ROOT / "packaging" / "linux" / f"{DESKTOP_FILE}.desktop").is_file()
    windows[0].close_store()
