"""Facts the pages show that follow from the draft (stage, age), worked out even while it is incomplete."""

from __future__ import annotations

import datetime as dt

from pairaid.core.stage import BabyAge, baby_age, stage_for
from pairaid.ui.sections.fields import iso_to_date
from pairaid.ui.session import VisitSession


def visit_date(session: VisitSession) -> dt.date:
    """The visit date, or today while it is not set (so the stage can be shown early)."""
    return iso_to_date(session.value("contact.date")) or session.today or dt.date.today()


def _gestation(session: VisitSession) -> int | None:
    weeks = session.value("family.baby.gestation_weeks")
    return weeks if isinstance(weeks, int) and not isinstance(weeks, bool) and 22 <= weeks <= 44 else None


def draft_age(session: VisitSession) -> BabyAge | None:
    """The baby's age on the visit date, actual and (born before 37 weeks, under two) corrected; None before
    birth or while no date of birth is entered."""
    born = iso_to_date(session.value("family.baby.date_of_birth"))
    on = visit_date(session)
    if born is None or born > on:
        return None
    return baby_age(born, on, _gestation(session))


def draft_stage(session: VisitSession) -> str:
    """antenatal, 0-5 or 6-30 from what has been entered so far (by the corrected age when it applies)."""
    born = iso_to_date(session.value("family.baby.date_of_birth"))
    on = visit_date(session)
    if born is not None and born > on:
        born = None
    return stage_for(session.value("contact.type") or "", born, on, _gestation(session))


def draft_stage_months(session: VisitSession) -> int | None:
    """The age in whole months that decides which observation areas apply (corrected when it applies)."""
    age = draft_age(session)
    return age.stage_months if age is not None else None


def age_text(session: VisitSession) -> str:
    """The baby's age on the visit date in plain words, both ages for a preterm baby ("4 months, corrected
    2 months old on the visit date"), or how far the pregnancy is from the due date."""
    on = visit_date(session)
    age = draft_age(session)
    if age is not None:
        return f"{age.text()} old on the visit date"
    due = iso_to_date(session.value("family.baby.due_date"))
    if due is not None:
        days = (due - on).days
        if days >= 0:
            return f"due in {days // 7} weeks and {days % 7} days"
        return f"due date was {-days // 7} weeks and {-days % 7} days before the visit"
    return "no date of birth or due date yet"
