"""Assess one record with a pathway: the level from its rules, the services it suggests, and every warning the
outcome must carry (where the family lives, a pathway past its review date, the pathway's own notes)."""

from __future__ import annotations

import datetime as dt

from pairaid.core.assessment import Assessment
from pairaid.core.engine import evaluate
from pairaid.core.front_door import area_warnings
from pairaid.core.matching import match_services
from pairaid.core.outcome import Outcome
from pairaid.core.pathway import Pathway


def pathway_warnings(pathway: Pathway, today: dt.date | None = None) -> list[str]:
    """Warnings about the pathway itself that every outcome should carry (a past review date)."""
    review_by = pathway.pathway.review_by
    if review_by is not None and review_by < (today or dt.date.today()):
        owner = f" ({pathway.pathway.owner})" if pathway.pathway.owner else ""
        return [
            f"This pathway is past its review date ({review_by.isoformat()}): services and contact details may "
            f"have changed. Check before referring, and tell the pathway's owner{owner}."
        ]
    return []


def assess_with_pathway(
    assessment: Assessment, pathway: Pathway, *, strict: bool = True, today: dt.date | None = None
) -> Outcome:
    """The outcome (assessment.md §8) with the pathway's rules, suggested services (§9) and warnings.

    strict: an override the rules forbid raises OverrideError (the command line); otherwise it is a warning.
    """
    outcome = evaluate(assessment, pathway.rules, strict=strict)
    matching = match_services(assessment, outcome, pathway)
    warnings = [
        *outcome.warnings,
        *area_warnings(pathway, assessment.family.postcode),
        *pathway_warnings(pathway, today),
        *matching.warnings,
    ]
    return outcome.model_copy(update={"services": matching.services, "warnings": warnings})
