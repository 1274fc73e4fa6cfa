"""The content of the three copies, checked without drawing a PDF."""

from __future__ import annotations

import copy
import datetime as dt
import re
from typing import Any

import pytest

from pairaid.core.canonical import fingerprint
from pairaid.core.summary_content import (
    Alert,
    Redactor,
    SummaryDocument,
    build_summary,
    gestation_weeks,
    initials,
)
from tests.report.helpers import MADE_ON, load_test_pathway, make, outcome_for, visit_data

PATHWAY = load_test_pathway()
REFERRAL_SECTIONS = [
    "header",
    "family",
    "reason",
    "strengths",
    "observations",
    "parent_voice",
    "mood",
    "needs",
    "level",
    "services",
    "consent",
    "next_steps",
    "signatures",
]
RULE_IDS = [rule.id for rule in PATHWAY.rules.rules]


def doc_for(data: dict[str, Any], copy_kind: str, recipient: str | None = "Duty clinician") -> SummaryDocument:
    assessment = make(data)
    return build_summary(assessment, outcome_for(assessment, PATHWAY), PATHWAY, copy_kind, recipient, MADE_ON)


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


def test_referral_has_every_section_in_order() -> None:
    doc = doc_for(visit_data(), "referral")
    assert [s.id for s in doc.sections] == REFERRAL_SECTIONS
    assert doc.marking == "OFFICIAL-SENSITIVE"
    assert doc.recipient == "Duty clinician"
    assert fingerprint(make(visit_data())) in doc.footer
    assert "testshire" in doc.footer and "2026.11-test" in doc.footer
    assert "5b7f3c1e-2d4a-4e8b-9c6f-0a1b2c3d4e5f" in doc.footer


def test_referral_holds_the_issue_fields() -> None:
    text = doc_for(visit_data(), "referral").plain_text()
    for expected in [
        "Referrer: Şükrü Öztürk",
        "Team: Testshire North health visiting",
        "Phone: 0121 496 0555",
        "Recipient: Duty clinician",
        "NHS number: 943 476 5919",
        "Postcode: B15 2TT",
        "Date of birth: 1 October 2026",
        "GP practice: Elm Tree Surgery",
        "Urgency: Routine",
        "A supportive partner",
        "EPDS",
        "total 14 of 30",
        "Not observed: Following the baby's lead",
        "Review date: 18 December 2026",
        "Basis for sharing: Consent",
        "Family told what is shared: Yes",
        "Unverified: check before referring",
        "[several_some, specialist]",
    ]:
        assert expected in text, expected


def test_strengths_come_before_the_observations() -> None:
    ids = [s.id for s in doc_for(visit_data(), "referral").sections]
    assert ids.index("strengths") < ids.index("observations")


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


def test_empty_sections_say_not_recorded_and_never_vanish() -> None:
    doc = doc_for(minimal(), "referral", recipient=None)
    assert [s.id for s in doc.sections] == REFERRAL_SECTIONS
    for section in doc.sections:
        assert section.blocks, section.id
    text = doc.plain_text()
    assert "Strengths\nNot recorded." in text
    assert "Referrer: Not recorded" in text
    assert "Recipient: Not recorded" in text


def test_specialist_relationship_help_says_what_the_pathway_lacks() -> None:
    text = doc_for(visit_data(), "referral").plain_text()
    assert "dedicated specialist parent-infant team" in text


IDENTIFIERS = [
    "Zoë Łucja Wójcik",
    "Zoë",
    "Łucja",
    "Wójcik",
    "Nguyễn Thị Minh Khai",
    "Khai",
    "Nguyễn",
    "محمد عبد الله",
    "محمد",
    "عمران خان",
    "রহমান চক্রবর্তী",
    "ਗੁਰਪ੍ਰੀਤ ਕੌਰ",
    "943 476 5919",
    "9434765919",
    "B15 2TT",
    "B15",
    "Elm Tree Surgery",
    "1 October 2026",
    "2026-10-01",
    "20 November 2026",
    "07700 900321",
    "ann@example.org",
    "18 December 2026",
]


def test_supervision_copy_is_free_of_every_identifier() -> None:
    data = visit_data()
    data["needs"]["housing"]["note"] = "Zoë's flat at B15 2TT is damp; NHS 9434765919; born 01/10/2026."
    doc = doc_for(data, "supervision", recipient="Supervisor")
    text = doc.plain_text()
    for identifier in IDENTIFIERS:
        assert identifier.lower() not in text.lower(), identifier
    assert "Baby: Z. Ł. W." in text
    assert "N. T. M. K." in text
    assert "7 weeks at the visit" in text
    assert "Visit: November 2026" in text
    assert [s.id for s in doc.sections] == [*REFERRAL_SECTIONS[:-1], "supervision_notes", "signatures"]


def test_supervision_copy_antenatal_gives_weeks_of_pregnancy_not_the_due_date() -> None:
    data = minimal()
    data["contact"]["type"] = "antenatal"
    data["family"]["baby"] = {"due_date": "2027-01-29", "name": "Łukasz Wójcik"}
    text = doc_for(data, "supervision").plain_text()
    assert "29 January 2027" not in text and "2027-01-29" not in text
    weeks = gestation_weeks(dt.date(2027, 1, 29), dt.date(2026, 11, 20))
    assert weeks == 30
    assert f"In pregnancy, about {weeks} weeks at the visit" in text
    assert "Ł. W." in text


def test_parent_copy_has_no_rule_ids_scores_levels_or_risky_topics() -> None:
    doc = doc_for(with_safeguarding(visit_data()), "parent", recipient="Nguyễn Thị Minh Khai")
    text = doc.plain_text()
    for rule in RULE_IDS:
        assert not re.search(rf"\b{re.escape(rule)}\b", text), rule
    for banned in [
        "EPDS",
        "GAD-2",
        "Whooley",
        "14",
        "of 30",
        "score",
        "Specialist",
        "Targeted",
        "Statutory",
        "Universal",
        "Domestic abuse",
        "Drug or alcohol",
        "safeguarding",
        "Safeguarding",
        "concern",
        "provisional",
        "Shouting heard",
        "Partner controls",
    ]:
        assert banned not in text, banned
    assert [s.id for s in doc.sections] == [
        "intro",
        "going_well",
        "talked_about",
        "agreed",
        "services",
        "any_hour",
        "contact_us",
    ]
    assert text.index("A supportive partner") < text.index("What we talked about")
    for expected in [
        "NHS 111",
        "Call 999",
        "0121 496 0100",
        "Calm Minds Perinatal Support",
        "0121 496 0300",
        "Please check these details before you rely on them.",
    ]:
        assert expected in text, expected
    assert "Testshire Children's Front Door" not in doc.section("services").model_dump_json()


def test_parent_copy_keeps_the_parents_words_exactly() -> None:
    doc = doc_for(visit_data(), "parent")
    words = visit_data()["parent_voice"]["words"]
    assert words in doc.plain_text()


def test_initials_and_redactor() -> None:
    assert initials("Łukasz Wójcik") == "Ł. W."
    assert initials("  ") == "Not recorded"
    assessment = make(visit_data())
    clean = Redactor(assessment, active=True)
    assert clean("Ring Khai on 0121 496 0123 or 07700900123, email k@example.org") == (
        "Ring K. on [number removed] or [number removed], email [email removed]"
    )
    assert clean("محمد عبد الله came") == "م. ع. ا. came"
    assert Redactor(assessment, active=False)("Khai") == "Khai"


def test_unknown_copy_is_refused() -> None:
    assessment = make(visit_data())
    with pytest.raises(ValueError, match="copy must be one of"):
        build_summary(assessment, outcome_for(assessment, PATHWAY), PATHWAY, "draft", None)  # type: ignore[arg-type]
