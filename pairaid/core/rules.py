"""Level-of-need rules as data (assessment.md §7): a small declarative form and its evaluator.

A rule is `when` (a condition tree) -> `level`. Conditions read the Facts of one assessment. Every matched
condition describes itself in plain English naming the inputs it used, so each reason can be checked against
the record.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from pydantic import Field, model_validator

from pairaid.core import vocab
from pairaid.core.assessment import Model
from pairaid.core.facts import Facts

Measure = Literal["whooley_positive", "gad2_total", "epds_total", "epds_self_harm_item"]
CURRENT_NEEDS = "current_needs"  # in `serves`: whatever needs the family has as current
SAFEGUARDING_RULE = "safeguarding"

Labeller = Callable[[str, str], str]


class CountCondition(Model):
    """How many domains (of a set, applicable at the stage) carry one of some ratings."""

    domains: Literal["relationship"] | list[vocab.DomainId] = "relationship"
    rating: list[vocab.Rating] = Field(min_length=1)
    at_least: int | None = Field(default=None, ge=0)
    at_most: int | None = Field(default=None, ge=0)

    @model_validator(mode="after")
    def _bounded(self) -> CountCondition:
        if self.at_least is None and self.at_most is None:
            raise ValueError("a count needs at_least, at_most or both")
        if self.at_least is not None and self.at_most is not None and self.at_least > self.at_most:
            raise ValueError(f"at_least ({self.at_least}) is more than at_most ({self.at_most})")
        return self

    def domain_ids(self) -> tuple[str, ...]:
        return vocab.RELATIONSHIP_DOMAINS if self.domains == "relationship" else tuple(self.domains)


class RatingCondition(Model):
    """One domain's rating is one of a list."""

    domain: vocab.DomainId
    one_of: list[vocab.Rating] = Field(min_length=1)


class ScreenCondition(Model):
    """A mood-screen measure reaches a threshold (whooley_positive counts as 1 when either answer is yes)."""

    measure: Measure
    at_least: int = Field(ge=0)


class NeedsCondition(Model):
    at_least: int = Field(ge=1)


class NeedStatusCondition(Model):
    """At least `at_least` of the named needs are recorded with one of `status` (e.g. current or past)."""

    ids: list[vocab.NeedId] = Field(min_length=1)
    status: list[vocab.NeedStatus] = Field(min_length=1)
    at_least: int = Field(default=1, ge=1)

    @model_validator(mode="after")
    def _reachable(self) -> NeedStatusCondition:
        if self.at_least > len(self.ids):
            raise ValueError(f"at_least ({self.at_least}) is more than the {len(self.ids)} needs named")
        return self


class Condition(Model):
    """Exactly one key: a combinator (all / any) or a test."""

    model_config = Model.model_config | {"populate_by_name": True}

    all_of: list[Condition] | None = Field(default=None, alias="all", min_length=1)
    any_of: list[Condition] | None = Field(default=None, alias="any", min_length=1)
    count: CountCondition | None = None
    rating: RatingCondition | None = None
    screen: ScreenCondition | None = None
    current_needs: NeedsCondition | None = None
    need_status: NeedStatusCondition | None = None
    social_care_status: list[vocab.SocialCareStatus] | None = Field(default=None, min_length=1)
    safeguarding_indicator: Literal[True] | None = None
    wants_help: list[vocab.WantsHelp] | None = None
    always: Literal[True] | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> Condition:
        given = [name for name in type(self).model_fields if getattr(self, name) is not None]
        if len(given) != 1:
            keys = (
                "all, any, count, rating, screen, current_needs, need_status, social_care_status, "
                "safeguarding_indicator, wants_help, always"
            )
            raise ValueError(f"a condition has exactly one of: {keys} (found {len(given)})")
        return self


class Rule(Model):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    level: vocab.Level
    urgent: bool = False
    when: Condition
    serves: list[str] = Field(default_factory=list)
    reason: str = Field(min_length=1)
    prompt: str | None = None

    @model_validator(mode="after")
    def _known_needs(self) -> Rule:
        unknown = [n for n in self.serves if n not in vocab.SERVICE_NEEDS and n != CURRENT_NEEDS]
        if unknown:
            raise ValueError(
                f"rule {self.id}: serves unknown need {', '.join(unknown)}; use one of the need tags or "
                f"'{CURRENT_NEEDS}'"
            )
        return self


class Provisional(Model):
    """Below these coverages the level is shown as provisional."""

    min_coverage_after_birth: int = Field(default=3, ge=0)
    min_coverage_antenatal: int = Field(default=1, ge=0)


class RuleSet(Model):
    provisional: Provisional = Field(default_factory=Provisional)
    rules: list[Rule] = Field(min_length=1)

    @model_validator(mode="after")
    def _sound(self) -> RuleSet:
        seen: set[str] = set()
        for rule in self.rules:
            if rule.id in seen:
                raise ValueError(f"rule id '{rule.id}' is used twice; each rule needs its own id")
            seen.add(rule.id)
        guard = next((r for r in self.rules if r.id == SAFEGUARDING_RULE), None)
        if guard is None or guard.level != "statutory" or guard.when.safeguarding_indicator is not True:
            raise ValueError(
                "the rules must keep the 'safeguarding' rule: level statutory, when {safeguarding_indicator: true}. "
                "Any safeguarding indicator sends the practitioner to the front door, whatever the locality."
            )
        return self

    def reachable_levels(self) -> set[str]:
        return {rule.level for rule in self.rules}


# Evaluation ---------------------------------------------------------------------------------------


def _plain(ids: list[str] | tuple[str, ...], kind: str, label: Labeller) -> str:
    return ", ".join(label(kind, i).lower() if kind != "domains" else label(kind, i) for i in ids)


def _count_phrase(cond: CountCondition, found: list[str], label: Labeller) -> str:
    ratings = " or ".join(label("ratings", r).lower() for r in cond.rating)
    if not found:
        return f"no area rated {ratings}"
    areas = "area" if len(found) == 1 else "areas"
    return f"{len(found)} {areas} rated {ratings}: {_plain(found, 'domains', label)}"


def _screen_value(measure: str, facts: Facts) -> int | None:
    if measure == "whooley_positive":
        if facts.whooley_low_mood is None:
            return None
        return 1 if facts.whooley_positive else 0
    return {
        "gad2_total": facts.gad2_total,
        "epds_total": facts.epds_total,
        "epds_self_harm_item": facts.epds_self_harm_item,
    }[measure]


def _screen_phrase(cond: ScreenCondition, value: int, facts: Facts) -> str:
    if cond.measure == "whooley_positive":
        answers = []
        if facts.whooley_low_mood:
            answers.append("feeling down, depressed or hopeless")
        if facts.whooley_little_interest:
            answers.append("little interest or pleasure in doing things")
        return "Whooley questions answered yes (" + "; ".join(answers) + ")"
    if cond.measure == "gad2_total":
        return f"GAD-2 total {value} (threshold {cond.at_least})"
    if cond.measure == "epds_total":
        return f"EPDS total {value} (threshold {cond.at_least})"
    return f"EPDS self-harm item scored {value}"


def match(cond: Condition, facts: Facts, label: Labeller) -> list[str] | None:
    """Phrases naming the inputs used when `cond` holds; None when it does not."""
    if cond.all_of is not None:
        phrases: list[str] = []
        for sub in cond.all_of:
            got = match(sub, facts, label)
            if got is None:
                return None
            phrases.extend(got)
        return phrases
    if cond.any_of is not None:
        matched = [got for sub in cond.any_of if (got := match(sub, facts, label)) is not None]
        return [p for got in matched for p in got] if matched else None
    if cond.count is not None:
        c = cond.count
        found = facts.domains_rated(c.domain_ids(), tuple(c.rating))
        n = len(found)
        if (c.at_least is not None and n < c.at_least) or (c.at_most is not None and n > c.at_most):
            return None
        return [_count_phrase(c, found, label)]
    if cond.rating is not None:
        r = cond.rating
        given = facts.ratings.get(r.domain)
        if given is None or given not in r.one_of:
            return None
        kind = "frightening_ratings" if r.domain == vocab.FRIGHTENING else "ratings"
        return [f"{label('domains', r.domain)}: {label(kind, given).lower()}"]
    if cond.screen is not None:
        value = _screen_value(cond.screen.measure, facts)
        if value is None or value < cond.screen.at_least:
            return None
        return [_screen_phrase(cond.screen, value, facts)]
    if cond.current_needs is not None:
        needs = facts.current_needs
        if len(needs) < cond.current_needs.at_least:
            return None
        return [f"{len(needs)} current needs: {_plain(needs, 'needs', label)}"]
    if cond.need_status is not None:
        wanted = cond.need_status
        found = [need for need in wanted.ids if facts.need_statuses.get(need) in wanted.status]
        if len(found) < wanted.at_least:
            return None
        return [
            "; ".join(
                f"{label('needs', need).lower()}: {label('need_statuses', facts.need_statuses[need]).lower()}"
                for need in found
            )
        ]
    if cond.social_care_status is not None:
        status = facts.social_care_status
        if status not in cond.social_care_status:
            return None
        return [f"children's social care: {label('social_care_statuses', status).lower()}"]
    if cond.safeguarding_indicator:
        if not facts.indicators:
            return None
        return ["safeguarding indicators recorded: " + _plain(facts.indicators, "safeguarding_indicators", label)]
    if cond.wants_help is not None:
        if facts.wants_help not in cond.wants_help:
            return None
        return [f"asked whether they want help, the parent said: {label('wants_help', facts.wants_help).lower()}"]
    return []  # always
