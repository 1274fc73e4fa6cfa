"""The live panel shows what assess_with_pathway says for the same data, at once, in plain English."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from pairaid.core.assess import assess_with_pathway
from pairaid.core.framework import load_framework
from pairaid.core.outcome import Outcome, Reason, ServiceSuggestion
from pairaid.ui.level_names import level_name
from pairaid.ui.live_panel import LivePanel
from tests.ui.walkthrough_support import complete_draft, make_session

DRAFTS = {
    "universal": complete_draft(observations={d: {"rating": "no_concern"} for d in
                                              ("warmth", "responding", "handling")}),
    "targeted-provisional": complete_draft(mood={"whooley": {"low_mood": True, "little_interest": False}}),
    "specialist-urgent": complete_draft(mood={"epds": {"total": 15, "self_harm_item": 1}},
                                        needs={"housing": {"status": "current"}}),
    "statutory": complete_draft(safeguarding={"indicators": ["disclosure_of_harm"]},
                                observations={"frightening": {"rating": "significant_concern"}}),
}


@pytest.fixture
def session():
    return make_session()


@pytest.fixture
def panel(qtbot, session):
    widget = LivePanel(session, load_framework())
    qtbot.addWidget(widget)
    widget.resize(400, 700)
    widget.show()
    return widget


@pytest.mark.parametrize("name", DRAFTS)
def test_panel_equals_assess_with_pathway(panel, session, name) -> None:
    session.load(DRAFTS[name])
    expected = assess_with_pathway(session.assessment(), session.pathway, strict=False)
    assert panel.outcome() == expected
    text = panel.text()
    level = session.pathway.levels.get(expected.final_level)
    if expected.provisional and expected.coverage == 0:
        assert panel.level.text() == "Not enough observed yet"
    else:
        assert level.label in panel.level.text()
        assert level.label in panel.level.accessibleName()
    for reason in expected.reasons:
        assert reason.text in text
    for prompt in expected.prompts:
        assert prompt in text
    for suggestion in expected.services:
        assert session.pathway.service(suggestion.id).name in text
        for why in suggestion.brief:  # the reasons for the level are above; each service says what it is for
            assert why in text
        repeated = [why for why in suggestion.why if why not in suggestion.brief]
        assert not any(why in text for why in repeated)
    assert ("Urgent" in text) == expected.urgent
    assert ("Provisional" in text) == expected.provisional
    assert ("urgent" in panel.level.accessibleName()) == expected.urgent


def test_panel_updates_on_each_change_without_waiting(panel, session) -> None:
    session.load(complete_draft())
    assert panel.outcome().level == "universal"
    session.set_value("observations.warmth.rating", "significant_concern")
    assert panel.outcome().level == "specialist"  # no event loop turn in between
    assert "Specialist" in panel.level.text()


def test_missing_required_fields_are_named(panel, session) -> None:
    assert panel.outcome() is None
    text = panel.text()
    for words in ("date of the visit", "type of contact", "date of birth, or the due date"):
        assert words in text
    assert "not yet" in panel.level.accessibleName()
    session.set_value("contact.date", "2026-11-20")
    assert "date of the visit" not in panel.text()
    session.set_value("contact.type", "antenatal")
    session.set_value("family.baby.due_date", "2027-01-10")
    assert panel.outcome() is not None
    session.set_value("contact.date", "2026-12-20")  # in the future: not right yet
    assert panel.outcome() is None
    assert "date of the visit" in panel.text()


def test_unverified_services_say_check_before_referring(panel, session) -> None:
    outcome = Outcome(
        level="specialist", levels=["universal", "specialist"], urgent=False, provisional=False,
        final_level="specialist",
        reasons=[Reason(rule="single_significant", level="specialist", text="One area was a significant concern.")],
        services=[ServiceSuggestion(id="calm-minds", level="specialist", why=["Serves the relationship."],
                                    verified=False),
                  ServiceSuggestion(id="bright-start", level="universal", why=["For every family."])],
    )
    panel.show_outcome(outcome)
    text = panel.text()
    assert "Calm Minds Perinatal" in text and "Bright Start Baby Group" in text
    assert text.count("Check before referring") == 1
    assert text.index("Calm Minds") < text.index("Check before referring") < text.index("Bright Start")


def test_user_text_is_escaped(panel, session) -> None:
    outcome = Outcome(level="universal", levels=["universal"], urgent=False, provisional=False,
                      final_level="universal",
                      reasons=[Reason(rule="universal", level="universal", text="a <b>bold</b> & plain")])
    panel.show_outcome(outcome)
    assert "a <b>bold</b> & plain" in panel.text()


def test_notes_name_fields_in_screen_words(panel, session) -> None:
    session.load(complete_draft(observations={"warmth": {"rating": "significant_concern"}},
                                decision={"override_level": "universal"}))
    text = panel.text()
    assert "needs a written reason" in text
    assert "decision.override_reason" not in text
    assert "the reason box (Decision)" in text


def test_a_level_name_never_repeats_its_label(panel, session) -> None:
    session.load(DRAFTS["universal"])
    assert panel.level.text() == "Universal (Right Help, Right Time)"
    for level in ("universal", "targeted", "specialist", "statutory"):
        label = session.pathway.levels.get(level).label
        assert level_name(session.pathway, level).count(label) == 1


def test_after_an_override_suggested_and_final_are_shown_apart(panel, session) -> None:
    session.load(complete_draft(observations={"warmth": {"rating": "significant_concern"},
                                              "responding": {"rating": "no_concern"},
                                              "handling": {"rating": "no_concern"}}))
    assert panel.caption.text() == "Suggested level"
    assert panel.suggested_note.isHidden()
    session.set_values({"decision.override_level": "targeted",
                        "decision.override_reason": "Seen twice this month with the same worry settled now."})
    assert panel.outcome().override is not None
    assert panel.caption.text() == "Final level (changed by you)"
    assert panel.level.text().startswith("Targeted")
    assert not panel.suggested_note.isHidden()
    assert panel.suggested_note.text().startswith("Suggested level: Specialist")
    assert "Specialist" not in panel.level.text()
    assert "suggested level: Specialist" in panel.level.accessibleName()
    session.undo_stack.undo()
    assert panel.caption.text() == "Suggested level" and panel.suggested_note.isHidden()


def test_nothing_observed_reads_not_enough_observed_yet(panel, session) -> None:
    session.load(complete_draft())
    outcome = panel.outcome()
    assert outcome.provisional and outcome.coverage == 0
    assert panel.level.text() == "Not enough observed yet"
    assert panel.provisional_note.text() == f"Provisional: 0 of {outcome.applicable_domains} areas observed"
    assert "Not enough observed yet" in panel.level.accessibleName()


def test_a_provisional_level_is_never_shown_bare(panel, session) -> None:
    session.load(complete_draft(observations={"warmth": {"rating": "no_concern"}},
                                mood={"whooley": {"low_mood": True, "little_interest": False}}))
    outcome = panel.outcome()
    assert outcome.provisional and outcome.coverage == 1
    assert panel.level.text().startswith("Targeted")
    note = f"Provisional: 1 of {outcome.applicable_domains} areas observed"
    assert not panel.provisional_note.isHidden() and panel.provisional_note.text() == note
    assert note in panel.level.accessibleName()
    session.set_value("observations.responding.rating", "no_concern")
    session.set_value("observations.handling.rating", "no_concern")
    assert not panel.outcome().provisional
    assert panel.provisional_note.isHidden()
