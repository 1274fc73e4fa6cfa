"""Open Referral UK: import services from ORUK 1.0 / 3.0 (or HSDS 3.0) and export an ORUK 3.0 service page.

ORUK has no level of need, so pairaid carries its own facts as taxonomy terms in `attributes` (3.0) or
`service_taxonomys` (1.0): the level in the `pairaid-level-of-need` taxonomy, and need tags, antenatal
eligibility, referral routes and the pairaid id in `pairaid-need`, `pairaid-stage`, `pairaid-referral` and
`pairaid-service-id`. A service imported without a level term is given a placeholder level, status inactive
and verified.status needs_review, so it is never suggested until a person has reviewed it.
Phone numbers are taken only as found in the source (cleaned of stray quote marks); one that is not a UK
number is left out and said so in verified.note. No number is ever made up.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

from pairaid.core import vocab
from pairaid.core.pathway import Pathway, Service
from pairaid.pathway.formats import email_problem, format_phone, phone_digits, url_problem

LEVEL_TAXONOMY = "pairaid-level-of-need"
NEED_TAXONOMY = "pairaid-need"
STAGE_TAXONOMY = "pairaid-stage"
REFERRAL_TAXONOMY = "pairaid-referral"
ID_TAXONOMY = "pairaid-service-id"
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:pairaid:oruk")


class OrukError(ValueError):
    """The file is not an ORUK / HSDS service, service list or page."""


def _text(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def services_of(data: Any) -> tuple[str, list[dict[str, Any]]]:
    """(format name, services) of an ORUK 1.0 page, ORUK 3.0 page, a list, or one service."""
    if isinstance(data, dict) and isinstance(data.get("contents"), list):
        return "ORUK 3.0 service page", [s for s in data["contents"] if isinstance(s, dict)]
    if isinstance(data, dict) and isinstance(data.get("content"), list):
        return "ORUK 1.0 service page", [s for s in data["content"] if isinstance(s, dict)]
    if isinstance(data, list):
        return "service list", [s for s in data if isinstance(s, dict)]
    if isinstance(data, dict) and "id" in data and "name" in data:
        return "single service", [data]
    raise OrukError(
        "this is not an Open Referral UK file: expected a /services page (with `contents` or `content`), "
        "a list of services, or one service with `id` and `name`"
    )


def _terms(service: dict[str, Any]) -> list[tuple[str, str]]:
    """(taxonomy, value) of every taxonomy term, from 3.0 `attributes` and 1.0 `service_taxonomys`."""
    out: list[tuple[str, str]] = []
    for attribute in service.get("attributes") or []:
        term = attribute.get("taxonomy_term") if isinstance(attribute, dict) else None
        if not isinstance(term, dict):
            continue
        raw_detail = term.get("taxonomy_detail")
        detail = raw_detail if isinstance(raw_detail, dict) else {}
        taxonomy = _text(term.get("taxonomy")) or _text(detail.get("name")) or ""
        value = _text(term.get("code")) or _text(term.get("term")) or _text(term.get("name"))
        if value:
            out.append((taxonomy, value))
    for link in service.get("service_taxonomys") or []:
        linked = link.get("taxonomy") if isinstance(link, dict) else None
        if isinstance(linked, dict) and _text(linked.get("name")):
            out.append((_text(linked.get("vocabulary")) or "", linked["name"].strip()))
    return out


def _phones(service: dict[str, Any]) -> list[str]:
    found: list[str] = []
    holders = [service, *(c for c in service.get("contacts") or [] if isinstance(c, dict))]
    for place in service.get("service_at_locations") or []:
        location = place.get("location") if isinstance(place, dict) else None
        if isinstance(location, dict):
            holders.append(location)
    for holder in holders:
        for phone in holder.get("phones") or []:
            number = _text(phone.get("number")) if isinstance(phone, dict) else None
            if number:
                found.append(number)
    return found


def _months(years: Any) -> int | None:
    if isinstance(years, bool) or not isinstance(years, (int, float)) or years < 0:
        return None
    return round(years * 12)


def _ages(service: dict[str, Any], antenatal: bool) -> dict[str, Any]:
    low, high = service.get("minimum_age"), service.get("maximum_age")
    for rule in service.get("eligibilitys") or []:  # ORUK 1.0 keeps ages under eligibility
        if isinstance(rule, dict):
            low = low if low is not None else rule.get("minimum_age")
            high = high if high is not None else rule.get("maximum_age")
    ages: dict[str, Any] = {"antenatal": antenatal, "min_months": _months(low) or 0}
    top = _months(high)
    if top is not None and top >= ages["min_months"]:
        ages["max_months"] = top
    return ages


def _cost(service: dict[str, Any]) -> str | None:
    options = []
    for option in service.get("cost_options") or []:
        if not isinstance(option, dict):
            continue
        parts = [str(option["amount"]) if option.get("amount") is not None else None,
                 _text(option.get("amount_description")), _text(option.get("option"))]
        text = " ".join(p for p in parts[:2] if p)
        if parts[2]:
            text = f"{text} ({parts[2]})" if text else parts[2]
        if text:
            options.append(text)
    return "; ".join(options) or _text(service.get("fees_description")) or _text(service.get("fees"))


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9_-]+", "-", text.lower()).strip("-_")
    return slug or "service"


def import_service(
    service: dict[str, Any], *, source: str, default_level: str = "targeted"
) -> tuple[dict[str, Any], list[str]]:
    """A pathway service (as plain data, ready for YAML) and notes about what needs a person's eye."""
    terms = _terms(service)
    by = lambda taxonomy: [v for t, v in terms if t == taxonomy]  # noqa: E731
    notes: list[str] = []
    oruk_id = str(service.get("id") or "")
    name = _text(service.get("name")) or "(no name in the source)"
    own_id = next(iter(by(ID_TAXONOMY)), None)
    sid = _slug(own_id or oruk_id or name)
    levels = [v for v in by(LEVEL_TAXONOMY) if v in vocab.LEVELS]
    needs = [v for v in by(NEED_TAXONOMY) if v in vocab.SERVICE_NEEDS]
    referral_terms = set(by(REFERRAL_TAXONOMY))
    active = service.get("status") == "active"
    review = not levels
    if review:
        notes.append(f"no {LEVEL_TAXONOMY} term: the level '{default_level}' is a placeholder; set the real level")
    if not needs:
        notes.append("no need tags: add the needs this service serves")
    contact: dict[str, Any] = {}
    for number in _phones(service):
        digits = phone_digits(number)
        if digits:
            contact.setdefault("phone", format_phone(digits))
        else:
            notes.append(f"the phone '{number}' in the source is not a UK number and was left out")
    url = _text(service.get("url"))
    if url and not url_problem(url):
        contact["url"] = url
    elif url:
        notes.append(f"the web address '{url}' in the source is not valid and was left out")
    email = _text(service.get("email"))
    if email and not email_problem(email):
        contact["email"] = email
    out: dict[str, Any] = {
        "id": sid,
        "name": name,
        "provider": _text((service.get("organization") or {}).get("name"))
        if isinstance(service.get("organization"), dict) else None,
        "level": levels[0] if levels else default_level,
        "needs": needs,
        "ages": _ages(service, "antenatal" in by(STAGE_TAXONOMY)),
        "referral": {
            "self": "self" in referral_terms,
            "professional": "professional" in referral_terms or not referral_terms,
            "how": _text(service.get("application_process")),
        },
        "contact": contact,
        "languages": [n for lang in service.get("languages") or [] if isinstance(lang, dict)
                      and (n := _text(lang.get("name")) or _text(lang.get("language")))],
        "cost": _cost(service),
        "description": _text(service.get("description")),
        "status": "active" if active and not review and needs else "inactive",
        "verified": {
            "status": "needs_review" if review or not needs else "unverified",
            "source": f"{source}, service {oruk_id}" if oruk_id else source,
            "note": "; ".join(notes) if notes else None,
        },
    }
    return _drop_empty(out), notes


def _drop_empty(data: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            value = _drop_empty(value)
        if value is None or value == {} or (value == [] and key not in ("needs",)):
            continue
        out[key] = value
    return out


def import_services(data: Any, *, source: str, default_level: str = "targeted") -> tuple[str, list[dict[str, Any]]]:
    """(format, services as plain data) with ids made unique."""
    kind, items = services_of(data)
    seen: set[str] = set()
    services = []
    for item in items:
        service, _ = import_service(item, source=source, default_level=default_level)
        base, n = service["id"], 2
        while service["id"] in seen:
            service["id"] = f"{base}-{n}"
            n += 1
        seen.add(service["id"])
        services.append(service)
    return kind, services


# Export --------------------------------------------------------------------------------------------


def _uuid(*parts: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, ":".join(parts)))


def _attribute(pathway_id: str, service_id: str, taxonomy: str, code: str, name: str) -> dict[str, Any]:
    return {
        "id": _uuid(pathway_id, service_id, taxonomy, code),
        "link_type": "service",
        "link_entity": "service",
        "taxonomy_term": {
            "id": _uuid(taxonomy, code),
            "code": code,
            "name": name,
            "term": code,
            "taxonomy": taxonomy,
            "taxonomy_detail": {"id": _uuid(taxonomy), "name": taxonomy},
        },
    }


def export_service(pathway: Pathway, service: Service) -> dict[str, Any]:
    pid, sid = pathway.pathway.id, service.id
    attributes = [
        _attribute(pid, sid, LEVEL_TAXONOMY, service.level, pathway.levels.get(service.level).label),
        _attribute(pid, sid, ID_TAXONOMY, sid, sid),
        *(_attribute(pid, sid, NEED_TAXONOMY, need, need) for need in service.needs),
        *([_attribute(pid, sid, STAGE_TAXONOMY, "antenatal", "antenatal")] if service.ages.antenatal else []),
        *(_attribute(pid, sid, REFERRAL_TAXONOMY, route, route)
          for route, on in (("self", service.referral.self), ("professional", service.referral.professional)) if on),
    ]
    out: dict[str, Any] = {
        "id": _uuid(pid, sid),
        "name": service.name,
        "description": service.description,
        "url": service.contact.url,
        "email": service.contact.email,
        "status": "active" if service.status == "active" else "inactive",
        "fees_description": service.cost,
        "minimum_age": service.ages.min_months / 12,
        "maximum_age": service.ages.max_months / 12 if service.ages.max_months is not None else None,
        "assured_date": service.verified.checked.isoformat()
        if service.verified.checked and service.is_verified else None,
        # Full HSDS 3.0 fields the UK profile leaves out, kept so nothing is lost (readers may ignore them).
        "application_process": service.referral.how,
        "organization": {"id": _uuid(pid, "organization", service.provider), "name": service.provider}
        if service.provider else None,
        "contacts": [{"id": _uuid(pid, sid, "contact"),
                      "phones": [{"id": _uuid(pid, sid, "phone"), "number": service.contact.phone}]}]
        if service.contact.phone else [],
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
