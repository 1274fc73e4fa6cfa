"""The one parser of typed dates: UK order first, ISO accepted, anything else refused."""

from __future__ import annotations

import datetime as dt

import pytest

from pairaid.core.dates import iso_to_date, parse_date, show_date


@pytest.mark.parametrize("typed", ["20/11/2026", " 20-11-2026 ", "20.11.2026", "2026-11-20", "20 11 2026"])
def test_a_typed_date_is_read_in_uk_order(typed: str) -> None:
    assert parse_date(typed) == dt.date(2026, 11, 20)


@pytest.mark.parametrize("typed", ["", "11/20/2026", "31/02/2026", "20/11", "tomorrow"])
def test_anything_else_is_not_a_date(typed: str) -> None:
    assert parse_date(typed) is None


def test_stored_dates_are_shown_in_uk_order_and_other_text_as_it_is() -> None:
    assert show_date("2026-11-20") == "20/11/2026" and show_date(None) == "" and show_date("soon") == "soon"
    assert iso_to_date("2026-11-20T10:00") is None and iso_to_date(dt.date(2026, 1, 2)) == dt.date(2026, 1, 2)
