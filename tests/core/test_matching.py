"""Service suggestions (assessment.md §9) against the fictional Riverside pathway: eligibility, the mood
screen's subject, the level tie, order, recommended and more services, sensitive services."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from pairaid.core.assess import assess_with_pathway
from pairaid.core.assessment import parse_assessment
from pairaid.core.engine import evaluate
from pairaid.core.matching import RECOMMENDED, match_services, suggest_services
from pairaid.core.outcome import ServiceSuggestion
from pairaid.core.pathway import Pathway, Service
from pairaid.pathway.check import check_file

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


def suggestions(assessment: Any, pathway: Pathway) -> list[ServiceSuggestion]:
    return suggest_services(assessment, evaluate(assessment, pathway.rules), pathway)


def ids(assessment: Any, pathway: Pathway) -> list[str]:
    return [s.id for s in suggestions(assessment, pathway)]


def service(sid: str, level: str, needs: list[str], **extra: Any) -> Service:
    data: dict[str, Any] = {"id": sid, "name": extra.pop("name", sid.replace("-", " ").title()), "level": level,
                            "needs": needs, "ages": {"antenatal": True, "min_months": 0},
                            "referral": {"self": True, "how": "Phone."}, "contact": {"phone": "0121 496 0500"},
                            "verified": {"status": "verified"}}
    data.update(extra)
    return Service.model_validate(data)


def with_services(pathway: Pathway, *extra: Service) -> Pathway:
    return pathway.model_copy(update={"services": [*pathway.services, *extra]})


SIGNIFICANT = {"warmth": {"rating": "significant_concern"}}
MOOD = {"epds": {"total": 11, "self_harm_item": 0}}
SELF_HARM = {"epds": {"total": 14, "self_harm_item": 1}}


# Which services: the level tie (a) and the family's current needs (b) -----------------------------------


def test_universal_only_suggests_universal_services_for_the_rule_needs(pathway: Pathway) -> None:
    assert ids(record(), pathway) == ["hv"]


def test_a_service_is_suggested_by_a_rule_of_its_own_level_only(pathway: Pathway) -> None:
    targeted_pir = service("pir-group", "targeted", ["parent_infant_relationship"])
    bigger = with_services(pathway, targeted_pir)
    # universal matched (it serves the relationship) and so did the specialist relationship rule: neither is
    # the targeted group's level, so it is not suggested
    assert "pir-group" not in ids(record(observations=SIGNIFICANT), bigger)
    assert "pir-group" not in ids(record(), bigger)
    assert ids(record(observations=SIGNIFICANT), bigger) == ["pair-team", "hv"]


def test_the_specialist_service_comes_with_why_in_the_rules_words(pathway: Pathway) -> None:
    assessment = record(observations=SIGNIFICANT)
    outcome = evaluate(assessment, pathway.rules)
    found = suggest_services(assessment, outcome, pathway)
    pair, hv = found
    assert pair.level == "specialist" and pair.verified
    assert pair.why == ["Specialist service for parent-baby relationship: an area of the relationship was a "
                        "significant concern."]
    assert hv.why == ["Universal service for parenting support and parent-baby relationship: universal "
                      "services continue."]
    # the brief form, for the live panel which lists the reasons just above: what the service is for
    assert pair.brief == ["For parent-baby relationship."]
    assert hv.brief == ["For parenting support and parent-baby relationship."]
    assert "brief" not in outcome.model_copy(update={"services": found}).contract_dict()["services"][0]


def test_a_current_need_brings_its_service_whatever_the_level(pathway: Pathway) -> None:
    found = suggestions(record(needs={"housing": {"status": "current"}}), pathway)
    housing = next(s for s in found if s.id == "housing-advice")
    assert housing.why == ["Helps with housing, which the family has now."]


@pytest.mark.parametrize("status", ["past", "not_known"])
def test_a_need_that_is_not_current_brings_nothing(pathway: Pathway, status: str) -> None:
    assert "housing-advice" not in ids(record(needs={"housing": {"status": status}}), pathway)


def test_why_never_names_a_rule_id(pathway: Pathway) -> None:
    assessment = record(observations=SIGNIFICANT, mood=SELF_HARM, needs={"housing": {"status": "current"}},
                        safeguarding={"indicators": ["disclosure_of_harm"]})
    sentences = [why for s in suggestions(assessment, pathway) for why in [*s.why, *s.brief]]
    assert sentences
    # ids with an underscore can only come from code; one-word ids ("safeguarding") are also plain words
    for rule in pathway.rules.rules:
        marked = (f"'{rule.id}'", f"[{rule.id}", f"({rule.id})")
        assert not any(("_" in rule.id and rule.id in sentence) or any(m in sentence for m in marked)
                       for sentence in sentences), rule.id


# Eligibility ------------------------------------------------------------------------------------------


DA_SERVICE = service("da-support", "targeted", ["domestic_abuse", "housing"],
                     eligibility={"client": "any_parent", "requires_needs": ["domestic_abuse"]})


def test_a_required_need_must_be_current(pathway: Pathway) -> None:
    bigger = with_services(pathway, DA_SERVICE)
    assert "da-support" not in ids(record(needs={"housing": {"status": "current"}}), bigger)
    assert "da-support" not in ids(record(needs={"domestic_abuse": {"status": "past"},
                                                  "housing": {"status": "current"}}), bigger)
    found = suggestions(record(needs={"domestic_abuse": {"status": "current"}}), bigger)
    da = next(s for s in found if s.id == "da-support")
    assert da.why == ["Helps with domestic abuse, which the family has now."]


def test_every_required_need_must_be_current(pathway: Pathway) -> None:
    both = service("young-da", "targeted", ["domestic_abuse", "young_parent"],
                   eligibility={"requires_needs": ["domestic_abuse", "young_parent"]})
    bigger = with_services(pathway, both)
    assert "young-da" not in ids(record(needs={"domestic_abuse": {"status": "current"}}), bigger)
    assert "young-da" in ids(record(needs={"domestic_abuse": {"status": "current"},
                                           "young_parent": {"status": "current"}}), bigger)


def test_a_required_need_also_gates_a_rule_match(pathway: Pathway) -> None:
    # a targeted mood service that only takes young parents: the mood rule alone is not enough
    young_mood = service("young-mood", "targeted", ["perinatal_mental_health", "young_parent"],
                         eligibility={"requires_needs": ["young_parent"]})
    bigger = with_services(pathway, young_mood)
    assert "young-mood" not in ids(record(mood=MOOD), bigger)
    assert "young-mood" in ids(record(mood=MOOD, needs={"young_parent": {"status": "current"}}), bigger)


BIRTHING_MOOD = service("birth-mood", "targeted", ["perinatal_mental_health"],
                        eligibility={"client": "birthing_parent"})


@pytest.mark.parametrize("subject", ["other_parent", "father", "Dad", "partner", "co-parent"])
def test_a_birthing_parent_service_is_not_suggested_for_another_parents_mood(pathway: Pathway, subject: str) -> None:
    bigger = with_services(pathway, BIRTHING_MOOD)
    found = ids(record(mood={**MOOD, "subject": subject}), bigger)
    assert "birth-mood" not in found
    assert "mood-group" in found  # a service for the family still is


@pytest.mark.parametrize("subject", [None, "birthing_parent", "mother", "mum"])
def test_a_birthing_parent_service_is_suggested_for_the_birthing_parents_mood(pathway: Pathway,
                                                                               subject: str | None) -> None:
    bigger = with_services(pathway, BIRTHING_MOOD)
    mood: dict[str, Any] = dict(MOOD) if subject is None else {**MOOD, "subject": subject}
    assert "birth-mood" in ids(record(mood=mood), bigger)


def test_other_parents_mood_blocks_only_mood_rules(pathway: Pathway) -> None:
    # a birthing-parent relationship service still comes through the relationship rule
    birth_pir = service("birth-pir", "specialist", ["parent_infant_relationship"],
                        eligibility={"client": "birthing_parent"})
    bigger = with_services(pathway, birth_pir)
    assert "birth-pir" in ids(record(observations=SIGNIFICANT, mood={**MOOD, "subject": "other_parent"}), bigger)


@pytest.mark.parametrize("client", ["family", "baby", "any_parent"])
def test_other_clients_are_suggested_whoever_the_mood_screen_was_about(pathway: Pathway, client: str) -> None:
    other = service("mood-any", "targeted", ["perinatal_mental_health"], eligibility={"client": client})
    assert "mood-any" in ids(record(mood={**MOOD, "subject": "other_parent"}), with_services(pathway, other))


def test_the_urgent_route_is_not_blocked_for_another_parent(pathway: Pathway) -> None:
    found = suggestions(record(mood={**SELF_HARM, "subject": "father"}), pathway)
    assert found[0].id == "crisis-line" and found[0].urgent


def test_antenatal_only_services_that_take_pregnancy(pathway: Pathway) -> None:
    assessment = record(born=None, contact="antenatal", mood=MOOD)
    assert ids(assessment, pathway) == ["mood-group", "hv"]


def test_age_edges_are_inclusive(pathway: Pathway) -> None:
    # the mood group takes 0–12 completed months: 12 months exactly is in
    assessment = record(born="2025-11-20", mood=MOOD)
    assert assessment.age_months == 12
    assert "mood-group" in ids(assessment, pathway)


def test_one_month_past_the_maximum_age_is_out(pathway: Pathway) -> None:
    assessment = record(born="2025-10-20", mood=MOOD)  # 13 months
    assert "mood-group" not in ids(assessment, pathway)


def test_minimum_age_is_respected(pathway: Pathway) -> None:
    # baby-clinic-b2 takes 6–24 months in B2 only
    assert "baby-clinic-b2" not in ids(record(born="2026-06-01", postcode="B2 4QA"), pathway)  # 5 months
    assert "baby-clinic-b2" in ids(record(born="2026-05-20", postcode="B2 4QA"), pathway)  # 6 months


def test_a_preterm_babys_corrected_age_decides_which_services_fit(pathway: Pathway) -> None:
    def baby(gestation: int) -> Any:
        data = {"format": "pairaid.assessment/1", "contact": {"date": VISIT.isoformat(), "type": "additional"},
                "family": {"baby": {"date_of_birth": "2026-05-20", "gestation_weeks": gestation,
                                    "born_before_37_weeks": gestation < 37}, "postcode": "B2 4QA"}}
        return parse_assessment(data, today=VISIT)

    # six months old, born at 28 weeks: corrected age under six months, so the 6–24 month clinic does not fit yet
    assert baby(28).stage_months < 6 <= baby(28).age_months
    assert "baby-clinic-b2" not in ids(baby(28), pathway)
    assert "baby-clinic-b2" in ids(baby(39), pathway)


def test_postcode_inside_a_district_list_spacing_and_case(pathway: Pathway) -> None:
    assert "baby-clinic-b2" in ids(record(born="2026-01-01", postcode="b24qa"), pathway)
    assert "baby-clinic-b2" not in ids(record(born="2026-01-01", postcode="B3 1AA"), pathway)


def test_inactive_services_are_never_suggested(pathway: Pathway) -> None:
    assert "old-group" not in ids(record(observations=SIGNIFICANT), pathway)


# Statutory and urgent -----------------------------------------------------------------------------------


def test_statutory_only_when_a_statutory_rule_matched(pathway: Pathway) -> None:
    assert "front-door" not in ids(record(observations=SIGNIFICANT, mood=SELF_HARM), pathway)
    found = suggestions(record(safeguarding={"indicators": ["disclosure_of_harm"]}), pathway)
    assert found[0].id == "front-door"
    assert found[0].why[0] == "Listed first: a statutory response may be needed, whatever else is planned."
    assert found[0].why[1] == "Statutory service for safeguarding: a safeguarding indicator is recorded."


def test_any_statutory_rule_brings_the_statutory_service(pathway: Pathway) -> None:
    rules = pathway.rules.model_copy(update={"rules": [
        *pathway.rules.rules,
        pathway.rules.rules[0].model_copy(update={
            "id": "social_care_open", "reason": "Children's social care is involved",
            "when": pathway.rules.rules[0].when.model_copy(update={"safeguarding_indicator": None,
                                                                   "wants_help": ["yes"]})}),
    ]})
    bigger = pathway.model_copy(update={"rules": rules})
    found = suggestions(record(parent_voice={"wants_help": "yes"}), bigger)
    assert found[0].id == "front-door"
    assert "children's social care is involved" in found[0].why[1]


def test_urgent_mental_health_first_when_self_harm_risk_matched(pathway: Pathway) -> None:
    found = suggestions(record(mood=SELF_HARM), pathway)
    assert found[0].id == "crisis-line" and found[0].urgent and found[0].recommended
    assert found[0].why[0] == ("Listed first because it is urgent: thoughts of self-harm need a same-day "
                               "assessment. In an emergency: 999, or go to A&E.")
    assert not any(s.urgent for s in found[1:])
    assert "crisis-line" not in ids(record(), pathway)


def test_a_specialist_admission_service_is_never_the_urgent_first(pathway: Pathway) -> None:
    # like a mother and baby unit: specialist, for severe illness, not a same-day route
    unit = service("aaa-unit", "specialist", ["severe_mental_illness_history", "perinatal_mental_health"],
                   name="Aaa Admission Unit", eligibility={"client": "birthing_parent"})
    bigger = with_services(pathway, unit)
    found = ids(record(mood=SELF_HARM, needs={"severe_mental_illness_history": {"status": "current"}}), bigger)
    assert found[0] == "crisis-line" and found.index("aaa-unit") > 0


# Order, recommended and more services -------------------------------------------------------------------


def test_order_statutory_then_urgent_then_level_downwards_then_reasons_then_name(pathway: Pathway) -> None:
    assessment = record(
        safeguarding={"indicators": ["suspected_significant_harm"]},
        mood=SELF_HARM,
        observations=SIGNIFICANT,
        needs={"housing": {"status": "current"}, "social_isolation": {"status": "current"}},
    )
    # statutory; urgent; specialist (pair-team); targeted: housing-advice (competing needs and a current need)
    # before mood-group (one rule); universal (hv).
    assert ids(assessment, pathway) == ["front-door", "crisis-line", "pair-team", "housing-advice", "mood-group", "hv"]


def test_within_a_level_more_reasons_and_needs_come_first(pathway: Pathway) -> None:
    two = service("zz-two", "targeted", ["perinatal_mental_health", "housing"], name="Zz Two")
    bigger = with_services(pathway, two)
    found = ids(record(mood=MOOD, needs={"housing": {"status": "current"}}), bigger)
    # zz-two answers the mood rule and a current need; the mood group and housing advice one each, so their
    # names decide ("Bumps and Babies Mood Group" before "Housing Advice")
    assert found[:3] == ["zz-two", "mood-group", "housing-advice"]


def test_name_breaks_ties(pathway: Pathway) -> None:
    extra = pathway.services[0].model_copy(update={"id": "aaa", "name": "Aardvark Health Visiting"})
    assert ids(record(), with_services(pathway, extra)) == ["aaa", "hv"]


def test_a_service_above_the_suggested_level_comes_after_the_levels_below(pathway: Pathway) -> None:
    above = service("adult-team", "specialist", ["housing"], name="Aaa Adult Team")
    found = ids(record(needs={"housing": {"status": "current"}}), with_services(pathway, above))
    # suggested level universal: hv, then targeted housing advice is above it too; the specialist team last
    assert found == ["hv", "housing-advice", "adult-team"]


def test_the_first_five_are_recommended_and_the_rest_are_more_services(pathway: Pathway) -> None:
    extra = [service(f"group-{n}", "universal", ["parenting"], name=f"Group {n}") for n in range(1, 8)]
    found = suggestions(record(), with_services(pathway, *extra))
    assert len(found) == 8 and RECOMMENDED == 5
    assert [s.recommended for s in found] == [True] * 5 + [False] * 3
    assert "recommended" in found[0].model_dump()


def test_statutory_and_urgent_are_always_recommended(pathway: Pathway) -> None:
    extra = [service(f"pir-{n}", "specialist", ["parent_infant_relationship"], name=f"A {n}") for n in range(8)]
    found = suggestions(record(mood=SELF_HARM, observations=SIGNIFICANT,
                               safeguarding={"indicators": ["disclosure_of_harm"]}), with_services(pathway, *extra))
    assert [s.id for s in found[:2]] == ["front-door", "crisis-line"]
    assert found[0].recommended and found[1].recommended and not found[-1].recommended


# Sensitive services -------------------------------------------------------------------------------------


@pytest.mark.parametrize("need", ["domestic_abuse", "substance_misuse", "previous_child_removed"])
def test_a_service_for_a_sensitive_need_is_flagged(pathway: Pathway, need: str) -> None:
    bigger = with_services(pathway, service("quiet", "targeted", [need]))
    found = suggestions(record(needs={need: {"status": "current"}}), bigger)
    assert next(s for s in found if s.id == "quiet").sensitive


def test_the_statutory_service_is_sensitive_and_ordinary_ones_are_not(pathway: Pathway) -> None:
    found = suggestions(record(safeguarding={"indicators": ["disclosure_of_harm"]}), pathway)
    flags = {s.id: s.sensitive for s in found}
    assert flags == {"front-door": True, "hv": False}


def test_a_service_marked_sensitive_is_flagged(pathway: Pathway) -> None:
    marked = service("marked", "universal", ["parenting"], sensitive=True)
    found = suggestions(record(), with_services(pathway, marked))
    assert {s.id: s.sensitive for s in found} == {"hv": False, "marked": True}
    assert next(s for s in found if s.id == "hv").model_dump()["sensitive"] is False


# The whole outcome ----------------------------------------------------------------------------------------


def test_postcode_outside_the_area_is_a_warning_not_a_refusal(pathway: Pathway) -> None:
    outcome = assess_with_pathway(record(postcode="M1 1AE"), pathway, today=VISIT)
    assert [s.id for s in outcome.services] == ["hv"]
    assert any(w.startswith("This family lives outside Riverside: contact the children's services front door of "
                            "the family's own local authority.") for w in outcome.warnings)


def test_a_postcode_that_is_not_one_is_a_warning(pathway: Pathway) -> None:
    outcome = assess_with_pathway(record(postcode="nowhere"), pathway, today=VISIT)
    assert any("'nowhere' is not a UK postcode" in w for w in outcome.warnings)


def test_assess_with_pathway_fills_services_and_the_pathway_note(pathway: Pathway) -> None:
    outcome = assess_with_pathway(record(observations=SIGNIFICANT), pathway, today=VISIT)
    assert [s.id for s in outcome.services] == ["pair-team", "hv"]
    assert "Riverside has no specialist parent-infant team of its own." in outcome.warnings
    assert "Riverside has no specialist parent-infant team of its own." not in assess_with_pathway(
        record(), pathway, today=VISIT).warnings


def test_past_review_date_warns(pathway: Pathway) -> None:
    outcome = assess_with_pathway(record(), pathway, today=dt.date(2100, 1, 1))
    assert any("past its review date (2099-12-31)" in w for w in outcome.warnings)
    assert not any("review date" in w for w in assess_with_pathway(record(), pathway, today=VISIT).warnings)


def test_matching_returns_the_pathway_notes_only(pathway: Pathway) -> None:
    assessment = record(postcode="M1 1AE", observations=SIGNIFICANT)
    matching = match_services(assessment, evaluate(assessment, pathway.rules), pathway)
    assert matching.warnings == ["Riverside has no specialist parent-infant team of its own."]
    assert [s.id for s in matching.services] == ["pair-team", "hv"]
