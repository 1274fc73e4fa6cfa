"""What the desktop knows the app by, and the bundled script fonts for the screen; set up right after the
first paint (neither is needed to draw home, and the icon and fonts are files to read).

Fonts: a fresh Linux desktop often has DejaVu alone, which has no Bengali or Gurmukhi and so would show a
baby's name written in those scripts as empty boxes. The Noto fonts bundled for the PDFs are registered with
Qt as application fonts, so Qt falls back to them for those scripts on every system.
"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QGuiApplication, QIcon

from pairaid.resources import resource_path

DESKTOP_FILE = "org.pairaid.Pairaid"  # packaging/linux/org.pairaid.Pairaid.desktop (Wayland matches on it)
ICON = ("icons", "pairaid.svg")
SCRIPT_FONTS = ("NotoSansArabic-Regular.ttf", "NotoSansBengali-Regular.ttf", "NotoSansGurmukhi-Regular.ttf")


def register_script_fonts() -> list[str]:
    """Register the bundled script fonts; the families Qt now knows from them (a file that cannot be read is
    skipped: the system's own fonts are used for that script)."""
    families: list[str] = []
    for name in SCRIPT_FONTS:
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return families


def set_up_identity(app: QGuiApplication) -> None:
    """Window icon, desktop file name (task bar grouping and the icon on Wayland) and the script fonts."""
    app.setWindowIcon(QIcon(str(resource_path(*ICON))))
    app.setDesktopFileName(DESKTOP_FILE)
    register_script_fonts()
