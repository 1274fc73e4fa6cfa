"""The readable form of an outcome for the terminal."""

from __future__ import annotations

import textwrap

from pairaid.core.assessment import Assessment
from pairaid.core.front_door import front_door_notice
from pairaid.core.outcome import Outcome
from pairaid.core.pathway import Pathway


def _wrap(text: str, indent: str) -> str:
    return textwrap.fill(text, width=100, initial_indent=indent, subsequent_indent=" " * len(indent))


def outcome_text(assessment: Assessment, outcome: Outcome, pathway: Pathway) -> str:
    lines: list[str] = []
    if outcome.safeguarding:
        notice = front_door_notice(pathway, assessment.family.postcode)
        lines.append("!! " + notice.heading.replace("Safeguarding:", "SAFEGUARDING:", 1))
        lines.extend(_wrap(line, "   ") for line in notice.all_lines())
        lines.append("")
    level_label = pathway.levels.get(outcome.level).label
    if outcome.nothing_observed:  # never a bare level when nothing was observed
        level_label = f"{outcome.level_caption()} ({outcome.coverage_text()}; {level_label} until then)"
    elif outcome.provisional:  # a provisional level is never printed bare
        level_label = f"{level_label} ({outcome.provisional_text()})"
    flags = [flag for flag, on in (("URGENT", outcome.urgent),) if on]
    lines.append(f"Suggested level: {level_label}" + (f"  [{', '.join(flags)}]" if flags else ""))
    if outcome.override:
        o = outcome.override
        who = f" by {o.by}" if o.by else ""
        why = f": {o.reason}" if o.reason else ""
        lines.append(f"Final level: {pathway.levels.get(o.to_level).label} (changed{who}{why})")
    also = [pathway.levels.get(lvl).label for lvl in outcome.levels if lvl != outcome.level]
    if also:
        lines.append("Also matched: " + ", ".join(also))
    lines.append(f"Observed: {outcome.coverage} of {outcome.applicable_domains} areas that apply at this stage")
    if outcome.prompts:
        lines.append("")
        lines.append("Act now:")
        lines.extend(_wrap(p, "  ! ") for p in outcome.prompts)
    lines.append("")
    lines.append("Why:")
    for reason in outcome.reasons:
        # rule ids are for files (--json); a person reads the level's name and the reason's own words
        lines.append(_wrap(f"{pathway.levels.get(reason.level).label}: {reason.text}", "  - "))
        if reason.prompt:
            lines.append(_wrap(f"Next: {reason.prompt}", "      "))
    if outcome.services:
        lines.append("")
        lines.append("Suggested services:")
        first_more = 0
        for suggestion in outcome.services:
            service = pathway.service(suggestion.id)
            if service is None:
                continue
            check = "" if service.is_verified else "  [check before referring]"
            urgent = "URGENT: " if suggestion.urgent else ""
            if not suggestion.recommended and (first_more := first_more + 1) == 1:
                lines.append("  More services:")
            lines.append(f"  * {urgent}{service.name} ({pathway.levels.get(service.level).label}){check}")
            for why in suggestion.why:
                lines.append(_wrap(why, "      why: "))
            routes = [r for r, ok in (("self-referral", service.referral.self),
                                      ("professional referral", service.referral.professional)) if ok]
            if routes or service.referral.how:
                lines.append(_wrap(f"{' or '.join(routes)}. {service.referral.how or ''}".strip(), "      refer: "))
            contact = service.contact
            details = [d for d in (*contact.numbers(), contact.url, contact.email, contact.hours) if d]
            if details:
                lines.append(_wrap("; ".join(details), "      contact: "))
            if not service.is_verified:
                note = service.verified.note or "these details are not confirmed"
                lines.append(_wrap(f"check before referring: {note}", "      "))
    if outcome.warnings:
        lines.append("")
        lines.append("Notes:")
        lines.extend(_wrap(w, "  - ") for w in outcome.warnings)
    return "\n".join(lines)
