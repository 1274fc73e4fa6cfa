"""Shared data for the summary tests: a fictional pathway and a synthetic family (tests/report/fixtures)."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from pathlib import Path
from typing import Any

from pairaid.core.assessment import Assessment, parse_assessment
from pairaid.core.outcome import Outcome, ServiceSuggestion
from pairaid.core.pathway import Pathway

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = dt.date(2026, 11, 26)
MADE_ON = dt.date(2026, 11, 26)


def visit_data() -> dict[str, Any]:
    return json.loads((FIXTURES / "visit.json").read_text(encoding="utf-8"))


def load_test_pathway() -> Pathway:
    from pairaid.pathway.loading import load_pathway

    return load_pathway(FIXTURES / "pathway.yaml")


def make(data: dict[str, Any]) -> Assessment:
    return parse_assessment(data, today=TODAY)


def outcome_for(assessment: Assessment, pathway: Pathway) -> Outcome:
    """The engine's outcome with a fixed list of suggestions, so these tests do not depend on matching."""
    from pairaid.core.assess import assess_with_pathway

    outcome = assess_with_pathway(assessment, pathway)
    services = [
        ServiceSuggestion(id="calm-minds", level="targeted", why=["Serves mental health in pregnancy and after birth"]),
        ServiceSuggestion(
            id="little-steps", level="specialist", why=["Serves the parent-baby relationship"], verified=False
        ),
        ServiceSuggestion(id="sunrise-hub", level="universal", why=["Universal help for every family"]),
    ]
    if outcome.safeguarding:
        services.insert(0, ServiceSuggestion(id="front-door", level="statutory", why=["Safeguarding"]))
    return outcome.model_copy(update={"services": services})


def pdf_text(path: Path) -> str:
    """All text of a PDF, NFKC-normalised (shaped Arabic comes back as presentation forms)."""
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    return unicodedata.normalize("NFKC", "\n".join(page.extract_text() for page in reader.pages))


def flat(text: str) -> str:
    return " ".join(text.split())
