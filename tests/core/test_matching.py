"""Service suggestions (assessment.md §9) against the fictional Riverside pathway."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from pairaid.core.assessment import parse_assessment
from pairaid.core.engine import evaluate
from pairaid.core.matching import match_services, suggest_services
from pairaid.core.pathway import Pathway
from pairaid.pathway.check import check_file
from pairaid.pathway.loading import assess_with_pathway

RIVERSIDE = Path(__file__).resolve().parents[1] / "fixtures" / "pathways" / "riverside.yaml"
VISIT = dt.date(2026, 11, 20)



@pytest.fixture(autouse=True)
def _own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAIRAID_CACHE_DIR", str(tmp_path / "cache"))

@pytest.fixture(scope="module")
def pathway() -> Pathway:
    found = check_file(RIVERSIDE).pathway  # not load_pathway: module fixtures run before the cache is redirected
    assert found is not None
    return found


def record(
    *, born: str | None = "2026-10-01", contact: str = "new_birth", postcode: str | None = "B1 1AA", **extra: Any
) -> Any:
    data: dict[str, Any] = {
        "format": "pairaid.assessment/1",
        "contact": {"date": VISIT.isoformat(), "type": contact},
        "family": {"baby": {"date_of_birth": born} if born else {"due_date": "2027-01-10"}, "postcode": postcode},
    }
    data.update(extra)
    return parse_assessment(data, today=VISIT)


def ids(assessment: Any, pathway: Pathway) -> list[str]:
    outcome = evaluate(assessment, pathway.rules)
    return [s.id for s in suggest_services(assessment, outcome, pathway)]


def test_universal_only_suggests_universal_services_for_the_rule_needs(pathway: Pathway) -> None:
    assert ids(record(), pathway) == ["hv"]


def test_level_and_need_bring_in_specialist_help_with_why(pathway: Pathway) -> None:
    assessment = record(observations={"warmth": {"rating": "significant_concern"}})
    outcome = evaluate(assessment, pathway.rules)
    suggestions = suggest_services(assessment, outcome, pathway)
    # both answer two rules; the specialist one is nearer the suggested level
    assert [s.id for s in suggestions] == ["pair-team", "hv"]
    pair = suggestions[0]
    assert pair.level == "specialist" and pair.verified
    assert pair.why == ["Specialist service for parent-baby relationship: an area of the relationship was a "
                        "significant concern."]
    assert suggestions[1].why == ["Universal service for parenting support and parent-baby relationship: universal "
                                  "services continue."]
    # the brief form, for the live panel which lists the reasons just above: what the service is for
    assert pair.brief == ["For parent-baby relationship."]
    assert suggestions[1].brief == ["For parenting support and parent-baby relationship."]
    assert "brief" not in outcome.model_copy(update={"services": suggestions}).contract_dict()["services"][0]


def test_why_gives_the_rules_reasons_in_plain_english_never_their_ids(pathway: Pathway) -> None:
    assessment = record(observations={"warmth": {"rating": "significant_concern"}},
                        mood={"epds": {"total": 14, "self_harm_item": 2}}, needs={"housing": {"status": "current"}})
    outcome = evaluate(assessment, pathway.rules)
    sentences = [why for s in suggest_services(assessment, outcome, pathway) for why in s.why]
    assert "Listed first because it is urgent: thoughts of self-harm need a same-day assessment." in sentences
    for rule in pathway.rules.rules:
        assert not any(f"'{rule.id}'" in sentence for sentence in sentences), rule.id


def test_a_current_need_brings_its_service_whatever_the_level(pathway: Pathway) -> None:
    assessment = record(needs={"housing": {"status": "current"}})
    suggestions = suggest_services(assessment, evaluate(assessment, pathway.rules), pathway)
    housing = next(s for s in suggestions if s.id == "housing-advice")
    assert housing.why == ["Helps with housing, which the family has now."]


def test_antenatal_only_services_that_take_pregnancy(pathway: Pathway) -> None:
    assessment = record(born=None, contact="antenatal", mood={"epds": {"total": 11, "self_harm_item": 0}})
    assert ids(assessment, pathway) == ["mood-group", "hv"]


def test_age_edges_are_inclusive(pathway: Pathway) -> None:
    # the mood group takes 0–12 completed months: 12 months exactly is in
    assessment = record(born="2025-11-20", mood={"epds": {"total": 11, "self_harm_item": 0}})
    assert assessment.age_months == 12
    assert "mood-group" in ids(assessment, pathway)


def test_one_month_past_the_maximum_age_is_out(pathway: Pathway) -> None:
    assessment = record(born="2025-10-20", mood={"epds": {"total": 11, "self_harm_item": 0}})  # 13 months
    assert "mood-group" not in ids(assessment, pathway)


def test_minimum_age_is_respected(pathway: Pathway) -> None:
    # baby-clinic-b2 takes 6–24 months in B2 only
    assert "baby-clinic-b2" not in ids(record(born="2026-06-01", postcode="B2 4QA"), pathway)  # 5 months
    assert "baby-clinic-b2" in ids(record(born="2026-05-20", postcode="B2 4QA"), pathway)  # 6 months


def test_postcode_inside_a_district_list_spacing_and_case(pathway: Pathway) -> None:
    assert "baby-clinic-b2" in ids(record(born="2026-01-01", postcode="b24qa"), pathway)
    assert "baby-clinic-b2" not in ids(record(born="2026-01-01", postcode="B3 1AA"), pathway)


def test_postcode_outside_the_area_is_a_warning_not_a_refusal(pathway: Pathway) -> None:
    assessment = record(postcode="M1 1AE")
    outcome = assess_with_pathway(assessment, pathway, today=VISIT)
    assert [s.id for s in outcome.services] == ["hv"]
    assert any("postcode district M1 is outside Riverside" in w for w in outcome.warnings)


def test_a_postcode_that_is_not_one_is_a_warning(pathway: Pathway) -> None:
    outcome = assess_with_pathway(record(postcode="nowhere"), pathway, today=VISIT)
    assert any("'nowhere' is not a UK postcode" in w for w in outcome.warnings)


def test_inactive_services_are_never_suggested(pathway: Pathway) -> None:
    assessment = record(observations={"warmth": {"rating": "significant_concern"}})
    assert "old-group" not in ids(assessment, pathway)


def test_statutory_only_when_safeguarding_matched(pathway: Pathway) -> None:
    assert "front-door" not in ids(record(observations={"warmth": {"rating": "significant_concern"}}), pathway)
    assessment = record(safeguarding={"indicators": ["disclosure_of_harm"]})
    suggestions = suggest_services(assessment, evaluate(assessment, pathway.rules), pathway)
    assert suggestions[0].id == "front-door"
    assert suggestions[0].why[0].startswith("Listed first: a safeguarding indicator is recorded")


def test_urgent_mental_health_first_when_self_harm_risk_matched(pathway: Pathway) -> None:
    assessment = record(mood={"epds": {"total": 14, "self_harm_item": 1}})
    suggestions = suggest_services(assessment, evaluate(assessment, pathway.rules), pathway)
    assert suggestions[0].id == "crisis-line" and suggestions[0].urgent
    assert not any(s.urgent for s in suggestions[1:])
    assert "crisis-line" not in ids(record(), pathway)


def test_order_statutory_then_urgent_then_reasons_then_level_then_name(pathway: Pathway) -> None:
    assessment = record(
        safeguarding={"indicators": ["suspected_significant_harm"]},
        mood={"epds": {"total": 14, "self_harm_item": 1}},
        observations={"warmth": {"rating": "significant_concern"}},
        needs={"housing": {"status": "current"}, "social_isolation": {"status": "current"}},
    )
    # hv: 2 rules (relationship, universal); pair-team: 2 rules, level nearer statutory; mood-group 1 rule;
    # housing-advice: competing_needs + a current need.
    assert ids(assessment, pathway) == ["front-door", "crisis-line", "pair-team", "housing-advice", "hv", "mood-group"]


def test_name_breaks_ties(pathway: Pathway) -> None:
    extra = pathway.services[0].model_copy(update={"id": "aaa", "name": "Aardvark Health Visiting"})
    bigger = pathway.model_copy(update={"services": [*pathway.services, extra]})
    assert ids(record(), bigger) == ["aaa", "hv"]


def test_assess_with_pathway_fills_services_and_the_pathway_note(pathway: Pathway) -> None:
    outcome = assess_with_pathway(record(observations={"warmth": {"rating": "significant_concern"}}), pathway,
                                  today=VISIT)
    assert [s.id for s in outcome.services] == ["pair-team", "hv"]
    assert "Riverside has no specialist parent-infant team of its own." in outcome.warnings
    assert "Riverside has no specialist parent-infant team of its own." not in assess_with_pathway(
        record(), pathway, today=VISIT).warnings


def test_past_review_date_warns(pathway: Pathway) -> None:
    outcome = assess_with_pathway(record(), pathway, today=dt.date(2100, 1, 1))
    assert any("past its review date (2099-12-31)" in w for w in outcome.warnings)
    assert not any("review date" in w for w in assess_with_pathway(record(), pathway, today=VISIT).warnings)


def test_matching_returns_warnings_separately(pathway: Pathway) -> None:
    assessment = record(postcode="M1 1AE")
    matching = match_services(assessment, evaluate(assessment, pathway.rules), pathway)
    assert len(matching.warnings) == 1 and [s.id for s in matching.services] == ["hv"]
