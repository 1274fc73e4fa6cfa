"""Which services of a pathway a browser's filters keep (pure: no Qt, so it is quick to test).

Postcode districts are normalised as in matching ("b15 2tt", "B152TT" -> "B15"), by pairaid.core.pathway.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from pairaid.core.pathway import Pathway, Service
from pairaid.core.pathway import postcode_district as core_postcode_district

# Highest age a stage covers: the pathway runs from conception to two, the 2-2½ year review to 30 months.
_STAGE_MONTHS: dict[str, tuple[int, int]] = {"0-5": (0, 5), "6-30": (6, 30)}


def postcode_district(text: str) -> str:
    """The outward code ("district") of a postcode or district as typed (PATHWAY's rule in core.pathway);
    "" when nothing, or something that is not a postcode, was typed."""
    return core_postcode_district(text) or ""


def is_postcode(text: str) -> bool:
    """False when something was typed that is not a UK postcode or district."""
    return not text.strip() or core_postcode_district(text) is not None


def _fold(text: str) -> str:
    """Lower-case without accents, so "zoe" finds "Zoë" and "cafe" finds "Café"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(frozen=True)
class ServiceFilter:
    """What the practitioner asked for; None or "" means "any"."""

    stage: str | None = None  # "antenatal" | "0-5" | "6-30"
    age_months: int | None = None
    postcode: str = ""
    level: str | None = None
    need: str | None = None
    text: str = ""
    include_inactive: bool = False


def _covers_months(service: Service, low: int, high: int) -> bool:
    return service.ages.takes_months(low, high)


def _covers_district(service: Service, district: str) -> bool:
    if not district or not service.areas:
        return True
    return district in {postcode_district(area) for area in service.areas}


def _text_matches(service: Service, text: str) -> bool:
    wanted = _fold(text.strip())
    if not wanted:
        return True
    haystack = " ".join(filter(None, (service.name, service.provider, service.id)))
    return wanted in _fold(haystack)


def service_matches(service: Service, wanted: ServiceFilter) -> bool:
    if service.status != "active" and not wanted.include_inactive:
        return False
    if wanted.level and service.level != wanted.level:
        return False
    if wanted.need and wanted.need not in service.needs:
        return False
    if wanted.stage == "antenatal" and not service.ages.antenatal:
        return False
    if wanted.stage in _STAGE_MONTHS and not _covers_months(service, *_STAGE_MONTHS[wanted.stage]):
        return False
    if wanted.age_months is not None and not _covers_months(service, wanted.age_months, wanted.age_months):
        return False
    if not _covers_district(service, postcode_district(wanted.postcode)):
        return False
    return _text_matches(service, wanted.text)


def filter_services(pathway: Pathway, wanted: ServiceFilter) -> list[Service]:
    """The services kept, in pathway order."""
    return [service for service in pathway.services if service_matches(service, wanted)]


def outside_area(pathway: Pathway, postcode: str) -> bool:
    """True when a district was typed and the pathway lists its districts but not this one."""
    district = postcode_district(postcode)
    districts = {postcode_district(d) for d in pathway.pathway.area.postcode_districts}
    return bool(district and districts and district not in districts)
