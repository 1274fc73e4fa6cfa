"""Open Referral UK import and HSDS export, against the official examples in shared/oruk."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pairaid.core.pathway import Service
from pairaid.pathway.loading import load_pathway
from pairaid.pathway.oruk import LEVEL_TAXONOMY, OrukError, export_page, import_services
from pairaid.resources import default_pathway_path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "pathways"


def _shared() -> Path:
    for parent in Path(__file__).resolve().parents:
        candidate = parent / "shared" / "oruk"
        if candidate.is_dir():
            return candidate
        candidate = parent.parent / "shared" / "oruk"
        if candidate.is_dir():
            return candidate
    pytest.skip("shared/oruk examples are not beside this checkout")


def load(name: str) -> object:
    return json.loads((_shared() / name).read_text(encoding="utf-8"))


def test_oruk30_full_service_imports_as_needing_review() -> None:
    kind, services = import_services(load("oruk30_service_full.json"), source="test")
    assert kind == "single service" and len(services) == 1
    service = services[0]
    assert service["id"] == "ac148810-d857-441c-9679-408f346de14b"
    assert service["status"] == "inactive" and service["verified"]["status"] == "needs_review"
    assert service["ages"] == {"antenatal": False, "min_months": 144, "max_months": 1200}
    assert service["contact"] == {"url": "http://example.com/counselling", "email": "email@example.com"}
    assert "phone" not in service["contact"]  # the UK profile sends no phones: none is made up
    Service.model_validate(service)


def test_oruk30_page_envelope() -> None:
    kind, services = import_services(load("oruk30_service_list.json"), source="test")
    assert kind == "ORUK 3.0 service page" and [s["name"] for s in services] == ["Community Counselling"]


def test_hsds_phone_quirk_is_cleaned_not_invented() -> None:
    _, services = import_services(load("hsds30_service_full.json"), source="test")
    service = services[0]
    assert service["contact"]["phone"] == "01234 234567"  # from "\"+44 1234 234567\""
    assert service["referral"]["how"].startswith("If you are an NHS patient")
    assert service["languages"] == ["Urdu"]


def test_oruk10_page_with_level_terms() -> None:
    kind, services = import_services(json.loads((FIXTURES / "oruk10_page.json").read_text()), source="test")
    assert kind == "ORUK 1.0 service page"
    first, second = services
    assert first["level"] == "targeted" and first["status"] == "active"
    assert first["verified"]["status"] == "unverified" and first["needs"] == ["perinatal_mental_health"]
    assert first["contact"]["phone"] == "0121 496 0500"
    assert first["ages"] == {"antenatal": False, "min_months": 0, "max_months": 60}
    assert second["status"] == "inactive" and second["verified"]["status"] == "needs_review"
    assert "the phone 'not known' in the source is not a UK number" in second["verified"]["note"]


def test_not_oruk_is_refused_with_a_reason() -> None:
    with pytest.raises(OrukError, match="not an Open Referral UK file"):
        import_services({"hello": 1}, source="test")


def test_export_carries_the_level_as_a_taxonomy_term() -> None:
    page = export_page(load_pathway(default_pathway_path()))
    assert page["total_items"] == 22 and page["first_page"] and page["last_page"] and not page["empty"]
    acacia = next(s for s in page["contents"] if s["name"] == "Acacia Family Support")
    levels = [a["taxonomy_term"]["code"] for a in acacia["attributes"]
              if a["taxonomy_term"]["taxonomy"] == LEVEL_TAXONOMY]
    assert levels == ["targeted"]
    assert acacia["minimum_age"] == 0 and acacia["maximum_age"] == 2
    assert acacia["status"] == "active" and len(acacia["id"]) == 36


@pytest.mark.parametrize("file", [default_pathway_path(), FIXTURES / "riverside.yaml"])
def test_round_trip_keeps_every_service_fact(file: Path) -> None:
    pathway = load_pathway(file)
    _, services = import_services(json.loads(json.dumps(export_page(pathway))), source="round trip")
    back = [Service.model_validate(s) for s in services]
    fields = ("id", "name", "provider", "level", "needs", "ages", "referral", "languages", "cost", "description",
              "status")
    for before, after in zip(pathway.services, back, strict=True):
        for name in fields:
            assert getattr(after, name) == getattr(before, name), (before.id, name)
        assert (after.contact.phone, after.contact.url, after.contact.email) == (
            before.contact.phone, before.contact.url, before.contact.email)
