"""Properties of the rules over generated records (hypothesis): the level is always the highest matched rule's
level, and the flags never contradict it."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from pairaid.core import vocab
from pairaid.core.default_rules import default_rules
from pairaid.core.engine import evaluate
from tests.core.builders import build, visit

RATING = st.sampled_from(vocab.RATINGS)
FRIGHT = st.sampled_from(("no_concern", "some_concern", "significant_concern", "not_observed"))

# Dates of birth across every stage and age boundary on the 2026-11-20 visit, with and without prematurity.
BIRTHS = st.sampled_from(["2026-11-10", "2026-10-01", "2026-05-21", "2026-05-20", "2026-02-21", "2026-02-20",
                          "2025-11-21", "2025-11-20", "2025-09-12", "2024-11-21", "2024-05-20"])


@st.composite
def records(draw: st.DrawFn) -> dict[str, Any]:
    observations: dict[str, Any] = {}
    for domain in draw(st.lists(st.sampled_from(vocab.DOMAINS), unique=True)):
        rating = draw(FRIGHT if domain == vocab.FRIGHTENING else RATING)
        observations[domain] = {"rating": rating}
    mood: dict[str, Any] = {"subject": draw(st.sampled_from(vocab.MOOD_SUBJECTS))}
    if draw(st.booleans()):
        mood["whooley"] = {"low_mood": draw(st.booleans()), "little_interest": draw(st.booleans())}
    if draw(st.booleans()):
        mood["gad2"] = {"nervous": draw(st.integers(0, 3)), "worrying": draw(st.integers(0, 3))}
    if draw(st.booleans()):
        total = draw(st.integers(0, 30))
        mood["epds"] = {"total": total, "self_harm_item": draw(st.integers(0, min(3, total)))}
    needs: dict[str, Any] = {
        need: {"status": draw(st.sampled_from(vocab.NEED_STATUSES))}
        for need in draw(st.lists(st.sampled_from(vocab.NEEDS), unique=True))
    }
    if draw(st.booleans()):
        needs["social_care_status"] = {"status": draw(st.sampled_from(vocab.SOCIAL_CARE_STATUSES))}
    baby: dict[str, Any] = {"date_of_birth": draw(BIRTHS)}
    gestation = draw(st.one_of(st.none(), st.integers(22, 44)))
    if gestation is not None:
        baby["gestation_weeks"] = gestation
    antenatal = draw(st.booleans()) and draw(st.booleans())
    contact = {"date": "2026-11-20", "type": "antenatal" if antenatal else "additional"}
    if antenatal:
        baby = {"due_date": "2027-01-10"}
    return visit(
        contact=contact,
        family={"baby": baby},
        observations=observations,
        mood=mood,
        needs=needs,
        parent_voice={"wants_help": draw(st.sampled_from(vocab.WANTS_HELP))},
        safeguarding={"indicators": draw(st.lists(st.sampled_from(vocab.SAFEGUARDING_INDICATORS), max_size=2,
                                                  unique=True))},
    )


@settings(max_examples=300, deadline=None)
@given(records())
def test_level_is_the_highest_matched_rule_level(data: dict[str, Any]) -> None:
    outcome = evaluate(build(data), default_rules())
    matched = [vocab.LEVEL_RANK[r.level] for r in outcome.reasons]
    assert vocab.LEVEL_RANK[outcome.level] == max(matched)
    assert outcome.levels == [lvl for lvl in vocab.LEVELS if lvl in {r.level for r in outcome.reasons}]
    assert outcome.final_level == outcome.level  # no override in these records
    assert "universal" in {r.rule for r in outcome.reasons}
    # Flags agree with the level: safeguarding is statutory, urgent is specialist or above, provisional only
    # below specialist, "nothing observed" only when provisional with nothing observed.
    if outcome.safeguarding:
        assert outcome.level == "statutory"
    if outcome.urgent:
        assert vocab.LEVEL_RANK[outcome.level] >= vocab.LEVEL_RANK["specialist"]
    if outcome.provisional:
        assert outcome.level in ("universal", "targeted")
    assert outcome.nothing_observed == (outcome.provisional and outcome.coverage == 0)
    assert 0 <= outcome.coverage <= outcome.applicable_domains
