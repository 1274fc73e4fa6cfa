"""Small invented Open Referral UK feeds for the import and refresh tests.

Organisations and services are invented; numbers come only from the drama ranges (0121 496 0xxx,
07700 900xxx) and addresses from example.org.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

LARKFIELD = "5d0c3a52-0b3e-4c55-9d1f-000000000001"
ASHGROVE = "5d0c3a52-0b3e-4c55-9d1f-000000000002"
MILLBROOK = "5d0c3a52-0b3e-4c55-9d1f-000000000003"
KESTREL = "5d0c3a52-0b3e-4c55-9d1f-000000000004"
BUMPS = "5d0c3a52-0b3e-4c55-9d1f-000000000005"
OLDMILL = "5d0c3a52-0b3e-4c55-9d1f-000000000006"
CRISIS = "5d0c3a52-0b3e-4c55-9d1f-000000000007"


def term(vocabulary: str, name: str) -> dict[str, Any]:
    return {"id": f"{vocabulary}-{name}", "taxonomy": {"id": name, "name": name, "vocabulary": vocabulary}}


def oruk10_service(sid: str, name: str, **extra: Any) -> dict[str, Any]:
    service: dict[str, Any] = {"id": sid, "name": name, "description": "", "url": "", "email": None,
                               "status": "active", "attending_type": "In person", "pc_ward": None}
    service.update(extra)
    return service


def larkfield10() -> dict[str, Any]:
    """A family support charity with a daytime and an out-of-hours number, HTML in its description."""
    return oruk10_service(
        LARKFIELD, "Larkfield Family Support",
        organization={"id": "org-1", "name": "Larkfield Family Trust"},
        description="<p>Home visits for families with a new baby &amp; drop-ins.</p><ul><li>Tuesdays</li>"
                    "<li>Thursdays</li></ul>",
        url="https://larkfield.example.org/",
        eligibilitys=[{"id": "e1", "eligibility": "Parents of children under 5", "minimum_age": 0,
                       "maximum_age": 5}],
        contacts=[{"id": "c1", "name": "Office", "phones": [{"id": "p1", "number": "0121 496 0101"}]},
                  {"id": "c2", "name": "Out of hours", "phones": [{"id": "p2", "number": "07700 900101"}]}],
        service_taxonomys=[term("pairaid-level-of-need", "targeted"), term("pairaid-need", "social_isolation"),
                           term("esdServiceTypes", "Family support")],
    )


def ashgrove10() -> dict[str, Any]:
    """A peer support group that publishes no ages at all."""
    return oruk10_service(
        ASHGROVE, "Ashgrove Parents' Network",
        organization={"id": "org-2", "name": "Ashgrove Community Association"},
        contacts=[{"id": "c3", "phones": [{"id": "p3", "number": "0121 496 0202"}]}],
        eligibilitys=[],
        service_taxonomys=[term("pairaid-need", "parenting")],
    )


def millbrook10() -> dict[str, Any]:
    """An adult talking therapies service: minimum age 18 describes the parent."""
    return oruk10_service(
        MILLBROOK, "Millbrook Talking Therapies",
        organization={"id": "org-3", "name": "Millbrook Health"},
        eligibilitys=[{"id": "e3", "eligibility": "Adults registered with a local GP", "minimum_age": 18}],
        contacts=[{"id": "c4", "phones": [{"id": "p4", "number": "0121 496 0303"}]}],
        service_taxonomys=[term("pairaid-level-of-need", "targeted"),
                           term("pairaid-need", "parental_mental_health")],
    )


def crisis10() -> dict[str, Any]:
    """A 24-hour line: the urgent route a pathway must have (the checker refuses a pathway without one)."""
    return oruk10_service(
        CRISIS, "Riverside Crisis Line", organization={"id": "org-7", "name": "Riverside Mental Health Trust"},
        contacts=[{"id": "c7", "phones": [{"id": "p7", "number": "0121 496 0911"}]}],
        service_taxonomys=[term("pairaid-level-of-need", "specialist"), term("pairaid-need", "urgent_mental_health")],
    )


def two_page_feed10(folder: Path) -> list[Path]:
    """An ORUK 1.0 feed of two pages (numbered from 1, as most councils' APIs do)."""
    page1 = {"totalElements": 5, "totalPages": 2, "number": 1, "size": 2, "first": True, "last": False,
             "empty": False, "content": [larkfield10(), ashgrove10()]}
    retired = oruk10_service(OLDMILL, "Old Mill Toddler Group", status="defunct",
                             organization={"id": "org-4", "name": "Old Mill Church"})
    page2 = {"totalElements": 5, "totalPages": 2, "number": 2, "size": 3, "first": False, "last": True,
             "empty": False, "content": [millbrook10(), retired, crisis10()]}
    return [write(folder / "page1.json", page1), write(folder / "page2.json", page2)]


def attribute(taxonomy: str, code: str) -> dict[str, Any]:
    return {"id": f"a-{taxonomy}-{code}", "link_type": "service",
            "taxonomy_term": {"id": f"t-{code}", "name": code, "code": code, "taxonomy": taxonomy}}


def kestrel30_item() -> dict[str, Any]:
    return {"id": KESTREL, "name": "Kestrel Outreach", "status": "active",
            "description": "Outreach for people affected by domestic abuse.",
            "organization": {"id": "org-5", "name": "Kestrel Women's Trust", "description": "A charity"}}


def kestrel30_body() -> dict[str, Any]:
    """The /services/{id} body: fuller than the list item, and its name was updated since."""
    return {**kestrel30_item(), "name": "Kestrel Domestic Abuse Outreach", "minimum_age": 16,
            "url": "https://kestrel.example.org/",
            "contacts": [{"id": "k1", "name": "Helpline",
                          "phones": [{"id": "kp1", "number": "0121 496 0404", "description": "Daytime"},
                                     {"id": "kp2", "number": "07700 900404", "description": "Out of hours"}]}],
            "attributes": [attribute("pairaid-level-of-need", "targeted"),
                           attribute("pairaid-need", "domestic_abuse")]}


def bumps30_item() -> dict[str, Any]:
    return {"id": BUMPS, "name": "Bumps and Beyond Antenatal Classes", "status": "active",
            "organization": {"id": "org-6", "name": "Larkfield Family Trust", "description": "A charity"}}


def bumps30_body() -> dict[str, Any]:
    """Published with no ages, and an eligibility description that is about pregnancy only (full HSDS)."""
    return {**bumps30_item(), "eligibility_description": "<p>For expectant mothers from 20 weeks of pregnancy</p>",
            "contacts": [{"id": "b1", "phones": [{"id": "bp1", "number": "0121 496 0505"}]}],
            "attributes": [attribute("pairaid-level-of-need", "universal"),
                           attribute("pairaid-need", "maternity")]}


def list_page30(folder: Path, *items: dict[str, Any], last: bool = True, name: str = "list.json") -> Path:
    return write(folder / name, {"total_items": len(items), "total_pages": 1, "page_number": 1,
                                 "size": len(items), "first_page": True, "last_page": last,
                                 "empty": not items, "contents": list(items)})


def write(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")
    return path
