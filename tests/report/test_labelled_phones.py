"""Every published number of a service, with its label, on the summaries' contact lines and the map."""

from __future__ import annotations

from pathlib import Path

from pairaid.core.pathway import ContactDetails, Pathway
from pairaid.core.summary_content import build_summary
from tests.report.helpers import MADE_ON, flat, load_test_pathway, make, outcome_for, pdf_text, visit_data

CONTACT = {"phone": "0121 496 0321", "phones": [{"label": "Out of hours", "number": "07700 900321"},
                                                {"number": "0121 496 0322"}]}


def with_numbers() -> Pathway:
    pathway = load_test_pathway()
    calm = pathway.service("calm-minds")
    assert calm is not None
    changed = calm.model_copy(update={"contact": ContactDetails.model_validate(CONTACT)})
    return pathway.model_copy(update={"services": [changed if s.id == "calm-minds" else s for s in pathway.services]})


def test_the_referral_copy_lists_every_number_in_order_with_its_label() -> None:
    pathway = with_numbers()
    data = visit_data()
    data["decision"]["selected_services"] = ["calm-minds"]
    assessment = make(data)
    text = build_summary(assessment, outcome_for(assessment, pathway), pathway, "referral", "GP", MADE_ON).plain_text()
    assert "0121 496 0321; Out of hours: 07700 900321; 0121 496 0322" in text


def test_the_map_of_services_lists_every_number(tmp_path: Path) -> None:
    from pairaid.report import render_service_map

    out = render_service_map(with_numbers(), tmp_path / "map.pdf")
    assert "0121 496 0321; Out of hours: 07700 900321; 0121 496 0322" in flat(pdf_text(out))
