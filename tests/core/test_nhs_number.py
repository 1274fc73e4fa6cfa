"""NHS number check digit (engineering.md vectors)."""

from __future__ import annotations

import pytest

from pairaid.core.nhs_number import format_nhs_number, is_valid_nhs_number, nhs_number_problem


@pytest.mark.parametrize("number", ["943 476 5919", "9434765919", "943-476-5919", "401 023 2137", "900 000 0009"])
def test_valid(number: str) -> None:
    assert is_valid_nhs_number(number)


@pytest.mark.parametrize(
    ("number", "why"),
    [
        ("999 123 4560", "check digit"),
        ("943 476 591", "exactly 10 digits"),
        ("943 476 59190", "exactly 10 digits"),
        ("943a476591", "exactly 10 digits"),
        ("0000000000", "identical"),
        ("1111111111", "identical"),
        ("١٢٣٤٥٦٧٨٩٠", "exactly 10 digits"),  # Arabic-Indic digits are not accepted silently
        ("", "exactly 10 digits"),
    ],
)
def test_invalid(number: str, why: str) -> None:
    problem = nhs_number_problem(number)
    assert problem is not None and why in problem


def test_check_value_of_ten_is_invalid() -> None:
    # weights 10..2 over 000000001 give 2; 11 - 2 = 9 ... find a number whose check would be 10
    digits = "000000006"  # 6*2 = 12 -> 12 % 11 = 1 -> 11 - 1 = 10
    assert not any(is_valid_nhs_number(digits + str(d)) for d in range(10))


def test_check_value_of_eleven_is_zero() -> None:
    # 000000011: 1*3 + 1*2 = 5 ... choose digits summing to a multiple of 11: 0000000 5 3 -> 5*3 + 3*2 = 21, no.
    # 0000000 1 4: 1*3 + 4*2 = 11 -> check 11 -> 0
    assert is_valid_nhs_number("0000000140")


def test_format() -> None:
    assert format_nhs_number("9434765919") == "943 476 5919"
