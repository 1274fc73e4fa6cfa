"""The mood screens' thresholds (NICE CG192 and the EPDS's usual cut-offs) and their results in plain words,
in one place: the mood section, the summary and the default rules all use these numbers (a test keeps the
default rules equal to them)."""

from __future__ import annotations

from typing import Any

GAD2_POSITIVE_AT = 3  # GAD-2 total (0-6) from which anxiety is likely: consider the GAD-7 or a referral
EPDS_POSSIBLE_AT = 10  # EPDS total (0-30) from which depression is possible
EPDS_LIKELY_AT = 13  # EPDS total from which depression is likely


def whooley_result(whooley: Any) -> str:
    """The Whooley questions (raw draft data) in words."""
    if not isinstance(whooley, dict) or not {"low_mood", "little_interest"} <= whooley.keys():
        return "Whooley: not done (answer both questions to record it)."
    if whooley["low_mood"] or whooley["little_interest"]:
        return "Whooley: positive (a yes to either question). Offer a fuller assessment such as the EPDS, or refer."
    return "Whooley: negative (no to both questions)."


def gad2_result(gad2: Any) -> str:
    """The GAD-2 (raw draft data) in words."""
    if not isinstance(gad2, dict) or not {"nervous", "worrying"} <= gad2.keys():
        return "GAD-2: not done (answer both questions to record it)."
    total = int(gad2["nervous"]) + int(gad2["worrying"])
    if total >= GAD2_POSITIVE_AT:
        return f"GAD-2 total {total}: positive ({GAD2_POSITIVE_AT} or more). Consider the GAD-7 or a referral."
    return f"GAD-2 total {total}: negative (below {GAD2_POSITIVE_AT})."


def epds_result(epds: Any) -> str:
    """The EPDS scores (raw draft data) in words."""
    if not isinstance(epds, dict) or "total" not in epds or "self_harm_item" not in epds:
        return "EPDS: not done (enter the total and the self-harm item score)."
    total, item = int(epds["total"]), int(epds["self_harm_item"])
    if total >= EPDS_LIKELY_AT:
        text = f"EPDS total {total}: suggests depression ({EPDS_LIKELY_AT} or more)."
    elif total >= EPDS_POSSIBLE_AT:
        text = f"EPDS total {total}: possible depression ({EPDS_POSSIBLE_AT} to {EPDS_LIKELY_AT - 1})."
    else:
        text = f"EPDS total {total}: below {EPDS_POSSIBLE_AT}."
    if item > 0:
        text += f" Self-harm item {item}: needs a same-day assessment."
    return text
