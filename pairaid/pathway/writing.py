"""Write a pathway file (plain data) as commented, hand-editable YAML."""

from __future__ import annotations

import textwrap
from typing import Any

import yaml


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=110, default_flow_style=False)


def pathway_yaml(header: list[str], data: dict[str, Any], services: list[dict[str, Any]]) -> str:
    """`header` lines become comments at the top; each service needing review gets a comment above it."""
    out = [f"# {line}".rstrip() for line in header]
    out.append("")
    top = {k: v for k, v in data.items() if k != "services"}
    out.append(_dump(top).rstrip())
    out.append("")
    out.append("services:")
    for service in services:
        verified = service.get("verified") or {}
        review = service.get("review") if isinstance(service.get("review"), dict) else None
        if review or verified.get("status") == "needs_review":
            note = verified.get("note") or "check this service"
            if review:
                note = "see `review` below, then delete it"
            for line in textwrap.wrap(f"NEEDS REVIEW: {note}", width=100):
                out.append(f"  # {line}")
        out.append(textwrap.indent(_dump([service]).rstrip(), "  "))
        out.append("")
    return "\n".join(out).rstrip() + "\n"
