"""Small pieces of wording shared by the three summary copies: dates, levels, "not recorded" lines."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from pairaid.core.pathway import Pathway, Service

NOT_RECORDED = "Not recorded"
CHECK_BEFORE_REFERRING = "check before referring"


def long_date(day: dt.date | None) -> str:
    return f"{day.day} {day:%B %Y}" if day else NOT_RECORDED


def yes_no(value: bool) -> str:
    return "Yes" if value else "No"


def weeks(n: int) -> str:
    return f"{n} week" if n == 1 else f"{n} weeks"


def gestation_weeks(due: dt.date, on: dt.date) -> int:
    """Completed weeks of pregnancy on `on`, counting 40 weeks to the due date."""
    return (280 - (due - on).days) // 7


def level_name(pathway: Pathway, level: str) -> str:
    """The pathway's label with its local name once: "Targeted — Additional to Complex (Right Help, Right
    Time)"; a local name that already holds the label is used alone ("Universal (Right Help, Right Time)")."""
    info = pathway.levels.get(level)
    local = (info.local_name or "").strip()
    if not local or local.casefold() == info.label.casefold():
        return info.label
    if info.label.casefold() in local.casefold():
        return local
    return f"{info.label} — {local}"


def not_recorded_line(what: str, missing: Iterable[str]) -> str | None:
    """One line for a section's gaps ("Not recorded: GP practice, postcode"), or None when nothing is missing."""
    items = list(missing)
    return f"{what}: {', '.join(items)}." if items else None


def outside_area(pathway: Pathway, postcode: str | None) -> bool:
    """The family's postcode district is outside the pathway's area, or split with a neighbour (check which)."""
    from pairaid.core.front_door import family_place

    return family_place(pathway, postcode).place in ("outside", "shared")


def contact_text(service: Service) -> str | None:
    c = service.contact
    parts = [t for t in (*c.numbers(), c.email, c.url, c.hours) if t]
    return "; ".join(parts) if parts else None


def sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".!?" else f"{text}."
