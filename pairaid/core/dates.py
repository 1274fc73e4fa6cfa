"""Dates as practitioners type and read them: day/month/year (UK order), stored as ISO 8601. The one parser of
typed dates, for the visit's fields and home's search alike."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

DATE_HINT = "day/month/year, for example 20/11/2026"

_DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d", "%d %m %Y")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_date(text: str) -> dt.date | None:
    """A date typed as 20/11/2026 (UK order), 20-11-2026, 20.11.2026 or 2026-11-20; None when not a date."""
    text = text.strip()
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def iso_to_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _ISO.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def show_date(value: Any) -> str:
    """How a stored date is shown in a field (UK order); text that is not a date is shown as it is."""
    date = iso_to_date(value)
    return date.strftime("%d/%m/%Y") if date else ("" if value is None else str(value))
