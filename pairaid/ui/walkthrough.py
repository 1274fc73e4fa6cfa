"""The walk-through of one visit: a side list of sections (free movement, not a rigid wizard), the section
pages, the live panel beside them and the safeguarding banner above them while any indicator is recorded."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pairaid.core.framework import Framework
from pairaid.ui.live_panel import LivePanel
from pairaid.ui.safeguarding_banner import BannerSlot, SafeguardingBanner
from pairaid.ui.sections import SECTION_PAGES, DecisionPage, SectionPage
from pairaid.ui.session import VisitSession
from pairaid.ui.text_size import follow_font

SECTION_ID = Qt.ItemDataRole.UserRole


class WalkthroughView(QWidget):
    finalise_requested = Signal()
    section_changed = Signal(str)

    def __init__(self, session: VisitSession, framework: Framework,
                 extra_sections: list[tuple[str, str, QWidget]] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.framework = framework
        self.pages: dict[str, QWidget] = {}
        self._ids: list[str] = []

        self.nav = QListWidget()
        self.nav.setAccessibleName("Sections")
        self.nav.setAccessibleDescription("Choose a section. Ctrl+] and Ctrl+[ move to the next or previous one.")
        nav_label = QLabel("Sections")
        nav_label.setBuddy(self.nav)
        nav_box = QWidget()
        nav_layout = QVBoxLayout(nav_box)
        nav_layout.setContentsMargins(8, 8, 0, 8)
        nav_layout.addWidget(nav_label)
        nav_layout.addWidget(self.nav)

        self.stack = QStackedWidget()
        self.banner = SafeguardingBanner(session)
        self.previous_button = QPushButton("‹ Previous")
        self.previous_button.setProperty("role", "secondary")
        self.previous_button.setAccessibleName("Previous section")
        self.next_button = QPushButton("Next ›")
        self.next_button.setAccessibleName("Next section")
        self.previous_button.clicked.connect(self.previous_section)
        self.next_button.clicked.connect(self.next_section)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(16, 4, 16, 8)
        buttons.addWidget(self.previous_button)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.setSpacing(0)
        self.banner_slot = BannerSlot(self.banner)
        centre_layout.addWidget(self.banner_slot)
        centre_layout.addWidget(self.stack, 1)
        centre_layout.addLayout(buttons)

        self.live_panel = LivePanel(session, framework)
        self._splitter = QSplitter(Qt.Orientation.Horizontal)
        self._splitter.setObjectName("walkthrough-splitter")
        self._splitter.setChildrenCollapsible(False)
        for widget in (nav_box, centre, self.live_panel):
            self._splitter.addWidget(widget)
        self._splitter.setStretchFactor(0, 0)
        self._splitter.setStretchFactor(1, 3)
        self._splitter.setStretchFactor(2, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._splitter)

        for page_class in SECTION_PAGES:
            page = page_class(session, framework)
            self._add(page.section_id, page.title, page)
            if isinstance(page, DecisionPage):
                page.finalise_requested.connect(self.finalise_requested)
        for section_id, title, widget in extra_sections or []:
            self._add(section_id, title, widget)
        follow_font(self.nav, self._size_nav)

        # Actions rather than bare shortcuts, so the shell can also put them in its menus without a clash.
        self.next_action = self._action("Next section", self.next_section,
                                        [QKeySequence("Ctrl+]"), QKeySequence("Alt+Right")])
        self.previous_action = self._action("Previous section", self.previous_section,
                                            [QKeySequence("Ctrl+["), QKeySequence("Alt+Left")])
        self.nav.currentRowChanged.connect(self._row_changed)
        self.nav.setCurrentRow(0)

    def _size_nav(self) -> None:
        """Wide enough for the longest section name at the text size in use: the live panel gives way first."""
        self.nav.setMaximumWidth(self.nav.fontMetrics().horizontalAdvance("m") * 16)
        self.nav.setMinimumWidth(min(self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth() + 8,
                                     self.nav.maximumWidth()))

    def _add(self, section_id: str, title: str, widget: QWidget) -> None:
        if section_id in self.pages:
            raise ValueError(f"section id {section_id!r} is used twice")
        self.pages[section_id] = widget
        self._ids.append(section_id)
        if isinstance(widget, SectionPage):  # scrolls itself
            self.stack.addWidget(widget)
        else:  # scrolls here when it needs more height than the window has (large text, the banner shown)
            scroll = QScrollArea()
            scroll.setWidget(widget)
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            self.stack.addWidget(scroll)
        self.nav.addItem(title)
        self.nav.item(self.nav.count() - 1).setData(SECTION_ID, section_id)

    def _action(self, text: str, slot: object, keys: list[QKeySequence]) -> QAction:
        action = QAction(text, self)
        action.setShortcuts(keys)
        # The whole window, not just the walk-through: focus on the header's Home button (where Tab wraps to)
        # or on the menu bar must not stop them. The window disables them while the visit is not on screen.
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _row_changed(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        self.previous_button.setEnabled(row > 0)
        self.next_button.setEnabled(row < len(self._ids) - 1)
        self.section_changed.emit(self._ids[row])

    # Public -----------------------------------------------------------------------------------------

    def splitter(self) -> QSplitter:
        """For saving and restoring the layout (saveState / restoreState)."""
        return self._splitter

    def sections(self) -> list[str]:
        return list(self._ids)

    def current_section(self) -> str:
        return self._ids[self.stack.currentIndex()]

    def current_page(self) -> QWidget:
        """The page of the current section (not the scroll area an extra page sits in)."""
        return self.pages[self.current_section()]

    def page(self, section_id: str) -> QWidget:
        return self.pages[section_id]

    def go_to(self, section_id: str) -> None:
        if section_id not in self.pages:
            raise KeyError(f"no section {section_id!r}; sections are {', '.join(self._ids)}")
        self.nav.setCurrentRow(self._ids.index(section_id))
        self._focus_page()

    def next_section(self) -> None:
        if self.nav.currentRow() < len(self._ids) - 1:
            self.nav.setCurrentRow(self.nav.currentRow() + 1)
            self._focus_page()

    def previous_section(self) -> None:
        if self.nav.currentRow() > 0:
            self.nav.setCurrentRow(self.nav.currentRow() - 1)
            self._focus_page()

    def _focus_page(self) -> None:
        """Keyboard users land on the first input of the section they moved to."""
        page = self.current_page()
        if not isinstance(page, SectionPage) or not self.isVisible():
            return
        target = page.first_input()
        if target is not None:
            target.setFocus(Qt.FocusReason.TabFocusReason)
            page.ensureWidgetVisible(target)
