"""The second edition's pathway fields: eligibility, sensitive, shared districts and the national block, each
checked with its file, line, service and field, and present in the JSON Schema."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from pairaid.core.pathway import Area
from pairaid.pathway.check import check_text
from pairaid.pathway.schema import pathway_schema

MALFORMED = Path(__file__).resolve().parents[1] / "fixtures" / "pathways" / "malformed"
TODAY = dt.date(2026, 11, 26)


def base() -> str:
    """A valid fictional pathway (the 'unverified' fixture: its only problem is one warning)."""
    return (MALFORMED / "unverified.yaml").read_text(encoding="utf-8")


def problems(text: str) -> list[str]:
    return [str(p) for p in check_text(text, "x.yaml", today=TODAY).problems if "verified.status" not in str(p)]


def with_service_lines(extra: str) -> str:
    text = base()
    anchor = "    contact: {phone: \"0121 496 0100\"}\n"
    assert anchor in text
    return text.replace(anchor, anchor + extra)


def test_base_is_clean() -> None:
    assert problems(base()) == []


def test_eligibility_and_sensitive_are_read() -> None:
    text = with_service_lines("    eligibility: {client: birthing_parent, requires_needs: [young_parent]}\n"
                              "    sensitive: true\n").replace("needs: [parenting]", "needs: [parenting, young_parent]")
    result = check_text(text, "x.yaml", today=TODAY)
    assert result.ok, [str(p) for p in result.problems]
    service = result.pathway.service("first")
    assert service.eligibility.client == "birthing_parent"
    assert service.eligibility.requires_needs == ["young_parent"]
    assert service.sensitive and service.is_sensitive


def test_eligibility_defaults_to_any_family_with_no_required_need() -> None:
    service = check_text(base(), "x.yaml", today=TODAY).pathway.service("first")
    assert service.eligibility.client == "family" and service.eligibility.requires_needs == []
    assert not service.sensitive and not service.is_sensitive


@pytest.mark.parametrize("need", ["domestic_abuse", "substance_misuse", "safeguarding", "previous_child_removed"])
def test_a_service_for_a_sensitive_need_is_sensitive_without_being_marked(need: str) -> None:
    text = base().replace("needs: [parenting]", f"needs: [parenting, {need}]")
    service = check_text(text, "x.yaml", today=TODAY).pathway.service("first")
    assert not service.sensitive and service.is_sensitive


def test_unknown_client_names_the_line_service_field_and_the_choices() -> None:
    text = with_service_lines("    eligibility: {client: mother}\n")
    assert problems(text) == [
        "x.yaml:29: error: service 'first', eligibility.client: 'mother' is not allowed here; use one of family, "
        "baby, any_parent, birthing_parent"
    ]


def test_unknown_required_need_suggests_the_right_one() -> None:
    text = with_service_lines("    eligibility: {requires_needs: [domestic_abuse, young_parnet]}\n")
    text = text.replace("needs: [parenting]", "needs: [parenting, domestic_abuse]")
    found = problems(text)
    assert len(found) == 1
    assert found[0].startswith(
        "x.yaml:29: error: service 'first', eligibility.requires_needs[1]: 'young_parnet' is not a known need "
        "(one of the family's other needs) (did you mean 'young_parent'?); use one of parental_mental_health,")
    assert "maternity" not in found[0]  # service-only tags are not needs a family has


def test_a_required_need_the_service_does_not_list_is_a_warning() -> None:
    text = with_service_lines("    eligibility: {requires_needs: [domestic_abuse]}\n")
    assert problems(text) == [
        "x.yaml:29: warning: service 'first', eligibility.requires_needs[0]: the service is only suggested when "
        "domestic_abuse is current, but domestic_abuse is not in its `needs`; add it to `needs` so the summary can "
        "say why the service fits"
    ]


def test_sensitive_must_be_true_or_false() -> None:
    assert problems(with_service_lines("    sensitive: maybe\n")) == [
        "x.yaml:29: error: service 'first', sensitive: 'maybe' should be true or false"
    ]


def test_shared_districts_are_checked_like_the_area_districts() -> None:
    text = base().replace("area: {name: Nowhere, postcode_districts: [B1]}",
                          "area: {name: Nowhere, postcode_districts: [B1], shared_districts: [B2, \"B2 1AA\"]}")
    assert problems(text) == [
        "x.yaml:8: error: pathway.area.shared_districts[1]: 'B2 1AA' is not a postcode district; write the first "
        "half of a postcode, e.g. B15"
    ]


def test_a_district_both_inside_and_shared_is_refused() -> None:
    text = base().replace("area: {name: Nowhere, postcode_districts: [B1]}",
                          "area: {name: Nowhere, postcode_districts: [B1, B2], shared_districts: [B2]}")
    assert problems(text) == [
        "x.yaml:8: error: pathway.area: B2 is in both postcode_districts and shared_districts; list a district "
        "split with a neighbour in shared_districts only"
    ]


def test_a_service_area_in_a_shared_district_is_not_called_outside() -> None:
    text = base().replace("area: {name: Nowhere, postcode_districts: [B1]}",
                          "area: {name: Nowhere, postcode_districts: [B1], shared_districts: [B2]}")
    text = text.replace("    ages: {antenatal: true, min_months: 0, max_months: 24}\n",
                        "    ages: {antenatal: true, min_months: 0, max_months: 24}\n    areas: [B2]\n")
    assert problems(text) == []
    assert problems(text.replace("areas: [B2]", "areas: [B3]"))[0].endswith(
        "'B3' is not one of the pathway area's postcode districts; families there are warned they are outside the "
        "area. Add it to pathway.area.postcode_districts if it belongs")


def test_area_place() -> None:
    area = Area(name="Nowhere", postcode_districts=["B1"], shared_districts=["B2"])
    assert [area.place(d) for d in ("B1", "B2", "B3", None)] == ["inside", "shared", "outside", "unknown"]
    assert Area(name="Anywhere").place("B1") == "unknown"


def test_national_block_is_required_with_an_example() -> None:
    text = base()
    cut = text.index("national:")
    found = problems(text[:cut])
    assert len(found) == 1 and found[0].startswith(
        "x.yaml: error: national: is required but missing: add the numbers every family in England can use")


def test_national_texts_may_not_be_empty() -> None:
    text = base().replace("urgent_mental_health: NHS 111 and choose the mental health option", "urgent_mental_health: ''")
    assert problems(text) == [
        "x.yaml:30: error: national.urgent_mental_health: is empty; write the text people will read here"
    ]


URGENT_RULE = ("    - {id: urgent, level: specialist, urgent: true, when: {screen: {measure: epds_self_harm_item, "
               "at_least: 1}}, serves: [urgent_mental_health], reason: Same day}\n")


def test_an_urgent_rule_with_no_service_to_phone_is_an_error() -> None:
    text = base().replace("    - {id: universal,", URGENT_RULE + "    - {id: universal,")
    assert problems(text) == [
        "x.yaml:20: error: rules.rules[3].serves: the urgent rule 'urgent' serves urgent_mental_health, but no active "
        "specialist service for it has a phone number, so the urgent route would have no one to ring; add one at the "
        "rule's level (for example NHS 111, mental health option: phone \"111\")"
    ]
    # the fixture's service is targeted: a rule brings in only services of its own level
    wrong_level = text.replace("needs: [parenting]", "needs: [parenting, urgent_mental_health]")
    assert len(problems(wrong_level)) == 1
    reachable = wrong_level.replace("level: targeted\n    needs: [parenting, urgent",
                                    "level: specialist\n    needs: [parenting, urgent")
    assert problems(reachable) == []


def test_schema_describes_the_new_fields() -> None:
    schema = pathway_schema()
    defs = schema["$defs"]
    assert "national" in schema["required"] and "National" in defs
    assert set(defs["National"]["properties"]) == {"urgent_mental_health", "emergency"}
    assert "shared_districts" in defs["Area"]["properties"]
    service = defs["Service"]["properties"]
    assert "eligibility" in service and service["sensitive"]["type"] == "boolean"
    eligibility = defs["Eligibility"]["properties"]
    assert eligibility["client"]["enum"] == ["family", "baby", "any_parent", "birthing_parent"]
    assert "young_parent" in json.dumps(eligibility["requires_needs"])
    assert "maternity" not in json.dumps(eligibility["requires_needs"])
