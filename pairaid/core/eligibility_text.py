"""Who a service is for, in words a practitioner reads on the map of services and the command line."""

from __future__ import annotations

from pairaid.core.framework import load_framework
from pairaid.core.pathway import Service

_CLIENTS = {
    "baby": "For the baby.",
    "any_parent": "For either parent.",
    "birthing_parent": "For the parent who gave birth or is pregnant.",
}


def eligibility_text(service: Service) -> str | None:
    """E.g. "For the parent who gave birth or is pregnant. Only when young parent is current."; None when the
    service is for any family with no need required."""
    parts: list[str] = []
    client = _CLIENTS.get(service.eligibility.client)
    if client:
        parts.append(client)
    required = service.eligibility.requires_needs
    if required:
        framework = load_framework()
        names = [framework.label("needs", need).lower() for need in required]
        listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        verb = "is" if len(names) == 1 else "are"
        parts.append(f"Only when {listed} {verb} current.")
    return " ".join(parts) or None
