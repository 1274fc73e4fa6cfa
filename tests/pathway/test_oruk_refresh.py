"""`pairaid pathway refresh`: a pathway kept current from its council's feed, as a diff its owner approves —
a changed phone, a retired service and a new one; never a level, need, age or eligibility changed."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from pairaid.cli import main
from pairaid.core.pathway import Service
from pairaid.pathway.check import check_file
from pairaid.pathway.loading import load_pathway
from pairaid.pathway.oruk_feed import read_feed
from pairaid.pathway.oruk_import import import_feed
from pairaid.pathway.oruk_refresh import Entry, Refreshed, refresh
from tests.pathway import oruk_feeds as feeds

TODAY = dt.date(2026, 12, 1)
RIVERSIDE = Path(__file__).resolve().parents[1] / "fixtures" / "pathways" / "riverside.yaml"
HAND_WRITTEN = {"id": "hv", "name": "Riverside Health Visiting", "level": "universal", "needs": ["parenting"],
                "contact": {"phone": "0121 496 0100"}, "verified": {"status": "verified"}}


def pathway_services(tmp_path: Path) -> list[dict[str, Any]]:
    """Imported from last month's two-page feed, then edited by the owner, plus one service of their own."""
    folder = tmp_path / "before"
    folder.mkdir()
    services = import_feed(read_feed(feeds.two_page_feed10(folder)), source="feed").services
    larkfield = services[0]
    larkfield["level"] = "specialist"  # the owner's own reading of the level
    larkfield["needs"] = ["social_isolation", "parenting"]
    larkfield["verified"] = {"status": "verified", "checked": dt.date(2026, 11, 1)}
    return [*services, copy.deepcopy(HAND_WRITTEN)]


def new_feed(folder: Path, *, complete: bool = True) -> list[Path]:
    """This month: Larkfield's office number changed, Ashgrove gone, Millbrook retired, Kestrel new."""
    folder.mkdir(exist_ok=True)
    larkfield = feeds.larkfield10()
    larkfield["contacts"][0]["phones"][0]["number"] = "0121 496 0111"
    larkfield["eligibilitys"][0]["maximum_age"] = 4  # an age change is reported, never applied
    millbrook = {**feeds.millbrook10(), "status": "inactive"}
    page1 = {"totalElements": 4, "totalPages": 2, "number": 1, "first": True, "last": False,
             "content": [larkfield, millbrook]}
    page2 = {"totalElements": 4, "totalPages": 2, "number": 2, "first": False, "last": True,
             "content": [feeds.oruk10_service(feeds.OLDMILL, "Old Mill Toddler Group", status="defunct"),
                         feeds.crisis10()]}
    paths = [feeds.write(folder / "page1.json", page1)]
    if complete:
        paths.append(feeds.write(folder / "page2.json", page2))
    return [*paths, feeds.write(folder / "kestrel.json", feeds.kestrel30_body())]


def do_refresh(services: list[dict[str, Any]], paths: list[Path]) -> Refreshed:
    feed = read_feed(paths)
    return refresh(services, feed, import_feed(feed, source="feed"), today=TODAY)


def entry(result: Refreshed, name: str) -> Entry:
    return next(e for e in result.entries if e.name == name)


def service(result: Refreshed, name: str) -> dict[str, Any]:
    return next(s for s in result.services if s["name"] == name)


def test_a_changed_phone_is_updated_and_marked_for_review(tmp_path: Path) -> None:
    result = do_refresh(pathway_services(tmp_path), new_feed(tmp_path / "now"))
    larkfield = service(result, "Larkfield Family Support")
    assert larkfield["contact"]["phones"][0] == {"label": "Office", "number": "0121 496 0111"}
    assert larkfield["review"]["since"] == TODAY
    assert larkfield["review"]["changes"][0] == (
        "contact.phones: Office: 0121 496 0101; Out of hours: 07700 900101 → Office: 0121 496 0111; "
        "Out of hours: 07700 900101")
    assert larkfield["verified"]["status"] == "needs_review"  # the new number is not yet checked
    assert entry(result, "Larkfield Family Support").kind == "updated"
    assert entry(result, "Larkfield Family Support").match == "oruk_id"


def test_a_refresh_never_changes_a_level_need_age_or_eligibility(tmp_path: Path) -> None:
    before = pathway_services(tmp_path)
    result = do_refresh(before, new_feed(tmp_path / "now"))
    for old, new in zip(before, result.services, strict=False):
        for key in ("level", "needs", "ages", "eligibility"):
            assert new.get(key) == old.get(key), (old["name"], key)
    ages = next(c for c in entry(result, "Larkfield Family Support").changes if c.field == "ages")
    assert not ages.applied and ages.after == {"antenatal": False, "min_months": 0, "max_months": 48}
    assert "ages: the feed says" in service(result, "Larkfield Family Support")["review"]["changes"][1]


def test_a_retired_service_is_made_inactive_and_a_gone_one_flagged(tmp_path: Path) -> None:
    result = do_refresh(pathway_services(tmp_path), new_feed(tmp_path / "now"))
    millbrook = service(result, "Millbrook Talking Therapies")
    assert millbrook["status"] == "inactive" and entry(result, "Millbrook Talking Therapies").kind == "retired"
    assert millbrook["review"]["changes"] == ["status: active → inactive (the feed marks it inactive)"]
    ashgrove = service(result, "Ashgrove Parents' Network")
    assert entry(result, "Ashgrove Parents' Network").kind == "gone"
    assert ashgrove["review"]["changes"] == [
        f"no longer in the council's feed (ORUK id {feeds.ASHGROVE}): check whether it still runs"]
    assert ashgrove["status"] == "inactive"  # as it was (imported for review): a refresh never activates


def test_a_new_service_is_added_inactive_for_review(tmp_path: Path) -> None:
    result = do_refresh(pathway_services(tmp_path), new_feed(tmp_path / "now"))
    kestrel = service(result, "Kestrel Domestic Abuse Outreach")
    assert result.services[-1] is kestrel and kestrel["status"] == "inactive"
    assert kestrel["verified"]["status"] == "needs_review" and kestrel["oruk_id"] == feeds.KESTREL
    assert kestrel["review"]["changes"][0].startswith("new in the council's feed")
    assert entry(result, "Kestrel Domestic Abuse Outreach").kind == "added"
    assert "Old Mill Toddler Group" not in [s["name"] for s in result.services]  # defunct: not added


def test_services_not_from_the_feed_are_left_alone(tmp_path: Path) -> None:
    result = do_refresh(pathway_services(tmp_path), new_feed(tmp_path / "now"))
    assert service(result, "Riverside Health Visiting") == HAND_WRITTEN
    assert entry(result, "Riverside Health Visiting").kind == "not_in_feed"


def test_an_incomplete_feed_flags_nothing_as_gone(tmp_path: Path) -> None:
    result = do_refresh(pathway_services(tmp_path), new_feed(tmp_path / "now", complete=False))
    assert entry(result, "Ashgrove Parents' Network").kind == "not_compared"
    assert "review" not in service(result, "Ashgrove Parents' Network")
    assert any("not flagged as gone" in w for w in result.warnings)


def test_a_service_without_an_oruk_id_is_matched_by_name_and_provider(tmp_path: Path) -> None:
    mine = {"id": "larkfield", "name": "Larkfield  family support", "provider": "Larkfield Family Trust",
            "level": "targeted", "needs": ["parenting"], "status": "inactive",
            "contact": {"phone": "0121 496 0101"}}
    result = do_refresh([mine], new_feed(tmp_path / "now"))
    larkfield = result.services[0]
    assert larkfield["oruk_id"] == feeds.LARKFIELD and larkfield["id"] == "larkfield"
    assert entry(result, "Larkfield  family support").match == "name_and_provider"
    changes = larkfield["review"]["changes"]
    assert changes[0] == f"oruk_id: (none) → {feeds.LARKFIELD} (matched by name and provider: check it is the same " \
                         "service)"
    assert "name: Larkfield  family support → Larkfield Family Support" in changes
    assert larkfield["status"] == "inactive"  # the feed lists it as active; only a person makes it active
    assert any(c.startswith("status: the feed says active; kept inactive") for c in changes)
    assert "Larkfield Family Support" not in [s["name"] for s in result.services[1:]]  # not added twice


def test_every_refreshed_service_is_a_valid_pathway_service(tmp_path: Path) -> None:
    for data in do_refresh(pathway_services(tmp_path), new_feed(tmp_path / "now")).services:
        Service.model_validate(data)


# The command ------------------------------------------------------------------------------------------------------


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_then_refresh_on_the_command_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "before").mkdir()
    pages = feeds.two_page_feed10(tmp_path / "before")
    pathway, report = tmp_path / "area.yaml", tmp_path / "import.json"
    code, out, _ = cli(capsys, "pathway", "import-oruk", *map(str, pages), "-o", str(pathway),
                       "--base", str(RIVERSIDE), "--report", str(report))
    assert code == 0, out
    assert "4 service(s) imported from 2 file(s) (5 read); 1 need review; 1 skipped as retired" in out
    decisions = json.loads(report.read_text(encoding="utf-8"))
    assert decisions["format"] == "pairaid.oruk-import-report/1" and decisions["feed_complete"] is True
    assert [(s["name"], s["decision"]) for s in decisions["services"]] == [
        ("Larkfield Family Support", "imported"), ("Ashgrove Parents' Network", "imported"),
        ("Millbrook Talking Therapies", "imported"), ("Old Mill Toddler Group", "skipped"),
        ("Riverside Crisis Line", "imported")]
    assert decisions["services"][1]["notes"][1]["field"] == "ages"
    assert check_file(pathway).ok

    before = pathway.read_text(encoding="utf-8")
    new, changes = tmp_path / "area-new.yaml", tmp_path / "refresh.json"
    code, out, _ = cli(capsys, "pathway", "refresh", str(pathway), *map(str, new_feed(tmp_path / "now")),
                       "-o", str(new), "--report", str(changes))
    assert code == 0, out
    assert pathway.read_text(encoding="utf-8") == before  # the pathway refreshed is never changed
    assert "CHANGED in the feed" in out and "RETIRED by the feed" in out and "GONE from the feed" in out
    assert ("    contact.phones: Office: 0121 496 0101; Out of hours: 07700 900101 → Office: 0121 496 0111; "
            "Out of hours: 07700 900101") in out
    assert "ages: NOT APPLIED: the feed says" in out
    assert f"  {feeds.KESTREL.lower()}: Kestrel Domestic Abuse Outreach" in out
    report_data = json.loads(changes.read_text(encoding="utf-8"))
    assert report_data["summary"] == {"updated": 1, "retired": 1, "gone": 1, "added": 1, "not_added": 0,
                                      "not_compared": 0, "unchanged": 1, "not_in_feed": 0}
    refreshed = load_pathway(new)
    assert [s.name for s in refreshed.services if s.needs_review] == [
        "Larkfield Family Support", "Ashgrove Parents' Network", "Millbrook Talking Therapies",
        "Kestrel Domestic Abuse Outreach"]
    warnings = [str(p) for p in check_file(new).warnings if p.field == "review"]
    assert len(warnings) == 4 and "delete the `review` block" in warnings[0]


def test_refresh_refuses_to_overwrite_its_pathway_and_bad_feeds(capsys: pytest.CaptureFixture[str],
                                                                tmp_path: Path) -> None:
    feed = feeds.list_page30(tmp_path, feeds.bumps30_body())
    code, _, err = cli(capsys, "pathway", "refresh", str(RIVERSIDE), str(feed), "-o", str(RIVERSIDE))
    assert code == 1 and "write the refreshed pathway to a new file" in err
    bad = tmp_path / "bad.json"
    bad.write_text('{"contents": 5}', encoding="utf-8")
    code, _, err = cli(capsys, "pathway", "refresh", str(RIVERSIDE), str(bad), "-o", str(tmp_path / "n.yaml"))
    assert code == 1 and "bad.json: contents: expected the list of services" in err and "Traceback" not in err
    assert not (tmp_path / "n.yaml").exists()
