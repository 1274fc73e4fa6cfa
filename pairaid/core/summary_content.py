"""The three summary copies (referral, parent, supervision): `build_summary` picks the builder.

Modules by job: summary_document (the model every copy is made of), summary_referral, summary_parent,
summary_supervision (the builders), summary_text (shared wording) and deidentify (the one de-identification,
shared with the supervision bundle). pairaid.report draws a SummaryDocument; the app previews it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from pairaid.core.assessment import Assessment
from pairaid.core.canonical import fingerprint
from pairaid.core.deidentify import short_reference
from pairaid.core.outcome import Outcome
from pairaid.core.pathway import Pathway
from pairaid.core.summary_document import (
    COPIES,
    DRAFT_MARK,
    MARKING,
    Alert,
    Block,
    Bullets,
    Copy,
    Para,
    Row,
    Rows,
    Section,
    Signature,
    SummaryDocument,
    Table,
)
from pairaid.core.summary_parent import ParentBuilder, ParentRefused, needs_safe_to_take_home
from pairaid.core.summary_referral import ReferralBuilder
from pairaid.core.summary_supervision import supervision_sections
from pairaid.core.summary_text import CHECK_BEFORE_REFERRING, NOT_RECORDED, gestation_weeks, long_date

__all__ = [
    "CHECK_BEFORE_REFERRING", "COPIES", "DRAFT_MARK", "MARKING", "NOT_RECORDED", "Alert", "Block", "Bullets", "Copy",
    "Para", "ParentRefused", "Row", "Rows", "Section", "Signature", "SummaryDocument", "Table", "build_summary",
    "gestation_weeks", "long_date", "needs_safe_to_take_home",
]


def build_summary(
    assessment: Assessment,
    outcome: Outcome,
    pathway: Pathway,
    copy: Copy,
    recipient: str | None,
    made_on: dt.date | None = None,
    *,
    final: bool = False,
    safe_to_take_home: bool = False,
    also_remove: Sequence[str] = (),
) -> SummaryDocument:
    """One copy of the summary. `final`: made from a finalised record (otherwise every page says DRAFT).
    `recipient` is this copy's own (never printed on the parent copy, which is addressed to the family).
    `safe_to_take_home`: the practitioner's answer, needed for a parent copy when `needs_safe_to_take_home`
    (else ParentRefused says why). `also_remove`: words marked by hand for the supervision copy."""
    if copy not in COPIES:
        raise ValueError(f"copy must be one of {', '.join(COPIES)}, not {copy!r}")
    made_on = made_on or dt.date.today()
    recipient = recipient.strip() if recipient and recipient.strip() else None
    print_fingerprint = fingerprint(assessment)
    pathway_part = f"Pathway {pathway.pathway.id} {pathway.pathway.version} · Fingerprint {print_fingerprint}"
    record_id = assessment.id
    note: str | None = None
    if copy == "parent":
        why = needs_safe_to_take_home(assessment)
        if why and not safe_to_take_home:
            raise ParentRefused(f"The parent copy needs the practitioner's confirmation that it is safe for this "
                                f"parent to take home, because {why}.")
        builder = ParentBuilder(assessment, outcome, pathway, made_on=made_on)
        sections = builder.sections()
        title = "Notes from your visit"
        recipient = builder.recipient()
        note = "This holds private information about your family. Please keep it somewhere safe."
        footer = f"Record {record_id}"
    elif copy == "supervision":
        sections = supervision_sections(assessment, outcome, pathway, made_on=made_on, recipient=recipient,
                                        also_remove=also_remove)
        title = "Supervision copy (de-identified)"
        note = ("De-identified: initials for names, ages instead of dates; no NHS number, postcode, address or "
                "contact details.")
        record_id = short_reference(assessment.id)
        footer = f"Ref {record_id} · {pathway_part}"
    else:
        sections = ReferralBuilder(assessment, outcome, pathway, made_on=made_on, recipient=recipient).sections()
        title = "Referral summary"
        footer = f"Record {record_id} · {pathway_part}"
    return SummaryDocument(
        copy_kind=copy,
        title=title,
        marking_note=note,
        draft=not final,
        recipient=None if copy == "supervision" else recipient,  # a supervision copy names no one
        made_on=made_on,
        record_id=record_id,
        pathway_id=pathway.pathway.id,
        pathway_version=pathway.pathway.version,
        fingerprint=print_fingerprint,
        footer=footer,
        sections=sections,
    )
