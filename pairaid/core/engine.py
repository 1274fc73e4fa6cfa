"""Evaluate a rule set against an assessment: level, levels, flags, reasons, override (assessment.md §7)."""

from __future__ import annotations

from typing import Literal, NamedTuple

from pairaid.core import vocab
from pairaid.core.assessment import Assessment
from pairaid.core.facts import Facts, facts_of
from pairaid.core.framework import load_framework
from pairaid.core.outcome import Outcome, Override, Reason
from pairaid.core.rules import CURRENT_NEEDS, SAFEGUARDING_RULE, RuleSet, match
from pairaid.core.written_reason import written_reason_problem

# Provisional only below this level: a specialist or statutory level does not wait for more observation.
PROVISIONAL_BELOW = vocab.LEVEL_RANK["specialist"]


class OverrideError(ValueError):
    """An override the rules of §7 do not allow; the message says what to do."""


def label(kind: str, ident: str) -> str:
    """Human label of an id from the framework text."""
    framework = load_framework()
    if kind == "domains":
        return framework.domain_title(ident)
    return framework.label(kind, ident)


class OverrideProblem(NamedTuple):
    """Why an override is not allowed: `kind` is "safeguarding" (a statutory level cannot be lowered),
    "no_reason" (lowering needs a written reason) or "weak_reason" (the reason does not say what was seen or
    decided; `why` says what is wrong with it)."""

    kind: Literal["safeguarding", "no_reason", "weak_reason"]
    suggested: str
    chosen: str
    why: str | None = None

    def detail(self) -> str:
        if self.kind == "safeguarding":
            return ("a safeguarding indicator is recorded, so the level stays statutory; it cannot be lowered. "
                    "Follow the front door's advice.")
        if self.kind == "weak_reason":
            return (f"lowering the level from {self.suggested} to {self.chosen} needs a written reason in "
                    f"decision.override_reason: {self.why}")
        return (f"lowering the level from {self.suggested} to {self.chosen} needs a written reason in "
                "decision.override_reason")

    def message(self) -> str:
        """Naming the field at fault (a file: `pairaid assess`, finalising)."""
        return f"decision.override_level: {self.detail()}"

    def warning(self) -> str:
        """As the outcome's warnings carry it (the live panel words the field names for the screen)."""
        return self.detail()[0].upper() + self.detail()[1:]

    def sentence(self) -> str:
        """For the Decision screen, beside the level it is about: no field names."""
        if self.kind == "safeguarding":
            return self.warning()
        if self.kind == "weak_reason":
            return f"Lowering the level from {self.suggested} to {self.chosen} needs a written reason: {self.why}"
        return f"Lowering the level from {self.suggested} to {self.chosen} needs a written reason."


def override_problem(
    suggested: str, override: str | None, reason: str | None, safeguarding: bool
) -> OverrideProblem | None:
    """Why an override is not allowed, or None when it is (raise freely; lower with a written reason of at least
    three words and 20 characters; never below statutory when safeguarding matched)."""
    if override is None or override == suggested:
        return None
    if vocab.LEVEL_RANK[override] > vocab.LEVEL_RANK[suggested]:
        return None
    if safeguarding:
        return OverrideProblem("safeguarding", suggested, override)
    if not (reason or "").strip():
        return OverrideProblem("no_reason", suggested, override)
    weak = written_reason_problem(reason)
    if weak:
        return OverrideProblem("weak_reason", suggested, override, weak)
    return None


def check_override(
    suggested: str, override: str | None, reason: str | None, safeguarding: bool
) -> str | None:
    """`override_problem` as the message naming the fields, or None when the override is allowed."""
    problem = override_problem(suggested, override, reason, safeguarding)
    return problem.message() if problem else None


def _provisional(facts: Facts, rules: RuleSet, level: str) -> tuple[bool, str | None]:
    """Too little observed for a universal or targeted level to be relied on (assessment.md §7)."""
    needed = (
        rules.provisional.min_coverage_antenatal
        if facts.stage == "antenatal"
        else rules.provisional.min_coverage_after_birth
    )
    if facts.coverage >= needed or vocab.LEVEL_RANK[level] >= PROVISIONAL_BELOW:
        return False, None
    if facts.coverage == 0:
        return True, (
            f"Provisional: 0 of {len(facts.applicable)} areas observed, so there is not enough observed yet to rely "
            "on this level. Observe the relationship first; to finalise now, say in the Decision section why this "
            "level can be relied on."
        )
    return True, (
        f"Provisional: {facts.coverage} of {len(facts.applicable)} areas observed (at least {needed} needed at "
        "this stage). Observe more of the relationship before relying on this level; to finalise now, say in the "
        "Decision section why this level can be relied on."
    )


def evaluate(assessment: Assessment, rules: RuleSet, *, strict: bool = True) -> Outcome:
    """The outcome without service suggestions.

    strict: an override the rules forbid raises OverrideError (the command line); otherwise it is ignored
    and reported as a warning (a draft being edited in the app).
    """
    facts = facts_of(assessment)
    reasons: list[Reason] = []
    prompts: list[str] = []
    serves: list[str] = []
    for rule in rules.rules:
        phrases = match(rule.when, facts, label)
        if phrases is None:
            continue
        text = rule.reason if not phrases else f"{rule.reason} ({'; '.join(phrases)})."
        reasons.append(Reason(rule=rule.id, level=rule.level, text=text, urgent=rule.urgent, prompt=rule.prompt))
        if rule.prompt:
            prompts.append(rule.prompt)
        for need in rule.serves:
            targets = facts.current_needs if need == CURRENT_NEEDS else (need,)
            serves.extend(t for t in targets if t not in serves)

    matched_levels = {r.level for r in reasons} or {"universal"}
    levels = [lvl for lvl in vocab.LEVELS if lvl in matched_levels]
    level = levels[-1]
    safeguarding = any(r.rule == SAFEGUARDING_RULE for r in reasons)
    provisional, provisional_text = _provisional(facts, rules, level)
    warnings = list(assessment.notices())
    if provisional_text:
        warnings.append(provisional_text)

    decision = assessment.decision
    problem = override_problem(level, decision.override_level, decision.override_reason, safeguarding)
    override: Override | None = None
    final_level = level
    if problem:
        if strict:
            raise OverrideError(problem.message())
        warnings.append(problem.warning())
    elif decision.override_level and decision.override_level != level:
        final_level = decision.override_level
        override = Override(
            from_level=level, to_level=final_level, reason=decision.override_reason, by=decision.override_by
        )

    return Outcome(
        level=level,
        levels=levels,
        urgent=any(r.urgent for r in reasons),
        provisional=provisional,
        final_level=final_level,
        reasons=reasons,
        warnings=warnings,
        prompts=prompts,
        safeguarding=safeguarding,
        coverage=facts.coverage,
        applicable_domains=len(facts.applicable),
        nothing_observed=provisional and facts.coverage == 0,
        override=override,
        serves=serves,
    )
