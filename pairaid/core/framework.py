"""The observation framework and every human label, loaded from resources/framework/framework.json.

The ids are fixed in `pairaid.core.vocab`; this file holds only their words. Loading checks that every id
list in the file is complete and exact against vocab, so a missing or misspelt label fails loudly at load.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from pairaid.core import vocab
from pairaid.resources import resource_path

FORMAT = "pairaid.framework/1"

# Headings the domains are shown under (the framework's own ids, not part of the assessment contract).
GROUPS: tuple[str, ...] = ("parent_with_baby", "talk_and_feelings", "baby")


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value


Text = Annotated[str, AfterValidator(_not_blank)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Guidance(_Model):
    """What each rating looks like, and what to write down as evidence."""

    strength: Text = Field(
        description="What a strength looks like (for `frightening`: what 'none seen' means)."
    )
    some_concern: Text
    significant_concern: Text
    what_to_note: Text


class Domain(_Model):
    id: str
    title: Text
    group: str
    question: Text
    antenatal_question: Text | None = None
    guidance: Guidance

    @property
    def stages(self) -> tuple[str, ...]:
        return vocab.DOMAIN_STAGES[self.id]

    @property
    def from_months(self) -> int:
        """The (corrected) age in whole months from which the domain is rated after birth."""
        return vocab.DOMAIN_FROM_MONTHS[self.id]

    def applies(self, stage: str, months: int | None) -> bool:
        """Whether the domain is rated at `stage` for a baby of `months` (corrected) months (None before birth)."""
        return vocab.domain_applies(self.id, stage, months)

    def question_for(self, stage: str) -> str:
        """The item's question worded for the stage (the pregnancy version antenatally when there is one)."""
        if stage == "antenatal" and self.antenatal_question:
            return self.antenatal_question
        return self.question


class NeedLabel(_Model):
    label: Text
    hint: Text


class ParentVoice(_Model):
    prompt: Text
    words_hint: Text


class Whooley(_Model):
    low_mood: Text
    little_interest: Text


class Gad2(_Model):
    nervous: Text
    worrying: Text


class Mood(_Model):
    whooley: Whooley
    gad2: Gad2
    gad2_options: Annotated[list[Text], Field(min_length=4, max_length=4)]
    epds_note: Text


LabelKind = Literal[
    "ratings",
    "frightening_ratings",
    "groups",
    "needs",
    "social_care_statuses",
    "need_statuses",
    "strengths",
    "safeguarding_indicators",
    "barriers",
    "wants_help",
    "contact_types",
    "settings",
    "roles",
    "stages",
    "levels",
    "service_needs",
]

# Each label section and the ids it must hold, exactly.
EXPECTED_IDS: dict[str, tuple[str, ...]] = {
    "ratings": vocab.RATINGS,
    "frightening_ratings": ("no_concern", "some_concern", "significant_concern", "not_observed"),
    "groups": GROUPS,
    "needs": vocab.NEEDS,
    "social_care_statuses": vocab.SOCIAL_CARE_STATUSES,
    "need_statuses": vocab.NEED_STATUSES,
    "strengths": vocab.STRENGTHS,
    "safeguarding_indicators": vocab.SAFEGUARDING_INDICATORS,
    "barriers": vocab.BARRIERS,
    "wants_help": vocab.WANTS_HELP,
    "contact_types": vocab.CONTACT_TYPES,
    "settings": vocab.SETTINGS,
    "roles": vocab.ROLES,
    "stages": vocab.STAGES,
    "levels": vocab.LEVELS,
    "service_needs": vocab.SERVICE_NEEDS,
}


def _id_problems(section: str, found: Iterable[str], expected: tuple[str, ...]) -> list[str]:
    found = list(found)
    problems = []
    missing = [i for i in expected if i not in found]
    extra = [i for i in found if i not in expected]
    if missing:
        problems.append(f"{section}: missing {', '.join(repr(i) for i in missing)}")
    if extra:
        problems.append(f"{section}: unexpected {', '.join(repr(i) for i in extra)}")
    return problems


class Framework(_Model):
    format: Literal["pairaid.framework/1"]
    ratings: dict[str, Text]
    frightening_ratings: dict[str, Text]
    groups: dict[str, Text]
    domains: list[Domain]
    needs: dict[str, NeedLabel]
    social_care_statuses: dict[str, Text]
    need_statuses: dict[str, Text]
    strengths: dict[str, Text]
    safeguarding_indicators: dict[str, Text]
    barriers: dict[str, Text]
    wants_help: dict[str, Text]
    contact_types: dict[str, Text]
    settings: dict[str, Text]
    roles: dict[str, Text]
    stages: dict[str, Text]
    levels: dict[str, Text]
    service_needs: dict[str, Text]
    parent_voice: ParentVoice
    mood: Mood

    @model_validator(mode="after")
    def _complete_and_exact(self) -> Framework:
        problems: list[str] = []
        for section, expected in EXPECTED_IDS.items():
            problems += _id_problems(section, getattr(self, section).keys(), expected)

        ids = [d.id for d in self.domains]
        problems += _id_problems("domains", ids, vocab.DOMAINS)
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            problems.append(f"domains: repeated {', '.join(repr(i) for i in repeated)}")
        if not problems and ids != list(vocab.DOMAINS):
            problems.append(f"domains: must be in the order {', '.join(vocab.DOMAINS)}")

        for domain in self.domains:
            if domain.group not in GROUPS:
                problems.append(
                    f"domains.{domain.id}.group: {domain.group!r} is not one of {', '.join(GROUPS)}"
                )
            if domain.id in vocab.DOMAIN_STAGES:
                antenatal = "antenatal" in vocab.DOMAIN_STAGES[domain.id]
                if antenatal and domain.antenatal_question is None:
                    problems.append(
                        f"domains.{domain.id}.antenatal_question: is required (applies in pregnancy)"
                    )
                if not antenatal and domain.antenatal_question is not None:
                    problems.append(
                        f"domains.{domain.id}.antenatal_question: must be null (not used in pregnancy)"
                    )
        if problems:
            raise ValueError("; ".join(problems))
        return self

    # -- convenience -------------------------------------------------------------------------------------

    def domain(self, domain_id: str) -> Domain:
        for domain in self.domains:
            if domain.id == domain_id:
                return domain
        raise KeyError(f"unknown observation domain {domain_id!r}")

    def domain_title(self, domain_id: str) -> str:
        return self.domain(domain_id).title

    def label(self, kind: str, id: str) -> str:
        """Human label of `id` in the section `kind` (e.g. `label("needs", "housing")` -> "Housing")."""
        if kind not in EXPECTED_IDS:
            raise KeyError(f"unknown label kind {kind!r}; expected one of {', '.join(EXPECTED_IDS)}")
        section = getattr(self, kind)
        if id not in section:
            raise KeyError(f"unknown {kind} id {id!r}")
        value = section[id]
        return value.label if isinstance(value, NeedLabel) else value

    def domains_for_stage(self, stage: str) -> list[Domain]:
        """The domains that can apply at `stage` (antenatal, 0-5, 6-30), in framework order. Within 6-30 some
        start later (comfort-seeking from 9 months): use `domains_for_age` for one baby."""
        if stage not in vocab.STAGES:
            raise KeyError(f"unknown stage {stage!r}; expected one of {', '.join(vocab.STAGES)}")
        return [d for d in self.domains if stage in vocab.DOMAIN_STAGES[d.id]]

    def domains_for_age(self, stage: str, months: int | None) -> list[Domain]:
        """The domains rated for a baby of `months` (corrected) whole months at `stage` (None before birth)."""
        if stage not in vocab.STAGES:
            raise KeyError(f"unknown stage {stage!r}; expected one of {', '.join(vocab.STAGES)}")
        return [d for d in self.domains if d.applies(stage, months)]

    def applies_text(self, domain_id: str) -> str:
        """When a domain applies, in words: "applies from 9 months", "applies after birth"…"""
        start = vocab.DOMAIN_FROM_MONTHS[domain_id]
        after = "after birth" if start == 0 else f"from {start} months"
        return f"applies in pregnancy and {after}" if domain_id in vocab.DOMAIN_ANTENATAL else f"applies {after}"

    def rating_label(self, domain_id: str, rating: str) -> str:
        """Label of a rating as shown for that domain ("None seen" for no concern on `frightening`)."""
        kind = "frightening_ratings" if domain_id == vocab.FRIGHTENING else "ratings"
        return self.label(kind, rating)


def default_framework_path() -> Path:
    return resource_path("framework", "framework.json")


def read_framework(path: Path) -> Framework:
    """Read and validate a framework file (not cached)."""
    with path.open(encoding="utf-8") as handle:
        data = json.load(handle)
    return Framework.model_validate(data)


@lru_cache(maxsize=1)
def _default_framework() -> Framework:
    return read_framework(default_framework_path())


def load_framework(path: Path | None = None) -> Framework:
    """The framework at `path`, or the bundled one (read once and cached) when `path` is None."""
    if path is None:
        return _default_framework()
    return read_framework(path)
