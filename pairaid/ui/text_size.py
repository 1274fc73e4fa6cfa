"""View → Text size: 100, 125, 150 or 200% of the system's text, applied at once to every open window and kept
in settings (WCAG 2.2, 1.4.4 Resize text).

Qt passes a new application font to every widget that has not set its own; widgets that did (headings, bold
captions) keep their size relative to the text, so they are scaled here; sizes worked out from the text
(`follow_font`) are worked out again; the style sheet's em sizes (padding, tick boxes, arrows) are recomputed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QMenu, QWidget

if TYPE_CHECKING:
    from pairaid.ui.settings import WindowSettings

TEXT_SIZES = (100, 125, 150, 200)
DEFAULT_TEXT_SIZE = 100
BASE_POINT_SIZE = "pairaid_base_point_size"  # the system's size, on the application: every size is of it
RELATIVE_SIZE = "pairaid_relative_size"  # on a widget with its own font: its size over the text size


def current_text_size(app: QApplication) -> int:
    """The text size in use, in percent of the system's."""
    base = app.property(BASE_POINT_SIZE)
    if not base:
        return DEFAULT_TEXT_SIZE
    return round(app.font().pointSizeF() / float(base) * 100)


def apply_text_size(app: QApplication, percent: int) -> None:
    """Make the text `percent` of the system's size everywhere, now."""
    if percent not in TEXT_SIZES:
        raise ValueError(f"text size {percent}% is not one of {', '.join(map(str, TEXT_SIZES))}")
    old = app.font().pointSizeF()
    if old <= 0:  # a font sized in pixels: nothing to scale from
        return
    base = app.property(BASE_POINT_SIZE)
    if not base:
        base = old
        app.setProperty(BASE_POINT_SIZE, base)
    new = float(base) * percent / 100
    if abs(new - old) < 0.01:
        return
    own_fonts = [w for w in app.allWidgets() if w.testAttribute(Qt.WidgetAttribute.WA_SetFont)]
    for widget in own_fonts:  # measured before the change, against the size they were made with
        if widget.property(RELATIVE_SIZE) is None and widget.font().pointSizeF() > 0:
            widget.setProperty(RELATIVE_SIZE, widget.font().pointSizeF() / old)
    font = app.font()
    font.setPointSizeF(new)
    app.setFont(font)
    # em in the style sheet is read when it is applied. Before the fonts below: re-styling a widget that has
    # a style sheet of its own puts back the font it had when that style sheet was set.
    app.setStyleSheet(app.styleSheet())
    for widget in own_fonts:
        relative = widget.property(RELATIVE_SIZE)
        if relative is not None:
            scaled = widget.font()
            scaled.setPointSizeF(new * float(relative))
            widget.setFont(scaled)
    for widget in app.allWidgets():  # re-styled hints reach the layouts only when asked again
        widget.updateGeometry()


def _application() -> QApplication:
    """The text size belongs to the application (every window and dialog), not to one window."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


def restore(settings: WindowSettings) -> int:
    """The size kept in settings, applied (before a window is built, so sizes worked out from the text fit);
    returns it."""
    saved = settings.text_size()
    if saved != current_text_size(_application()):
        apply_text_size(_application(), saved)
    return saved


def choose(settings: WindowSettings, actions: dict[int, QAction], percent: int) -> None:
    """View → Text size: applied everywhere at once, ticked in the menu and kept for the next start."""
    apply_text_size(_application(), percent)
    actions[percent].setChecked(True)
    settings.set_text_size(percent)
    settings.sync()


class _FontFollower(QObject):
    def __init__(self, widget: QWidget, update: Callable[[], None]) -> None:
        super().__init__(widget)
        self._update = update
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FontChange:
            self._update()
        return False


def follow_font(widget: QWidget, update: Callable[[], None]) -> None:
    """Run `update` now and again whenever the widget's font changes: for a size worked out from the text
    (a width of so many characters, a height of so many lines), which must grow with it."""
    update()
    _FontFollower(widget, update)


MENU_TEXT = {100: "100% (&normal)", 125: "125% (&larger)", 150: "150% (&much larger)", 200: "200% (&double)"}


def add_text_size_menu(menu: QMenu, now: int, chosen: Callable[[int], None]) -> dict[int, QAction]:
    """A "Text size" submenu of checkable percentages, `now` ticked; `chosen` gets the percentage picked (it
    applies and saves it). Returns the actions by percentage."""
    sizes = menu.addMenu("&Text size")
    group = QActionGroup(sizes)
    group.setExclusive(True)
    actions: dict[int, QAction] = {}
    for percent in TEXT_SIZES:
        action = QAction(MENU_TEXT[percent], sizes)
        action.setCheckable(True)
        action.setChecked(percent == now)
        action.triggered.connect(lambda _checked=False, p=percent: chosen(p))
        group.addAction(action)
        sizes.addAction(action)
        actions[percent] = action
    return actions
