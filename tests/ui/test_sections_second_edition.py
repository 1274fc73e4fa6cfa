"""The record's second-edition fields on screen, each shown and edited from the keyboard alone: gestation and
both ages, others living in the home, need status "No", whose mood, what was done today and why a provisional
level stands; the areas observed follow the (corrected) age; each new rule's prompt reaches the live panel."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt

from pairaid.core import vocab
from pairaid.ui.walkthrough import WalkthroughView
from tests.ui.keyboard import choose_radio, focused, press, tab_to, type_text
from tests.ui.test_accessibility import assert_accessible
from tests.ui.walkthrough_support import Clock, complete_draft, make_session, shown_walkthrough

PRETERM = {"contact": {"date": "2026-11-20", "type": "additional"},
           "family": {"baby": {"date_of_birth": "2026-07-20"}}}


@pytest.fixture
def session():
    s = make_session(Clock())
    s.load(complete_draft())
    return s


@pytest.fixture
def view(qtbot, session):
    return shown_walkthrough(qtbot, session)


def start_on(view: WalkthroughView, section: str) -> None:
    """Focus the section's first input, as Ctrl+] does."""
    view.go_to(section)
    first = view.page(section).first_input()
    first.setFocus(Qt.FocusReason.TabFocusReason)


def test_gestation_gives_both_ages_and_the_areas_for_the_corrected_age(view, session) -> None:
    session.load(PRETERM)
    start_on(view, "family")
    family = view.page("family")
    assert "4 months old on the visit date" in family.stage_label.text()
    choose_radio("Born before 37 weeks of pregnancy", "Yes")
    tab_to("Gestation at birth (completed weeks)")
    for _ in range(32 - 21):
        press(Qt.Key.Key_Up)  # from "Not recorded" (21) up to 32 weeks
    assert session.value("family.baby.gestation_weeks") == 32
    assert "4 months, corrected 2 months old on the visit date" in family.stage_label.text()
    assert session.assessment().corrected_age_months == 2
    observations = view.page("observations")
    assert "corrected 2 months" in observations.stage_label.text()
    assert set(observations.visible_domains()) == set(session.assessment().applicable_domains())


@pytest.mark.parametrize(("born", "gestation", "shown", "hidden"), [
    ("2026-01-15", None, {"baby_comfort_seeking"}, {"exploration_support", "limits_and_guidance"}),  # 10 months
    ("2026-01-15", 28, set(), {"baby_comfort_seeking", "exploration_support"}),  # corrected 7 months
    ("2025-10-01", None, {"baby_comfort_seeking", "exploration_support", "limits_and_guidance"}, set()),
])
def test_observation_areas_follow_the_age_in_months(view, session, born, gestation, shown, hidden) -> None:
    data = complete_draft()
    data["contact"]["type"] = "additional"
    data["family"]["baby"] = {"date_of_birth": born, "gestation_weeks": gestation,
                              "born_before_37_weeks": None if gestation is None else gestation < 37}
    session.load(data)
    visible = set(view.page("observations").visible_domains())
    assert shown <= visible and not hidden & visible
    assert visible == set(session.assessment().applicable_domains())
    assert "feeding_together" in visible


def test_a_gestation_that_contradicts_the_preterm_answer_is_shown_beside_it_and_the_level_stays(
        view, session) -> None:
    session.load(PRETERM | {"family": {"baby": {"date_of_birth": "2026-07-20", "born_before_37_weeks": False,
                                                "gestation_weeks": 33}}})
    family = view.page("family")
    assert "gestation_weeks" in family.gestation.problem.text()
    assert "born_before_37_weeks" in family.gestation.problem.text()
    assert session.outcome() is not None  # the date of birth still counts; only the gestation is set aside


def test_others_living_in_the_home_are_added_from_the_keyboard(view, session) -> None:
    start_on(view, "family")
    tab_to("Add a household member")
    press(Qt.Key.Key_Space)
    assert focused().accessibleName() == "Household member 1: name"
    type_text("Şükrü Öztürk")
    tab_to("Household member 1: relationship to the baby")
    type_text("grandfather")
    tab_to("Household member 1: age")
    type_text("67 years")
    assert session.value("family.household") == [
        {"name": "Şükrü Öztürk", "relationship": "grandfather", "age": "67 years"}]
    assert session.assessment().family.household[0].relationship == "grandfather"
    tab_to("Remove household member 1")
    press(Qt.Key.Key_Space)
    assert not session.value("family.household")
    assert focused().accessibleName() == "Add a household member"


def test_need_status_no_is_offered_and_chosen_from_the_keyboard(view, session) -> None:
    start_on(view, "needs")
    needs = view.page("needs")
    labels = [text for _, text in needs.status["housing"].options]
    assert "No (asked, not so)" in labels
    tab_to(needs.status["housing"].editor.accessibleName())
    while session.value("needs.housing.status") != "no":
        press(Qt.Key.Key_Down)
    assert session.assessment().needs.status("housing") == "no"
    assert needs.notes["housing"].row.isHidden()  # nothing to note about a need that is not so


def test_whose_mood_is_chosen_with_the_arrows_and_old_words_show_as_the_parent_they_mean(view, session) -> None:
    mood = view.page("mood")
    assert mood.subject.buttons[0].isChecked()  # the record's default, on screen
    start_on(view, "mood")
    choose_radio("Whose mood do these screens describe", "The other parent (father, partner or co-parent)")
    assert session.value("mood.subject") == "other_parent"
    assert session.assessment().mood.subject == "other_parent"
    session.load(complete_draft(mood={"subject": "Dad"}))
    assert mood.subject.buttons[1].isChecked()
    session.load(complete_draft(mood={"subject": "aunt"}))
    assert not any(b.isChecked() for b in mood.subject.buttons)
    assert "birthing_parent" in mood.subject.problem.text()


def test_what_was_done_and_why_a_provisional_level_stands_are_written_on_the_decision(view, session) -> None:
    decision = view.page("decision")
    assert session.outcome().provisional
    assert decision.provisional_reason.label.text().endswith("(needed to finalise)")
    assert not decision.action_taken.label.text().endswith("(needed to finalise)")
    start_on(view, "decision")
    tab_to("Why this provisional level can be relied on now (needed to finalise)")
    type_text("ok")
    assert "too short" in decision.provisional_reason.problem.text()
    type_text(" — seen at clinic twice this month, settled and feeding well with mum.")
    assert not decision.provisional_reason.problem.text()
    tab_to("What you did today")
    type_text("Phoned the GP at 14:10; same-day review booked.")
    assert session.value("decision.action_taken") == "Phoned the GP at 14:10; same-day review booked."
    assert session.value("decision.provisional_reason").startswith("ok — seen at clinic")
    session.set_value("safeguarding.indicators", ["disclosure_of_harm"])
    assert decision.action_taken.label.text() == "What you did today (needed to finalise)"


@pytest.mark.parametrize(("extra", "rule"), [
    ({"needs": {"social_care_status": {"status": "child_in_need"}}}, "social_care_open"),
    ({"needs": {"previous_child_removed": {"status": "past"}}}, "previous_child_removed"),
    ({"needs": {"domestic_abuse": {"status": "current"}}}, "domestic_abuse_current"),
    ({"needs": {"social_care_status": {"status": "early_help"}}}, "early_help_open"),
    ({"needs": {"parental_mental_health": {"status": "current"}, "substance_misuse": {"status": "current"}}},
     "toxic_trio"),
])
def test_each_new_rule_says_what_to_do_now_in_the_live_panel(view, session, extra, rule) -> None:
    session.load(complete_draft(**extra))
    reasons = {r.rule: r for r in session.outcome().reasons}
    assert rule in reasons
    prompt = reasons[rule].prompt
    assert prompt, f"{rule} has no prompt"
    assert prompt in view.live_panel.text()


def test_every_new_input_is_named_labelled_and_reached_by_tab(view, session) -> None:
    session.load(complete_draft(family={"baby": {"date_of_birth": "2026-10-01"}, "household": [{}],
                                        "carers": [{}]},
                                needs={"housing": {"status": "current"}}))
    for section in ("family", "mood", "needs", "decision"):
        view.go_to(section)
        assert_accessible(view.page(section))
    assert vocab.NEED_STATUSES[-2] == "no"


@pytest.mark.parametrize(("postcode", "words"), [
    ("B37 7AA", "This family lives outside Birmingham"),
    ("B36 8AA", "split between Birmingham and a neighbouring area"),
])
def test_a_family_outside_the_area_or_in_a_shared_district_is_warned_on_screen_and_in_the_banner(
        view, session, postcode, words) -> None:
    start_on(view, "family")
    tab_to("Postcode")
    type_text(postcode)
    family = view.page("family")
    assert words in family.area_note.text()
    assert words in family.postcode.editor.accessibleDescription()
    assert any(words in w for w in session.outcome().warnings)
    assert words in view.live_panel.text()
    slot = view.banner_slot
    assert words in slot.calm_body.text() and "contact the front door" in slot.calm_heading.text()
    session.set_value("safeguarding.indicators", ["disclosure_of_harm"])
    assert view.banner.isVisible() and words in view.banner.body.text()
    assert view.banner.body.text().index(words) < view.banner.body.text().index(session.pathway.front_door.phone)


def test_a_family_inside_the_area_gets_no_area_warning(view, session) -> None:
    session.set_value("family.postcode", "B15 2TT")
    assert view.page("family").area_note.text() == ""
    assert "contact " + session.pathway.front_door.name in view.banner_slot.calm_heading.text()
