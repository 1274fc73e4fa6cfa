"""The red bar shown above every section while any safeguarding indicator is recorded. It cannot be closed:
it goes only when no indicator is recorded. Its place is kept while it is down (a calm line naming the front
door fills it), so raising it never moves the section, or the box just ticked, out from under the pointer."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from pairaid.core.front_door import family_place, front_door_notice
from pairaid.core.pathway import Pathway
from pairaid.ui.session import VisitSession
from pairaid.ui.style import EMERGENCY_RED, WHITE, heading_font

INDICATORS = "safeguarding.indicators"
POSTCODE = "family.postcode"


def banner_lines(pathway: Pathway, postcode: str | None) -> tuple[str, str]:
    """The heading and the body: for a family outside the area their own local authority first, then who to
    call, on which numbers, and what to do next (the words are pairaid.core.front_door's)."""
    notice = front_door_notice(pathway, postcode)
    return notice.heading, notice.sentence()


class SafeguardingBanner(QFrame):
    raised_changed = Signal(bool)

    def __init__(self, session: VisitSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setProperty("role", "danger")
        self.setObjectName("safeguarding-banner")
        # Its own colours, so it is red even where the application stylesheet is not applied.
        self.setStyleSheet(f"QFrame#safeguarding-banner {{ background: {EMERGENCY_RED}; }}"
                           f" QFrame#safeguarding-banner QLabel {{ color: {WHITE}; font-weight: bold; }}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        heading, body = banner_lines(session.pathway, session.value(POSTCODE))
        self.heading = QLabel(heading)
        self.heading.setFont(heading_font(self.heading.font(), 1.2))
        self.heading.setWordWrap(True)  # never wider than the page, at any text size
        self.body = QLabel(body)
        self.body.setWordWrap(True)
        for label in (self.heading, self.body):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)
        self.setAccessibleName(heading)
        self.setAccessibleDescription(body)
        self._raised = False
        self.hide()
        session.data_changed.connect(self._changed)
        self.update_visibility()

    def _changed(self, path: str) -> None:
        if not path or path == POSTCODE or POSTCODE.startswith(path + "."):
            self.update_text()
        if not path or path == INDICATORS or INDICATORS.startswith(path + ".") or path.startswith(INDICATORS):
            self.update_visibility()

    def update_text(self) -> None:
        """Where the family lives decides whose front door comes first."""
        heading, body = banner_lines(self.session.pathway, self.session.value(POSTCODE))
        if (heading, body) != (self.heading.text(), self.body.text()):
            self.heading.setText(heading)
            self.body.setText(body)
            self.setAccessibleName(heading)
            self.setAccessibleDescription(body)

    def update_visibility(self) -> None:
        raised = bool(self.session.value(INDICATORS))
        if raised != self._raised:
            self._raised = raised
            self.setVisible(raised)
            self.raised_changed.emit(raised)
            if raised:
                QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.Alert))

    def is_raised(self) -> bool:
        return self._raised


def _keep_place(widget: QWidget) -> None:
    policy = widget.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    widget.setSizePolicy(policy)


class BannerSlot(QWidget):
    """The banner's place above the sections, as tall while the banner is down as when it is up: a calm line
    with the same words (where the family lives, the front door's name and numbers) stands in the same place
    until an indicator raises the banner."""

    def __init__(self, banner: SafeguardingBanner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.banner = banner
        self.calm = QFrame()
        self.calm.setObjectName("safeguarding-calm")
        calm_layout = QVBoxLayout(self.calm)
        calm_layout.setContentsMargins(14, 8, 14, 8)
        self.calm_heading = QLabel()
        self.calm_heading.setFont(heading_font(self.calm_heading.font(), 1.2, bold=False))
        self.calm_body = QLabel()
        self.calm_body.setProperty("role", "hint")
        for label in (self.calm_heading, self.calm_body):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            calm_layout.addWidget(label)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.calm, 0, 0)
        layout.addWidget(banner, 0, 0)  # the same cell: the taller of the two sets the height, shown or not
        for widget in (self.calm, banner):
            _keep_place(widget)
        banner.raised_changed.connect(self._raised)
        banner.session.data_changed.connect(self._follow_words)  # after the banner's own update (connected first)
        self._follow_words("")
        self._raised(banner.is_raised())

    def _follow_words(self, path: str) -> None:
        session = self.banner.session
        place = family_place(session.pathway, session.value(POSTCODE)).place
        who = "the front door" if place in ("outside", "shared") else session.pathway.front_door.name
        heading = f"If you are worried about a child's safety, contact {who}"
        body = self.banner.body.text()
        if (heading, body) != (self.calm_heading.text(), self.calm_body.text()):
            self.calm_heading.setText(heading)
            self.calm_body.setText(body)
            self.calm.setAccessibleName(heading)
            self.calm.setAccessibleDescription(body)

    def _raised(self, raised: bool) -> None:
        self.calm.setVisible(not raised)
