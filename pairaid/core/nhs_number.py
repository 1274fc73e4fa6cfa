"""NHS number: the modulus 11 check-digit rule."""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[\s-]")


def normalise_nhs_number(text: str) -> str:
    """Digits only: spaces and hyphens removed."""
    return _SEPARATORS.sub("", text)


def nhs_number_problem(text: str) -> str | None:
    """Why `text` is not a valid NHS number, or None when it is."""
    digits = normalise_nhs_number(text)
    if not digits.isascii() or not digits.isdigit() or len(digits) != 10:
        return "an NHS number has exactly 10 digits (spaces and hyphens are fine)"
    if len(set(digits)) == 1:
        return "ten identical digits is not an NHS number"
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    if check == 10 or check != int(digits[9]):
        return "the check digit does not match: please check the number against the red book or the record"
    return None


def is_valid_nhs_number(text: str) -> bool:
    """True when `text` passes the NHS number check."""
    return nhs_number_problem(text) is None


def format_nhs_number(text: str) -> str:
    """Show a valid number as 3 3 4 digits ("943 476 5919")."""
    digits = normalise_nhs_number(text)
    if len(digits) != 10:
        return text
    return f"{digits[:3]} {digits[3:6]} {digits[6:]}"
