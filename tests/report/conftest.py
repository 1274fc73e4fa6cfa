"""Fixtures for the report tests (data in tests/report/fixtures, helpers in helpers.py)."""

from __future__ import annotations

from typing import Any

import pytest

from pairaid.core.pathway import Pathway
from tests.report.helpers import load_test_pathway, visit_data


@pytest.fixture(scope="session")
def pathway() -> Pathway:
    return load_test_pathway()


@pytest.fixture
def data() -> dict[str, Any]:
    return visit_data()
