"""Record menu: export for supervision (the preview first, then a bundle without identifiers), export a full
bundle, and add an assessment file as a draft, each without the command line, each refusing bad input plainly."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pairaid.store.bundle import read_bundle
from pairaid.ui import dialogs
from pairaid.ui.main_window import MainWindow
from tests.ui.app_helpers import DialogLog, close_window, open_window

FAMILY = {
    "format": "pairaid.assessment/1",
    "contact": {"date": "2026-11-20", "type": "six_to_eight_weeks", "setting": "home",
                "practitioner": {"name": "Zoë Brontë", "role": "health_visitor", "phone": "0121 496 0100"}},
    "family": {"baby": {"name": "Nguyễn Thị Minh Khai", "date_of_birth": "2026-10-01",
                        "nhs_number": "943 476 5919"},
               "carers": [{"name": "Nguyễn Thị Lan", "relationship": "mother"}], "postcode": "B15 2TT"},
    "parent_voice": {"asked": True, "words": "Our neighbour Łukasz Wójcik helps me most days."},
}


@pytest.fixture
def window(qtbot, tmp_data_dir: Path, monkeypatch) -> Any:
    log = DialogLog().install(monkeypatch)
    opened: list[str] = []
    monkeypatch.setattr(dialogs, "open_file", lambda *_a: opened.pop(0) if opened else None)
    win = open_window(qtbot, tmp_data_dir)
    win.dialog_log, win.files_to_open = log, opened
    yield win
    close_window(win)


def _write(folder: Path, name: str, content: Any) -> Path:
    path = folder / name
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return path


def test_the_record_menu_has_the_three_items(window: MainWindow) -> None:
    record_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Record")
    texts = [a.text().replace("&", "") for a in record_menu.actions() if not a.isSeparator()]
    assert texts[-4:] == ["Export for supervision…", "Export full bundle…", "Add assessment file…",
                          "Keys and trusted colleagues…"]
    assert not window.menus.supervision_action.isEnabled()  # nothing open yet
    assert window.menus.add_file_action.isEnabled()


def test_an_assessment_file_is_added_as_a_draft_and_opened(window: MainWindow, tmp_path: Path) -> None:
    window.files_to_open.append(str(_write(tmp_path, "visit.json", FAMILY)))
    window.menus.add_file_action.trigger()
    record_id = window.record_id()
    assert record_id is not None and window.stack.currentWidget() is window.visit_page
    record = window.store.load(record_id)
    assert record.status == "draft" and record.baby_name == "Nguyễn Thị Minh Khai"
    assert window.session.value("parent_voice.words") == FAMILY["parent_voice"]["words"]
    assert window.dialog_log.errors == []


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{ not json", "line 1"),
        ({**FAMILY, "format": "something-else/2"}, "not a pairaid assessment file"),
        ({k: v for k, v in FAMILY.items() if k != "format"}, 'it has no "format"'),
        ({**FAMILY, "contact": {"date": "2026-11-20", "type": "a_picnic"}}, "contact.type"),
        ([1, 2, 3], "JSON object"),
    ],
    ids=["not-json", "other-format", "no-format", "bad-field", "not-an-object"],
)
def test_a_bad_assessment_file_is_refused_with_a_message_and_nothing_added(
        window: MainWindow, tmp_path: Path, content: Any, expected: str) -> None:
    path = _write(tmp_path, "bad.json", content)
    assert window.add_assessment_file(path) is None
    [(title, text)] = window.dialog_log.errors
    assert title == "The assessment file was not added"
    assert "bad.json" in text and expected in text and "Nothing was added." in text
    assert window.store.search() == []


def test_export_for_supervision_shows_the_preview_first_and_writes_a_bundle_without_identifiers(
        window: MainWindow, tmp_path: Path) -> None:
    window.add_assessment_file(_write(tmp_path, "visit.json", FAMILY))
    previewed: list[str] = []

    def preview(_parent: Any, record: Any) -> list[str]:
        previewed.append(record.data["parent_voice"]["words"])
        return ["Łukasz Wójcik"]  # a name the record does not know, marked by the practitioner

    window.supervision_preview = preview
    window.dialog_log.save_paths.append(str(tmp_path / "for-supervisor.pairaid"))
    window.menus.supervision_action.trigger()
    assert previewed == [FAMILY["parent_voice"]["words"]]
    bundle = read_bundle(tmp_path / "for-supervisor.pairaid")
    text = json.dumps(bundle.model_dump(mode="json"), ensure_ascii=False)
    assert bundle.deidentified
    for identifier in ("Nguyễn Thị Minh Khai", "943 476 5919", "9434765919", "B15 2TT", "Łukasz Wójcik"):
        assert identifier not in text


def test_a_cancelled_preview_writes_nothing(window: MainWindow, tmp_path: Path) -> None:
    window.add_assessment_file(_write(tmp_path, "visit.json", FAMILY))
    window.supervision_preview = lambda _parent, _record: None
    window.dialog_log.save_paths.append(str(tmp_path / "never.pairaid"))
    assert window.export_for_supervision() is None
    assert not (tmp_path / "never.pairaid").exists()
    assert window.dialog_log.save_paths == [str(tmp_path / "never.pairaid")]  # not even asked where


def test_a_full_bundle_says_it_carries_identifiers_and_keeps_them(window: MainWindow, tmp_path: Path) -> None:
    window.add_assessment_file(_write(tmp_path, "visit.json", FAMILY))
    window.dialog_log.answers.append(False)
    assert window.export_full_bundle() is None  # declined: nothing written, no file asked for
    window.dialog_log.save_paths.append(str(tmp_path / "whole"))
    written = window.export_full_bundle()
    assert written == tmp_path / "whole.pairaid"
    assert [title for title, _ in window.dialog_log.questions] == ["Export the full record?"] * 2
    assert "OFFICIAL-SENSITIVE" in window.dialog_log.questions[0][1]
    bundle = read_bundle(written)
    assert not bundle.deidentified and bundle.record.data["family"]["baby"]["name"] == "Nguyễn Thị Minh Khai"


def test_export_for_supervision_through_the_real_preview_dialog(
        window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The menu's own preview (not a stand-in): the word typed into it never reaches the bundle."""
    from pairaid.ui.supervision_preview import SupervisionPreview

    def accept_after_marking(dialog: SupervisionPreview) -> int:
        assert "Łukasz Wójcik" in dialog.preview.toPlainText()  # shown before it is marked
        dialog.add_word("Łukasz Wójcik")
        return 1

    monkeypatch.setattr(SupervisionPreview, "exec", accept_after_marking)
    from pairaid.ui import record_files

    window.supervision_preview = record_files.supervision_preview
    window.add_assessment_file(_write(tmp_path, "visit.json", FAMILY))
    window.dialog_log.save_paths.append(str(tmp_path / "for-supervisor.pairaid"))
    window.menus.supervision_action.trigger()
    bundle = read_bundle(tmp_path / "for-supervisor.pairaid")
    text = json.dumps(bundle.model_dump(mode="json"), ensure_ascii=False)
    assert bundle.deidentified and "helps me most days" in text
    for identifier in ("Nguyễn Thị Minh Khai", "943 476 5919", "B15 2TT", "Łukasz", "Wójcik"):
        assert identifier not in text
