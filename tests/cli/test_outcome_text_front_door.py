"""The terminal's outcome takes the front door's words from pairaid.core.front_door: outside the area, the
family's own local authority first; suggested services split into recommended and more services."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from pairaid.commands.outcome_text import outcome_text
from pairaid.core.assess import assess_with_pathway
from pairaid.core.assessment import parse_assessment
from pairaid.core.front_door import front_door_lines
from pairaid.core.pathway import Pathway, Service
from pairaid.pathway.check import check_file
from pairaid.report.service_map import map_story
from pairaid.resources import default_pathway_path

VISIT = dt.date(2026, 11, 20)


@pytest.fixture(scope="module")
def birmingham() -> Pathway:
    found = check_file(default_pathway_path(), today=VISIT).pathway
    assert found is not None
    return found


def text_for(pathway: Pathway, postcode: str, **extra: Any) -> str:
    data: dict[str, Any] = {"format": "pairaid.assessment/1",
                            "contact": {"date": VISIT.isoformat(), "type": "new_birth"},
                            "family": {"baby": {"date_of_birth": "2026-10-01"}, "postcode": postcode}}
    data.update(extra)
    assessment = parse_assessment(data, today=VISIT)
    return outcome_text(assessment, assess_with_pathway(assessment, pathway, strict=False, today=VISIT), pathway)


SAFEGUARDING = {"safeguarding": {"indicators": ["disclosure_of_harm"]}}


def test_outside_the_area_the_own_local_authority_comes_before_the_front_door(birmingham: Pathway) -> None:
    out = text_for(birmingham, "B37 7HL", **SAFEGUARDING)
    head = out.split("Suggested level")[0]
    assert head.startswith("!! SAFEGUARDING: contact the front door now")
    first = head.splitlines()[1]
    assert first.strip().startswith("This family lives outside Birmingham: contact the children's services")
    assert "0121 303 1888" in head and "999" in head
    assert head.index("lives outside") < head.index("Children's Advice and Support Service (CASS): 0121 303 1888")


def test_inside_the_area_the_front_door_is_named(birmingham: Pathway) -> None:
    head = text_for(birmingham, "B15 2TT", **SAFEGUARDING).split("Suggested level")[0]
    assert head.startswith("!! SAFEGUARDING: contact Children's Advice and Support Service (CASS) now")
    assert "lives outside" not in head
    for line in front_door_lines(birmingham.front_door):
        assert line[:40] in head


def test_more_services_are_listed_after_the_recommended_five(birmingham: Pathway) -> None:
    extra = [Service.model_validate({"id": f"group-{n}", "name": f"Group {n}", "level": "universal",
                                     "needs": ["parenting"], "referral": {"self": True, "how": "Drop in."},
                                     "verified": {"status": "verified"}}) for n in range(6)]
    bigger = birmingham.model_copy(update={"services": [*birmingham.services, *extra]})
    out = text_for(bigger, "B15 2TT")
    services = out.split("Suggested services:")[1]
    assert services.count("  * ") > 5
    before, after = services.split("  More services:")
    assert before.count("  * ") == 5 and after.count("  * ") == services.count("  * ") - 5


def test_the_map_of_services_uses_the_same_front_door_lines(birmingham: Pathway) -> None:
    story = map_story(birmingham)
    texts = [cell.text for row in story[2]._cellvalues for cell in row]  # the front door box
    assert texts[1:] == front_door_lines(birmingham.front_door)


def test_the_map_says_who_a_service_is_for(birmingham: Pathway) -> None:
    from reportlab.platypus import Table

    texts = [getattr(item, "text", "") for flowable in map_story(birmingham) if isinstance(flowable, Table)
             for row in flowable._cellvalues for cell in row for item in (cell if isinstance(cell, list) else [cell])]
    assert any("Only when young parent is current." in t for t in texts)
    assert any("Only when domestic abuse is current." in t for t in texts)
