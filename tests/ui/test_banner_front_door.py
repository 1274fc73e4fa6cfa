"""The banner's words come from the one front-door module: a family outside the pathway's area is sent to
their own local authority first, a family in a split district is asked to check, and both follow the postcode
as it is typed."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from pairaid.core.front_door import front_door_notice
from pairaid.ui.safeguarding_banner import SafeguardingBanner
from tests.ui.walkthrough_support import complete_draft, make_session


@pytest.fixture
def session():
    s = make_session()
    s.load(complete_draft(safeguarding={"indicators": ["disclosure_of_harm"]}))
    return s


def test_outside_the_area_the_familys_own_local_authority_comes_first(qtbot, session) -> None:
    banner = SafeguardingBanner(session)
    qtbot.addWidget(banner)
    area = session.pathway.pathway.area
    inside = area.postcode_districts[0]
    session.set_value("family.postcode", f"{inside} 1AA")
    assert session.pathway.front_door.name in banner.heading.text()
    assert "lives outside" not in banner.body.text()

    session.set_value("family.postcode", "M1 1AE")
    expected = (f"This family lives outside {area.name}: contact the children's services front door of the "
                "family's own local authority.")
    assert banner.body.text().startswith(expected)
    assert session.pathway.front_door.phone in banner.body.text()  # the pathway's own front door still follows
    assert banner.heading.text() == "Safeguarding: contact the front door now"
    assert banner.accessibleDescription() == banner.body.text()
    assert banner.body.text() == front_door_notice(session.pathway, "M1 1AE").sentence()

    session.undo_stack.undo()
    assert "lives outside" not in banner.body.text()


def test_a_split_district_asks_the_practitioner_to_check(qtbot, session) -> None:
    banner = SafeguardingBanner(session)
    qtbot.addWidget(banner)
    session.set_value("family.postcode", "B36 8AA")
    assert banner.body.text().startswith("The family's postcode district B36 is split between Birmingham and a "
                                         "neighbouring area: check which local authority the family lives in")
    assert session.pathway.front_door.phone in banner.body.text()
