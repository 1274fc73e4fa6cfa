"""Each section page writes the right paths into a real VisitSession, shows problems beside the fields, and
follows the session after undo (real widgets, driven by keyboard and mouse events)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from pairaid.core import vocab
from pairaid.core.framework import load_framework
from pairaid.ui.sections import (
    FamilyPage,
    MoodPage,
    NeedsPage,
    ObservationsPage,
    ParentVoicePage,
    SafeguardingPage,
    VisitPage,
)
from tests.ui.walkthrough_support import Clock, complete_draft, make_session, type_text


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def session(clock):
    return make_session(clock)


@pytest.fixture
def framework():
    return load_framework()


@pytest.fixture
def make_page(qtbot, session, framework):
    def build(page_class):
        page = page_class(session, framework)
        qtbot.addWidget(page)
        page.resize(1000, 700)
        page.show()
        return page

    return build


def select(combo, text: str) -> None:
    """Choose an item by keyboard: focus the combo and press Down until the wanted text shows."""
    combo.setFocus()
    if combo.currentIndex() > 0:
        QTest.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count() + 1):
        if combo.currentText() == text:
            return
        QTest.keyClick(combo, Qt.Key.Key_Down)
    raise AssertionError(f"{text!r} is not in the combo")


# The visit ---------------------------------------------------------------------------------------------


def test_visit_writes_contact_paths(make_page, session, framework) -> None:
    page = make_page(VisitPage)
    type_text(page.date.line, "20/11/2026")
    select(page.type.editor, framework.label("contact_types", "new_birth"))
    select(page.setting.editor, framework.label("settings", "home"))
    type_text(page.practitioner_name.editor, "Łukasz Wójcik")
    select(page.role.editor, framework.label("roles", "health_visitor"))
    type_text(page.phone.editor, "0121 496 0000")
    type_text(page.present.editor, "mother, baby, babcia")
    page.interpreter.buttons[1].click()  # No

    assert session.value("contact") == {
        "date": "2026-11-20",
        "type": "new_birth",
        "setting": "home",
        "practitioner": {"name": "Łukasz Wójcik", "role": "health_visitor", "phone": "0121 496 0000"},
        "present": ["mother", "baby", "babcia"],
        "interpreter_used": False,
    }


def test_visit_date_problems_show_beside_the_field_as_typed(make_page, session) -> None:
    page = make_page(VisitPage)
    type_text(page.date.line, "31/02/2026")
    assert page.date.problem.text()
    assert "day/month/year" in page.date.problem.text()
    assert session.value("contact.date") is None
    assert "Problem:" in page.date.line.accessibleDescription()

    page.date.line.clear()
    type_text(page.date.line, "01/12/2026")  # after the fixed "today", 26 November 2026
    assert session.value("contact.date") == "2026-12-01"
    assert "in the future" in page.date.problem.text()

    page.date.line.selectAll()
    type_text(page.date.line, "2026-11-20")
    assert session.value("contact.date") == "2026-11-20"
    assert not page.date.problem.text()


def test_required_fields_are_marked_required(make_page) -> None:
    page = make_page(VisitPage)
    assert "(required)" in page.date.label.text()
    assert "(required)" in page.type.label.text()
    assert "(required)" in page.type.editor.accessibleName()


# Baby and family ---------------------------------------------------------------------------------------


def test_nhs_number_is_checked_as_it_is_typed(make_page, session) -> None:
    page = make_page(FamilyPage)
    type_text(page.nhs_number.editor, "999 123 4560")
    assert session.value("family.baby.nhs_number") == "999 123 4560"
    assert "check digit" in page.nhs_number.problem.text()
    assert page.nhs_number.problem.text()
    assert not page.nhs_ok.isVisibleTo(page)

    page.nhs_number.editor.clear()
    type_text(page.nhs_number.editor, "943 476 5919")
    assert not page.nhs_number.problem.text()
    assert page.nhs_ok.isVisibleTo(page)


def test_family_writes_baby_and_place(make_page, session) -> None:
    page = make_page(FamilyPage)
    type_text(page.name.editor, "محمد عبد الله")
    type_text(page.date_of_birth.line, "01/10/2026")
    page.preterm.buttons[0].click()
    type_text(page.postcode.editor, "b15 2tt")
    type_text(page.gp.editor, "Example Medical Practice")
    assert session.value("family") == {
        "baby": {"name": "محمد عبد الله", "date_of_birth": "2026-10-01", "born_before_37_weeks": True},
        "postcode": "B15 2TT",
        "gp_practice": "Example Medical Practice",
    }


def test_stage_and_age_follow_the_dates(make_page, session, framework) -> None:
    page = make_page(FamilyPage)
    session.set_value("contact.date", "2026-11-20")
    session.set_value("contact.type", "six_to_eight_weeks")
    session.set_value("family.baby.date_of_birth", "2026-10-01")
    assert framework.label("stages", "0-5") in page.stage_label.text()
    assert "7 weeks old" in page.stage_label.text()
    session.set_value("family.baby.date_of_birth", "2025-11-01")
    assert framework.label("stages", "6-30") in page.stage_label.text()
    assert "12 months old" in page.stage_label.text()


def test_carers_are_added_typed_removed_and_restored_by_undo(make_page, session, framework) -> None:
    page = make_page(FamilyPage)
    page.add_carer_button.click()
    page.add_carer_button.click()
    assert len(page.carer_rows) == 2
    type_text(page.carer_rows[0].bindings[0].editor, "Zoë Brontë")
    type_text(page.carer_rows[0].bindings[1].editor, "mother")
    select(page.carer_rows[0].bindings[2].editor, "Yes")
    type_text(page.carer_rows[0].bindings[3].editor, "Polski")
    type_text(page.carer_rows[1].bindings[0].editor, "Şükrü Öztürk")
    assert session.value("family.carers") == [
        {"name": "Zoë Brontë", "relationship": "mother", "parental_responsibility": True, "language": "Polski"},
        {"name": "Şükrü Öztürk"},
    ]

    page.carer_rows[0].remove.click()
    assert len(page.carer_rows) == 1
    assert page.carer_rows[0].bindings[0].editor.text() == "Şükrü Öztürk"
    assert session.value("family.carers") == [{"name": "Şükrü Öztürk"}]

    session.undo_stack.undo()
    assert len(page.carer_rows) == 2
    assert page.carer_rows[0].bindings[0].editor.text() == "Zoë Brontë"
    assert page.carer_rows[1].bindings[0].editor.text() == "Şükrü Öztürk"


def test_refresh_after_undo_does_not_clobber_other_fields(make_page, session) -> None:
    page = make_page(FamilyPage)
    type_text(page.postcode.editor, "B15")
    type_text(page.gp.editor, "Ladywood")
    session.undo_stack.undo()
    assert page.gp.editor.text() == ""
    assert page.postcode.editor.text() == "B15"
    session.undo_stack.redo()
    assert page.gp.editor.text() == "Ladywood"


# Observations ------------------------------------------------------------------------------------------


def test_domains_shown_follow_the_stage(make_page, session, framework) -> None:
    page = make_page(ObservationsPage)
    session.load({"contact": {"date": "2026-11-20", "type": "antenatal"},
                  "family": {"baby": {"due_date": "2027-01-10"}}})
    assert page.visible_domains() == ["talk_about_baby", "parent_feelings"]
    box = page.boxes["talk_about_baby"]
    assert box.question.text() == framework.domain("talk_about_baby").antenatal_question

    session.load(complete_draft())
    assert sorted(page.visible_domains()) == sorted(d.id for d in framework.domains_for_stage("0-5"))
    assert "baby_comfort_seeking" not in page.visible_domains()
    assert box.question.text() == framework.domain("talk_about_baby").question

    session.set_value("family.baby.date_of_birth", "2025-11-01")
    assert "baby_comfort_seeking" in page.visible_domains()


def test_rating_note_and_coverage(make_page, session, framework) -> None:
    session.load(complete_draft())
    page = make_page(ObservationsPage)
    total = len(framework.domains_for_stage("0-5"))
    assert page.coverage.text() == f"Observed 0 of {total} areas for this stage."
    warmth = page.boxes["warmth"]
    labels = [b.text() for b in warmth.rating.buttons]
    assert labels == [framework.label("ratings", r) for r in vocab.RATINGS]
    warmth.rating.buttons[2].click()
    type_text(warmth.note.editor, "Smiled and sang to baby; baby quietened at her voice.")
    assert session.value("observations.warmth") == {
        "rating": "some_concern", "note": "Smiled and sang to baby; baby quietened at her voice."}
    assert page.coverage.text() == f"Observed 1 of {total} areas for this stage."


def test_frightening_has_none_seen_and_no_strength(make_page, session, framework) -> None:
    session.load(complete_draft())
    page = make_page(ObservationsPage)
    texts = [b.text() for b in page.boxes["frightening"].rating.buttons]
    assert texts[0] == framework.label("frightening_ratings", "no_concern")
    assert framework.label("ratings", "strength") not in texts
    page.boxes["frightening"].rating.buttons[0].click()
    assert session.value("observations.frightening.rating") == "no_concern"


def test_ratings_are_chosen_with_arrow_keys(qtbot, make_page, session) -> None:
    session.load(complete_draft())
    page = make_page(ObservationsPage)
    page.activateWindow()
    buttons = page.boxes["responding"].rating.buttons
    buttons[1].setFocus()
    qtbot.waitUntil(buttons[1].hasFocus)
    QTest.keyClick(buttons[1], Qt.Key.Key_Space)
    assert session.value("observations.responding.rating") == "no_concern"
    QTest.keyClick(buttons[1], Qt.Key.Key_Right)
    assert session.value("observations.responding.rating") == "some_concern"
    assert buttons[2].hasFocus()


def test_guidance_is_at_hand(make_page, session, framework) -> None:
    session.load(complete_draft())
    page = make_page(ObservationsPage)
    box = page.boxes["noticing_cues"]
    guidance = framework.domain("noticing_cues").guidance
    assert not box.guidance.isVisibleTo(page)
    box.toggle.click()
    assert box.guidance.isVisibleTo(page)
    for text in (guidance.strength, guidance.some_concern, guidance.significant_concern, guidance.what_to_note):
        assert text in box.guidance.text()
        assert text in box.rating.buttons[0].accessibleDescription()
    # what to note is the hint above the note (read out as its description), not repeated as placeholder text
    assert box.note.hint.text() == guidance.what_to_note and not box.note.editor.placeholderText()


def test_ratings_follow_undo(make_page, session, clock) -> None:
    session.load(complete_draft())
    page = make_page(ObservationsPage)
    buttons = page.boxes["handling"].rating.buttons
    buttons[0].click()
    clock.tick()
    buttons[3].click()
    assert session.value("observations.handling.rating") == "significant_concern"
    session.undo_stack.undo()
    assert [b.isChecked() for b in buttons] == [True, False, False, False, False]
    session.undo_stack.undo()
    assert session.value("observations.handling") is None
    assert not any(b.isChecked() for b in buttons)


# Parent's voice ----------------------------------------------------------------------------------------


def test_parent_voice(make_page, session, framework) -> None:
    page = make_page(ParentVoicePage)
    assert framework.parent_voice.prompt in page.prompt.text()
    page.asked.buttons[0].click()
    type_text(page.words.editor, "আমি ওকে খুব ভালোবাসি, but I am so tired")
    page.wants_help.buttons[vocab.WANTS_HELP.index("unsure")].click()
    page.barriers.boxes[vocab.BARRIERS.index("practical")].click()
    page.barriers.boxes[vocab.BARRIERS.index("fear_of_judgement")].click()
    assert session.value("parent_voice") == {
        "asked": True,
        "words": "আমি ওকে খুব ভালোবাসি, but I am so tired",
        "wants_help": "unsure",
        "barriers": ["fear_of_judgement", "practical"],
    }
    assert framework.parent_voice.words_hint in page.words.editor.accessibleDescription()


# Mood --------------------------------------------------------------------------------------------------


def test_mood_screens_and_results_in_plain_words(make_page, session, framework) -> None:
    page = make_page(MoodPage)
    assert page.low_mood.label.text() == framework.mood.whooley.low_mood
    assert [b.text() for b in page.nervous.buttons][1:] == [
        f"{i} – {t}" for i, t in enumerate(framework.mood.gad2_options)]
    type_text(page.subject.editor, "mother")
    page.low_mood.buttons[1].click()
    assert "not done" in page.whooley_result.text()
    page.little_interest.buttons[0].click()
    assert session.value("mood.whooley") == {"low_mood": False, "little_interest": True}
    assert page.whooley_result.text().startswith("Whooley: positive")

    page.nervous.buttons[3].click()  # 2
    page.worrying.buttons[2].click()  # 1
    assert session.value("mood.gad2") == {"nervous": 2, "worrying": 1}
    assert page.gad2_result.text().startswith("GAD-2 total 3: positive")

    page.epds_total.editor.setFocus()
    page.epds_total.editor.lineEdit().selectAll()
    type_text(page.epds_total.editor, "14")
    assert session.value("mood.epds.total") == 14
    page.epds_item.editor.setValue(1)
    assert session.value("mood.epds") == {"total": 14, "self_harm_item": 1}
    assert "suggests depression" in page.epds_result.text()
    assert "same-day assessment" in page.epds_result.text()
    assert framework.mood.epds_note in [w.text() for w in page.findChildren(type(page.subject.label))]


def test_a_screen_can_be_marked_not_done(make_page, session) -> None:
    page = make_page(MoodPage)
    page.nervous.buttons[1].click()
    page.worrying.buttons[1].click()
    page.gad2_clear.click()
    assert session.value("mood.gad2") is None
    assert page.nervous.buttons[0].isChecked()  # "Not asked"
    assert "not done" in page.gad2_result.text()


def test_epds_item_above_total_shows_a_problem(make_page, session) -> None:
    session.load(complete_draft())
    page = make_page(MoodPage)
    page.epds_total.editor.setValue(1)
    page.epds_item.editor.setValue(2)
    assert page.epds_item.problem.text()
    assert "cannot be more than the total" in page.epds_item.problem.text()


# Other needs and strengths -----------------------------------------------------------------------------


def test_needs_status_note_social_care_and_strengths(make_page, session, framework) -> None:
    page = make_page(NeedsPage)
    assert page.status["housing"].hint.text() == framework.needs["housing"].hint
    select(page.status["housing"].editor, framework.label("need_statuses", "current"))
    type_text(page.notes["housing"].editor, "Damp flat, waiting for a move.")
    select(page.status["domestic_abuse"].editor, framework.label("need_statuses", "past"))
    select(page.social_care.editor, framework.label("social_care_statuses", "early_help"))
    page.strengths.boxes[vocab.STRENGTHS.index("family_network")].click()
    assert session.value("needs") == {
        "housing": {"status": "current", "note": "Damp flat, waiting for a move."},
        "domestic_abuse": {"status": "past"},
        "social_care_status": {"status": "early_help"},
    }
    assert session.value("strengths") == ["family_network"]
    assert page.need_count.text() == "Current needs recorded: 1."

    select(page.status["housing"].editor, "Not recorded")
    assert session.value("needs.housing") is None
    assert page.notes["housing"].editor.text() == ""
    session.undo_stack.undo()
    assert page.notes["housing"].editor.text() == "Damp flat, waiting for a move."


def test_a_need_note_waits_for_a_status(make_page, session) -> None:
    page = make_page(NeedsPage)
    type_text(page.notes["housing"].editor, "x")
    assert session.value("needs.housing") is None
    assert "Choose a status first" in page.notes["housing"].problem.text()


# Safeguarding ------------------------------------------------------------------------------------------


def test_safeguarding_writes_indicators_note_and_who(make_page, session, framework) -> None:
    page = make_page(SafeguardingPage)
    assert session.pathway.front_door.name in page.findChildren(type(page.note.label))[1].text()
    page.indicators.boxes[vocab.SAFEGUARDING_INDICATORS.index("suspected_significant_harm")].click()
    page.indicators.boxes[vocab.SAFEGUARDING_INDICATORS.index("disclosure_of_harm")].click()
    type_text(page.note.editor, "Older sibling said dad hurt the baby.")
    type_text(page.discussed_with.editor, "Safeguarding lead, 14:10")
    assert session.value("safeguarding") == {
        "indicators": ["disclosure_of_harm", "suspected_significant_harm"],
        "note": "Older sibling said dad hurt the baby.",
        "discussed_with": "Safeguarding lead, 14:10",
    }
    assert page.indicators.boxes[0].text() == framework.label("safeguarding_indicators", "injury_non_mobile_baby")


def test_unset_choices_read_not_recorded(make_page, session, framework) -> None:
    page = make_page(VisitPage)
    assert page.setting.editor.currentText() == "Not recorded"
    assert page.type.editor.currentIndex() == -1  # required: no default is chosen for the practitioner
    select(page.setting.editor, framework.label("settings", "clinic"))
    session.undo_stack.undo()
    assert page.setting.editor.currentText() == "Not recorded"
    assert page.interpreter.buttons[-1].isChecked()


def test_a_new_visit_is_calm_until_a_field_is_used(make_page, session) -> None:
    page = make_page(VisitPage)
    assert "contact.type" in session.problems()
    assert not page.type.problem.text()
    assert not page.date.problem.text()
    type_text(page.date.line, "20/11/2026")
    page.date.line.clear()
    type_text(page.date.line, "2")  # not a date yet, and now touched
    assert page.date.problem.text()
    session.load({})
    assert not page.date.problem.text()


def test_a_date_is_picked_from_the_calendar_with_the_keyboard(qtbot, make_page, session) -> None:
    """Space opens the calendar on the date already there; the arrow keys move; Enter picks and closes it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QTableView

    session.load({"contact": {"date": "2026-11-20", "type": "new_birth"}})
    page = make_page(VisitPage)
    button, calendar = page.date.calendar_button, page.date.calendar
    page.activateWindow()
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    seen: list[str] = []

    def in_the_open_calendar() -> None:  # the menu runs its own event loop until it closes
        seen.append(calendar.selectedDate().toString("yyyy-MM-dd"))
        target = calendar.findChild(QTableView)  # the calendar's grid of days, which takes the keys
        target.setFocus()
        for key in (Qt.Key.Key_Left, Qt.Key.Key_Left, Qt.Key.Key_Return):
            QTest.keyClick(target, key)
        seen.append("open" if button.menu().isVisible() else "closed")

    QTimer.singleShot(200, page, in_the_open_calendar)  # owned by the page: never fires in a later test
    guard = QTimer(page)  # never hang the suite if Enter did not close the calendar; dies with the page
    guard.setSingleShot(True)
    guard.timeout.connect(button.menu().close)
    guard.start(5000)
    QTest.keyClick(button, Qt.Key.Key_Space)
    guard.stop()
    assert seen == ["2026-11-20", "closed"]
    assert page.date.line.text() == "18/11/2026"
    assert session.value("contact.date") == "2026-11-18"
