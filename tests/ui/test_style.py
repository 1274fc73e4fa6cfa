"""The stylesheet's check box and radio button images exist, and are in the application's style."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QApplication, QCheckBox

from pairaid.ui.style import apply_style, indicator_rules


def test_every_indicator_image_exists_for_every_state() -> None:
    rules = indicator_rules()
    files = re.findall(r"url\(([^)]+)\)", rules)
    assert len(files) == 18 and all(Path(file).is_file() for file in files)
    for state in ("unchecked", "checked", "unchecked:disabled", "checked:disabled"):
        for widget in ("QCheckBox", "QRadioButton", "QAbstractItemView"):
            assert f"{widget}::indicator:{state} " in rules, (widget, state)


def _darkest_lightness(box: QCheckBox) -> int:
    image = box.grab().toImage()
    return min(image.pixelColor(x, y).lightness() for x in range(image.width()) for y in range(image.height()))


def test_the_application_draws_check_boxes_with_them(qapp: QApplication, qtbot) -> None:
    """An empty check box has a dark outline (the indicator image) once the style is applied, and not before:
    Fusion's own outline is pale."""
    before, palette = qapp.styleSheet(), qapp.palette()
    try:
        qapp.setStyleSheet("")
        plain = QCheckBox()
        qtbot.addWidget(plain)
        plain.show()
        assert _darkest_lightness(plain) > 100
        apply_style(qapp)
        styled = QCheckBox()
        qtbot.addWidget(styled)
        styled.show()
        assert _darkest_lightness(styled) < 100
    finally:  # leave the application as the other tests found it
        qapp.setStyleSheet(before)
        qapp.setPalette(palette)
