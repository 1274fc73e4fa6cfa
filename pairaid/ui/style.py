"""The calm NHS-style look: colour names for every view, and one application stylesheet.

Font sizes are never fixed in pixels: headings are set relative to the system font (`heading_font`), so text
scales with the user's settings. Focus is always visible (warm yellow), as on NHS websites.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QComboBox, QWidget

from pairaid.ui.text_size import follow_font

NHS_BLUE = "#005EB8"
DARK_BLUE = "#003087"
DARK_GREY = "#425563"
MID_GREY = "#768692"
PALE_GREY = "#E8EDEE"
WHITE = "#FFFFFF"
TEXT = "#212B32"
WARM_YELLOW = "#FFB81C"
EMERGENCY_RED = "#D5281B"
GREEN = "#007F3B"
PALE_YELLOW = "#FFF9E5"  # behind warnings (review date passed, provisional level)

# Colour of each level of need in the live panel and summaries.
LEVEL_COLOURS: dict[str, str] = {
    "universal": GREEN,
    "targeted": NHS_BLUE,
    "specialist": DARK_BLUE,
    "statutory": EMERGENCY_RED,
}

STYLESHEET = f"""
QMainWindow, QDialog {{ background: {PALE_GREY}; }}
QWidget {{ color: {TEXT}; }}
QLabel[role="heading"] {{ color: {DARK_BLUE}; }}
QLabel[role="hint"] {{ color: {DARK_GREY}; }}
QLabel[role="problem"] {{ color: {EMERGENCY_RED}; font-weight: bold; }}
QFrame[role="card"] {{ background: {WHITE}; border: 1px solid #D8DDE0; border-radius: 4px; }}
QFrame[role="warning"] {{ background: {PALE_YELLOW}; border-left: 6px solid {WARM_YELLOW}; }}
QFrame[role="danger"] {{ background: {EMERGENCY_RED}; }}
QFrame[role="danger"] QLabel {{ color: {WHITE}; font-weight: bold; }}
QPushButton {{
    background: {NHS_BLUE}; color: {WHITE}; border: none; border-radius: 4px;
    padding: 0.4em 1em; font-weight: bold;
}}
QPushButton:hover {{ background: {DARK_BLUE}; }}
QPushButton:disabled {{ background: {PALE_GREY}; color: {MID_GREY}; border: 1px solid #D8DDE0; }}
QPushButton[role="secondary"] {{ background: {WHITE}; color: {NHS_BLUE}; border: 2px solid {NHS_BLUE}; }}
QPushButton[role="secondary"]:hover {{ background: {PALE_GREY}; }}
QPushButton[role="secondary"]:disabled {{ color: {MID_GREY}; border-color: #D8DDE0; }}
QPushButton[role="danger"] {{ background: {EMERGENCY_RED}; }}
QPushButton:focus, QToolButton:focus {{ background: {WARM_YELLOW}; color: {TEXT}; border: 2px solid {TEXT}; }}
QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QDateEdit, QSpinBox {{
    background: {WHITE}; border: 2px solid {DARK_GREY}; border-radius: 0; padding: 0.2em;
}}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QComboBox:focus, QDateEdit:focus,
QSpinBox:focus {{ border: 3px solid {TEXT}; background: #FFFDF2; }}
QAbstractSpinBox QLineEdit {{ border: none; padding: 0; background: transparent; }}
QLineEdit:read-only, QPlainTextEdit:read-only {{ background: {PALE_GREY}; }}
QLineEdit:disabled, QPlainTextEdit:disabled, QTextEdit:disabled, QComboBox:disabled, QDateEdit:disabled,
QSpinBox:disabled {{ background: {PALE_GREY}; color: {MID_GREY}; border-color: #C3CACD; }}
QCheckBox:focus, QRadioButton:focus {{ background: {WARM_YELLOW}; }}
QListWidget, QTreeWidget, QTableWidget, QTextBrowser {{ background: {WHITE}; border: 1px solid #D8DDE0; }}
QListWidget::item:selected, QTreeWidget::item:selected, QTableWidget::item:selected {{
    background: {NHS_BLUE}; color: {WHITE};
}}
QListWidget:focus, QTreeWidget:focus, QTableWidget:focus, QTextBrowser:focus {{
    border: 3px solid {WARM_YELLOW};
}}
QToolButton {{
    background: {WHITE}; color: {NHS_BLUE}; border: 2px solid {NHS_BLUE}; border-radius: 4px;
    padding: 0.2em 0.7em; font-weight: bold;
}}
QToolButton:hover {{ background: {PALE_GREY}; }}
QToolButton:disabled {{ background: {PALE_GREY}; color: {MID_GREY}; border-color: #C3CACD; }}
QToolButton::menu-indicator {{ image: none; width: 0; }}
QComboBox::drop-down {{ border: none; width: 1.6em; }}
QToolBar {{ background: {NHS_BLUE}; border: none; spacing: 0.5em; padding: 0.2em; }}
QToolBar QLabel {{ color: {WHITE}; font-weight: bold; }}
QToolBar QToolButton {{ color: {WHITE}; padding: 0.3em 0.8em; }}
QToolBar QToolButton:hover {{ background: {DARK_BLUE}; }}
QStatusBar {{ background: {WHITE}; color: {DARK_GREY}; }}
QSplitter::handle {{ background: #D8DDE0; }}
"""


def indicator_rules() -> str:
    """Check boxes, radio buttons and the combo box arrow drawn from resources/icons/indicators: a 2 px dark
    grey outline (7:1 on white, where Fusion's pale outline is 1.7:1 on the page, under WCAG 1.4.11's 3:1 for
    controls) sized in em, so they grow with the text."""
    from pairaid.resources import resource_path

    def url(name: str) -> str:
        return f"url({resource_path('icons', 'indicators', name + '.svg').as_posix()})"

    rules = ["QCheckBox::indicator, QRadioButton::indicator, QAbstractItemView::indicator "
             "{ width: 1.1em; height: 1.1em; }",
             f"QComboBox::down-arrow {{ image: {url('arrow-down')}; width: 0.8em; height: 0.8em; }}",
             "QAbstractSpinBox::up-button, QAbstractSpinBox::down-button { width: 1.4em; border: none; }",
             f"QAbstractSpinBox::up-arrow {{ image: {url('arrow-up')}; width: 0.7em; height: 0.7em; }}",
             f"QAbstractSpinBox::down-arrow {{ image: {url('arrow-down')}; width: 0.7em; height: 0.7em; }}",
             # grey when the box is disabled, or (spin boxes) when the value is at that end of its range
             f"QComboBox::down-arrow:disabled {{ image: {url('arrow-down-disabled')}; }}",
             f"QAbstractSpinBox::up-arrow:disabled, QAbstractSpinBox::up-arrow:off "
             f"{{ image: {url('arrow-up-disabled')}; }}",
             f"QAbstractSpinBox::down-arrow:disabled, QAbstractSpinBox::down-arrow:off "
             f"{{ image: {url('arrow-down-disabled')}; }}"]
    for widget, kind in (("QCheckBox", "checkbox"), ("QAbstractItemView", "checkbox"), ("QRadioButton", "radio")):
        for state, name in (("unchecked", "off"), ("checked", "on")):
            rules.append(f"{widget}::indicator:{state} {{ image: {url(f'{kind}-{name}')}; }}")
            rules.append(f"{widget}::indicator:{state}:disabled {{ image: {url(f'{kind}-{name}-disabled')}; }}")
    return "\n".join(rules) + "\n"


def compact_combo(combo: QComboBox, chars: int = 18) -> QComboBox:
    """A combo box that does not widen the window to fit its longest choice: a level's name runs to 70
    characters, and at large text sizes such boxes made the window wider than a 1366 px screen. The box
    shows at least `chars` characters (more when its layout gives it room; a longer choice is cut with
    "…" in the box, and its tooltip holds it whole) and its list opens wide enough to read every choice."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)

    def show_whole(_index: int = 0) -> None:
        combo.setToolTip(combo.currentText())
        metrics = combo.fontMetrics()  # the view measures only the rows it has laid out, none before it opens
        widest = max((metrics.horizontalAdvance(combo.itemText(i)) for i in range(combo.count())), default=0)
        combo.view().setMinimumWidth(max(widest + metrics.averageCharWidth() * 2, combo.view().sizeHintForColumn(0))
                                     + 24)

    combo.currentIndexChanged.connect(show_whole)
    combo.model().rowsInserted.connect(lambda *_: show_whole())
    follow_font(combo, show_whole)  # the list's width is measured in the text's size
    return combo


def heading_font(base: QFont, scale: float = 1.4, bold: bool = True) -> QFont:
    """A heading relative to the system font, so it scales with the user's text size."""
    font = QFont(base)
    size = base.pointSizeF() if base.pointSizeF() > 0 else 10.0
    font.setPointSizeF(size * scale)
    font.setBold(bold)
    return font


def make_heading(label: QWidget, scale: float = 1.4) -> None:
    """Style a QLabel as a heading (dark blue, larger, bold) and expose it as one to screen readers."""
    label.setProperty("role", "heading")
    label.setFont(heading_font(label.font(), scale))


# Given to QApplication's arguments by the app, which then need not call setStyle: setStyle returns the QStyle,
# and wrapping it makes PySide6 build QStyle's eleven enums in Python (about 5 ms before the first paint).
STYLE_ARGUMENTS = ["-style", "fusion"]


def apply_style(app: QApplication, style_chosen: bool = False) -> None:
    """The palette and stylesheet for the whole application (the Fusion style draws them faithfully).
    style_chosen: the application was created with STYLE_ARGUMENTS, so Fusion is already in use."""
    if not style_chosen:
        app.setStyle("Fusion")
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(PALE_GREY))
    palette.setColor(QPalette.ColorRole.Base, QColor(WHITE))
    palette.setColor(QPalette.ColorRole.Text, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(NHS_BLUE))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor(WHITE))
    palette.setColor(QPalette.ColorRole.Link, QColor(NHS_BLUE))
    app.setPalette(palette)
    app.setStyleSheet(STYLESHEET + indicator_rules())
