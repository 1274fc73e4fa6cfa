"""pairaid.core.deidentify: the one de-identification behind the supervision PDF and the supervision bundle."""

from __future__ import annotations

import copy
from typing import Any

from pairaid.core.deidentify import Deidentifier, deidentify, fold, initials, short_reference

PEOPLE = ["Zoë Brontë", "Ann Brontë", "Łukasz Wójcik", "Nguyễn Thị Minh Khai", "محمد عبد الله", "Elm Tree Surgery"]


def scrub(text: str, also_remove: tuple[str, ...] = ()) -> str:
    return Deidentifier(PEOPLE, also_remove).text(text)


def test_initials_of_names_from_many_communities() -> None:
    assert initials("Nguyễn Thị Minh Khai") == "N.T.M.K."
    assert initials("Łukasz Wójcik") == "Ł.W."
    assert initials("محمد عبد الله") == "م.ع.ا."
    assert initials("  ") is None


def test_fold_drops_case_and_accents() -> None:
    assert fold("ZOË Łucja Nguyễn Öztürk") == "zoe lucja nguyen ozturk"


def test_names_in_any_case_with_or_without_accents_become_the_same_initials() -> None:
    assert scrub("Zoë, ZOE, zoe, Zoe\u0308 and zoë brontë") == "Z.B., Z.B., Z.B., Z.B. and Z.B."
    assert scrub("lukasz WOJCIK came; Łukasz left; wójcik stayed") == "Ł.W. came; Ł.W. left; Ł.W. stayed"
    assert scrub("nguyen thi minh khai said Khai was tired") == "N.T.M.K. said N.T.M.K. was tired"
    assert scrub("محمد said") == "م.ع.ا. said"


def test_possessives_keep_their_s_and_shared_family_names_become_their_initial() -> None:
    assert scrub("Zoë's cot, Zoe’s bath, zoes toy") == "Z.B.'s cot, Z.B.’s bath, Z.B.'s toy"
    assert scrub("Brontë's flat; the Brontës") == "B.'s flat; the B.'s"  # baby and mother share it


def test_only_whole_words_go() -> None:
    assert scrub("Annex and Zoey and Khaimah") == "Annex and Zoey and Khaimah"


def test_the_gp_practice_and_hand_marked_words_go() -> None:
    assert scrub("Seen at elm tree surgery") == "Seen at E.T.S."
    assert scrub("Mrs Patel next door; MRS PATEL again", ("Mrs Patel",)) == "[removed] next door; [removed] again"


def test_numbers_contacts_dates_and_addresses_go() -> None:
    text = ("Call 0121 496 0999 or +44 7700 900001, email z.bronte@example.org, NHS 943-476-5919, B15 2TT. "
            "Seen 12/03/2026, 12 March 2026, 2026-03-12, March 12, 2026, 3rd of May; due in June 2027. "
            "Lives at 12a Acacia Road and later 3 St Mary's Row. At 10:30 EPDS was 14; 2 of them walk.")
    assert scrub(text) == (
        "Call [phone] or [phone], email [email], NHS [NHS number], [postcode]. "
        "Seen [date], [date], [date], [date], [date]; due in [date]. "
        "Lives at [address] and later [address]. At 10:30 EPDS was 14; 2 of them walk."
    )


def test_removals_say_where_and_what_for_the_preview() -> None:
    deid = Deidentifier(PEOPLE, ("Mrs Patel",))
    text = "Zoë met Mrs Patel on 12/03/2026"
    kinds = [(text[r.start:r.end], r.kind, r.replacement) for r in deid.removals(text)]
    assert kinds == [("Zoë", "name", "Z.B."), ("Mrs Patel", "marked", "[removed]"), ("12/03/2026", "date", "[date]")]


def record() -> dict[str, Any]:
    return {
        "format": "pairaid.assessment/1",
        "id": "5b7f3c1e-2d4a-4e8b-9c6f-0a1b2c3d4e5f",
        "contact": {"date": "2026-11-20", "type": "six_to_eight_weeks",
                    "practitioner": {"name": "Şükrü Öztürk", "phone": "0121 496 0123", "email": "s@example.org"}},
        "family": {
            "baby": {"name": "Zoë Brontë", "date_of_birth": "2026-10-01", "nhs_number": "943 476 5919"},
            "carers": [{"name": "Ann Brontë", "relationship": "mother"}],
            "household": [{"name": "Łukasz Wójcik", "relationship": "lodger", "age": "30 years"}],
            "postcode": "B15 2TT",
            "gp_practice": "Ladywood Surgery",
        },
        "needs": {"housing": {"status": "current", "note": "Zoë's room at 4 Elm Grove is damp; lukasz smokes"}},
        "mood": {"epds": {"total": 9, "self_harm_item": 0, "date": "2026-11-20"}},
        "decision": {"review_date": "2026-12-18", "next_steps": "Sukru to ring Ladywood surgery"},
    }


def test_a_record_for_a_bundle() -> None:
    data = record()
    original = copy.deepcopy(data)
    out = deidentify(data, also_remove=["smokes"])
    assert data == original, "pure: the input is not changed"
    assert out["id"] == short_reference(data["id"]) == "5b7f3c1e"
    assert out["family"]["baby"] == {"name": "Z.B.", "age_weeks": 7}
    assert out["family"]["carers"][0]["name"] == "A.B."
    assert out["family"]["household"][0]["name"] == "Ł.W."
    assert not {"postcode", "gp_practice"} & set(out["family"])
    assert out["contact"]["practitioner"] == {"name": "Ş.Ö."}
    assert "date" not in out["contact"] and "date" not in out["mood"]["epds"]
    assert out["needs"]["housing"]["note"] == "Z.B.'s room at [address] is damp; Ł.W. [removed]"
    assert out["decision"] == {"next_steps": "Ş.Ö. to ring L.S.", "review_in_weeks": 4}


def test_antenatal_due_date_becomes_weeks_until_due() -> None:
    data = record()
    data["family"]["baby"] = {"due_date": "2027-01-15"}
    assert deidentify(data)["family"]["baby"] == {"weeks_until_due": 8}


def test_the_recipient_and_the_gp_practice_go_as_whole_names() -> None:
    deid = Deidentifier.for_record(record(), recipient="Perinatal Mental Health Team")
    assert deid.text("told the perinatal mental health team; her mental health") == "told the P.M.H.T.; her mental health"
    assert deid.text("Ladywood surgery, a GP surgery") == "L.S., a GP surgery"
