"""Shared set-up of the walk-through tests: a session on Birmingham's rules with synthetic services, a fixed
"today", and typing of any text (non-ASCII included) the safe way."""

from __future__ import annotations

import datetime as dt
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from pairaid.core.pathway import Pathway, Service
from pairaid.pathway.loading import load_pathway
from pairaid.resources import default_pathway_path
from pairaid.ui.session import VisitSession
from pairaid.ui.walkthrough import WalkthroughView

TODAY = dt.date(2026, 11, 26)

SERVICES = [
    {"id": "bright-start", "name": "Bright Start Baby Group", "level": "universal",
     "needs": ["parent_infant_relationship", "parenting"], "ages": {"antenatal": True, "min_months": 0},
     "contact": {"phone": "0121 496 0100"}, "verified": {"status": "verified", "checked": "2026-11-01"}},
    {"id": "calm-minds", "name": "Calm Minds Perinatal", "level": "specialist",
     "needs": ["perinatal_mental_health", "parent_infant_relationship"],
     "ages": {"antenatal": True, "min_months": 0, "max_months": 24},
     "contact": {"email": "calm@example.org"}, "verified": {"status": "unverified"}},
    {"id": "safe-homes", "name": "Safe Homes Housing Advice", "level": "targeted", "needs": ["housing"],
     "contact": {"phone": "07700 900123"}, "verified": {"status": "verified", "checked": "2026-10-01"}},
]

_BIRMINGHAM: Pathway | None = None


def test_pathway() -> Pathway:
    """Birmingham's rules and front door with the synthetic services above."""
    global _BIRMINGHAM
    if _BIRMINGHAM is None:
        _BIRMINGHAM = load_pathway(default_pathway_path())
    services = [Service.model_validate(s) for s in SERVICES]
    return _BIRMINGHAM.model_copy(update={"services": services})


test_pathway.__test__ = False  # a helper, not a test


class Clock:
    """A clock for the session's undo merging: `tick()` moves past the merge window."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def tick(self, seconds: float = 5.0) -> None:
        self.now += seconds


def make_session(clock: Clock | None = None) -> VisitSession:
    return VisitSession(test_pathway(), today=TODAY, clock=clock or Clock())


def complete_draft(**extra: object) -> dict:
    data: dict = {
        "contact": {"date": "2026-11-20", "type": "six_to_eight_weeks"},
        "family": {"baby": {"date_of_birth": "2026-10-01", "name": "Nguyễn Thị Minh Khai"}},
    }
    data.update(extra)
    return data


def type_text(widget: QWidget, text: str) -> None:
    """Type `text` one key event per character (qtbot.keyClicks aborts the process on non-ASCII)."""
    widget.setFocus()
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)
    QApplication.processEvents()


def shown_walkthrough(qtbot: QtBot, session: VisitSession) -> WalkthroughView:
    """The walk-through on a 1366x768 window, exposed and active, as keyboard tests need it."""
    from pairaid.core.framework import load_framework

    widget = WalkthroughView(session, load_framework())
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    return widget
