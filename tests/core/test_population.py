from __future__ import annotations

from decimal import Decimal

import pytest

from pairaid.core.pathway import Prevalence
from pairaid.core.population import estimate, round_half_up
from pairaid.pathway.check import check_file
from pairaid.resources import default_pathway_path


@pytest.fixture(scope="module")
def prevalence() -> Prevalence:
    checked = check_file(default_pathway_path()).pathway  # module fixture: no cache
    assert checked is not None
    found = checked.prevalence
    assert found is not None
    return found


def test_birmingham_figures_are_reproduced_exactly(prevalence: Prevalence) -> None:
    result = estimate(30672, prevalence)
    assert [r.count for r in result.rows] == [15336, 6134, 3987, 2454, 613, 2147]
    assert result.specialist_pair == 2760
    assert result.seen_by_perinatal_service == 340
    assert result.after_perinatal == 2420 and result.not_seen == 2420
    assert result.total == 30671  # the sum of rounded routes, said so in the rounding rule
    assert result.routes[0].route_id == "universal-only"
    assert result.level_share("specialist") == pytest.approx(0.09)
    assert result.level_count("statutory") == 3987


def test_round_half_up_per_route() -> None:
    assert round_half_up(Decimal("2.5")) == 3  # Python's round() would give 2
    assert round_half_up(Decimal("3.5")) == 4
    assert round_half_up(Decimal("2.4999")) == 2
    prevalence = Prevalence(routes=[{"id": "a", "label": "A", "proportion": 0.5},
                                    {"id": "b", "label": "B", "proportion": 0.5, "specialist_pair": True}])
    result = estimate(5, prevalence)
    assert [r.count for r in result.rows] == [3, 3]  # 2.5 -> 3 on each route
    assert result.total == 6 and result.after_perinatal is None


def test_proportions_are_taken_as_written(prevalence: Prevalence) -> None:
    # 0.13 * 100 is 13.000000000000002 in floating point; as written it is exactly 13
    assert estimate(100, prevalence).rows[2].count == 13


def test_seen_by_perinatal_can_be_given_and_never_goes_negative(prevalence: Prevalence) -> None:
    assert estimate(30672, prevalence, seen_by_perinatal_service=3000).after_perinatal == 0
    assert estimate(0, prevalence).specialist_pair == 0
    with pytest.raises(ValueError):
        estimate(-1, prevalence)


def test_the_estimate_says_children_under_two_and_footnotes_a_year(prevalence: Prevalence) -> None:
    result = estimate(30672, prevalence)
    sentence = result.summary_sentence()
    assert sentence.startswith("Of 30,672 children under two (about two years of births), about 2,760 families")
    assert '"a year" in the needs assessment*' in sentence
    assert "leaving 2,420" in sentence
    assert result.note.startswith("* The needs assessment calls this figure")
    assert "two years of births" in result.note and "roughly half" in result.note
    assert result.model_dump()["basis"] == "children under two (about two years of births)"
