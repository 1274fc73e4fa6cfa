"""Open Referral UK import: the official examples, and small invented feeds (tests/pathway/oruk_feeds.py)
for every way a feed can mislead — pages, merged bodies, ages, phones, HTML, retired services and faults."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pairaid.core.pathway import Service
from pairaid.pathway.html_text import html_to_text
from pairaid.pathway.oruk_feed import OrukFileError, read_feed
from pairaid.pathway.oruk_import import Imported, ServiceDecision, import_feed
from tests.pathway import oruk_feeds as feeds

OFFICIAL = Path(__file__).resolve().parents[1] / "fixtures" / "oruk"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "pathways"


def run(*paths: Path) -> Imported:
    return import_feed(read_feed(list(paths)), source="test feed")


def one(imported: Imported, name: str) -> dict[str, Any]:
    return next(s for s in imported.services if s["name"] == name)


def decision(imported: Imported, service_id: str) -> ServiceDecision:
    return next(d for d in imported.decisions if d.service_id == service_id)


def valid(service: dict[str, Any]) -> Service:
    return Service.model_validate(service)


# The official examples ------------------------------------------------------------------------------------


def test_oruk30_full_service_imports_as_needing_review() -> None:
    imported = run(OFFICIAL / "oruk30_service_full.json")
    service = one(imported, "Community Counselling")
    assert service["id"] == "ac148810-d857-441c-9679-408f346de14b" == service["oruk_id"]
    assert service["status"] == "inactive" and service["verified"]["status"] == "needs_review"
    assert service["ages"] == {"antenatal": False, "min_months": 144, "max_months": 1200}
    assert service["contact"] == {"url": "http://example.com/counselling", "email": "email@example.com"}
    valid(service)


def test_oruk30_list_page() -> None:
    feed = read_feed([OFFICIAL / "oruk30_service_list.json"])
    assert [f.kind for f in feed.files] == ["ORUK 3.0 service page"]
    # page 1 of 10 says more pages follow: the import goes ahead, with a warning
    assert not feed.complete and "says more pages follow" in feed.warnings[0]
    assert [s["name"] for s in import_feed(feed, source="t").services] == ["Community Counselling"]


def test_hsds_phone_quirk_is_cleaned_not_invented() -> None:
    service = run(OFFICIAL / "hsds30_service_full.json").services[0]
    # from "\"+44 1234 234567\"" with extension 100, which a caller needs as much as the number
    assert service["contact"]["phones"] == [{"label": "Extension 100", "number": "01234 234567"}]
    assert "said of 01234 234567 ('Our main reception phone number." in service["verified"]["note"]
    assert service["referral"]["how"].startswith("If you are an NHS patient")
    assert service["languages"] == ["Urdu"]


def test_oruk10_page_with_level_terms() -> None:
    imported = run(FIXTURES / "oruk10_page.json")
    first, second = imported.services
    assert first["level"] == "targeted" and first["status"] == "active"
    assert first["contact"]["phone"] == "0121 496 0500"
    assert first["ages"] == {"antenatal": False, "min_months": 0, "max_months": 60}
    assert second["status"] == "inactive" and second["verified"]["status"] == "needs_review"
    assert "not a UK phone number, so it was left out" in second["verified"]["note"]


# A two-page ORUK 1.0 feed -----------------------------------------------------------------------------------


def test_two_page_oruk10_feed_is_imported_whole(tmp_path: Path) -> None:
    imported = run(*feeds.two_page_feed10(tmp_path))
    assert [s["name"] for s in imported.services] == [
        "Larkfield Family Support", "Ashgrove Parents' Network", "Millbrook Talking Therapies",
        "Riverside Crisis Line"]
    retired = decision(imported, feeds.OLDMILL)
    assert (retired.decision, retired.field, retired.value) == ("skipped", "status", "defunct")
    assert retired.file == "page2.json" and "defunct" in retired.reason
    for service in imported.services:
        valid(service)


def test_a_missing_last_page_is_a_warning_not_a_silent_loss(tmp_path: Path) -> None:
    first_page = feeds.two_page_feed10(tmp_path)[0]
    feed = read_feed([first_page])
    assert not feed.complete
    assert feed.warnings == [
        "page1.json: page 1 of 2 says more pages follow, but the last page was not given: services on the "
        "missing pages are not imported. Download every page and run the import again with all of them"]
    assert len(import_feed(feed, source="t").services) == 2


def test_every_published_phone_is_kept_in_order_with_its_label(tmp_path: Path) -> None:
    larkfield = one(run(*feeds.two_page_feed10(tmp_path)), "Larkfield Family Support")
    assert larkfield["contact"]["phones"] == [{"label": "Office", "number": "0121 496 0101"},
                                              {"label": "Out of hours", "number": "07700 900101"}]
    assert valid(larkfield).contact.numbers() == ["Office: 0121 496 0101", "Out of hours: 07700 900101"]


def test_html_in_a_description_becomes_text(tmp_path: Path) -> None:
    larkfield = one(run(*feeds.two_page_feed10(tmp_path)), "Larkfield Family Support")
    assert larkfield["description"].startswith(
        "Home visits for families with a new baby & drop-ins.\n- Tuesdays\n- Thursdays")
    assert "<" not in larkfield["description"] and "&amp;" not in larkfield["description"]


def test_no_published_ages_sets_no_limits_and_asks_to_check_eligibility(tmp_path: Path) -> None:
    ashgrove = one(run(*feeds.two_page_feed10(tmp_path)), "Ashgrove Parents' Network")
    assert ashgrove["ages"] == {"antenatal": True}  # no minimum or maximum: nothing invented
    assert "no ages published: no age limits were set; check eligibility" in ashgrove["verified"]["note"]
    ages = valid(ashgrove).ages
    assert ages.takes("antenatal", None) and ages.takes("after-birth", 30)


def test_a_minimum_age_of_16_or_more_describes_the_parent(tmp_path: Path) -> None:
    millbrook = one(run(*feeds.two_page_feed10(tmp_path)), "Millbrook Talking Therapies")
    assert millbrook["ages"] == {"antenatal": True}  # not 216 months and up, which no baby could ever be
    assert millbrook["eligibility"] == {"client": "any_parent"}
    service = valid(millbrook)
    assert service.ages.takes("after-birth", 3) and service.eligibility.client == "any_parent"


@pytest.mark.parametrize("minimum", [16, 18, "18"])
def test_adult_minimum_ages_in_a_30_body(tmp_path: Path, minimum: object) -> None:
    body = {**feeds.kestrel30_body(), "minimum_age": minimum, "maximum_age": 99}
    service = run(feeds.write(tmp_path / "k.json", body)).services[0]
    assert service["ages"] == {"antenatal": True} and service["eligibility"] == {"client": "any_parent"}


# An ORUK 3.0 list page with bodies ----------------------------------------------------------------------------


def feed30(tmp_path: Path) -> list[Path]:
    return [feeds.list_page30(tmp_path, feeds.kestrel30_item(), feeds.bumps30_item()),
            feeds.write(tmp_path / "kestrel.json", feeds.kestrel30_body()),
            feeds.write(tmp_path / "bumps.json", feeds.bumps30_body())]


def test_list_item_and_body_with_one_id_merge_and_the_body_wins(tmp_path: Path) -> None:
    imported = run(*feed30(tmp_path))
    assert len(imported.services) == 2
    kestrel = one(imported, "Kestrel Domestic Abuse Outreach")  # the body's name, not the list item's
    assert kestrel["provider"] == "Kestrel Women's Trust"  # kept from the list item, which the body repeats
    assert kestrel["contact"]["phones"] == [{"label": "Daytime", "number": "0121 496 0404"},
                                            {"label": "Out of hours", "number": "07700 900404"}]
    assert decision(imported, feeds.KESTREL).merged_from == ("list.json contents[0]", "kestrel.json top level")
    assert valid(kestrel).is_sensitive  # domestic abuse: never on the parent copy


def test_pregnancy_only_eligibility_gives_a_pregnancy_only_service(tmp_path: Path) -> None:
    bumps = one(run(*feed30(tmp_path)), "Bumps and Beyond Antenatal Classes")
    assert bumps["ages"] == {"antenatal": True, "after_birth": False}  # not a baby service from 0 months
    ages = valid(bumps).ages
    assert ages.takes("antenatal", None) and not ages.takes("after-birth", 0)
    assert "For expectant mothers from 20 weeks of pregnancy" in bumps["description"]


def test_a_list_item_alone_is_imported_from_what_it_says(tmp_path: Path) -> None:
    imported = run(feeds.list_page30(tmp_path, feeds.kestrel30_item()))
    kestrel = imported.services[0]
    assert kestrel["name"] == "Kestrel Outreach" and "contact" not in kestrel
    assert kestrel["verified"]["status"] == "needs_review"  # no level or need terms in the list item


# Retired services ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("status", ["inactive", "defunct", "temporarily closed", "Temporarily Closed"])
def test_services_the_feed_retired_are_skipped_and_reported(tmp_path: Path, status: str) -> None:
    item = {**feeds.kestrel30_body(), "status": status}
    imported = run(feeds.list_page30(tmp_path, item, feeds.bumps30_body()))
    assert [s["name"] for s in imported.services] == ["Bumps and Beyond Antenatal Classes"]
    skipped = decision(imported, feeds.KESTREL)
    assert skipped.decision == "skipped" and skipped.reason == f"the feed marks it {status.lower()}"


@pytest.mark.parametrize("status", [None, "open", ""])
def test_a_service_with_no_known_status_is_imported_inactive(tmp_path: Path, status: object) -> None:
    item = {**feeds.bumps30_body(), "status": status}
    service = run(feeds.list_page30(tmp_path, item)).services[0]
    assert service["status"] == "inactive" and service["verified"]["status"] == "needs_review"
    assert "does not say the service is active" in service["verified"]["note"]


# Faults: named, never guessed --------------------------------------------------------------------------------


def fault_of(tmp_path: Path, **changes: Any) -> ServiceDecision:
    item = {**feeds.kestrel30_body(), **changes}
    imported = run(feeds.list_page30(tmp_path, item, feeds.bumps30_body(), name="faulty.json"))
    assert [s["name"] for s in imported.services] == ["Bumps and Beyond Antenatal Classes"]  # the rest imported
    faults = [d for d in imported.decisions if d.decision == "fault"]
    assert len(faults) == 1 and faults[0].file == "faulty.json"
    return faults[0]


def test_a_service_without_a_name_is_skipped_not_named_for_it(tmp_path: Path) -> None:
    fault = fault_of(tmp_path, name="  ")
    assert (fault.service_id, fault.field, fault.value) == (feeds.KESTREL, "name", "  ")
    assert "no name" in fault.reason


@pytest.mark.parametrize(("field", "value", "shown"), [
    ("minimum_age", "six months", "six months"),
    ("minimum_age", True, True),
    ("maximum_age", 1e308, 1e308),
    ("maximum_age", -1, -1),
    ("minimum_age", "1e400", "1e400"),
])
def test_an_age_that_is_not_a_number_of_years_is_a_fault(tmp_path: Path, field: str, value: object,
                                                         shown: object) -> None:
    fault = fault_of(tmp_path, **{field: value})
    assert (fault.service_id, fault.field, fault.value) == (feeds.KESTREL, field, shown)
    assert "rather than given a guessed age" in fault.reason


def test_a_non_numeric_age_in_oruk10_eligibility_names_its_place(tmp_path: Path) -> None:
    service = feeds.oruk10_service(feeds.MILLBROOK, "Millbrook Talking Therapies",
                                   eligibilitys=[{"id": "e", "minimum_age": "eighteen"}])
    page = feeds.write(tmp_path / "p.json", {"totalPages": 1, "number": 1, "first": True, "last": True,
                                              "content": [service]})
    fault = run(page).decisions[0]
    assert (fault.decision, fault.field, fault.value) == ("fault", "eligibilitys[0].minimum_age", "eighteen")


@pytest.mark.parametrize(("changes", "field", "value"), [
    ({"contacts": 5}, "contacts", 5),
    ({"contacts": ["0121 496 0404"]}, "contacts[0]", "0121 496 0404"),
    ({"contacts": [{"phones": {"number": "0121 496 0404"}}]}, "contacts[0].phones", "an object with 1 field(s)"),
    ({"organization": "Kestrel"}, "organization", "Kestrel"),
    ({"attributes": [{"taxonomy_term": 7}]}, "attributes[0].taxonomy_term", 7),
    ({"minimum_age": 10, "maximum_age": 2}, "minimum_age", 10.0),
])
def test_a_malformed_field_is_a_fault_with_its_place_and_value(tmp_path: Path, changes: dict[str, Any],
                                                               field: str, value: object) -> None:
    fault = fault_of(tmp_path, **changes)
    assert (fault.service_id, fault.field, fault.value) == (feeds.KESTREL, field, value)


def test_a_duplicated_id_skips_both_and_renames_neither(tmp_path: Path) -> None:
    twin = {**feeds.kestrel30_item(), "name": "Kestrel Outreach (second entry)"}
    imported = run(feeds.list_page30(tmp_path, feeds.kestrel30_item(), twin, feeds.bumps30_body()))
    assert [s["name"] for s in imported.services] == ["Bumps and Beyond Antenatal Classes"]
    faults = [d for d in imported.decisions if d.decision == "fault"]
    assert [(f.position, f.field, f.service_id) for f in faults] == [
        ("contents[0]", "id", feeds.KESTREL), ("contents[1]", "id", feeds.KESTREL)]
    assert "used by 2 services" in faults[0].reason


def test_a_duplicate_across_two_pages_is_a_fault_too(tmp_path: Path) -> None:
    first = feeds.list_page30(tmp_path, feeds.kestrel30_item(), name="a.json")
    second = feeds.list_page30(tmp_path, feeds.kestrel30_item(), name="b.json")
    imported = run(first, second)
    assert not imported.services and [d.file for d in imported.decisions] == ["a.json", "b.json"]


def test_an_item_that_is_not_a_service_or_has_no_id(tmp_path: Path) -> None:
    no_id = {**feeds.bumps30_body(), "id": None}
    imported = run(feeds.list_page30(tmp_path, "Kestrel", no_id, feeds.kestrel30_body()))
    assert [s["name"] for s in imported.services] == ["Kestrel Domestic Abuse Outreach"]
    faults = [(d.position, d.field, d.value) for d in imported.decisions if d.decision == "fault"]
    assert faults == [("contents[0]", "contents[0]", "Kestrel"), ("contents[1]", "id", None)]


def test_a_huge_whole_number_or_nan_refuses_the_file_by_name(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    body = json.dumps(feeds.kestrel30_body()).replace('"minimum_age": 16', '"minimum_age": ' + "9" * 5000)
    path.write_text(body, encoding="utf-8")
    with pytest.raises(OrukFileError, match=r"huge\.json: holds a number with more than 4,300 digits"):
        read_feed([path])
    path.write_text(body.replace("9" * 5000, "NaN"), encoding="utf-8")
    with pytest.raises(OrukFileError, match=r"huge\.json: .*NaN is not a number JSON allows"):
        read_feed([path])


# Files that are not JSON or not ORUK ---------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "message"), [
    ('{"contents": [\n  {"id": 1,}\n]}', "bad.json: line 2, column 12: not valid JSON"),
    ('{"hello": 1}', "bad.json: top level: not an Open Referral UK file"),
    ('"services"', "bad.json: top level: expected a /services page or a service (a JSON object), found text"),
    ('{"contents": 5}', "bad.json: contents: expected the list of services, found a number (5)"),
    ('{"content": {"id": 1}}', "bad.json: content: expected the list of services, found an object"),
    ("[" * 100_000 + "]" * 100_000, "bad.json: lists or objects are nested too deeply"),
    ('{"contents": [{"id": 1, "contacts": ' + "[" * 70 + "]" * 70 + "}]}",
     "bad.json: contents[0].contacts[0][0][0]"),
    ("", "bad.json: line 1, column 1: not valid JSON"),
])
def test_a_file_that_is_not_json_or_not_oruk_is_refused_with_its_name_and_position(
        tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(OrukFileError) as caught:
        read_feed([path])
    assert message in str(caught.value)


def test_folders_pipes_and_repeated_files_are_refused(tmp_path: Path) -> None:
    import os

    with pytest.raises(OrukFileError, match="is a folder"):
        read_feed([tmp_path])
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(OrukFileError, match="not an ordinary file"):
        read_feed([fifo])
    page = feeds.list_page30(tmp_path, feeds.bumps30_body())
    with pytest.raises(OrukFileError, match="given twice"):
        read_feed([page, page])


# Small parts ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("html", "text"), [
    ("<p>Drop in &amp; chat</p><p>Fridays</p>", "Drop in & chat\nFridays"),
    ("<ul><li>One</li><li>Two</li></ul>", "- One\n- Two"),
    ("Tea <b>and</b> toast<br>10am", "Tea and toast\n10am"),
    ("<script>alert(1)</script>Safe", "Safe"),
    ("Plain   text, a < b", "Plain text, a < b"),
])
def test_html_to_text(html: str, text: str) -> None:
    assert html_to_text(html) == text


def test_ids_that_differ_only_in_form_give_one_pathway_id_and_are_all_skipped(tmp_path: Path) -> None:
    first = {**feeds.bumps30_body(), "id": "Bumps Group"}
    second = {**feeds.bumps30_body(), "id": "bumps-group"}
    third = {**feeds.bumps30_body(), "id": "bumps group!"}
    imported = run(feeds.list_page30(tmp_path, first, second, third, feeds.kestrel30_body()))
    assert [s["name"] for s in imported.services] == ["Kestrel Domestic Abuse Outreach"]
    faults = [d for d in imported.decisions if d.decision == "fault"]
    assert [f.service_id for f in faults] == ["Bumps Group", "bumps-group", "bumps group!"]
    assert "all give the pathway id 'bumps-group'" in faults[0].reason
