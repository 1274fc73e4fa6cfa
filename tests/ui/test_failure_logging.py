"""Handled failures are logged without their message, which may hold a family's details."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest

from pairaid.ui.crash import log_failure

ROOT = Path(__file__).resolve().parents[2]


def test_a_logged_failure_names_its_type_and_place_but_not_its_message(caplog: pytest.LogCaptureFixture) -> None:
    def refuse(name: str) -> None:
        raise ValueError(f"input_value='{name}' is not a valid NHS number 943 476 5919")

    try:
        refuse("Zoë Brontë")
    except ValueError as exc:
        with caplog.at_level(logging.ERROR):
            log_failure(logging.getLogger("pairaid.test"), "checking the draft failed", exc)
    text = caplog.text
    assert "checking the draft failed" in text and "builtins.ValueError" in text and "in refuse" in text
    assert "Zoë" not in text and "943" not in text and "input_value" not in text


def test_no_module_logs_an_exception_with_its_message() -> None:
    """`log.exception` writes the exception's message (and a validation error's input values) to the log."""
    for file in (ROOT / "pairaid").rglob("*.py"):
        text = file.read_text(encoding="utf-8")
        assert not re.search(r"\.exception\(", text), file  # log.exception, logging.exception, _log.exception
        assert "exc_info=True" not in text and "stack_info=True" not in text, file
        # an exception passed as a value to a log call prints its message
        assert not re.search(r"\blog\w*\.(debug|info|warning|error|critical)\([^)]*\bexc\b(?!\))", text), file
