"""The walk-through's section pages, one module each, in the order a visit is written up."""

from __future__ import annotations

from pairaid.ui.sections.decision import DecisionPage
from pairaid.ui.sections.family import FamilyPage
from pairaid.ui.sections.mood import MoodPage
from pairaid.ui.sections.needs import NeedsPage
from pairaid.ui.sections.observations import ObservationsPage
from pairaid.ui.sections.page import SectionPage
from pairaid.ui.sections.parent_voice import ParentVoicePage
from pairaid.ui.sections.safeguarding import SafeguardingPage
from pairaid.ui.sections.visit import VisitPage

SECTION_PAGES: tuple[type[SectionPage], ...] = (
    VisitPage,
    FamilyPage,
    ObservationsPage,
    ParentVoicePage,
    MoodPage,
    NeedsPage,
    SafeguardingPage,
    DecisionPage,
)

__all__ = [
    "SECTION_PAGES",
    "DecisionPage",
    "FamilyPage",
    "MoodPage",
    "NeedsPage",
    "ObservationsPage",
    "ParentVoicePage",
    "SafeguardingPage",
    "SectionPage",
    "VisitPage",
]
