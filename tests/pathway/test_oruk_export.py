"""`export-hsds`: valid against the official ORUK 3.0 compiled JSON Schema, and read back without loss."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from pairaid.core.pathway import Pathway, Service
from pairaid.pathway.loading import load_pathway
from pairaid.pathway.oruk import LEVEL_TAXONOMY, export_page
from pairaid.pathway.oruk_feed import classify, gather
from pairaid.pathway.oruk_import import import_feed
from pairaid.resources import default_pathway_path

OFFICIAL = Path(__file__).resolve().parents[1] / "fixtures" / "oruk"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "pathways"


def validator(name: str) -> Draft202012Validator:
    schema = json.loads((OFFICIAL / "schema" / name).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def with_new_contact_forms(pathway: Pathway) -> Pathway:
    """The pathway plus a service using labelled phones, pregnancy-only ages and a recorded ORUK id."""
    extra = Service.model_validate({
        "id": "bumps", "name": "Bumps and Beyond Antenatal Classes", "provider": "Larkfield Family Trust",
        "level": "universal", "needs": ["maternity"], "ages": {"antenatal": True, "after_birth": False},
        "contact": {"phone": "0121 496 0505", "phones": [{"label": "Out of hours", "number": "07700 900505"},
                                                         {"number": "0121 496 0506"}]},
        "oruk_id": "5d0c3a52-0b3e-4c55-9d1f-000000000005"})
    return pathway.model_copy(update={"services": [*pathway.services, extra]})


PATHWAYS = [default_pathway_path(), FIXTURES / "riverside.yaml"]


@pytest.mark.parametrize("file", PATHWAYS)
def test_export_is_valid_oruk30(file: Path) -> None:
    page = export_page(with_new_contact_forms(load_pathway(file)))
    service_schema, list_schema = validator("service.json"), validator("service_list.json")
    for service in page["contents"]:
        errors = [f"{e.json_path}: {e.message}" for e in service_schema.iter_errors(service)]
        assert errors == [], service["name"]
        assert [e.message for e in list_schema.iter_errors(service)] == [], service["name"]
    assert page["total_items"] == len(page["contents"]) and page["last_page"] and page["first_page"]


def test_the_schema_check_would_catch_a_broken_export() -> None:
    page = export_page(load_pathway(default_pathway_path()))
    broken = {**page["contents"][0], "status": "open", "id": "not-a-uuid"}
    messages = sorted(e.message for e in validator("service.json").iter_errors(broken))
    assert any("'open' is not one of" in m for m in messages) and any("is not a 'uuid'" in m for m in messages)


def test_export_carries_the_level_as_a_taxonomy_term() -> None:
    page = export_page(load_pathway(default_pathway_path()))
    acacia = next(s for s in page["contents"] if s["name"] == "Acacia Family Support")
    levels = [a["taxonomy_term"]["code"] for a in acacia["attributes"]
              if a["taxonomy_term"]["taxonomy"] == LEVEL_TAXONOMY]
    assert levels == ["targeted"]
    assert acacia["minimum_age"] == 0 and acacia["maximum_age"] == 2


def test_export_keeps_every_number_with_its_label_and_the_feed_id() -> None:
    page = export_page(with_new_contact_forms(load_pathway(FIXTURES / "riverside.yaml")))
    bumps = page["contents"][-1]
    assert bumps["id"] == "5d0c3a52-0b3e-4c55-9d1f-000000000005"
    assert [(p["number"], p.get("description")) for p in bumps["contacts"][0]["phones"]] == [
        ("0121 496 0505", None), ("07700 900505", "Out of hours"), ("0121 496 0506", None)]
    assert "minimum_age" not in bumps  # pregnancy only: no age after birth is claimed


def _reimport(page: dict[str, Any]) -> tuple[list[Service], list[str]]:
    feed = gather([classify(json.loads(json.dumps(page)), "export.json")])
    imported = import_feed(feed, source="round trip")
    skipped = [d.name or "" for d in imported.decisions if d.decision != "imported"]
    return [Service.model_validate(s) for s in imported.services], skipped


@pytest.mark.parametrize("file", PATHWAYS)
def test_round_trip_keeps_every_service_fact(file: Path) -> None:
    pathway = with_new_contact_forms(load_pathway(file))
    back, skipped = _reimport(export_page(pathway))
    # an inactive service travels as status inactive, which an import skips and reports
    active = [s for s in pathway.services if s.status == "active"]
    assert skipped == [s.name for s in pathway.services if s.status != "active"]
    fields = ("name", "provider", "level", "needs", "ages", "referral", "languages", "cost", "status")
    for before, after in zip(active, back, strict=True):
        assert after.id == before.id
        for name in fields:
            assert getattr(after, name) == getattr(before, name), (before.id, name)
        assert after.contact.numbers() == before.contact.numbers()
        assert (after.contact.url, after.contact.email) == (before.contact.url, before.contact.email)
