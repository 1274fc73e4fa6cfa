"""The one front-door text (pairaid.core.front_door): the lines, the out-of-area and shared-district words,
and the outcome's warnings, for the fictional Riverside pathway and for Birmingham's real districts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from pairaid.core.assess import assess_with_pathway
from pairaid.core.assessment import parse_assessment
from pairaid.core.front_door import (
    area_line,
    area_warnings,
    family_place,
    front_door_lines,
    front_door_notice,
    national_lines,
)
from pairaid.core.pathway import Pathway
from pairaid.pathway.check import check_file
from pairaid.resources import default_pathway_path

RIVERSIDE = Path(__file__).resolve().parents[1] / "fixtures" / "pathways" / "riverside.yaml"
VISIT = dt.date(2026, 11, 20)
OUT_OF_BIRMINGHAM = ("This family lives outside Birmingham: contact the children's services front door of the "
                     "family's own local authority")


def _checked(path: Path) -> Pathway:
    found = check_file(path, today=VISIT).pathway
    assert found is not None
    return found


@pytest.fixture(scope="module")
def riverside() -> Pathway:
    return _checked(RIVERSIDE)


@pytest.fixture(scope="module")
def birmingham() -> Pathway:
    return _checked(default_pathway_path())


def record(postcode: str | None, **extra: Any) -> Any:
    data: dict[str, Any] = {"format": "pairaid.assessment/1", "contact": {"date": VISIT.isoformat(),
                                                                          "type": "new_birth"},
                            "family": {"baby": {"date_of_birth": "2026-10-01"}, "postcode": postcode}}
    data.update(extra)
    return parse_assessment(data, today=VISIT)


def test_front_door_lines(riverside: Pathway) -> None:
    assert front_door_lines(riverside.front_door) == [
        "Riverside Front Door: 0121 496 0001",
        "Out of hours: 0121 496 0002",
        "Emergency (a child in immediate danger): 999",
    ]


def test_birmingham_front_door_lines_include_the_follow_up(birmingham: Pathway) -> None:
    assert front_door_lines(birmingham.front_door) == [
        "Children's Advice and Support Service (CASS): 0121 303 1888",
        "Out of hours: 0121 675 4806",
        "Emergency (a child in immediate danger): 999",
        "Confirm a phone referral in writing with a Request for Support within 48 hours.",
    ]


def test_inside_the_area_the_notice_names_the_front_door_and_no_area_line(riverside: Pathway) -> None:
    notice = front_door_notice(riverside, "B1 1AA")
    assert notice.heading == "Safeguarding: contact Riverside Front Door now"
    assert notice.area is None and notice.all_lines() == notice.lines
    assert notice.sentence() == ("Riverside Front Door: 0121 496 0001. Out of hours: 0121 496 0002. Emergency (a "
                                 "child in immediate danger): 999.")


@pytest.mark.parametrize("postcode", ["B37 7HL", "B40 1NT", "B46 1AA", "B47 6AA", "B48 7AA", "B90 1AA", "B72 1AA"])
def test_outside_birmingham_the_own_local_authority_comes_first(birmingham: Pathway, postcode: str) -> None:
    where = family_place(birmingham, postcode)
    if where.place == "shared":  # Sutton Coldfield is listed as shared until its boundary is confirmed
        assert where.district == "B72"
        return
    notice = front_door_notice(birmingham, postcode)
    assert notice.heading == "Safeguarding: contact the front door now"
    assert notice.area == OUT_OF_BIRMINGHAM + "."
    assert notice.all_lines()[0] == OUT_OF_BIRMINGHAM + "."
    assert notice.all_lines()[1] == "Children's Advice and Support Service (CASS): 0121 303 1888"
    assert notice.sentence().startswith(OUT_OF_BIRMINGHAM + ". Children's Advice and Support Service (CASS)")


@pytest.mark.parametrize("postcode", ["B36 8AA", "b43 5aa", "B45 9AA"])
def test_a_shared_district_asks_the_practitioner_to_check(birmingham: Pathway, postcode: str) -> None:
    district = postcode.split()[0].upper()
    expected = (f"The family's postcode district {district} is split between Birmingham and a neighbouring area: "
                "check which local authority the family lives in before you contact a front door or refer.")
    assert area_line(birmingham, postcode) == expected
    assert area_warnings(birmingham, postcode) == [expected]
    assert front_door_notice(birmingham, postcode).all_lines()[0] == expected


def test_no_postcode_or_an_area_with_no_districts_gives_no_area_line(riverside: Pathway) -> None:
    assert area_line(riverside, None) is None and area_warnings(riverside, None) == []
    open_area = riverside.model_copy(update={"pathway": riverside.pathway.model_copy(update={
        "area": riverside.pathway.area.model_copy(update={"postcode_districts": []})})})
    assert area_line(open_area, "M1 1AE") is None and area_warnings(open_area, "M1 1AE") == []


def test_not_a_postcode_is_a_warning_without_an_area_line(riverside: Pathway) -> None:
    assert area_line(riverside, "nowhere") is None
    assert area_warnings(riverside, "nowhere") == [
        "The postcode 'nowhere' is not a UK postcode, so only services for the whole of Riverside are suggested "
        "and the front door shown is this pathway's own: check the postcode."
    ]


def test_national_lines_are_the_pathways_own_words(birmingham: Pathway) -> None:
    texts = [text for _, text in national_lines(birmingham)]
    assert texts == ["NHS 111 and choose the mental health option (24 hours)",
                     "999, or go to A&E, if anyone's life is at risk"]


def test_the_outcome_warns_a_family_in_b37_and_in_b36(birmingham: Pathway) -> None:
    outside = assess_with_pathway(record("B37 7HL"), birmingham, today=VISIT)
    assert any(w.startswith(OUT_OF_BIRMINGHAM + ". The services suggested here may not take them (postcode "
                            "district B37)") for w in outside.warnings)
    shared = assess_with_pathway(record("B36 8AA"), birmingham, today=VISIT)
    assert any(w.startswith("The family's postcode district B36 is split between Birmingham") for w in
               shared.warnings)
    inside = assess_with_pathway(record("B15 2TT"), birmingham, today=VISIT)
    assert not any("outside Birmingham" in w or "split between" in w for w in inside.warnings)
