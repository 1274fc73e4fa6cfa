"""What must be written before an outcome can be finalised (assessment.md §1 and §7), in one place for the
app's Finalise and the command line: an allowed override, a written reason for a provisional level, and
what was done today when the outcome is urgent or statutory."""

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
    if needs_action_taken(outcome) and not (decision.action_taken or "").strip():
        what = "urgent" if outcome.urgent else "statutory"
        problems.append(
            f"decision.action_taken: the outcome is {what}; write what was done today (who you contacted, when, "
            "and what was agreed) before finalising."
        )
    return problems
