"""The pathway file (`pairaid.pathway/1`, shared/design/pathway.md) as pydantic models.

Unknown keys are errors (a typo must not silently vanish). Reading YAML with line numbers, the wider
checks and JSON Schema export live in `pairaid.pathway`; these models are what every layer uses.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from pairaid.core import vocab
from pairaid.core.assessment import Model
from pairaid.core.rules import RuleSet

FORMAT = "pairaid.pathway/1"

ServiceNeed = Literal[
    "parental_mental_health",
    "severe_mental_illness_history",
    "domestic_abuse",
    "substance_misuse",
    "parental_learning_disability",
    "young_parent",
    "housing",
    "financial_hardship",
    "social_isolation",
    "language_barrier",
    "immigration_nrpf",
    "child_health",
    "child_send",
    "feeding_difficulty",
    "bereavement_trauma",
    "care_experienced_parent",
    "previous_child_removed",
    "parent_infant_relationship",
    "perinatal_mental_health",
    "urgent_mental_health",
    "parenting",
    "infant_feeding",
    "safeguarding",
    "early_help",
    "maternity",
]


class Area(Model):
    name: str
    postcode_districts: list[str] = Field(default_factory=list)


class PathwayInfo(Model):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    title: str
    area: Area
    version: str
    published: dt.date | None = None
    review_by: dt.date | None = None
    owner: str | None = None
    under_twos: int | None = Field(default=None, ge=1, description="children under two in the area")


class LevelInfo(Model):
    label: str
    local_name: str | None = None
    description: str | None = None


class Levels(Model):
    universal: LevelInfo
    targeted: LevelInfo
    specialist: LevelInfo
    statutory: LevelInfo

    def get(self, level: str) -> LevelInfo:
        return getattr(self, level)


class FrontDoor(Model):
    name: str
    phone: str
    out_of_hours: str | None = None
    emergency: str = "999"
    follow_up: str | None = None
    url: str | None = None


class Ages(Model):
    antenatal: bool = False
    min_months: int = Field(default=0, ge=0)
    max_months: int | None = Field(default=None, ge=0)


class Referral(Model):
    self: bool = False
    professional: bool = True
    how: str | None = None


class ContactDetails(Model):
    phone: str | None = None
    url: str | None = None
    email: str | None = None
    hours: str | None = None


class Verified(Model):
    status: Literal["verified", "unverified", "needs_review"] = "unverified"
    source: str | None = None
    checked: dt.date | None = None
    note: str | None = None


class Service(Model):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    name: str
    provider: str | None = None
    level: vocab.Level
    needs: list[ServiceNeed] = Field(min_length=1)
    ages: Ages = Field(default_factory=Ages)
    areas: list[str] = Field(default_factory=list)
    referral: Referral = Field(default_factory=Referral)
    contact: ContactDetails = Field(default_factory=ContactDetails)
    languages: list[str] = Field(default_factory=list)
    cost: str | None = None
    description: str | None = None
    status: Literal["active", "inactive"] = "active"
    verified: Verified = Field(default_factory=Verified)

    @property
    def is_verified(self) -> bool:
        return self.verified.status == "verified"


class PrevalenceRoute(Model):
    id: str
    label: str
    proportion: float = Field(ge=0, le=1)
    level: vocab.Level | None = None
    specialist_pair: bool = False


class Prevalence(Model):
    """The needs assessment's population model: proportions of children under two by route."""

    source: str | None = None
    routes: list[PrevalenceRoute] = Field(min_length=1)
    seen_by_perinatal_service: int | None = Field(default=None, ge=0)


class Pathway(Model):
    format: Literal["pairaid.pathway/1"]
    pathway: PathwayInfo
    levels: Levels
    front_door: FrontDoor
    rules: RuleSet
    prevalence: Prevalence | None = None
    services: list[Service] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique_service_ids(self) -> Pathway:
        seen: set[str] = set()
        duplicates = []
        for service in self.services:
            if service.id in seen:
                duplicates.append(service.id)
            seen.add(service.id)
        if duplicates:
            raise ValueError(f"service ids used more than once: {', '.join(sorted(set(duplicates)))}")
        return self

    def service(self, service_id: str) -> Service | None:
        return next((s for s in self.services if s.id == service_id), None)
