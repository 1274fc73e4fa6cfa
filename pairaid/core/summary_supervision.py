"""The supervision copy: the referral copy passed through the record's one `Deidentifier` (the same that
de-identifies the supervision bundle), with a short reference instead of the record id and room for the
supervisor's view."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from pairaid.core.assessment import Assessment
from pairaid.core.deidentify import Deidentifier
from pairaid.core.outcome import Outcome
from pairaid.core.pathway import Pathway
from pairaid.core.summary_document import Row, Rows, Section
from pairaid.core.summary_referral import ReferralBuilder


def deidentifier_for(assessment: Assessment, recipient: str | None, also_remove: Sequence[str] = ()) -> Deidentifier:
    """The one de-identification of this record (also used for its supervision bundle)."""
    return Deidentifier.for_record(assessment.model_dump(mode="json"), recipient=recipient, also_remove=also_remove)


def supervision_sections(assessment: Assessment, outcome: Outcome, pathway: Pathway, *, made_on: dt.date,
                         recipient: str | None, also_remove: Sequence[str] = ()) -> list[Section]:
    builder = ReferralBuilder(assessment, outcome, pathway, made_on=made_on, recipient=recipient,
                              deid=deidentifier_for(assessment, recipient, also_remove))
    sections = builder.sections()
    for section in sections:
        if section.id == "about":
            section.heading = "About this visit"
    notes = Section(id="supervision_notes", heading="Supervision", keep_with_next=True,
                    blocks=[Rows(rows=[Row(label="Level agreed or challenged", value=" "),
                                       Row(label="Comments", value=" ")])])
    signatures = builder.signatures(second="Supervisor")
    return [s for s in sections if s.id != "signatures"] + [notes, signatures]
