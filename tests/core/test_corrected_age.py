"""Corrected age for preterm babies (assessment.md §2): stage and domains by corrected age under 24 months,
the 24- and 30-month limits by actual age, "N months" as whole calendar months."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pydantic import ValidationError

from pairaid.core.default_rules import default_rules
from pairaid.core.engine import evaluate
from pairaid.core.errors import format_validation_error
from pairaid.core.stage import baby_age, corrected_age_in_months, format_age, stage_for
from tests.core.builders import build, observed, visit

ON = "2026-11-20"  # the visit date of every case below
S = "significant_concern"


def born(day: str, gestation: int | None = None, **baby: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {"name": "Zoë Brontë", "date_of_birth": day, **baby}
    if gestation is not None:
        entry["gestation_weeks"] = gestation
    return {"baby": entry}


def one_year_visit(day: str, gestation: int | None, **sections: Any) -> dict[str, Any]:
    return visit(contact={"date": ON, "type": "additional"}, family=born(day, gestation), **sections)


# (case, date of birth, gestation, domain rated significant concern, applies, actual months, corrected months)
DOMAIN_CASES = [
    ("comfort-seeking at 9 months actual", "2026-02-20", None, "baby_comfort_seeking", True, 9, None),
    ("comfort-seeking at 8 months actual", "2026-02-21", None, "baby_comfort_seeking", False, 8, None),
    ("comfort-seeking at 9 months corrected (36 weeks)", "2026-01-23", 36, "baby_comfort_seeking", True, 9, 9),
    ("comfort-seeking at 8 months corrected, 9 actual (36 weeks)", "2026-01-24", 36, "baby_comfort_seeking", False, 9, 8),
    ("gestation 37 is not corrected", "2026-01-24", 37, "baby_comfort_seeking", True, 9, None),
    ("exploring at 12 months actual", "2025-11-20", None, "exploration_support", True, 12, None),
    ("exploring at 11 months actual", "2025-11-21", None, "exploration_support", False, 11, None),
    ("limits at 12 months actual", "2025-11-20", None, "limits_and_guidance", True, 12, None),
    ("limits at 11 months actual", "2025-11-21", None, "limits_and_guidance", False, 11, None),
    ("exploring at 12 months corrected (30 weeks)", "2025-09-11", 30, "exploration_support", True, 14, 12),
    ("exploring at 11 months corrected, 14 actual (30 weeks)", "2025-09-12", 30, "exploration_support", False, 14, 11),
    ("limits at 11 months corrected (30 weeks)", "2025-09-12", 30, "limits_and_guidance", False, 14, 11),
    ("feeding together from birth", "2026-11-01", None, "feeding_together", True, 0, None),
    ("feeding together before the due date (24 weeks)", "2026-10-01", 24, "feeding_together", True, 1, 0),
]


@pytest.mark.parametrize(("day", "gestation", "domain", "applies", "months", "corrected"),
                         [c[1:] for c in DOMAIN_CASES], ids=[c[0] for c in DOMAIN_CASES])
def test_domains_apply_by_corrected_age(day: str, gestation: int | None, domain: str, applies: bool, months: int,
                                        corrected: int | None) -> None:
    assessment = build(one_year_visit(day, gestation, observations=observed(3, **{domain: S})))
    assert assessment.age_months == months
    assert assessment.corrected_age_months == corrected
    assert (domain in assessment.applicable_domains()) is applies
    outcome = evaluate(assessment, default_rules())
    assert ("single_significant" in {r.rule for r in outcome.reasons}) is applies
    assert outcome.level == ("specialist" if applies else "universal")
    named = [w for w in outcome.warnings if domain in w]
    if applies:
        assert named == []
    else:  # kept, not counted, and the warning names the domain and the age
        assert assessment.observations.rating(domain) == S
        assert len(named) == 1 and assessment.age_text() in named[0]


@pytest.mark.parametrize(
    ("day", "gestation", "stage"),
    [
        ("2026-05-20", None, "6-30"),  # 6 months actual
        ("2026-05-20", 37, "6-30"),  # term: no correction
        ("2026-05-20", 36, "0-5"),  # 6 months actual, 5 corrected
        ("2026-05-21", None, "0-5"),  # a day short of 6 months
    ],
)
def test_stage_by_corrected_age(day: str, gestation: int | None, stage: str) -> None:
    assert build(one_year_visit(day, gestation)).stage == stage


def test_correction_stops_at_24_months_actual() -> None:
    at_24 = build(one_year_visit("2024-11-20", 26))
    assert at_24.age_months == 24 and at_24.corrected_age_months is None
    assert at_24.age_text() == "24 months"
    at_23 = build(one_year_visit("2024-11-21", 26))
    assert at_23.age_months == 23 and at_23.corrected_age_months == 20


def test_the_30_month_limit_uses_actual_age() -> None:
    build(one_year_visit("2024-05-20", 26))  # 30 months actual: allowed
    with pytest.raises(ValidationError) as info:
        build(one_year_visit("2024-04-20", 26))  # 31 months actual, about 27 corrected: still refused
    assert "31 months old" in "\n".join(format_validation_error(info.value))


def test_the_24_month_notice_uses_actual_age() -> None:
    notices = build(one_year_visit("2024-10-19", 26)).notices()
    assert any("25 months old" in n for n in notices)


def test_corrected_age_never_below_zero_and_whole_calendar_months() -> None:
    assert corrected_age_in_months(date(2026, 11, 1), date(2026, 11, 20), 26) == 0  # still before 40 weeks
    assert baby_age(date(2026, 1, 31), date(2026, 2, 28)).months == 0  # the 31st not reached
    assert baby_age(date(2026, 1, 31), date(2026, 3, 31)).months == 2
    assert stage_for("new_birth", date(2026, 11, 1), date(2026, 11, 20), 26) == "0-5"


@pytest.mark.parametrize(
    ("day", "gestation", "text"),
    [
        ("2026-07-20", 32, "4 months, corrected 2 months"),  # 8 weeks early
        ("2026-07-20", None, "4 months"),
        ("2026-07-20", 39, "4 months"),
        ("2026-10-09", 34, "6 weeks, corrected 0 weeks"),
        ("2026-11-13", None, "1 week"),
    ],
)
def test_both_ages_in_words(day: str, gestation: int | None, text: str) -> None:
    assert format_age(date.fromisoformat(day), date.fromisoformat(ON), gestation) == text
    assert build(one_year_visit(day, gestation)).age_text() == text


def test_antenatal_has_no_age() -> None:
    a = build(visit(contact={"date": ON, "type": "antenatal"}, family={"baby": {"due_date": "2027-01-10"}}))
    assert a.age is None and a.age_text() is None and a.stage_months is None
    assert a.applicable_domains() == ("talk_about_baby", "parent_feelings")
