"""The stylesheet's check box and radio button images exist, and are in the application's style."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QApplication

from pairaid.ui.style import STYLESHEET, apply_style, indicator_rules


def test_every_indicator_image_exists_for_every_state() -> None:
    rules = indicator_rules()
    files = re.findall(r"url\(([^)]+)\)", rules)
    assert len(files) == 18 and all(Path(file).is_file() for file in files)
    for state in ("unchecked", "checked", "unchecked:disabled", "checked:disabled"):
        for widget in ("QCheckBox", "QRadioButton", "QAbstractItemView"):
            assert f"{widget}::indicator:{state} " in rules, (widget, state)


def test_the_application_uses_them(qapp: QApplication) -> None:
    before, palette = qapp.styleSheet(), qapp.palette()
    try:
        apply_style(qapp)
        assert qapp.styleSheet() == STYLESHEET + indicator_rules()
    finally:  # leave the application as the other tests found it
        qapp.setStyleSheet(before)
        qapp.setPalette(palette)
