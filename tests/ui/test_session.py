"""VisitSession: dotted-path edits, undo/redo with merging, best-effort validation, outcome, autosave."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from pairaid.core.assess import assess_with_pathway
from pairaid.pathway.loading import load_pathway
from pairaid.resources import default_pathway_path
from pairaid.ui.session import VisitSession, best_effort_assessment, get_path, set_path

TODAY = dt.date(2026, 11, 26)


@pytest.fixture(scope="module")
def pathway():
    return load_pathway(default_pathway_path())


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class RecordingSaver:
    def __init__(self) -> None:
        self.saves: list[dict[str, Any]] = []

    def save(self, data: dict[str, Any]) -> int:
        self.saves.append(data)
        return len(self.saves) + 1


def minimal(session: VisitSession) -> None:
    session.set_value("contact.date", "2026-11-20")
    session.set_value("contact.type", "six_to_eight_weeks")
    session.set_value("family.baby.date_of_birth", "2026-10-01")


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def session(qtbot, pathway, clock) -> VisitSession:
    return VisitSession(pathway, clock=clock, today=TODAY)


def test_paths_create_lists_and_remove_empty_parents() -> None:
    data: dict[str, Any] = {}
    set_path(data, "family.carers.1.name", "Łukasz Wójcik")
    assert data == {"family": {"carers": [{}, {"name": "Łukasz Wójcik"}]}}
    set_path(data, "observations.warmth.rating", "strength")
    set_path(data, "observations.warmth.rating", "")
    assert "observations" not in data
    assert get_path(data, "family.carers.1.name") == "Łukasz Wójcik"
    assert get_path(data, "family.carers.5.name", "none") == "none"


def test_new_session_has_identity_and_no_outcome(session: VisitSession) -> None:
    data = session.data()
    assert data["format"] == "pairaid.assessment/1" and len(data["id"]) == 36
    assert session.outcome() is None
    assert session.problems()["contact.date"] == "Enter the date of the visit."
    assert "contact.type" in session.problems()


def test_outcome_appears_when_required_fields_are_filled(qtbot, session: VisitSession) -> None:
    with qtbot.waitSignal(session.outcome_changed) as signal:
        minimal(session)
    assert signal.args[0] is not None
    assert session.outcome().level == "universal"
    assert session.problems() == {}


def test_live_outcome_matches_the_headless_assessment(session: VisitSession, pathway) -> None:
    minimal(session)
    session.set_value("observations.warmth.rating", "significant_concern")
    session.set_value("safeguarding.indicators", ["disclosure_of_harm"])
    expected = assess_with_pathway(session.assessment(), pathway, strict=False)
    assert session.outcome() == expected
    assert session.outcome().level == "statutory"
    session.set_value("safeguarding.indicators", [])
    assert session.outcome().level == "specialist"
    assert "safeguarding" not in session.data()


def test_set_value_no_op_when_equal(session: VisitSession) -> None:
    session.set_value("contact.date", "2026-11-20")
    count = session.undo_stack.count()
    session.set_value("contact.date", "2026-11-20")
    assert session.undo_stack.count() == count


def test_typing_merges_into_one_undo_step_within_a_second(session: VisitSession, clock: Clock) -> None:
    for i, _ch in enumerate("Zoë"):
        session.set_value("family.baby.name", "Zoë"[: i + 1])
        clock.now += 0.3
    assert session.undo_stack.count() == 1
    clock.now += 2
    session.set_value("family.baby.name", "Zoë B")
    assert session.undo_stack.count() == 2
    session.undo_stack.undo()
    assert session.value("family.baby.name") == "Zoë"
    session.undo_stack.undo()
    assert session.value("family.baby.name") is None
    session.undo_stack.redo()
    assert session.value("family.baby.name") == "Zoë"


def test_edits_of_different_paths_do_not_merge(session: VisitSession) -> None:
    session.set_value("family.baby.name", "Zoë")
    session.set_value("family.postcode", "B15 2TT")
    assert session.undo_stack.count() == 2


def test_typing_back_to_the_start_leaves_no_undo_step(session: VisitSession, clock: Clock) -> None:
    session.set_value("family.postcode", "B")
    clock.now += 0.2
    session.set_value("family.postcode", "")
    assert session.undo_stack.count() == 0


def test_undo_announces_the_path_and_recomputes(qtbot, session: VisitSession, clock: Clock) -> None:
    minimal(session)
    clock.now += 5
    session.set_value("parent_voice.wants_help", "yes")
    assert session.outcome().level == "targeted"
    with qtbot.waitSignal(session.data_changed) as changed:
        session.undo_stack.undo()
    assert changed.args == ["parent_voice.wants_help"]
    assert session.outcome().level == "universal"


def test_removing_a_list_item_announces_the_list_and_undoes(qtbot, session: VisitSession) -> None:
    session.set_value("family.carers.0.name", "محمد عبد الله")
    session.set_value("family.carers.1.name", "নাসরিন রহমান")
    with qtbot.waitSignal(session.data_changed) as changed:
        session.set_value("family.carers.0", None)
    assert changed.args == ["family.carers"]
    assert session.value("family.carers") == [{"name": "নাসরিন রহমান"}]
    session.undo_stack.undo()
    assert [c["name"] for c in session.value("family.carers")] == ["محمد عبد الله", "নাসরিন রহমান"]


def test_set_values_is_one_undo_step(session: VisitSession) -> None:
    session.set_values({"decision.override_level": "universal", "decision.override_reason": "Seen twice"})
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert "decision" not in session.data()


def test_invalid_optional_fields_are_reported_and_dropped(session: VisitSession, pathway) -> None:
    minimal(session)
    session.set_value("family.baby.nhs_number", "999 123 4560")
    session.set_value("mood.gad2.nervous", 2)
    session.set_value("mood.epds", {"total": 2, "self_harm_item": 3})
    session.set_value("observations.warmth.rating", "some_concern")
    problems = session.problems()
    assert "not a valid NHS number" in problems["family.baby.nhs_number"]
    assert problems["mood.gad2.worrying"]
    assert "self-harm item" in problems["mood.epds"]
    # The rest still counts: the valid observation gives a level; the draft keeps what was typed.
    assert session.outcome().level == "targeted"
    assert session.value("family.baby.nhs_number") == "999 123 4560"


def test_future_visit_date_is_a_problem_and_no_outcome(session: VisitSession) -> None:
    minimal(session)
    session.set_value("contact.date", "2027-01-05")
    assert "in the future" in session.problems()["contact.date"]
    assert session.outcome() is None


def test_best_effort_reports_baby_born_after_visit() -> None:
    data = {"format": "pairaid.assessment/1", "contact": {"date": "2026-11-20", "type": "new_birth"},
            "family": {"baby": {"date_of_birth": "2026-11-22", "due_date": "2026-11-25"}}}
    assessment, problems = best_effort_assessment(data, TODAY)
    assert "after the visit date" in problems["family.baby.date_of_birth"]
    assert assessment is not None and assessment.family.baby.date_of_birth is None


def test_unreasoned_lowering_is_a_warning_not_an_error(session: VisitSession) -> None:
    minimal(session)
    session.set_value("observations.warmth.rating", "significant_concern")
    session.set_value("decision.override_level", "targeted")
    outcome = session.outcome()
    assert outcome.final_level == "specialist"
    assert any("written reason" in w for w in outcome.warnings)


def test_autosave_throttles_and_flushes(qtbot, pathway, clock: Clock) -> None:
    saver = RecordingSaver()
    session = VisitSession(pathway, saver, clock=clock, today=TODAY)
    with qtbot.waitSignal(session.saved, timeout=2000) as saved:
        session.set_value("family.baby.name", "Zoë")
        session.set_value("family.postcode", "B15 2TT")
    assert saved.args == [2]
    assert len(saver.saves) == 1
    assert saver.saves[0]["family"] == {"baby": {"name": "Zoë"}, "postcode": "B15 2TT"}
    assert not session.is_dirty()
    session.set_value("family.postcode", "B16 8AB")
    assert session.is_dirty()
    session.flush()
    assert len(saver.saves) == 2 and saver.saves[1]["family"]["postcode"] == "B16 8AB"
    session.flush()
    assert len(saver.saves) == 2


def test_failed_save_keeps_edits_and_reports(qtbot, pathway) -> None:
    class Broken:
        def save(self, data: dict[str, Any]) -> int:
            raise OSError("the disk is full; free some space and try again")

    session = VisitSession(pathway, Broken(), today=TODAY)
    session.set_value("family.postcode", "B15 2TT")
    with qtbot.waitSignal(session.save_failed) as failed:
        session.flush()
    assert "disk is full" in failed.args[0]
    assert session.is_dirty()


def test_load_clears_undo_and_read_only_blocks_edits(qtbot, session: VisitSession) -> None:
    session.set_value("family.postcode", "B15 2TT")
    record = {"format": "pairaid.assessment/1", "id": "8c0e2c9e-52a1-4c7e-9d55-1f4f4a7c0b11",
              "contact": {"date": "2026-11-20", "type": "new_birth"},
              "family": {"baby": {"name": "Nguyễn Thị Minh Khai", "date_of_birth": "2026-11-08"}}}
    with qtbot.waitSignals([session.data_changed, session.read_only_changed]):
        session.load(record, read_only=True)
    assert session.undo_stack.count() == 0
    assert session.data() == record
    assert session.is_read_only()
    session.set_value("family.postcode", "B1 1AA")
    assert session.value("family.postcode") is None
    session.set_read_only(False)
    session.set_value("family.postcode", "B1 1AA")
    assert session.value("family.postcode") == "B1 1AA"


def test_value_returns_copies(session: VisitSession) -> None:
    session.set_value("strengths", ["supportive_partner"])
    session.value("strengths").append("stable_home")
    assert session.value("strengths") == ["supportive_partner"]
