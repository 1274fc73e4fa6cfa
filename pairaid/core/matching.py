"""Service suggestions (assessment.md §9): which services of the pathway fit this family, and why.

A service is suggested when it is active, fits the stage and the baby's age in completed months, covers
the family's postcode district (or the whole pathway area when it lists none), and either (a) its level is
one of the matched levels and it serves a need named by a matched rule, or (b) it addresses a need the
family has as current. Statutory services only when the safeguarding rule matched; services serving an
urgent rule's needs come first. Order: statutory, urgent, then how many of the family's reasons and needs the
service addresses, then the level nearest the suggested one, then the name.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pairaid.core import vocab
from pairaid.core.assessment import Assessment
from pairaid.core.framework import load_framework
from pairaid.core.outcome import Outcome, ServiceSuggestion
from pairaid.core.pathway import Pathway, Service, postcode_district
from pairaid.core.rules import CURRENT_NEEDS, SAFEGUARDING_RULE

RECOMMENDED = 5  # the first five suggestions are "recommended"; the rest are "more services" (§9)


@dataclass(frozen=True)
class Matching:
    """Suggested services and the warnings that go with them (postcode outside the area, pathway notes)."""

    services: list[ServiceSuggestion]
    warnings: list[str]


@dataclass(frozen=True)
class _RuleNeeds:
    rule: str
    reason: str
    level: str
    urgent: bool
    needs: frozenset[str]


@lru_cache(maxsize=64)
def _need_label(need: str) -> str:
    return load_framework().label("service_needs", need).lower()


def _listing(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _level_label(pathway: Pathway, level: str) -> str:
    return pathway.levels.get(level).label


def _inner(reason: str) -> str:
    """A rule's reason inside a sentence: first letter lower-cased unless it starts an acronym ("EPDS")."""
    reason = reason.strip().rstrip(".")
    if len(reason) > 1 and reason[0].isupper() and not reason[1].isupper():
        return reason[0].lower() + reason[1:]
    return reason


def _rules_sentence(pathway: Pathway, level: str, offered: list[str], via_rules: list[_RuleNeeds]
                    ) -> tuple[str, str]:
    """Why a service fits, in the rules' own plain-English reasons (never their ids: practitioners and
    parents read these in the live panel and the summary); and the same without the reasons ("For …")."""
    # The rules at the service's own level say best why it fits ("universal services continue" does not
    # explain a specialist team); the others are named only when none is at that level.
    via_rules = [r for r in via_rules if r.level == level] or via_rules
    named = frozenset().union(*(r.needs for r in via_rules))
    needs = _listing([_need_label(n) for n in offered if n in named])
    reasons = [_inner(r.reason) for r in via_rules]
    because = reasons[0] if len(reasons) == 1 else "; ".join(reasons[:-1]) + "; and " + reasons[-1]
    return f"{_level_label(pathway, level)} service for {needs}: {because}.", f"For {needs}."


def _matched_rules(assessment: Assessment, outcome: Outcome, pathway: Pathway) -> list[_RuleNeeds]:
    current = assessment.needs.current()
    by_id = {rule.id: rule for rule in pathway.rules.rules}
    out: list[_RuleNeeds] = []
    for reason in outcome.reasons:
        rule = by_id.get(reason.rule)
        if rule is None:
            continue
        needs: set[str] = set()
        for need in rule.serves:
            needs.update(current if need == CURRENT_NEEDS else (need,))
        out.append(_RuleNeeds(rule.id, rule.reason, rule.level, rule.urgent, frozenset(needs)))
    return out


__all__ = ["Matching", "match_services", "notes_for", "postcode_district", "suggest_services"]


def _candidates(pathway: Pathway, district: str | None) -> list[Service]:
    """Services covering the whole area plus those listing this district, in file order.

    The index by district is built once per pathway (kept on the model) so that matching stays fast with a
    national pathway of 10,000 services.
    """
    index = pathway.district_index()
    whole = index.get(None, [])
    local = index.get(district, []) if district else []
    if not local:
        return [pathway.services[i] for i in whole]
    return [pathway.services[i] for i in sorted(whole + local)]


def match_services(assessment: Assessment, outcome: Outcome, pathway: Pathway) -> Matching:
    """Suggestions with their why sentences, plus warnings about the family's place and pathway notes."""
    warnings: list[str] = []
    postcode = assessment.family.postcode
    district = postcode_district(postcode)
    area = pathway.pathway.area
    if postcode and district is None:
        warnings.append(
            f"The postcode '{postcode}' is not a UK postcode, so only services for the whole of {area.name} "
            "are suggested; check the postcode."
        )
    elif district and area.postcode_districts and district not in area.postcode_districts:
        warnings.append(
            f"The family's postcode district {district} is outside {area.name} as this pathway draws it: "
            "the services below may not take them. Check with the service, or use the pathway of their area."
        )

    rules = _matched_rules(assessment, outcome, pathway)
    matched_levels = set(outcome.levels)
    safeguarding = any(r.rule == SAFEGUARDING_RULE for r in rules)
    current = assessment.needs.current()
    stage = assessment.stage
    months = assessment.age_months
    antenatal = stage == "antenatal" or months is None  # same test as Ages.takes, inlined for 10,000 services
    suggested_rank = vocab.LEVEL_RANK[outcome.level]

    sentences: dict[tuple[str, tuple[str, ...], tuple[str, ...]], tuple[str, str]] = {}
    ranked: list[tuple[tuple[int, int, int, str, str], ServiceSuggestion, Service]] = []
    for service in _candidates(pathway, district):
        if service.status != "active":
            continue
        if service.level == "statutory" and not safeguarding:
            continue
        ages = service.ages
        if not (ages.antenatal if antenatal else (
                ages.min_months <= months and (ages.max_months is None or months <= ages.max_months))):
            continue
        offered = service.needs
        # (a) its level is matched and it serves a need a matched rule names; (b) a need the family has now.
        via_rules = [r for r in rules if not r.needs.isdisjoint(offered)] if service.level in matched_levels else []
        family_needs = [n for n in current if n in offered]
        if not via_rules and not family_needs:
            continue
        is_urgent = any(r.urgent for r in via_rules)
        why: list[str] = []
        if service.level == "statutory":
            why.append(
                f"Listed first: a safeguarding indicator is recorded, so contact {pathway.front_door.name} now, "
                "whatever else is planned."
            )
        if is_urgent:
            urgent = next(r for r in via_rules if r.urgent)
            why.append(f"Listed first because it is urgent: {_inner(urgent.reason)}.")
        if via_rules:
            # Many services share a level and needs: build each sentence once per call.
            memo = (service.level, tuple(offered), tuple(r.rule for r in via_rules))
            pair = sentences.get(memo)
            if pair is None:
                pair = sentences[memo] = _rules_sentence(pathway, service.level, offered, via_rules)
            why.append(pair[0])
            brief = [*why[:-1], pair[1]]
        else:
            brief = list(why)
        extra: list[str] = []
        if family_needs:
            extra.append(f"Helps with {_listing([_need_label(n) for n in family_needs])}, which the family has now.")
        if service.areas and district:
            extra.append(f"Covers the family's postcode district {district}.")
        why += extra
        brief += extra
        group = 0 if service.level == "statutory" else 1 if is_urgent else 2
        score = len(via_rules) + len(family_needs)
        distance = abs(vocab.LEVEL_RANK[service.level] - suggested_rank)
        key = (group, -score, distance, service.name.casefold(), service.id)
        suggestion = ServiceSuggestion(
            id=service.id, level=service.level, why=why, urgent=is_urgent,
            verified=service.verified.status == "verified", brief=brief,
        )
        ranked.append((key, suggestion, service))
    ranked.sort(key=lambda item: item[0])
    services = [suggestion.model_copy(update={"recommended": rank < RECOMMENDED, "sensitive": service.is_sensitive})
                for rank, (_, suggestion, service) in enumerate(ranked)]
    warnings.extend(notes_for(outcome, pathway, [service for _, _, service in ranked]))
    return Matching(services=services, warnings=warnings)


def notes_for(outcome: Outcome, pathway: Pathway, suggested: list[Service]) -> list[str]:
    """The pathway's notes whose conditions hold for this outcome and these suggested services."""
    matched_rules = {r.rule for r in outcome.reasons}
    out: list[str] = []
    for note in pathway.notes:
        when = note.when
        if when.rules and not matched_rules & set(when.rules):
            continue
        if (when.service_level or when.service_need) and not any(
            (not when.service_level or service.level == when.service_level)
            and (not when.service_need or when.service_need in service.needs)
            for service in suggested
        ):
            continue
        out.append(note.text)
    return out


def suggest_services(assessment: Assessment, outcome: Outcome, pathway: Pathway) -> list[ServiceSuggestion]:
    """The services of §9 for this assessment and outcome, in order, each with why it fits."""
    return match_services(assessment, outcome, pathway).services
