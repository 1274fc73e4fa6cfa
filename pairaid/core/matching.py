"""Service suggestions (assessment.md §9): which services of the pathway fit this family, and why.

A service is **eligible** when it is active, fits the stage and the baby's (corrected) age in completed
months, covers the family's postcode district (or the whole pathway area when it lists none), has every need of
its `eligibility.requires_needs` current, and — when its client is the birthing parent — is not brought in by a
mood rule about another parent. An eligible service is **suggested** when (a) a matched rule of the service's
own level serves one of its needs, or (b) it addresses a need the family has as current. Statutory services
only when a statutory rule matched.

Order: statutory; services for an urgent rule's needs; then by level from the suggested level downwards (any
above it last); within a level by how many of the matched reasons and current needs the service addresses;
then by name. The first five are recommended, the rest are "more services".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from pairaid.core import vocab
from pairaid.core.assessment import Assessment
from pairaid.core.framework import load_framework
from pairaid.core.outcome import Outcome, ServiceSuggestion
from pairaid.core.pathway import Pathway, Service, postcode_district
from pairaid.core.rules import CURRENT_NEEDS, Condition, Rule

__all__ = ["RECOMMENDED", "Matching", "match_services", "notes_for", "postcode_district", "suggest_services"]

RECOMMENDED = 5  # the first five suggestions are "recommended"; the rest are "more services" (§9)

@dataclass(frozen=True)
class Matching:
    """Suggested services and the pathway notes whose conditions hold."""

    services: list[ServiceSuggestion]
    warnings: list[str]


@dataclass(frozen=True)
class _RuleNeeds:
    rule: str
    reason: str
    level: str
    urgent: bool
    mood: bool  # the rule reads a mood screen, which is about the parent named in mood.subject
    needs: frozenset[str]


@lru_cache(maxsize=64)
def _need_label(need: str) -> str:
    return load_framework().label("service_needs", need).lower()


def _listing(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _inner(reason: str) -> str:
    """A rule's reason inside a sentence: first letter lower-cased unless it starts an acronym ("EPDS")."""
    reason = reason.strip().rstrip(".")
    if len(reason) > 1 and reason[0].isupper() and not reason[1].isupper():
        return reason[0].lower() + reason[1:]
    return reason


def _reads_mood(cond: Condition) -> bool:
    """Whether a condition reads a mood screen anywhere in its tree (so the rule is about mood.subject)."""
    if cond.screen is not None:
        return True
    return any(_reads_mood(sub) for sub in (*(cond.all_of or ()), *(cond.any_of or ())))


def _rules_sentence(pathway: Pathway, level: str, offered: Sequence[str], via_rules: list[_RuleNeeds]
                    ) -> tuple[str, str]:
    """Why a service fits, in the rules' own plain-English reasons (never their ids: practitioners and
    parents read these in the live panel and the summary); and the same without the reasons ("For …")."""
    named = frozenset().union(*(r.needs for r in via_rules))
    needs = _listing([_need_label(n) for n in offered if n in named])
    reasons = [_inner(r.reason) for r in via_rules]
    because = reasons[0] if len(reasons) == 1 else "; ".join(reasons[:-1]) + "; and " + reasons[-1]
    return f"{pathway.levels.get(level).label} service for {needs}: {because}.", f"For {needs}."


def _rule_needs(rule: Rule, current: list[str]) -> frozenset[str]:
    needs: set[str] = set()
    for need in rule.serves:
        needs.update(current if need == CURRENT_NEEDS else (need,))
    return frozenset(needs)


def _matched_rules(current: list[str], outcome: Outcome, pathway: Pathway) -> list[_RuleNeeds]:
    by_id = {rule.id: rule for rule in pathway.rules.rules}
    out: list[_RuleNeeds] = []
    for reason in outcome.reasons:
        rule = by_id.get(reason.rule)
        if rule is None:
            continue
        out.append(_RuleNeeds(rule.id, rule.reason, rule.level, rule.urgent, _reads_mood(rule.when),
                              _rule_needs(rule, current)))
    return out


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


def _level_order(level: str, suggested_rank: int) -> int:
    """The suggested level first, then each level below it; a level above it (reached only through a current
    need) after all of those."""
    rank = vocab.LEVEL_RANK[level]
    return suggested_rank - rank if rank <= suggested_rank else len(vocab.LEVELS) + rank


def match_services(assessment: Assessment, outcome: Outcome, pathway: Pathway) -> Matching:
    """Suggestions with their why sentences, in order, plus the pathway notes that apply."""
    district = postcode_district(assessment.family.postcode)
    current = assessment.needs.current()
    current_set = frozenset(current)
    rules = _matched_rules(current, outcome, pathway)
    statutory_matched = any(r.level == "statutory" for r in rules)
    other_parent = assessment.mood.subject == "other_parent"  # old free words are mapped when the file is read
    stage = assessment.stage
    months = assessment.stage_months  # corrected age for a preterm baby, as for the stage
    antenatal = stage == "antenatal" or months is None  # same test as Ages.takes, inlined for 10,000 services
    age = months if months is not None else 0
    suggested_rank = vocab.LEVEL_RANK[outcome.level]
    emergency = pathway.national.emergency

    sentences: dict[tuple[str, tuple[str, ...], tuple[str, ...]], tuple[str, str]] = {}
    ranked: list[tuple[tuple[int, int, int, str, str], ServiceSuggestion, Service]] = []
    for service in _candidates(pathway, district):
        if service.status != "active":
            continue
        if service.level == "statutory" and not statutory_matched:
            continue
        ages = service.ages
        if not (ages.antenatal if antenatal else (ages.after_birth and
                ages.min_months <= age and (ages.max_months is None or age <= ages.max_months))):
            continue
        eligibility = service.eligibility
        if eligibility.requires_needs and not current_set.issuperset(eligibility.requires_needs):
            continue
        offered = service.needs
        birthing_only = eligibility.client == "birthing_parent" and other_parent
        # (a) a matched rule of the service's own level serves one of its needs; (b) a need the family has now.
        via_rules = [r for r in rules if r.level == service.level and not r.needs.isdisjoint(offered)
                     and not (birthing_only and r.mood)]
        family_needs = [n for n in current if n in offered]
        if not via_rules and not family_needs:
            continue
        is_urgent = any(r.urgent for r in via_rules)
        why: list[str] = []
        if service.level == "statutory":
            why.append("Listed first: a statutory response may be needed, whatever else is planned.")
        if is_urgent:
            urgent = next(r for r in via_rules if r.urgent)
            why.append(f"Listed first because it is urgent: {_inner(urgent.reason)}. In an emergency: {emergency}.")
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
        key = (group, _level_order(service.level, suggested_rank), -score, service.name.casefold(), service.id)
        suggestion = ServiceSuggestion(
            id=service.id, level=service.level, why=why, urgent=is_urgent,
            verified=service.verified.status == "verified", brief=brief, sensitive=service.is_sensitive,
        )
        ranked.append((key, suggestion, service))
    ranked.sort(key=lambda item: item[0])
    services = []
    for position, (_, suggestion, _) in enumerate(ranked):
        if position >= RECOMMENDED:
            suggestion.recommended = False
        services.append(suggestion)
    notes = notes_for(outcome, pathway, [service for _, _, service in ranked])
    return Matching(services=services, warnings=notes)


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
