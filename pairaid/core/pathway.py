"""The pathway file (`pairaid.pathway/1`, shared/design/pathway.md) as pydantic models.

Unknown keys are errors (a typo must not silently vanish). Reading YAML with line numbers, the wider
checks and JSON Schema export live in `pairaid.pathway`; these models are what every layer uses.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal, get_args

from pydantic import Field, PrivateAttr, field_validator, model_validator

from pairaid.core import vocab
from pairaid.core.assessment import Model
from pairaid.core.rules import RuleSet

FORMAT = "pairaid.pathway/1"

ServiceNeed = vocab.ServiceNeed


_OUTWARD = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?$")
_INWARD = re.compile(r"^[0-9][A-Z]{2}$")


def postcode_district(text: str | None) -> str | None:
    """The outward code ("district") of a UK postcode or district, whatever its spacing and case:
    "b15 2tt", "B152TT" and "B15" all give "B15". None when it is not a postcode."""
    if not text:
        return None
    compact = re.sub(r"\s+", "", text).upper()
    if _OUTWARD.match(compact):
        return compact
    if len(compact) >= 5 and _INWARD.match(compact[-3:]) and _OUTWARD.match(compact[:-3]):
        return compact[:-3]
    return None


def _districts(values: list[str]) -> list[str]:
    out = []
    for value in values:
        district = postcode_district(value)
        if district is None or district != re.sub(r"\s+", "", value).upper():
            raise ValueError(f"'{value}' is not a postcode district; write the first half of a postcode, e.g. B15")
        out.append(district)
    return out


AreaPlace = Literal["inside", "shared", "outside", "unknown"]


class Area(Model):
    name: str
    postcode_districts: list[str] = Field(default_factory=list, description="e.g. B1, B15; empty = anywhere")
    shared_districts: list[str] = Field(
        default_factory=list,
        description="districts split with a neighbouring area (or whose boundary is unknown): families there are "
        "asked to check which local authority they live in",
    )

    _normal = field_validator("postcode_districts", "shared_districts")(classmethod(lambda cls, v: _districts(v)))

    @model_validator(mode="after")
    def _listed_once(self) -> Area:
        both = [d for d in self.shared_districts if d in self.postcode_districts]
        if both:
            raise ValueError(
                f"{', '.join(both)} is in both postcode_districts and shared_districts; list a district split "
                "with a neighbour in shared_districts only"
            )
        return self

    def place(self, district: str | None) -> AreaPlace:
        """Where a postcode district lies: inside the area, shared with a neighbour, outside, or unknown (no
        district, or an area that lists no districts)."""
        if district is None or not (self.postcode_districts or self.shared_districts):
            return "unknown"
        if district in self.shared_districts:
            return "shared"
        return "inside" if district in self.postcode_districts else "outside"


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
        info: LevelInfo = getattr(self, level)
        return info


class FrontDoor(Model):
    name: str
    phone: str
    out_of_hours: str | None = None
    emergency: str = "999"
    follow_up: str | None = None
    url: str | None = None


class National(Model):
    """Help for every family in England, shown on the parent copy: the words come from the pathway file, never
    from code, so a locality can correct them without a release."""

    urgent_mental_health: str = Field(min_length=1, description='e.g. "NHS 111 and choose the mental health option"')
    emergency: str = Field(min_length=1, description="e.g. \"999, or go to A&E, if anyone's life is at risk\"")


Client = Literal["family", "baby", "any_parent", "birthing_parent"]
CLIENTS: tuple[str, ...] = get_args(Client)

# Needs whose services never go on the parent copy (assessment.md §9): naming them could put a parent at risk.
SENSITIVE_NEEDS: frozenset[str] = frozenset({"domestic_abuse", "substance_misuse", "safeguarding",
                                             "previous_child_removed"})


class Eligibility(Model):
    """Who the service is for (assessment.md §9). `client` birthing_parent: not suggested for a mood screen of
    another parent; `requires_needs`: each must be current for the service to be suggested at all."""

    client: Client = "family"
    requires_needs: list[vocab.NeedId] = Field(default_factory=list)


class Ages(Model):
    """Who the service takes: from pregnancy (antenatal) and/or babies of min..max completed months."""

    antenatal: bool = False
    after_birth: bool = Field(default=True, description="false: in pregnancy only (min/max_months then unused)")
    min_months: int = Field(default=0, ge=0)
    max_months: int | None = Field(default=None, ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Ages:
        if self.max_months is not None and self.min_months > self.max_months:
            raise ValueError(
                f"min_months ({self.min_months}) is more than max_months ({self.max_months}), so the service "
                "would take no baby; correct one of them"
            )
        if not self.antenatal and not self.after_birth:
            raise ValueError(
                "after_birth is false and antenatal is not true, so the service would take nobody; set "
                "antenatal: true for a service in pregnancy only"
            )
        return self

    def takes(self, stage: str, months: int | None) -> bool:
        """Whether a family at this stage (baby's age in completed months after birth) fits."""
        if stage == "antenatal" or months is None:
            return self.antenatal
        return self.takes_months(months, months)

    def takes_months(self, low: int, high: int) -> bool:
        """Whether the service takes some baby aged low..high completed months (never, if pregnancy only)."""
        top = self.max_months if self.max_months is not None else high
        return self.after_birth and self.min_months <= high and top >= low


class Referral(Model):
    self: bool = False
    professional: bool = True
    how: str | None = None


class Phone(Model):
    """A further number of a service, e.g. {label: Out of hours, number: 0121 496 0000}."""

    label: str | None = None
    number: str


class ContactDetails(Model):
    phone: str | None = Field(default=None, description="the main number")
    phones: list[Phone] = Field(default_factory=list, description="further numbers, in the order published")
    url: str | None = None
    email: str | None = None
    hours: str | None = None

    def numbers(self) -> list[str]:
        """Every number as shown to a practitioner, main number first: "Out of hours: 0121 496 0000"."""
        shown = [self.phone] if self.phone else []
        return shown + [f"{p.label}: {p.number}" if p.label else p.number for p in self.phones]


class Verified(Model):
    status: Literal["verified", "unverified", "needs_review"] = "unverified"
    source: str | None = None
    checked: dt.date | None = None
    note: str | None = None


class Review(Model):
    """What a refresh from the council's feed changed or found, for the pathway's owner to check. Delete the
    `review` block once checked (and set verified.status when the details are confirmed)."""

    since: dt.date
    changes: list[str] = Field(min_length=1)


class Service(Model):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    name: str
    provider: str | None = None
    level: vocab.Level
    needs: list[ServiceNeed] = Field(default_factory=list)
    ages: Ages = Field(default_factory=Ages)
    areas: list[str] = Field(default_factory=list, description="postcode districts; empty = whole pathway area")
    referral: Referral = Field(default_factory=Referral)
    contact: ContactDetails = Field(default_factory=ContactDetails)
    eligibility: Eligibility = Field(default_factory=Eligibility)
    sensitive: bool = Field(default=False, description="true: never printed on the parent copy")
    languages: list[str] = Field(default_factory=list)
    cost: str | None = None
    description: str | None = None
    status: Literal["active", "inactive"] = "active"
    verified: Verified = Field(default_factory=Verified)
    oruk_id: str | None = Field(default=None, description="the service's id in the Open Referral UK feed")
    review: Review | None = Field(default=None, description="set by `pairaid pathway refresh`")

    _normal = field_validator("areas")(classmethod(lambda cls, v: _districts(v)))

    @model_validator(mode="after")
    def _active_has_needs(self) -> Service:
        if self.status == "active" and not self.needs:
            raise ValueError(
                "an active service needs at least one need tag in `needs`, or it is never suggested; "
                "add them, or set status: inactive until it is reviewed"
            )
        return self

    @property
    def is_verified(self) -> bool:
        return self.verified.status == "verified"

    @property
    def is_sensitive(self) -> bool:
        """Marked sensitive, or serving a need that makes it so (assessment.md §9): never on the parent copy."""
        return self.sensitive or not SENSITIVE_NEEDS.isdisjoint(self.needs)

    @property
    def needs_review(self) -> bool:
        """Marked by a refresh, or imported without what it needs (e.g. a level): a person must check it."""
        return self.review is not None or self.verified.status == "needs_review"


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


class NoteWhen(Model):
    """When a pathway note applies: all given conditions hold (an empty `when` always holds)."""

    service_level: vocab.Level | None = Field(
        default=None, description="a suggested service is at this level (and serves service_need, if given)"
    )
    service_need: ServiceNeed | None = None
    rules: list[str] = Field(default_factory=list, description="any of these rules matched")


class PathwayNote(Model):
    """A locality's honest note shown with the outcome, e.g. a gap in the local services."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    when: NoteWhen = Field(default_factory=NoteWhen)
    text: str = Field(min_length=1)


class Pathway(Model):
    format: Literal["pairaid.pathway/1"]
    pathway: PathwayInfo
    levels: Levels
    front_door: FrontDoor
    national: National
    rules: RuleSet
    prevalence: Prevalence | None = None
    notes: list[PathwayNote] = Field(default_factory=list)
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

    # Indexes built on first use, for 10,000-service pathways. They are keyed by the services list itself, so a
    # copy with other services (model_copy(update=...)) rebuilds them instead of reading stale ones.
    _index_of: list[Service] | None = PrivateAttr(default=None)
    _by_id: dict[str, Service] = PrivateAttr(default_factory=dict)
    _by_district: dict[str | None, list[int]] = PrivateAttr(default_factory=dict)

    def _indexes(self) -> None:
        if self._index_of is self.services:
            return
        self._by_id = {s.id: s for s in self.services}
        index: dict[str | None, list[int]] = {}
        for position, service in enumerate(self.services):
            districts: list[str | None] = list(service.areas) or [None]
            for district in districts:
                index.setdefault(district, []).append(position)
        self._by_district = index
        self._index_of = self.services

    def service(self, service_id: str) -> Service | None:
        self._indexes()
        return self._by_id.get(service_id)

    def district_index(self) -> dict[str | None, list[int]]:
        """Positions of the services by postcode district they list; None = the whole area (no `areas`)."""
        self._indexes()
        return self._by_district
