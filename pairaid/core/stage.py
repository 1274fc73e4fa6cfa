"""Stage and age from the contact and the baby's date of birth, with corrected age for preterm babies
(assessment.md §2).

"N months" is whole calendar months completed: a baby born on the 31st reaches a month on the last day of a
shorter month only when the day of the month is reached, so one born 31 Jan is 0 months on 28 Feb.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from pairaid.core import vocab

FIRST_STAGE_LAST_MONTH = vocab.FIRST_STAGE_LAST_MONTH
TERM_WEEKS = 40  # corrected age counts from the date the baby would have been born at 40 weeks
PRETERM_BEFORE_WEEKS = 37  # born before 37 completed weeks: corrected age is used
CORRECT_UNTIL_MONTHS = 24  # from two years (actual age) the actual age is used again
WEEKS_UNTIL_MONTHS = 3  # ages under three months read better in weeks


def age_in_months(born: date, on: date) -> int:
    """Completed calendar months from `born` to `on` (a baby born 31 Jan is 0 months on 28 Feb)."""
    months = (on.year - born.year) * 12 + (on.month - born.month)
    if on.day < born.day:
        months -= 1
    return months


def age_in_weeks(born: date, on: date) -> int:
    """Completed weeks (used where a date of birth would identify the baby)."""
    return (on - born).days // 7


def uses_corrected_age(gestation_weeks: int | None, born: date, on: date) -> bool:
    """Corrected age applies to a baby born before 37 weeks while under 24 months old (actual age)."""
    return (
        gestation_weeks is not None
        and gestation_weeks < PRETERM_BEFORE_WEEKS
        and age_in_months(born, on) < CORRECT_UNTIL_MONTHS
    )


def term_date(born: date, gestation_weeks: int) -> date:
    """The date the baby would have reached 40 weeks: actual age minus (40 - gestation) weeks is measured from it."""
    return born + timedelta(weeks=TERM_WEEKS - gestation_weeks)


def corrected_age_in_months(born: date, on: date, gestation_weeks: int) -> int:
    """Whole months of corrected age; 0 while the baby is still before its 40-week date (never below 0)."""
    start = term_date(born, gestation_weeks)
    return age_in_months(start, on) if on >= start else 0


def corrected_age_in_weeks(born: date, on: date, gestation_weeks: int) -> int:
    start = term_date(born, gestation_weeks)
    return age_in_weeks(start, on) if on >= start else 0


@dataclass(frozen=True)
class BabyAge:
    """A born baby's age on a date: actual, and corrected when corrected age applies."""

    months: int
    weeks: int
    corrected_months: int | None = None
    corrected_weeks: int | None = None

    @property
    def is_corrected(self) -> bool:
        return self.corrected_months is not None

    @property
    def stage_months(self) -> int:
        """The age that decides the stage and which observation domains apply (corrected when it applies)."""
        return self.corrected_months if self.corrected_months is not None else self.months

    def text(self) -> str:
        """Both ages in plain words: "4 months, corrected 2 months"; weeks under three months."""
        in_weeks = self.months < WEEKS_UNTIL_MONTHS
        actual = _weeks(self.weeks) if in_weeks else _months(self.months)
        if self.corrected_months is None or self.corrected_weeks is None:
            return actual
        corrected = _weeks(self.corrected_weeks) if in_weeks else _months(self.corrected_months)
        return f"{actual}, corrected {corrected}"


def _weeks(n: int) -> str:
    return f"{n} week{'' if n == 1 else 's'}"


def _months(n: int) -> str:
    return f"{n} month{'' if n == 1 else 's'}"


def baby_age(born: date, on: date, gestation_weeks: int | None = None) -> BabyAge:
    """The baby's age on `on`, with the corrected age when the baby was born before 37 weeks and is under two."""
    months, weeks = age_in_months(born, on), age_in_weeks(born, on)
    if gestation_weeks is None or not uses_corrected_age(gestation_weeks, born, on):
        return BabyAge(months=months, weeks=weeks)
    return BabyAge(
        months=months,
        weeks=weeks,
        corrected_months=corrected_age_in_months(born, on, gestation_weeks),
        corrected_weeks=corrected_age_in_weeks(born, on, gestation_weeks),
    )


def format_age(born: date, on: date, gestation_weeks: int | None = None) -> str:
    """Both ages for the screen and summaries, e.g. "4 months, corrected 2 months" (just "4 months" at term)."""
    return baby_age(born, on, gestation_weeks).text()


def stage_for(
    contact_type: str, date_of_birth: date | None, on: date, gestation_weeks: int | None = None
) -> vocab.Stage:
    """Antenatal without a date of birth or at an antenatal contact; otherwise by (corrected) age in months."""
    if contact_type == "antenatal" or date_of_birth is None:
        return "antenatal"
    months = baby_age(date_of_birth, on, gestation_weeks).stage_months
    return "0-5" if months <= FIRST_STAGE_LAST_MONTH else "6-30"


def applicable_domains(stage: str, stage_months: int | None) -> tuple[str, ...]:
    """The observation domains rated at `stage` for a baby of `stage_months` (corrected) months, in order."""
    return tuple(d for d in vocab.DOMAINS if vocab.domain_applies(d, stage, stage_months))
