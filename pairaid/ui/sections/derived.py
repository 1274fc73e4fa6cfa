"""Facts the pages show that follow from the draft (stage, age), worked out even while it is incomplete."""

from __future__ import annotations

import datetime as dt

from pairaid.core.stage import age_in_months, age_in_weeks, stage_for
from pairaid.ui.sections.fields import iso_to_date
from pairaid.ui.session import VisitSession


def visit_date(session: VisitSession) -> dt.date:
    """The visit date, or today while it is not set (so the stage can be shown early)."""
    return iso_to_date(session.value("contact.date")) or session.today or dt.date.today()


def draft_stage(session: VisitSession) -> str:
    """antenatal, 0-5 or 6-30 from what has been entered so far."""
    born = iso_to_date(session.value("family.baby.date_of_birth"))
    on = visit_date(session)
    if born is not None and born > on:
        born = None
    return stage_for(session.value("contact.type") or "", born, on)


def age_text(session: VisitSession) -> str:
    """The baby's age on the visit date in plain words, or how far the pregnancy is from the due date."""
    on = visit_date(session)
    born = iso_to_date(session.value("family.baby.date_of_birth"))
    if born is not None and born <= on:
        weeks = age_in_weeks(born, on)
        months = age_in_months(born, on)
        if months < 3:
            return f"{weeks} week{'s' if weeks != 1 else ''} old on the visit date"
        return f"{months} months old on the visit date"
    due = iso_to_date(session.value("family.baby.due_date"))
    if due is not None:
        days = (due - on).days
        if days >= 0:
            return f"due in {days // 7} weeks and {days % 7} days"
        return f"due date was {-days // 7} weeks and {-days % 7} days before the visit"
    return "no date of birth or due date yet"
