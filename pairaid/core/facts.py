"""The facts the rules read, computed once per assessment (assessment.md §7 notation: S, C, F, coverage)."""

from __future__ import annotations

from dataclasses import dataclass, field

from pairaid.core import vocab
from pairaid.core.assessment import Assessment


@dataclass(frozen=True)
class Facts:
    stage: str
    applicable: tuple[str, ...]
    ratings: dict[str, str]  # applicable domains only; absent = not_observed
    coverage: int
    whooley_low_mood: bool | None
    whooley_little_interest: bool | None
    gad2_total: int | None
    epds_total: int | None
    epds_self_harm_item: int | None
    current_needs: tuple[str, ...]
    indicators: tuple[str, ...]
    wants_help: str
    need_statuses: dict[str, str] = field(default_factory=dict)  # recorded needs only; absent = not asked
    social_care_status: str = "none"  # "none" also when not recorded
    screens_done: tuple[str, ...] = field(default=())

    @property
    def whooley_positive(self) -> bool:
        return bool(self.whooley_low_mood or self.whooley_little_interest)

    def domains_rated(self, domains: tuple[str, ...], ratings: tuple[str, ...]) -> list[str]:
        """Applicable domains among `domains` whose rating is one of `ratings`, in framework order."""
        return [d for d in domains if d in self.ratings and self.ratings[d] in ratings]


def facts_of(assessment: Assessment) -> Facts:
    applicable = assessment.applicable_domains()
    observations = assessment.observations
    ratings = {d: observations.rating(d) for d in applicable}
    mood = assessment.mood
    needs = assessment.needs
    screens = tuple(name for name in ("whooley", "gad2", "epds") if getattr(mood, name) is not None)
    return Facts(
        stage=assessment.stage,
        applicable=applicable,
        ratings=ratings,
        coverage=sum(1 for r in ratings.values() if r != "not_observed"),
        whooley_low_mood=mood.whooley.low_mood if mood.whooley else None,
        whooley_little_interest=mood.whooley.little_interest if mood.whooley else None,
        gad2_total=mood.gad2.total if mood.gad2 else None,
        epds_total=mood.epds.total if mood.epds else None,
        epds_self_harm_item=mood.epds.self_harm_item if mood.epds else None,
        current_needs=tuple(assessment.needs.current()),
        indicators=tuple(dict.fromkeys(assessment.safeguarding.indicators)),
        wants_help=assessment.parent_voice.wants_help,
        need_statuses={n: s for n in vocab.NEEDS if (s := needs.status(n)) is not None},
        social_care_status=needs.social_care_status.status if needs.social_care_status else "none",
        screens_done=screens,
    )


RELATIONSHIP = vocab.RELATIONSHIP_DOMAINS
