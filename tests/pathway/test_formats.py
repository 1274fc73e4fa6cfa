from __future__ import annotations

import pytest

from pairaid.core.pathway import postcode_district
from pairaid.pathway.formats import email_problem, format_phone, phone_digits, url_problem


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("0121 496 0000", "01214960000"),
        ("07700 900123", "07700900123"),
        ("+44 (0)121 496 0999", "01214960999"),
        ('"+44 1234 234567"', "01234234567"),  # the HSDS example's stray quote marks
        ("0300 100 0212", "03001000212"),
        ("999", "999"),
        ("116 123", "116123"),
        ("0121 496 000", None),  # Birmingham numbers have 11 digits
        ("12345", None),
        ("call 0121 496 0000", None),
        ("+1 212 555 0100", None),
    ],
)
def test_uk_phone_numbers(text: str, digits: str | None) -> None:
    assert phone_digits(text) == digits


def test_phone_spacing() -> None:
    assert format_phone("01214960000") == "0121 496 0000"
    assert format_phone("07700900123") == "07700 900123"
    assert format_phone("01234234567") == "01234 234567"


def test_urls_and_emails() -> None:
    assert url_problem("https://example.org/a?b=c") is None
    assert url_problem("example.org") is not None
    assert url_problem("https://exa mple.org/") is not None
    assert email_problem("team@example.org") is None
    assert email_problem("team.example.org") is not None


@pytest.mark.parametrize(
    ("text", "district"),
    [("b15 2tt", "B15"), ("B152TT", "B15"), (" B15 ", "B15"), ("b1 1aa", "B1"), ("SW1A 1AA", "SW1A"),
     ("B15", "B15"), ("nowhere", None), ("", None), (None, None)],
)
def test_postcode_districts(text: str | None, district: str | None) -> None:
    assert postcode_district(text) == district
