"""Service suggestions with the shipped Birmingham pathway: the cases a clinical review found wrong, and a
property test over many records (no statutory service without a statutory rule; every suggestion eligible and
tied to its own level or a current need; urgent and statutory first; five recommended)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pairaid.core import vocab
from pairaid.core.assess import assess_with_pathway
from pairaid.core.assessment import parse_assessment
from pairaid.core.pathway import Pathway
from pairaid.pathway.check import check_file
from pairaid.resources import default_pathway_path

VISIT = dt.date(2026, 11, 20)


@pytest.fixture(scope="module")
def birmingham() -> Pathway:
    found = check_file(default_pathway_path(), today=VISIT).pathway
    assert found is not None
    return found


BIRMINGHAM = check_file(default_pathway_path(), today=VISIT).pathway


def record(*, postcode: str = "B15 2TT", born: str | None = "2026-09-01", **extra: Any) -> Any:
    data: dict[str, Any] = {
        "format": "pairaid.assessment/1",
        "contact": {"date": VISIT.isoformat(), "type": "new_birth" if born else "antenatal"},
        "family": {"baby": {"date_of_birth": born} if born else {"due_date": "2027-01-10"}, "postcode": postcode},
    }
    data.update(extra)
    return parse_assessment(data, today=VISIT)


def ids(assessment: Any, pathway: Pathway) -> list[str]:
    return [s.id for s in assess_with_pathway(assessment, pathway, strict=False, today=VISIT).services]


def current(*needs: str) -> dict[str, Any]:
    return {need: {"status": "current"} for need in needs}


# assessment.md §9: the needs each rule serves.
SERVES = {
    "frightening_behaviour": {"parent_infant_relationship"}, "multiple_significant": {"parent_infant_relationship"},
    "single_significant": {"parent_infant_relationship"}, "several_some": {"parent_infant_relationship"},
    "some_concern": {"parent_infant_relationship"},
    "mood_screen_positive": {"perinatal_mental_health", "parental_mental_health"},
    "mood_and_relationship": {"perinatal_mental_health", "parental_mental_health"},
    "self_harm_risk": {"urgent_mental_health"},
    "safeguarding": {"safeguarding"}, "social_care_open": {"safeguarding"}, "previous_child_removed": {"safeguarding"},
    "severe_mental_illness": {"perinatal_mental_health", "severe_mental_illness_history"},
    "toxic_trio": {"current_needs"}, "single_vulnerability": {"current_needs"}, "competing_needs": {"current_needs"},
    "domestic_abuse_current": {"domestic_abuse"}, "early_help_open": {"early_help"},
    "parent_asks_help": {"parent_infant_relationship", "parenting"},
    "universal": {"parent_infant_relationship", "parenting", "infant_feeding"},
}


def test_each_birmingham_rule_serves_the_needs_of_section_9(birmingham: Pathway) -> None:
    assert {rule.id: set(rule.serves) for rule in birmingham.rules.rules} == SERVES


def test_self_harm_puts_nhs_111_first_never_the_unit_or_the_perinatal_team(birmingham: Pathway) -> None:
    assessment = record(mood={"epds": {"total": 20, "self_harm_item": 2}},
                        needs=current("severe_mental_illness_history", "parental_mental_health"))
    found = assess_with_pathway(assessment, birmingham, strict=False, today=VISIT).services
    assert found[0].id == "nhs-111-mental-health" and found[0].urgent and found[0].recommended
    assert "999, or go to A&E, if anyone's life is at risk" in found[0].why[0]
    assert {"mother-baby-unit", "bsmhft-perinatal"}.isdisjoint({found[0].id})
    nhs111 = birmingham.service("nhs-111-mental-health")
    assert nhs111 is not None and nhs111.contact.phone == "111"


def test_a_depressed_father_is_not_offered_birthing_parent_services(birmingham: Pathway) -> None:
    father = record(mood={"subject": "father", "epds": {"total": 16, "self_harm_item": 0},
                          "whooley": {"low_mood": True, "little_interest": True}})
    found = ids(father, birmingham)
    assert "maternal-mental-health-service" not in found and "bsmhft-perinatal" not in found
    assert "acacia" in found  # mums and dads
    mother = record(mood={"subject": "birthing_parent", "epds": {"total": 16, "self_harm_item": 0}},
                    observations={"warmth": {"rating": "some_concern"}})
    assert "bsmhft-perinatal" in ids(mother, birmingham)


def test_family_nurse_partnership_only_for_a_young_parent(birmingham: Pathway) -> None:
    asks = {"parent_voice": {"wants_help": "yes"}}
    assert "fnp" not in ids(record(**asks), birmingham)
    assert "fnp" in ids(record(needs=current("young_parent"), **asks), birmingham)


def test_womens_aid_only_with_current_domestic_abuse(birmingham: Pathway) -> None:
    assert "bswaid" not in ids(record(needs=current("housing")), birmingham)
    assert "bswaid" not in ids(record(needs={"domestic_abuse": {"status": "past"}, **current("housing")}),
                               birmingham)
    assert "bswaid" in ids(record(needs=current("domestic_abuse")), birmingham)


def test_no_targeted_service_because_the_universal_rule_matched(birmingham: Pathway) -> None:
    found = assess_with_pathway(record(), birmingham, strict=False, today=VISIT)
    assert found.level == "universal"
    assert {s.level for s in found.services} == {"universal"}
    assert "acacia" not in [s.id for s in found.services] and "fnp" not in [s.id for s in found.services]


def test_the_maternal_mental_health_service_is_for_birth_trauma_not_low_mood(birmingham: Pathway) -> None:
    low = record(mood={"epds": {"total": 15, "self_harm_item": 0}}, observations={"warmth": {"rating": "some_concern"}})
    assert "maternal-mental-health-service" not in ids(low, birmingham)
    assert "maternal-mental-health-service" in ids(record(needs=current("bereavement_trauma")), birmingham)


def test_sensitive_birmingham_suggestions_are_flagged(birmingham: Pathway) -> None:
    found = assess_with_pathway(record(needs=current("domestic_abuse", "substance_misuse"),
                                       safeguarding={"indicators": ["domestic_abuse_baby_present"]}),
                                birmingham, strict=False, today=VISIT).services
    flags = {s.id: s.sensitive for s in found}
    assert flags["cass"] and flags["bswaid"] and flags["cgl-birmingham"]
    assert not flags["forward-steps"]


# The property test ------------------------------------------------------------------------------------


ratings = st.sampled_from(vocab.RATINGS)
records = st.fixed_dictionaries(
    {},
    optional={
        "observations": st.dictionaries(st.sampled_from(vocab.RELATIONSHIP_DOMAINS),
                                        ratings.map(lambda r: {"rating": r}), max_size=6),
        "safeguarding": st.lists(st.sampled_from(vocab.SAFEGUARDING_INDICATORS), max_size=2, unique=True).map(
            lambda xs: {"indicators": xs}),
        "needs": st.dictionaries(st.sampled_from(vocab.NEEDS), st.sampled_from(["current", "past", "not_known"]).map(
            lambda s: {"status": s}), max_size=5),
        "mood": st.fixed_dictionaries({
            "subject": st.sampled_from(["birthing_parent", "other_parent", "father", "mother"]),
            "epds": st.integers(0, 30).flatmap(lambda t: st.integers(0, min(3, t)).map(
                lambda i: {"total": t, "self_harm_item": i})),
        }),
        "parent_voice": st.sampled_from(vocab.WANTS_HELP).map(lambda w: {"wants_help": w}),
    },
)
postcodes = st.sampled_from(["B15 2TT", "B37 7HL", "B36 8AA", "B1 1AA", "B31 2AA", "nowhere", "M1 1AE"])
births = st.sampled_from([None, "2026-11-01", "2026-05-20", "2025-11-20", "2025-01-10"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(extra=records, postcode=postcodes, born=births)
def test_every_suggestion_keeps_the_rules_of_section_9(extra: dict[str, Any], postcode: str, born: str | None) -> None:
    assert BIRMINGHAM is not None
    pathway = BIRMINGHAM
    assessment = record(postcode=postcode, born=born, **extra)
    outcome = assess_with_pathway(assessment, pathway, strict=False, today=VISIT)
    rules = {r.id: r for r in pathway.rules.rules}
    matched = [rules[r.rule] for r in outcome.reasons]
    statutory_rule = any(r.level == "statutory" for r in matched)
    now = set(assessment.needs.current())
    other_parent = str(getattr(assessment.mood, "subject", "") or "") in ("other_parent", "father")
    services = outcome.services

    # the level is the highest matched rule's level
    assert outcome.level == max((r.level for r in matched), key=vocab.LEVEL_RANK.__getitem__)
    for position, suggestion in enumerate(services):
        service = pathway.service(suggestion.id)
        assert service is not None and service.status == "active"
        # no statutory service without a statutory rule
        assert suggestion.level != "statutory" or statutory_rule
        # every required need is current
        assert set(service.eligibility.requires_needs) <= now
        # tied to a matched rule of its own level (the mood rules not for another parent's birthing-parent
        # services), or to a need the family has now
        tied = [r for r in matched if r.level == service.level and not (
            other_parent and service.eligibility.client == "birthing_parent" and "\"screen\"" in r.when.model_dump_json(exclude_none=True))
            and set(service.needs) & (set(r.serves) | (now if "current_needs" in r.serves else set()))]
        assert tied or set(service.needs) & now, suggestion.id
        assert suggestion.recommended == (position < 5)
        assert suggestion.sensitive == service.is_sensitive
    # statutory first, then urgent
    groups = [0 if s.level == "statutory" else 1 if s.urgent else 2 for s in services]
    assert groups == sorted(groups)
    if any(r.urgent for r in matched):
        first = next(s for s in services if s.level != "statutory")
        assert first.id == "nhs-111-mental-health"
