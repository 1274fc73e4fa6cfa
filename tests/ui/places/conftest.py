"""Fixtures of the places' tests: a pathway with known synthetic services on top of Birmingham's rules."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from pairaid.core.pathway import Pathway, Service
from pairaid.pathway.loading import load_pathway
from pairaid.resources import default_pathway_path


def _service(**fields: object) -> Service:
    base: dict[str, object] = {"needs": ["parenting"], "referral": {"self": False, "professional": True}}
    base.update(fields)
    return Service.model_validate(base)


SERVICES = [
    _service(
        id="sunrise-feeding", name="Sunrise Feeding Café", level="universal", needs=["infant_feeding"],
        ages={"antenatal": True, "min_months": 0, "max_months": 12}, referral={"self": True,
        "professional": True, "how": "Drop in on Tuesdays."}, contact={"phone": "0121 496 0123"},
        verified={"status": "verified", "source": "https://example.org/sunrise", "checked": "2026-11-26"},
        languages=["English", "Urdu", "Polish"], cost="free",
    ),
    _service(
        id="toddler-talk", name="Toddler Talk", provider="Example Speech Team", level="targeted",
        needs=["child_send"], ages={"antenatal": False, "min_months": 12, "max_months": 30},
        areas=["B15", "B16"], contact={"phone": "0121 496 0456"},
        verified={"status": "unverified", "source": "A 2019 leaflet"},
    ),
    _service(
        id="calm-minds", name="Calm Minds Perinatal", level="specialist",
        needs=["perinatal_mental_health", "parent_infant_relationship"],
        ages={"antenatal": True, "min_months": 0, "max_months": 24},
        contact={"email": "calm@example.org"},
        verified={"status": "verified", "source": "https://example.org/calm", "checked": "2026-10-01"},
    ),
    _service(
        id="front-door", name="Example Front Door", level="statutory", needs=["safeguarding"],
        ages={"antenatal": True, "min_months": 0}, referral={"self": True, "professional": True},
        contact={"phone": "0121 496 0999"}, verified={"status": "verified", "checked": "2026-11-26"},
    ),
    _service(
        id="old-group", name="Old Baby Group", level="universal", status="inactive",
        ages={"antenatal": False, "min_months": 0, "max_months": 12},
    ),
]


@pytest.fixture(scope="session")
def birmingham() -> Pathway:
    return load_pathway(default_pathway_path())


@pytest.fixture
def pathway(birmingham: Pathway) -> Pathway:
    """Birmingham's rules and area with the synthetic services above (known, so filters can be checked)."""
    area = birmingham.pathway.area.model_copy(update={"postcode_districts": ["B15", "B16", "B1"]})
    info = birmingham.pathway.model_copy(update={"area": area})
    return birmingham.model_copy(update={"services": list(SERVICES), "pathway": info})
