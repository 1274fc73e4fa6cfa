"""Finalise and amend without a window: the workflow's questions go through a stand-in, the store is real."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from pairaid.pathway.loading import load_pathway
from pairaid.resources import default_pathway_path
from pairaid.store import RecordSummary, Store
from pairaid.ui import record_actions
from pairaid.ui.record_actions import Finalised, NotFinalised, can_amend, record_status
from tests.core.builders import observed, visit


@dataclass
class Answers:
    """Says yes (or what `replies` holds) to every question and keeps every message."""

    replies: list[bool] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)

    def error(self, title: str, text: str) -> None:
        self.errors.append((title, text))

    def confirm(self, title: str, text: str, yes: str) -> bool:
        self.questions.append(title)
        return self.replies.pop(0) if self.replies else True


@pytest.fixture(scope="module")
def pathway():
    return load_pathway(default_pathway_path())


@pytest.fixture
def store(tmp_data_dir: Path):
    opened = Store.open(tmp_data_dir)
    yield opened
    opened.close()


CONSENTED = {"family_agrees": "yes", "sharing_basis": "consent", "family_told": True}


def _draft(store: Store, data: dict) -> tuple[str, int]:
    info = store.create_draft(data, summary=RecordSummary.from_draft(data))
    return info.id, info.version


def test_a_complete_visit_is_finalised_after_one_question_and_can_then_be_amended(store, pathway) -> None:
    data = visit(observations=observed(5), consent=CONSENTED)
    record_id, version = _draft(store, data)
    answers = Answers()
    result = record_actions.finalise(store, pathway, record_id, version, store.load(record_id).data, answers)
    assert isinstance(result, Finalised) and result.version > version
    assert answers.questions == ["Finalise this assessment?"] and answers.errors == []
    final = store.load(record_id)
    assert record_status(final) == "Final (read-only)" and can_amend(final)

    amendment = record_actions.amend(store, final, answers)
    assert amendment is not None and amendment != record_id
    assert record_status(store.load(amendment)) == "Amendment draft"


def test_saying_no_changes_nothing(store, pathway) -> None:
    record_id, version = _draft(store, visit(observations=observed(5), consent=CONSENTED))
    result = record_actions.finalise(store, pathway, record_id, version, store.load(record_id).data,
                                     Answers(replies=[False]))
    assert result == NotFinalised() and store.load(record_id).status == "draft"


def test_an_invalid_visit_is_not_finalised_and_the_problems_are_listed(store, pathway) -> None:
    data = visit()
    data["contact"]["type"] = "not a contact type"
    record_id, version = _draft(store, data)
    answers = Answers()
    result = record_actions.finalise(store, pathway, record_id, version, data, answers)
    assert result == NotFinalised() and answers.questions == []
    assert answers.errors[0][0] == "Not ready to finalise" and "•" in answers.errors[0][1]
    assert store.load(record_id).status == "draft"


def test_a_lowered_level_without_a_reason_sends_the_practitioner_to_the_decision(store, pathway) -> None:
    data = visit(observations=observed(5, handling="significant_concern", pacing="significant_concern"),
                 decision={"override_level": "universal"})
    record_id, version = _draft(store, data)
    answers = Answers()
    result = record_actions.finalise(store, pathway, record_id, version, data, answers)
    assert result == NotFinalised(go_to="decision")
    assert answers.errors[0][0] == "Lowering the level needs a reason"


def test_what_summaries_need_is_asked_for_before_finalising_in_plain_words(store, pathway) -> None:
    data = visit(observations=observed(5), mood={"epds": {"total": 12, "self_harm_item": 1}})
    record_id, version = _draft(store, data)
    answers = Answers()
    result = record_actions.finalise(store, pathway, record_id, version, data, answers)
    assert result == NotFinalised(go_to="decision") and answers.questions == []
    title, text = answers.errors[0]
    assert title == "Not ready to finalise"
    for words in ("write what was done today", "select the service you are asking to act", "basis for sharing"):
        assert words in text, words
    assert "decision." not in text and "consent." not in text, "no field paths on screen"
    assert store.load(record_id).status == "draft"


def test_a_draft_is_not_amended(store) -> None:
    record_id, _version = _draft(store, visit())
    answers = Answers()
    assert record_actions.amend(store, store.load(record_id), answers) is None and answers.questions == []
