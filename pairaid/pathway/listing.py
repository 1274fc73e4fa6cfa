"""`pairaid pathway services`: what the pathway holds, filtered for a midwife checking who takes what."""

from __future__ import annotations

from dataclasses import dataclass

from pairaid.core.front_door import area_warnings
from pairaid.core.pathway import Pathway, Service, postcode_district

# The months each stage spans (assessment.md §2): antenatal is before birth.
STAGE_MONTHS = {"0-5": (0, 5), "6-30": (6, 30)}


@dataclass(frozen=True)
class Listing:
    services: list[Service]
    warnings: list[str]


def _fits_stage(service: Service, stage: str) -> bool:
    if stage == "antenatal":
        return service.ages.antenatal
    return service.ages.takes_months(*STAGE_MONTHS[stage])


def list_services(
    pathway: Pathway,
    *,
    level: str | None = None,
    need: str | None = None,
    stage: str | None = None,
    age_months: int | None = None,
    postcode: str | None = None,
    include_inactive: bool = False,
) -> Listing:
    warnings: list[str] = []
    district = None
    if postcode:
        district = postcode_district(postcode)
        warnings.extend(area_warnings(pathway, postcode))
    out = []
    for service in pathway.services:
        if service.status != "active" and not include_inactive:
            continue
        if level and service.level != level:
            continue
        if need and need not in service.needs:
            continue
        if stage and not _fits_stage(service, stage):
            continue
        if age_months is not None and not service.ages.takes("after-birth", age_months):
            continue
        if district and service.areas and district not in service.areas:
            continue
        out.append(service)
    return Listing(out, warnings)


def ages_text(service: Service) -> str:
    ages = service.ages
    if not ages.after_birth:
        return "pregnancy only"
    after = f"{ages.min_months}–{ages.max_months} months" if ages.max_months is not None else (
        f"from {ages.min_months} months" if ages.min_months else "any age")
    return ("pregnancy; " if ages.antenatal else "after birth only; ") + after
