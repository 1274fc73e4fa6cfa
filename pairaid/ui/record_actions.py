"""Finalise and amend: the record workflow behind the window's buttons, testable without a window.

Each action takes the store, the pathway and the record as it stands, asks its questions through `Prompts`
(the shell's modal dialogs, or a test's stand-in) and says what the window should do next. It never touches a
widget.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from pairaid.ui import dialogs

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from pairaid.core.pathway import Pathway
    from pairaid.store.models import Record
    from pairaid.store.store import Store


class Prompts(Protocol):
    def error(self, title: str, text: str) -> None: ...

    def confirm(self, title: str, text: str, yes: str) -> bool: ...


@dataclass
class DialogPrompts:
    """The shell's modal dialogs over `parent` (looked up at each call, so tests patch `dialogs` as usual)."""

    parent: QWidget | None

    def error(self, title: str, text: str) -> None:
        dialogs.error(self.parent, title, text)

    def confirm(self, title: str, text: str, yes: str) -> bool:
        return dialogs.confirm(self.parent, title, text, yes)


@dataclass(frozen=True)
class Finalised:
    """The record is final now, at this version."""

    version: int


@dataclass(frozen=True)
class NotFinalised:
    """Nothing changed; `go_to` names the section to put right, if one is known."""

    go_to: str | None = None


def new_draft_data(today_iso: str) -> dict[str, Any]:
    """The data of a new visit: today's contact and nothing else."""
    from pairaid.core.assessment import FORMAT

    return {"format": FORMAT, "contact": {"date": today_iso}}


def record_status(record: Record) -> str:
    """The words under the visit's title."""
    if record.status == "final":
        return "Final (read-only)"
    if record.status == "amended":
        return "Amended (superseded, read-only)"
    return "Amendment draft" if record.amendment_of else "Draft"


def can_amend(record: Record | None) -> bool:
    return record is not None and record.status == "final" and not record.deidentified


def finalise(store: Store, pathway: Pathway, record_id: str, version: int, data: dict[str, Any],
             prompts: Prompts) -> Finalised | NotFinalised:
    """Validate strictly, confirm, make the record final (read-only from then on)."""
    from pydantic import ValidationError

    from pairaid.core.assess import assess_with_pathway
    from pairaid.core.assessment import parse_assessment
    from pairaid.core.engine import OverrideError, override_problem
    from pairaid.core.errors import format_validation_error
    from pairaid.store.errors import StoreError

    try:
        assessment = parse_assessment(data)
    except ValidationError as exc:
        lines = "\n".join(f"• {line}" for line in format_validation_error(exc))
        prompts.error("Not ready to finalise", f"Put these right first, then finalise again:\n\n{lines}")
        return NotFinalised()
    try:
        outcome = assess_with_pathway(assessment, pathway, strict=True)
    except OverrideError:
        draft = assess_with_pathway(assessment, pathway, strict=False)
        decision = assessment.decision
        problem = override_problem(draft.level, decision.override_level, decision.override_reason,
                                   draft.safeguarding)
        prompts.error("Lowering the level needs a reason",
                      override_explanation(pathway, draft.level, decision.override_level or draft.level,
                                           problem is not None and problem.kind == "safeguarding"))
        return NotFinalised(go_to="decision")
    from pairaid.core.finalising import finalise_problems

    # What summaries.md asks before a record is final: the ask and what was done today when urgent or
    # statutory, the reason a provisional level is relied on, consent and the basis for sharing. Shown without
    # the field paths (those are for files and the command line).
    missing = [p.split(": ", 1)[-1] for p in finalise_problems(assessment, outcome)]
    if missing:
        lines = "\n".join(f"• {line[0].upper()}{line[1:]}" for line in missing)
        prompts.error("Not ready to finalise", f"Put these right in the Decision section, then finalise again:"
                                               f"\n\n{lines}")
        return NotFinalised(go_to="decision")
    final = pathway.levels.get(outcome.final_level).label
    if not prompts.confirm(
            "Finalise this assessment?",
            f"The level of need will be recorded as {final}. A final record cannot be changed: corrections are "
            "made as an amendment, which keeps the original.", "Finalise"):
        return NotFinalised()
    try:
        new_version = store.finalise(record_id, version, assessment, outcome, pathway_id=pathway.pathway.id,
                                     pathway_version=pathway.pathway.version)
    except (StoreError, OverrideError, ValueError) as exc:
        prompts.error("Not finalised", f"{exc}.")
        return NotFinalised()
    return Finalised(new_version)


def override_explanation(pathway: Pathway, suggested: str, chosen: str, safeguarding: bool) -> str:
    levels = pathway.levels
    if safeguarding:
        return (f"A safeguarding indicator is recorded, so the level stays {levels.get('statutory').label} "
                "and cannot be lowered. On the Decision section choose the suggested level, and follow the "
                "front door's advice.")
    return (f"You lowered the level from {levels.get(suggested).label} to {levels.get(chosen).label} "
            "without a reason. On the Decision section, write why in the reason box, or accept the "
            "suggested level. Then finalise again.")


def amend(store: Store, record: Record, prompts: Prompts) -> str | None:
    """After confirming, open a linked amendment draft of a final record; its id, or None."""
    from pairaid.store.errors import StoreError

    if record.status != "final":
        return None
    if not prompts.confirm("Amend this record?",
                           "An amendment is a new draft linked to this final record. The final record stays "
                           "as it is until the amendment is finalised.", "Amend"):
        return None
    try:
        return store.amend(record.id).id
    except StoreError as exc:
        prompts.error("Cannot amend", f"{exc}.")
        return None


def save_failure_text(error: BaseException | None, message: str) -> str:
    """What to do when an autosave failed: reload after another window's change, otherwise carry on."""
    from pairaid.store.errors import VersionConflict

    if isinstance(error, VersionConflict):
        return ("This record was changed in another pairaid window since you opened it, so your latest change "
                "was not saved. Go home, open the record again, and redo the change.")
    return (f"Your latest change could not be saved: {message}. pairaid will try again on your next change. If "
            "this keeps happening, note the change on paper and tell your IT service desk.")
