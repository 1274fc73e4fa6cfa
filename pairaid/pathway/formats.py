"""Checks of the small formats a pathway file holds: UK phone numbers, web addresses, email addresses.

Each `*_problem` returns None when the text is fine, or the end of a sentence saying what is wrong and
how to write it, for a commissioner editing the file by hand.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# Service numbers that are not 10 or 11 digits: emergency, NHS 111, police 101, power cut 105,
# the 116 xxx helplines (Samaritans 116 123) and Childline's 0800 1111.
_SHORT_NUMBERS = {"999", "112", "111", "101", "105", "119", "08001111"}
_SEPARATORS = re.compile(r"[\s\-().]")
_NOT_PHONE = re.compile(r"[^\d\s\-().+]")
_HELPLINE = re.compile(r"116\d{3}")
_ELEVEN = re.compile(r"0[1235789]\d{9}")
_TEN = re.compile(r"01[02-9][02-9]\d{6}|0800\d{6}")
_WHITESPACE = re.compile(r"\s")
# http(s)://host.tld[:port][/path?query#fragment] with no spaces: the common case, checked without urlsplit.
_URL = re.compile(
    r"^https?://(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}(?::\d{1,5})?(?:[/?#]\S*)?$"
)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
_HOST = re.compile(r"^(?=.{1,253}$)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$")


def phone_digits(text: str) -> str | None:
    """The number as UK national digits (0…), or None when it is not a UK number."""
    raw = text.strip().strip("\"'").strip()
    if not raw or _NOT_PHONE.search(raw):
        return None
    digits = _SEPARATORS.sub("", raw)
    if digits.startswith("+44"):
        digits = "0" + digits[3:].removeprefix("0")
    elif digits.startswith("0044"):
        digits = "0" + digits[4:].removeprefix("0")
    if "+" in digits or not digits.isdigit():
        return None
    if digits in _SHORT_NUMBERS or _HELPLINE.fullmatch(digits):
        return digits
    if _ELEVEN.fullmatch(digits):  # 11 digits: geographic, 03, 05, 07, 08, 09
        return digits
    # The few 10-digit numbers: small exchanges with 5-digit local numbers (never the 011x or 01x1 cities,
    # e.g. 0121 Birmingham, which always have 11 digits) and some 0800 freephone numbers.
    if _TEN.fullmatch(digits):
        return digits
    return None


def format_phone(digits: str) -> str:
    """Conventional spacing: 0121 496 0000, 07700 900000, 0300 100 0212, 0808 800 0028, 01234 234567."""
    if len(digits) != 11:
        return digits if len(digits) != 8 else f"{digits[:4]} {digits[4:]}"
    if digits.startswith(("011", "02")) or digits[:4] in {"0121", "0131", "0141", "0151", "0161", "0191"}:
        if digits.startswith("02"):
            return f"{digits[:3]} {digits[3:7]} {digits[7:]}"
        return f"{digits[:4]} {digits[4:7]} {digits[7:]}"
    if digits.startswith(("03", "08", "09")):
        return f"{digits[:4]} {digits[4:7]} {digits[7:]}"
    return f"{digits[:5]} {digits[5:]}"


def phone_problem(text: str) -> str | None:
    if phone_digits(text) is not None:
        return None
    return (
        f"'{text}' is not a UK phone number; write only the number, with an area code, e.g. 0121 496 0000 or "
        "07700 900000 (or 999, 111 or 116 123 for national lines); put opening hours in `hours`"
    )


def url_problem(text: str) -> str | None:
    if _URL.match(text.strip()):
        return None
    parts = urlsplit(text.strip())  # the rarer forms: user@host, an IP address, an unusual host
    if (
        parts.scheme in ("http", "https")
        and parts.hostname
        and _HOST.match(parts.hostname)
        and not _WHITESPACE.search(text.strip())
    ):
        return None
    return f"'{text}' is not a web address; write it in full, starting https://, e.g. https://www.example.org/"


def email_problem(text: str) -> str | None:
    if _EMAIL.match(text.strip()):
        return None
    return f"'{text}' is not an email address; write it like team@example.org"
