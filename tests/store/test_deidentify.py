"""pairaid.core.deidentify (shared by the supervision bundle and the supervision PDF)."""

from __future__ import annotations

import copy

from pairaid.core.deidentify import REMOVED, deidentify, initials, scrub_text
from tests.store.helpers import visit


def test_initials_of_names_from_many_communities() -> None:
    assert initials("Nguyễn Thị Minh Khai") == "N.T.M.K."
    assert initials("Łukasz Wójcik") == "Ł.W."
    assert initials("محمد عبد الله") == "م.ع.ا."
    assert initials("  ") is None


def test_identifiers_leave_and_the_rest_stays() -> None:
    data = visit(needs={"housing": {"status": "current", "note": "Zoë and محمد share one room"}})
    original = copy.deepcopy(data)
    out = deidentify(data)
    assert data == original, "pure: the input is not changed"
    baby = out["family"]["baby"]
    assert baby == {"name": "Z.B.", "age_weeks": 7}
    assert out["family"]["carers"][0]["name"] == "م.ع.ا."
    assert "postcode" not in out["family"] and "gp_practice" not in out["family"]
    assert out["needs"]["housing"] == {"status": "current", "note": "Z. and م. share one room"}
    assert out["parent_voice"]["words"] == f"Z.B. settles when I sing; ring me on {REMOVED}"
    assert out["observations"] == data["observations"] and out["contact"] == data["contact"]


def test_antenatal_due_date_becomes_weeks_until_due() -> None:
    data = visit(contact={"date": "2026-11-20", "type": "antenatal"})
    data["family"]["baby"] = {"due_date": "2027-01-15"}
    assert deidentify(data)["family"]["baby"] == {"weeks_until_due": 8}


def test_free_text_scrubbing() -> None:
    text = ("Call 0121 496 0999 or +44 7700 900001, email ann@example.org, NHS 943-476-5919, B15 2TT. "
            "Seen 2026-11-20 at 10:30; EPDS 14.")
    assert scrub_text(text) == (f"Call {REMOVED} or {REMOVED}, email {REMOVED}, NHS {REMOVED}, {REMOVED}. "
                                "Seen 2026-11-20 at 10:30; EPDS 14.")
