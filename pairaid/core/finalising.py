"""What must be written before an outcome can be finalised (assessment.md §1 and §7, summaries.md), in one
place for the app's Finalise and the command line: an allowed override, a written reason for a provisional
level, what was done today and what is asked (the services selected) when the outcome is urgent or statutory,
and the consent and basis for sharing."""

from __future__ import annotations

from pairaid.core.assessment import Assessment
from pairaid.core.engine import override_problem
from pairaid.core.outcome import Outcome
from pairaid.core.written_reason import written_reason_problem


def needs_action_taken(outcome: Outcome) -> bool:
    """Urgent or statutory outcomes record what was done today before they are final."""
    return outcome.urgent or outcome.level == "statutory" or outcome.final_level == "statutory"


def finalise_problems(assessment: Assessment, outcome: Outcome) -> list[str]:
    """Each problem as `field: what to do`; an empty list means the record may be finalised.

    `outcome` is the outcome of `assessment` (evaluated with strict=False, so a refused override is reported
    here rather than raised).
    """
    decision = assessment.decision
    problems: list[str] = []
    override = override_problem(outcome.level, decision.override_level, decision.override_reason,
                                outcome.safeguarding)
    if override is not None:
        problems.append(override.message())
    if outcome.provisional:
        weak = written_reason_problem(decision.provisional_reason)
        if weak:
            problems.append(
                f"decision.provisional_reason: the level is provisional ({outcome.coverage_text()}); say why it can "
                f"be relied on now, or observe more first. {weak[0].upper()}{weak[1:]}"
            )
    what = "urgent" if outcome.urgent else "statutory"
    if needs_action_taken(outcome) and not (decision.action_taken or "").strip():
        problems.append(
            f"decision.action_taken: the outcome is {what}; write what was done today (who you contacted, when, "
            "and what was agreed) before finalising."
        )
    if needs_action_taken(outcome) and not decision.selected_services:
        # The referral copy prints only selected services: "for information" must never hide an urgent route.
        problems.append(
            f"decision.selected_services: the outcome is {what}; select the service you are asking to act (the "
            "front door, or the urgent mental health route) so the referral says what is asked."
        )
    consent = assessment.consent
    if consent.sharing_basis is None:
        problems.append("consent.sharing_basis: record the basis for sharing (consent, safeguarding or other) "
                        "before finalising.")
    elif consent.sharing_basis == "consent" and consent.family_agrees != "yes":
        problems.append("consent.family_agrees: sharing rests on consent, so record that the family agrees "
                        "(or choose the basis it does rest on) before finalising.")
    return problems
