"""Open Referral UK: pairaid's taxonomies, and export of a pathway as an ORUK 3.0 service page.

ORUK has no level of need, so pairaid carries its own facts as taxonomy terms in `attributes` (3.0) or
`service_taxonomys` (1.0): the level in the `pairaid-level-of-need` taxonomy, and need tags, stage
(`antenatal`, `antenatal-only`), referral routes and the pairaid id in `pairaid-need`, `pairaid-stage`,
`pairaid-referral` and `pairaid-service-id`. Reading a feed is `oruk_feed`; turning it into services is
`oruk_import`; keeping a pathway current from it is `oruk_refresh`.
"""

from __future__ import annotations

import uuid
from typing import Any

from pairaid.core.pathway import Pathway, Service

LEVEL_TAXONOMY = "pairaid-level-of-need"
NEED_TAXONOMY = "pairaid-need"
STAGE_TAXONOMY = "pairaid-stage"
REFERRAL_TAXONOMY = "pairaid-referral"
ID_TAXONOMY = "pairaid-service-id"
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:pairaid:oruk")


# Export --------------------------------------------------------------------------------------------


def _uuid(*parts: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, ":".join(parts)))


_TAXONOMY_ABOUT = {
    LEVEL_TAXONOMY: "pairaid level of need",
    ID_TAXONOMY: "pairaid service id",
    NEED_TAXONOMY: "need this service serves (pairaid)",
    STAGE_TAXONOMY: "stage this service takes (pairaid)",
    REFERRAL_TAXONOMY: "who may refer (pairaid)",
}


def _attribute(pathway_id: str, service_id: str, taxonomy: str, code: str, name: str) -> dict[str, Any]:
    return {
        "id": _uuid(pathway_id, service_id, taxonomy, code),
        "link_type": "service",
        "link_entity": "service",
        "taxonomy_term": {
            "id": _uuid(taxonomy, code),
            "code": code,
            "name": name,
            "description": f"{_TAXONOMY_ABOUT[taxonomy]}: {name}",
            "term": code,
            "taxonomy": taxonomy,
            "taxonomy_detail": {"id": _uuid(taxonomy), "name": taxonomy},
        },
    }


def _service_uuid(pathway: Pathway, service: Service) -> str:
    """The feed's own id when the service came from one (so a council's directory recognises it), else a
    stable id made from the pathway's and the service's ids."""
    if service.oruk_id:
        try:
            return str(uuid.UUID(service.oruk_id))
        except ValueError:
            pass
    return _uuid(pathway.pathway.id, service.id)


def _stages(service: Service) -> list[str]:
    if not service.ages.after_birth:
        return ["antenatal-only"]
    return ["antenatal"] if service.ages.antenatal else []


def _contacts(pid: str, sid: str, service: Service) -> list[dict[str, Any]]:
    contact = service.contact
    numbers = ([(None, contact.phone)] if contact.phone else []) + [(p.label, p.number) for p in contact.phones]
    if not numbers:
        return []
    phones = []
    for i, (label, number) in enumerate(numbers):
        phone = {"id": _uuid(pid, sid, "phone") if i == 0 else _uuid(pid, sid, "phone", str(i)), "number": number}
        if label:
            phone["description"] = label
        phones.append(phone)
    return [{"id": _uuid(pid, sid, "contact"), "phones": phones}]


def export_service(pathway: Pathway, service: Service) -> dict[str, Any]:
    pid, sid = pathway.pathway.id, service.id
    attributes = [
        _attribute(pid, sid, LEVEL_TAXONOMY, service.level, pathway.levels.get(service.level).label),
        _attribute(pid, sid, ID_TAXONOMY, sid, sid),
        *(_attribute(pid, sid, NEED_TAXONOMY, need, need) for need in service.needs),
        *(_attribute(pid, sid, STAGE_TAXONOMY, stage, stage) for stage in _stages(service)),
        *(_attribute(pid, sid, REFERRAL_TAXONOMY, route, route)
          for route, on in (("self", service.referral.self), ("professional", service.referral.professional)) if on),
    ]
    out: dict[str, Any] = {
        "id": _service_uuid(pathway, service),
        "name": service.name,
        "description": service.description,
        "url": service.contact.url,
        "email": service.contact.email,
        "status": "active" if service.status == "active" else "inactive",
        "fees_description": service.cost,
        "minimum_age": service.ages.min_months / 12 if service.ages.after_birth else None,
        "maximum_age": service.ages.max_months / 12
        if service.ages.max_months is not None and service.ages.after_birth else None,
        "assured_date": service.verified.checked.isoformat()
        if service.verified.checked and service.is_verified else None,
        # Full HSDS 3.0 fields the UK profile leaves out, kept so nothing is lost (readers may ignore them).
        "application_process": service.referral.how,
        # ORUK requires an organisation's description; the one fact the pathway holds is what it provides.
        "organization": {"id": _uuid(pid, "organization", service.provider), "name": service.provider,
                         "description": f"Provides services in {pathway.pathway.title}"}
        if service.provider else None,
        "contacts": _contacts(pid, sid, service),
        "languages": [{"id": _uuid(pid, sid, "language", lang), "name": lang} for lang in service.languages],
        "attributes": attributes,
    }
    return {k: v for k, v in out.items() if v is not None}


def export_page(pathway: Pathway) -> dict[str, Any]:
    """The pathway's services as one ORUK 3.0 `/services` page."""
    contents = [export_service(pathway, s) for s in pathway.services]
    return {
        "total_items": len(contents),
        "total_pages": 1,
        "page_number": 1,
        "size": len(contents),
        "first_page": True,
        "last_page": True,
        "empty": not contents,
        "contents": contents,
    }
