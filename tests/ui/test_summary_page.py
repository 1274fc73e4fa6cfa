"""The summary page: what belongs to one record and one copy stays there; the safe-to-take-home question; the
supervision preview before a supervision copy leaves."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest

from pairaid.ui import dialogs
from pairaid.ui.summary_page import SummaryPage
from pairaid.ui.supervision_preview import SupervisionPreview
from tests.report.helpers import pdf_text
from tests.ui.walkthrough_support import complete_draft, make_session, test_pathway, type_text


class Events:
    def __init__(self) -> None:
        self.kept: list[tuple[str, dict[str, Any]]] = []

    def __call__(self, kind: str, detail: dict[str, Any]) -> None:
        self.kept.append((kind, detail))


def page_for(qtbot: Any, data: dict[str, Any]) -> tuple[SummaryPage, Any, Events]:
    session = make_session()
    session.load({"format": "pairaid.assessment/1", "id": str(uuid.uuid4()), **data})
    events = Events()
    page = SummaryPage(session, test_pathway(), events)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    return page, session, events


def test_the_recipient_belongs_to_one_record_and_one_copy(qtbot: Any) -> None:
    page, session, _ = page_for(qtbot, complete_draft())
    type_text(page.recipient_edit, "Perinatal team")
    page.refresh()
    assert page.document().recipient == "Perinatal team"
    page.set_copy("parent")
    assert page.recipient_edit.text() == "" and not page.recipient_edit.isEnabled()
    assert "Perinatal team" not in page.document().plain_text(), "never on the parent copy"
    page.set_copy("supervision")
    assert page.document().recipient is None
    page.set_copy("referral")
    assert page.recipient_edit.text() == "Perinatal team"
    session.load({"format": "pairaid.assessment/1", "id": str(uuid.uuid4()), **complete_draft()})
    page.refresh()
    assert page.recipient_edit.text() == "" and page.document().recipient is None, "never carried to another record"


def test_a_draft_is_marked_and_a_final_record_is_not(qtbot: Any) -> None:
    page, session, _ = page_for(qtbot, complete_draft())
    assert page.document().draft
    session.set_read_only(True)
    page.refresh()
    assert not page.document().draft


def test_a_parent_copy_at_risk_waits_for_the_safe_to_take_home_answer(qtbot: Any) -> None:
    page, _, events = page_for(qtbot, complete_draft(needs={"domestic_abuse": {"status": "current"}}))
    page.set_copy("parent")
    assert page.safe_check.isVisible()
    assert "Notes from your visit" in page.preview.toPlainText(), "read before answering"
    assert "tick the box above if it is safe" in page.status_label.text()
    assert not page.ready() and not page.pdf_button.isEnabled() and not page.print_button.isEnabled()
    assert page.save_pdf() is None and not page.print_copy()
    page.safe_check.setChecked(True)
    assert page.ready() and page.pdf_button.isEnabled()
    assert ("safe_to_take_home", {"copy": "parent"}) in events.kept
    page.set_copy("referral")
    assert not page.safe_check.isVisible()


def test_the_supervision_preview_comes_first_and_its_words_reach_the_pdf(qtbot: Any, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    data = complete_draft(parent_voice={"asked": True, "words": "Mrs Patel next door helps with Khai"})
    page, _, events = page_for(qtbot, data)
    page.set_copy("supervision")
    asked: list[list[str]] = []

    def preview(_parent: Any, shown: dict[str, Any], words: list[str], _recipient: Any = None) -> list[str]:
        asked.append(words)
        assert shown["parent_voice"]["words"] == "Mrs Patel next door helps with Khai"
        return ["mrs patel"]

    monkeypatch.setattr(dialogs, "check_supervision_copy", preview)
    monkeypatch.setattr(dialogs, "save_file", lambda *_a: str(tmp_path / "sup.pdf"))
    assert page.save_pdf() == tmp_path / "sup.pdf"
    text = pdf_text(tmp_path / "sup.pdf")
    assert "Patel" not in text and "[removed] next door helps with N.T.M.K." in " ".join(text.split())
    assert asked == [[]] and events.kept[-1][0] == "pdf_made"
    monkeypatch.setattr(dialogs, "check_supervision_copy", lambda *_a: None)
    assert page.save_pdf() is None, "cancelled in the preview: nothing is made"


def test_the_preview_highlights_each_removal_and_takes_more_words(qtbot: Any) -> None:
    data = {"format": "pairaid.assessment/1",
            "family": {"baby": {"name": "Zoë Brontë"}},
            "observations": {"warmth": {"rating": "strength", "note": "ZOE smiled at Mrs Patel on 12/03/2026"}},
            "decision": {"next_steps": "Ring 07700 900123"}}
    dialog = SupervisionPreview(data)
    qtbot.addWidget(dialog)
    html = dialog.preview.toHtml()
    text = dialog.preview.toPlainText()
    assert "Zoë Brontë → Z.B." in text
    assert "ZOE → Z.B. smiled at Mrs Patel on 12/03/2026 → [date]" in text
    assert "Warmth and enjoyment:" in text and "Next steps: Ring 07700 900123 → [phone]" in text
    assert "#ffe08a" in html
    type_text(dialog.word_edit, "Mrs Patel")
    dialog.add_button.click()
    assert dialog.also_remove() == ["Mrs Patel"]
    assert "Mrs Patel → [removed]" in dialog.preview.toPlainText()
    assert dialog.word_list.count() == 1
    dialog.word_list.setCurrentRow(0)
    dialog.remove_button.click()
    assert dialog.also_remove() == []
