"""Birmingham's area as the pathway draws it: the city's own districts inside; Solihull, North Warwickshire,
Bromsgrove and the rest of the B area outside; districts split with a neighbour shared (pathway.md ✱ Area)."""

from __future__ import annotations

import pytest

from pairaid.core.pathway import Pathway
from pairaid.pathway.check import check_file
from pairaid.resources import default_pathway_path


@pytest.fixture(scope="module")
def birmingham() -> Pathway:
    found = check_file(default_pathway_path()).pathway
    assert found is not None
    return found


@pytest.mark.parametrize("district", ["B37", "B40", "B46", "B47", "B48", "B49", "B50", "B60", "B61", "B62", "B66",
                                      "B70", "B77", "B80", "B90", "B91", "B93", "B95", "B98"])
def test_districts_outside_the_city_are_outside(birmingham: Pathway, district: str) -> None:
    assert birmingham.pathway.area.place(district) == "outside"


@pytest.mark.parametrize("district", ["B36", "B43", "B45", "B26", "B42", "B74", "B76"])
def test_split_districts_are_shared(birmingham: Pathway, district: str) -> None:
    assert birmingham.pathway.area.place(district) == "shared"


@pytest.mark.parametrize("district", ["B1", "B5", "B8", "B11", "B15", "B21", "B23", "B29", "B33", "B35", "B38"])
def test_city_districts_are_inside(birmingham: Pathway, district: str) -> None:
    assert birmingham.pathway.area.place(district) == "inside"


def test_no_district_beyond_b48_is_counted_as_inside(birmingham: Pathway) -> None:
    inside = [int(d[1:]) for d in birmingham.pathway.area.postcode_districts]
    assert max(inside) < 46 and not {37, 40}.intersection(inside)


def test_the_national_block_is_the_pathways_own_text(birmingham: Pathway) -> None:
    national = birmingham.national
    assert national.urgent_mental_health == "NHS 111 and choose the mental health option (24 hours)"
    assert national.emergency == "999, or go to A&E, if anyone's life is at risk"


def test_eligibility_of_the_services_the_clinical_review_named(birmingham: Pathway) -> None:
    def eligibility(sid: str) -> tuple[str, list[str]]:
        service = birmingham.service(sid)
        assert service is not None
        return service.eligibility.client, list(service.eligibility.requires_needs)

    assert eligibility("bswaid") == ("any_parent", ["domestic_abuse"])
    assert eligibility("fnp") == ("birthing_parent", ["young_parent"])
    assert eligibility("bsmhft-perinatal") == ("birthing_parent", [])
    assert eligibility("mother-baby-unit") == ("birthing_parent", [])
    assert eligibility("maternal-mental-health-service") == ("birthing_parent", [])
    mbu, mmhs = birmingham.service("mother-baby-unit"), birmingham.service("maternal-mental-health-service")
    assert mbu is not None and mmhs is not None
    assert mbu.needs == ["severe_mental_illness_history"]  # admission is not a same-day route
    assert mmhs.needs == ["bereavement_trauma"]  # not depression in general
    urgent = [s.id for s in birmingham.services if "urgent_mental_health" in s.needs]
    assert urgent == ["nhs-111-mental-health"]
    nhs111 = birmingham.service("nhs-111-mental-health")
    assert nhs111 is not None and nhs111.contact.phone == "111" and nhs111.is_verified
    assert "GP the same day" in (nhs111.referral.how or "")


def test_sensitive_services(birmingham: Pathway) -> None:
    assert {s.id for s in birmingham.services if s.is_sensitive} == {"bswaid", "cgl-birmingham", "cass"}


def test_who_a_service_is_for_in_words(birmingham: Pathway) -> None:
    from pairaid.core.eligibility_text import eligibility_text

    def text(sid: str) -> str | None:
        service = birmingham.service(sid)
        assert service is not None
        return eligibility_text(service)

    assert text("fnp") == "For the parent who gave birth or is pregnant. Only when young parent is current."
    assert text("bswaid") == "For either parent. Only when domestic abuse is current."
    assert text("forward-steps") is None


def test_the_services_listing_says_who_each_is_for(capsys: pytest.CaptureFixture[str]) -> None:
    from pairaid.cli import main

    assert main(["pathway", "services", "--need", "young_parent"]) == 0
    out = capsys.readouterr().out
    assert "Family Nurse Partnership [fnp]" in out
    assert "    for: For the parent who gave birth or is pregnant. Only when young parent is current." in out
