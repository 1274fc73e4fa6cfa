"""The content of the three copies, checked without drawing a PDF (summaries.md, second edition)."""

from __future__ import annotations

import copy
import datetime as dt
import re
from typing import Any

import pytest

from pairaid.core.canonical import fingerprint
from pairaid.core.summary_content import (
    Alert,
    ParentRefused,
    SummaryDocument,
    build_summary,
    gestation_weeks,
    needs_safe_to_take_home,
)
from pairaid.core.summary_text import level_name
from tests.report.helpers import MADE_ON, load_test_pathway, make, outcome_for, visit_data

PATHWAY = load_test_pathway()
PAGE_ONE = ["about", "family", "ask", "why_now", "consent"]
LATER = ["strengths", "observations", "parent_voice", "needs", "next_steps", "signatures"]
RULE_IDS = [rule.id for rule in PATHWAY.rules.rules]


def doc_for(data: dict[str, Any], copy_kind: str, recipient: str | None = "Duty clinician",
            **options: Any) -> SummaryDocument:
    assessment = make(data)
    return build_summary(assessment, outcome_for(assessment, PATHWAY), PATHWAY, copy_kind, recipient, MADE_ON,
                         **options)


def with_safeguarding(data: dict[str, Any]) -> dict[str, Any]:
    data = copy.deepcopy(data)
    data["safeguarding"] = {
        "indicators": ["domestic_abuse_baby_present"],
        "note": "Shouting heard; Khai upset.",
        "discussed_with": "Safeguarding lead",
    }
    data["needs"]["domestic_abuse"] = {"status": "current", "note": "Partner controls the money."}
    data["needs"]["substance_misuse"] = {"status": "current"}
    data["decision"]["selected_services"] = ["front-door", "calm-minds", "little-steps"]
    return data


def minimal() -> dict[str, Any]:
    return {
        "format": "pairaid.assessment/1",
        "contact": {"date": "2026-11-20", "type": "new_birth"},
        "family": {"baby": {"date_of_birth": "2026-11-08"}},
    }


def test_referral_page_one_comes_in_the_order_asked_then_the_rest() -> None:
    doc = doc_for(visit_data(), "referral")
    assert [s.id for s in doc.sections] == PAGE_ONE + LATER
    assert doc.marking == "OFFICIAL-SENSITIVE"
    assert doc.recipient == "Duty clinician"
    assert fingerprint(make(visit_data())) in doc.footer
    assert "5b7f3c1e-2d4a-4e8b-9c6f-0a1b2c3d4e5f" in doc.footer
    assert doc.section("next_steps").keep_with_next, "the signature block is never alone on a page"


def test_referral_holds_who_what_and_why() -> None:
    text = doc_for(visit_data(), "referral").plain_text()
    for expected in [
        "From: Şükrü Öztürk, Health visitor, Testshire North health visiting",
        "NHS number: 943 476 5919",
        "Postcode: B15 2TT",
        "Date of birth: 1 October 2026",
        "GP practice: Elm Tree Surgery",
        "Nguyễn Thị Minh Khai | mother | Yes | Vietnamese | Yes",
        "Please accept a referral to: Calm Minds Perinatal Support; Little Steps Parent-Infant Service.",
        "Unverified: check before referring",
        "EPDS total 14 of 30; self-harm item 0 of 3",
        "Whooley positive (low mood)",
        "GAD-2 total 4 of 6 (positive)",
        "Noticing the baby's signals (some concern): Khai noticed loud crying",
        "Basis for sharing: Consent",
        "Review: 18 December 2026",
        "Not observed: Following the baby's lead, Feeding together, Frightening or frightened behaviour.",
    ]:
        assert expected in text, expected


def test_only_selected_services_are_printed() -> None:
    text = doc_for(visit_data(), "referral").plain_text()
    assert "Sunrise" not in text  # suggested, not selected: the practitioner's working list only
    data = visit_data()
    data["decision"]["selected_services"] = []
    text = doc_for(data, "referral").plain_text()
    assert "For information: no service is being asked to act." in text
    assert "Calm Minds Perinatal Support" not in text and "Little Steps Parent-Infant Service" not in text


def test_no_rule_ids_or_doubled_labels_anywhere() -> None:
    for copy_kind in ("referral", "supervision", "parent"):
        text = doc_for(with_safeguarding(visit_data()), copy_kind, safe_to_take_home=True).plain_text()
        for rule in RULE_IDS:
            assert not re.search(rf"\[{re.escape(rule)}\b|\b{re.escape(rule)}\]", text), (copy_kind, rule)
        assert not re.search(r"\((\w+) \(\1", text), copy_kind
        assert "decision." not in text and "override_by" not in text


def test_level_names_read_the_label_and_local_name_once() -> None:
    pathway = PATHWAY.model_copy(deep=True)
    pathway.levels.targeted.label = "Targeted"
    pathway.levels.targeted.local_name = "Additional to Complex (Right Help, Right Time)"
    pathway.levels.universal.label = "Universal"
    pathway.levels.universal.local_name = "Universal (Right Help, Right Time)"
    assert level_name(pathway, "targeted") == "Targeted — Additional to Complex (Right Help, Right Time)"
    assert level_name(pathway, "universal") == "Universal (Right Help, Right Time)"


def test_not_recorded_is_one_line_per_section() -> None:
    text = doc_for(minimal(), "referral", recipient=None).plain_text()
    assert "Not recorded: Baby, NHS number, Postcode, GP practice." in text
    assert "\nNot recorded\n" not in text
    assert text.count("Not recorded:") <= len(PAGE_ONE + LATER)


def test_safeguarding_box_is_first_with_the_front_door() -> None:
    doc = doc_for(with_safeguarding(visit_data()), "referral")
    first = doc.sections[0]
    assert first.id == "safeguarding"
    alert = first.blocks[0]
    assert isinstance(alert, Alert)
    lines = " ".join(alert.lines)
    for expected in ["0121 496 0100", "Out of hours: 0121 496 0101", "999", "within 48 hours"]:
        assert expected in lines
    assert "safeguarding" not in [s.id for s in doc_for(visit_data(), "referral").sections]


def test_drafts_say_so_and_only_a_final_record_is_unmarked() -> None:
    assert doc_for(visit_data(), "referral").draft
    assert "DRAFT — not finalised" in doc_for(visit_data(), "parent").plain_text()
    final = doc_for(visit_data(), "referral", final=True)
    assert not final.draft and "DRAFT" not in final.plain_text()


# -- supervision ------------------------------------------------------------------------------------------

IDENTIFIERS = [
    "Zoë Łucja Wójcik", "Zoë", "Łucja", "Wójcik", "Nguyễn Thị Minh Khai", "Khai", "Nguyễn", "محمد عبد الله",
    "محمد", "عمران خان", "রহমান চক্রবর্তী", "ਗੁਰਪ੍ਰੀਤ ਕੌਰ", "Şükrü", "Öztürk", "943 476 5919", "9434765919",
    "B15 2TT", "B15", "Elm Tree Surgery", "1 October 2026", "2026-10-01", "20 November 2026", "07700 900321",
    "0121 496 0555", "ann@example.org", "18 December 2026", "5b7f3c1e-2d4a",
]


def test_supervision_copy_is_free_of_every_identifier() -> None:
    data = visit_data()
    data["needs"]["housing"]["note"] = "ZOE's flat at 4 Elm Grove, B15 2TT is damp; NHS 9434765919; born 01/10/2026."
    doc = doc_for(data, "supervision", recipient="Supervisor")
    text = doc.plain_text()
    for identifier in IDENTIFIERS:
        assert identifier.lower() not in text.lower(), identifier
    assert "Baby: Z.Ł.W." in text
    assert "N.T.M.K." in text
    assert "Z.Ł.W.'s flat at [address], [postcode] is damp; NHS [NHS number]; born [date]." in text
    assert "7 weeks at the visit" in text
    assert "Review: 4 weeks after the visit" in text
    assert doc.record_id == "5b7f3c1e" and "Ref 5b7f3c1e" in doc.footer
    assert [s.id for s in doc.sections][-2:] == ["supervision_notes", "signatures"]


def test_supervision_copy_removes_words_marked_by_hand() -> None:
    text = doc_for(visit_data(), "supervision", also_remove=["the hub", "ANN"]).plain_text()
    assert "said to ring [removed]" in text and "[removed] <[email]>" in text


def test_supervision_copy_antenatal_gives_weeks_of_pregnancy_not_the_due_date() -> None:
    data = minimal()
    data["contact"]["type"] = "antenatal"
    data["family"]["baby"] = {"due_date": "2027-01-29", "name": "Łukasz Wójcik"}
    text = doc_for(data, "supervision").plain_text()
    assert "29 January 2027" not in text and "2027-01-29" not in text
    weeks = gestation_weeks(dt.date(2027, 1, 29), dt.date(2026, 11, 20))
    assert f"In pregnancy, about {weeks} weeks at the visit" in text
    assert "Baby: Ł.W." in text


# -- parent -----------------------------------------------------------------------------------------------

PARENT_BANNED = [
    "EPDS", "GAD-2", "Whooley", "14 of 30", "score", "Specialist", "Targeted", "Statutory", "Universal",
    "Domestic abuse", "Drug or alcohol", "safeguarding", "Safeguarding", "concern", "provisional", "Provisional",
    "Shouting heard", "Partner controls", "Not recorded", "not recorded", "Front Door", "front door",
]


def test_parent_copy_is_addressed_to_the_family_never_the_professional() -> None:
    doc = doc_for(visit_data(), "parent", recipient="Duty clinician")
    assert doc.recipient == "Nguyễn Thị Minh Khai and محمد عبد الله"  # those with parental responsibility
    assert "Duty clinician" not in doc.plain_text()


def test_parent_copy_without_risk_words() -> None:
    text = doc_for(with_safeguarding(visit_data()), "parent", safe_to_take_home=True).plain_text()
    for rule in RULE_IDS:
        assert not re.search(rf"\b{re.escape(rule)}\b", text), rule
    for banned in PARENT_BANNED:
        assert banned not in text, banned


def test_parent_copy_needs_the_safe_to_take_home_answer_when_at_risk() -> None:
    data = with_safeguarding(visit_data())
    assert needs_safe_to_take_home(make(data)) == "a safeguarding indicator is recorded"
    with pytest.raises(ParentRefused, match="safe for this parent to take home, because a safeguarding"):
        doc_for(data, "parent")
    data = visit_data()
    data["needs"]["domestic_abuse"] = {"status": "current"}
    assert needs_safe_to_take_home(make(data)) == "domestic abuse is recorded as current"
    assert needs_safe_to_take_home(make(visit_data())) is None
    doc_for(visit_data(), "parent")  # no question when there is no risk


def test_parent_copy_at_risk_has_no_partner_and_no_partner_name() -> None:
    data = with_safeguarding(visit_data())
    data["decision"]["next_steps"] = "Khai and MOHAMMED agreed; محمد will not be told. Visit on 4 December."
    doc = doc_for(data, "parent", safe_to_take_home=True)
    text = doc.plain_text()
    assert doc.recipient == "Nguyễn Thị Minh Khai"
    assert "A supportive partner" not in text
    for name in ("محمد", "عبد الله", "عمران", "রহমান", "ਗੁਰਪ੍ਰੀਤ"):
        assert name not in text, name
    assert "will not be told" not in text, "the practitioner's words for colleagues stay off this copy"
    assert "We talked together about what happens next." in text
    assert "he's my" not in text, "the parent's own words stay off a copy that may be found"


def test_parent_copy_leaves_out_sensitive_services() -> None:
    pathway = PATHWAY.model_copy(deep=True)
    calm = pathway.service("calm-minds")
    assert calm is not None
    calm.needs = [*calm.needs, "substance_misuse"]
    assessment = make(visit_data())
    doc = build_summary(assessment, outcome_for(assessment, pathway), pathway, "parent", None, MADE_ON)
    text = doc.plain_text()
    assert "Calm Minds" not in text, "nor in the practitioner's words"
    assert "Refer to another service for talking support" in text
    assert "Little Steps" in text


def test_parent_copy_keeps_the_parents_words_exactly() -> None:
    doc = doc_for(visit_data(), "parent")
    words = visit_data()["parent_voice"]["words"]
    assert words in doc.plain_text()


def test_unknown_copy_is_refused() -> None:
    assessment = make(visit_data())
    with pytest.raises(ValueError, match="copy must be one of"):
        build_summary(assessment, outcome_for(assessment, PATHWAY), PATHWAY, "draft", None)  # type: ignore[arg-type]


def test_help_at_any_hour_comes_from_the_pathways_national_block() -> None:
    pathway = PATHWAY.model_copy(deep=True)
    pathway.national.urgent_mental_health = "Ring 111, option 2, at any hour (from the pathway file)"
    assessment = make(visit_data())
    text = build_summary(assessment, outcome_for(assessment, pathway), pathway, "parent", None, MADE_ON).plain_text()
    assert "Ring 111, option 2, at any hour (from the pathway file)" in text
    assert pathway.national.emergency in text


def self_harm() -> dict[str, Any]:
    data = visit_data()
    data["mood"]["epds"] = {"total": 14, "self_harm_item": 1}
    data["parent_voice"]["wants_help"] = "no"
    data["decision"]["action_taken"] = "You and I rang your GP together; they will call you back by 5pm today."
    return data


def test_after_self_harm_risk_the_parent_copy_gives_todays_plan_never_no_help() -> None:
    text = doc_for(self_harm(), "parent").plain_text()
    assert "What we agreed for today: You and I rang your GP together; they will call you back by 5pm today." in text
    assert "did not want extra help" not in text


def test_referral_prints_what_was_done_today_and_the_urgency() -> None:
    text = doc_for(self_harm(), "referral").plain_text()
    assert "What was done today: You and I rang your GP together" in text
    assert "Urgent: same-day action needed" in text
    assert "EPDS total 14 of 30; self-harm item 1 of 3" in text


def test_a_provisional_level_says_how_much_was_observed_and_why() -> None:
    data = minimal()
    data["observations"] = {"warmth": {"rating": "no_concern"}}
    data["decision"] = {"provisional_reason": "Baby asleep all visit; seen feeding well at clinic on Monday"}
    for copy_kind in ("referral", "supervision"):
        text = doc_for(data, copy_kind).plain_text()
        assert re.search(r"Provisional: 1 of \d+ areas observed", text), copy_kind
        assert "Why provisional: Baby asleep all visit; seen feeding well at clinic on Monday" in text


def test_household_and_asked_needs_are_printed() -> None:
    data = visit_data()
    data["family"]["household"] = [{"name": "Şükrü Öztürk", "relationship": "lodger", "age": "30 years"},
                                   {"relationship": "sibling", "age": "3 years"}]
    data["needs"] = {n: {"status": "no"} for n in ("housing", "financial_hardship")}
    text = doc_for(data, "referral").plain_text()
    assert "Others living there\nŞükrü Öztürk, lodger, 30 years\nsibling, 3 years" in text
    assert "Asked about other needs: none of these." in text
    sup = doc_for(data, "supervision").plain_text()
    assert "Ş.Ö., lodger, 30 years" in sup and "Öztürk" not in sup


def test_an_out_of_area_family_carries_the_warning() -> None:
    from pairaid.core.assess import assess_with_pathway

    pathway = PATHWAY.model_copy(deep=True)
    pathway.pathway.area.postcode_districts = ["B15"]
    data = with_safeguarding(visit_data())
    data["family"]["postcode"] = "CV1 2AA"
    assessment = make(data)
    outcome = assess_with_pathway(assessment, pathway)
    referral = build_summary(assessment, outcome, pathway, "referral", None, MADE_ON)
    box = " ".join(referral.sections[0].blocks[0].lines)  # type: ignore[union-attr]
    assert "This family lives outside Testshire: contact the children's services front door" in box
    assert "may not take them (postcode district CV1)" in referral.plain_text()
    data["safeguarding"] = {"indicators": []}
    data["needs"]["domestic_abuse"] = {"status": "no"}
    assessment = make(data)
    parent = build_summary(assessment, assess_with_pathway(assessment, pathway), pathway, "parent", None, MADE_ON)
    assert "may only be for families living in Testshire" in parent.plain_text()


def test_a_preterm_baby_has_both_ages_and_the_gestation() -> None:
    data = visit_data()
    data["family"]["baby"].update(born_before_37_weeks=True, gestation_weeks=32, date_of_birth="2026-05-01")
    text = doc_for(data, "referral").plain_text()
    assert "Age: 6 months, corrected 4 months at the visit" in text
    assert "Born early: at 32 weeks" in text
