"""Stage and age from the contact and the baby's date of birth (assessment.md §2)."""

from __future__ import annotations

from datetime import date

from pairaid.core import vocab

FIRST_STAGE_LAST_MONTH = 5


def age_in_months(born: date, on: date) -> int:
    """Completed calendar months from `born` to `on` (a baby born 31 Jan is 0 months on 28 Feb)."""
    months = (on.year - born.year) * 12 + (on.month - born.month)
    if on.day < born.day:
        months -= 1
    return months


def age_in_weeks(born: date, on: date) -> int:
    """Completed weeks (used where a date of birth would identify the baby)."""
    return (on - born).days // 7


def stage_for(contact_type: str, date_of_birth: date | None, on: date) -> vocab.Stage:
    """Antenatal without a date of birth or at an antenatal contact; otherwise by age in months."""
    if contact_type == "antenatal" or date_of_birth is None:
        return "antenatal"
    return "0-5" if age_in_months(date_of_birth, on) <= FIRST_STAGE_LAST_MONTH else "6-30"
