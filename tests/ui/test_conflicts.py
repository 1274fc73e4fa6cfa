"""A record changed on this computer and in a bundle since they last met: home marks both copies, opening either
compares them in words, and one is kept only after a confirmation that says what is lost. Reviews offers the
same, and trusting the bundle's sender, after opening a bundle."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from pairaid.core.framework import load_framework
from pairaid.pathway.loading import load_pathway
from pairaid.resources import default_pathway_path
from pairaid.store import Store
from pairaid.ui.conflict_dialog import ConflictDialog
from pairaid.ui.keys_dialog import TrustDialog
from pairaid.ui.places.review import ReviewView
from pairaid.ui.text_size import apply_text_size
from tests.ui.app_helpers import DialogLog, close_window, open_window
from tests.ui.fit import dialog_problems
from tests.ui.keyboard import focused, press, tab_to, type_text
from tests.ui.modal import on_next_modal, shown_active
from tests.ui.places.accessibility import check_accessible
from tests.ui.places.records import assessment


@pytest.fixture(scope="module")
def pathway():
    return load_pathway(default_pathway_path())


def _changed(data: dict[str, Any], **changes: Any) -> dict[str, Any]:
    out = copy.deepcopy(data)
    for dotted, value in changes.items():
        node = out
        keys = dotted.split("__")
        for key in keys[:-1]:
            node = node.setdefault(key, {})
        node[keys[-1]] = value
    return out


def make_conflict(here: Path, there: Path, folder: Path) -> tuple[str, str, Path]:
    """The same visit changed on two computers after one exchange; `here` imports `there`'s bundle. Returns the
    record id, the bundle's copy id and the bundle."""
    from pairaid.store import RecordSummary

    data = assessment("Zoë Brontë")
    with Store.open(here) as ours, Store.open(there) as theirs:
        info = theirs.create_draft(data, summary=RecordSummary.from_draft(data))
        ours.import_bundle(theirs.export_bundle(info.id, folder / "v1"))
        bundle_data = _changed(data, observations__noticing_cues={"rating": "no_concern"},
                               strengths=["supportive_partner", "family_network"])
        theirs.save_draft(info.id, {**bundle_data, "id": info.id}, info.version,
                          summary=RecordSummary.from_draft(bundle_data))
        local = _changed(data, needs__housing={"status": "current", "note": "One damp room."})
        ours.save_draft(info.id, {**local, "id": info.id}, 1, summary=RecordSummary.from_draft(local))
        bundle = theirs.export_bundle(info.id, folder / "from-colleague")
        copy_record = ours.import_bundle(bundle)
        assert copy_record.conflict_of == info.id
        return info.id, copy_record.id, bundle


def test_the_two_copies_compared_in_words_with_their_levels(qtbot, tmp_path, pathway) -> None:
    _record_id, copy_id, _bundle = make_conflict(tmp_path / "here", tmp_path / "there", tmp_path)
    with Store.open(tmp_path / "here") as store:
        dialog = shown_active(qtbot, ConflictDialog(store, pathway, load_framework(), copy_id))
        check_accessible(dialog)
        rows = [tuple(dialog.table.item(r, c).text() for c in range(4)) for r in range(dialog.table.rowCount())]
        assert ("Observations", "Noticing the baby's signals: rating", "Some concern", "No concern") in rows
        assert ("Other needs", "Housing: status", "Current", "nothing recorded") in rows
        assert ("Strengths", "Strengths", "A supportive partner",
                "A supportive partner, Family or friends who help") in rows
        assert not any(row[1].lower() == "id" for row in rows), "the copy's own id is not a difference"
        labels = " ".join(w.text() for w in dialog.findChildren(type(dialog.final_note)))
        assert "What differs (5 fields):" in labels
        assert "This computer's copy" in labels and "The bundle's copy" in labels and "Level:" in labels
        assert dialog.this_level and dialog.bundle_level and not dialog.final_note.isVisible()
        text = dialog.loss_text("this_computer")
        assert "changes to 5 fields are lost" in text and "cannot be undone" in text
        assert "will not bring the conflict back" in text
        dialog.close()


def test_home_marks_both_copies_and_keeping_the_bundles_opens_it(qtbot, monkeypatch, tmp_path) -> None:
    data_dir = tmp_path / "here"
    record_id, copy_id, _bundle = make_conflict(data_dir, tmp_path / "there", tmp_path)
    log = DialogLog().install(monkeypatch)
    window = open_window(qtbot, data_dir)
    window.ensure_loaded()
    home = window.home
    statuses = {rid: home.table.item(row, 5).text() for row, rid in enumerate(home.record_ids())}
    assert statuses[copy_id] == "In conflict: the bundle's copy (open to choose)"
    assert statuses[record_id] == "Draft — in conflict (open to choose)"

    def keep_the_bundles(dialog: QWidget) -> None:
        assert isinstance(dialog, ConflictDialog) and dialog.copy.id == copy_id
        assert focused() is dialog.table, "the differences come first"
        tab_to("Keep the bundle's copy")
        press(Qt.Key.Key_Space)

    seen = on_next_modal(keep_the_bundles)
    home.table.setFocus()
    home.table.selectRow(home.record_ids().index(record_id))
    press(Qt.Key.Key_Return)
    assert seen == ["Two copies of one record"]
    [(title, text)] = log.questions
    assert title == "Keep the bundle's copy?" and "this computer's changes to 5 fields are lost" in text
    assert "cannot be undone" in text
    assert window.on_visit() and window.record_id() == record_id
    assert window.session.value("strengths") == ["supportive_partner", "family_network"]
    assert window.store.conflicts() == []
    window.go_home()
    assert not any("conflict" in home.table.item(r, 5).text() for r in range(home.table.rowCount()))
    close_window(window)


def test_cancelling_keeps_both_and_keeping_this_computers_stays_settled(qtbot, monkeypatch, tmp_path) -> None:
    data_dir = tmp_path / "here"
    record_id, copy_id, bundle = make_conflict(data_dir, tmp_path / "there", tmp_path)
    log = DialogLog().install(monkeypatch)
    log.answers = [False, True]  # the first confirmation is cancelled, the second goes ahead
    window = open_window(qtbot, data_dir)
    window.ensure_loaded()
    later: list[str] = []

    def decide_later(dialog: QWidget) -> None:
        assert isinstance(dialog, ConflictDialog)
        tab_to("Keep this computer's copy")
        press(Qt.Key.Key_Space)  # asked, and cancelled: the dialog stays
        assert dialog.isVisible() and window.store.conflicts() != []
        later.append("cancelled")
        tab_to("Decide later")
        press(Qt.Key.Key_Space)

    on_next_modal(decide_later)
    window.open_record(copy_id)
    assert later == ["cancelled"] and not window.on_visit() and len(window.store.conflicts()) == 1

    def keep_this(dialog: QWidget) -> None:
        tab_to("Keep this computer's copy")
        press(Qt.Key.Key_Space)

    on_next_modal(keep_this)
    window.open_record(copy_id)
    assert window.record_id() == record_id and window.session.value("needs.housing.status") == "current"
    title, text = log.questions[-1]
    assert title == "Keep this computer's copy?" and "The bundle's copy is deleted from this computer" in text
    window.store.import_bundle(bundle)  # the same bundle again: the choice stands
    assert window.store.conflicts() == []
    close_window(window)


def test_a_final_record_cannot_be_replaced_by_the_bundles_copy(qtbot, tmp_path, pathway) -> None:
    from pairaid.store import RecordSummary

    data = assessment("Łukasz Wójcik")
    with Store.open(tmp_path / "here") as ours, Store.open(tmp_path / "there") as theirs:
        info = ours.create_draft(data, summary=RecordSummary.from_draft(data))
        theirs.import_bundle(ours.export_bundle(info.id, tmp_path / "v1"))
        from pairaid.core.assess import assess_with_pathway
        from pairaid.core.assessment import parse_assessment

        assessment_ = parse_assessment({**data, "id": info.id})
        ours.finalise(info.id, info.version, assessment_, assess_with_pathway(assessment_, pathway))
        changed = _changed(data, strengths=["stable_home"])
        theirs.save_draft(info.id, {**changed, "id": info.id}, 1, summary=RecordSummary.from_draft(changed))
        copy_record = ours.import_bundle(theirs.export_bundle(info.id, tmp_path / "v2"))
        dialog = shown_active(qtbot, ConflictDialog(ours, pathway, load_framework(), copy_record.id))
        assert not dialog.keep_bundle_button.isEnabled() and dialog.final_note.isVisible()
        assert "amend the record" in dialog.final_note.text()
        check_accessible(dialog)
        dialog.close()


def test_reviews_trusts_the_sender_and_resolves_the_conflict_it_brought(qtbot, monkeypatch, tmp_path) -> None:
    data_dir = tmp_path / "here"
    record_id, copy_id, bundle = make_conflict(data_dir, tmp_path / "there", tmp_path)
    with Store.open(tmp_path / "there") as colleague:
        said = colleague.own_fingerprint()
    log = DialogLog().install(monkeypatch)
    window = open_window(qtbot, data_dir)
    window.show_place("reviews")
    view = window.stack.currentWidget()
    assert isinstance(view, ReviewView)
    view.open_bundle(bundle)
    assert "Unverified sender" in view.status.text() and "Trust this sender" in view.status.text()
    assert "Compare the two copies" in view.status.text()
    assert view.trust_button.isVisible() and view.conflict_button.isVisible()
    check_accessible(view)  # the two buttons are named and Tab reaches them

    def trust(dialog: QWidget) -> None:
        assert isinstance(dialog, TrustDialog)
        type_text("Zoë Brontë")
        press(Qt.Key.Key_Return)  # on to the fingerprint
        type_text(said)
        press(Qt.Key.Key_Return)

    seen = on_next_modal(trust)
    view.trust_button.setFocus()
    press(Qt.Key.Key_Space)
    assert seen == ["Trust a colleague's key"]
    assert "Signed by Zoë Brontë" in view.status.text() and not view.trust_button.isVisible()
    assert view.conflict_button.isVisible(), "trusting the sender leaves the conflict to resolve"

    def keep_this(dialog: QWidget) -> None:
        assert isinstance(dialog, ConflictDialog) and dialog.copy.id == copy_id
        tab_to("Keep this computer's copy")
        press(Qt.Key.Key_Space)

    on_next_modal(keep_this)
    window.activateWindow()  # the trust dialog has closed: the keyboard is back in the window
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    view.conflict_button.setFocus()
    press(Qt.Key.Key_Space)
    assert log.questions and "Conflict resolved" in view.status.text() and not view.conflict_button.isVisible()
    assert window.store.conflicts() == [] and window.store.load(record_id).data["needs"]["housing"]["status"] == \
        "current"
    view.open_bundle(bundle)  # the same bundle again: no conflict, and it says why
    assert not view.conflict_button.isVisible() and "set aside before" in view.status.text()
    close_window(window)


def test_at_200_percent_text_nothing_is_squeezed_cut_off_or_larger_than_the_screen(qtbot, qapp, tmp_path, pathway,
                                                                                   normal_text) -> None:
    """WCAG 1.4.4: at 200% the dialog needs 898 px of width and 351 of height; it opens within the screen (and at
    least at that), and nothing in it is squeezed or cut off, also within the first-start window."""
    _record_id, copy_id, _bundle = make_conflict(tmp_path / "here", tmp_path / "there", tmp_path)
    apply_text_size(qapp, 200)
    with Store.open(tmp_path / "here") as store:
        dialog = shown_active(qtbot, ConflictDialog(store, pathway, load_framework(), copy_id))
        assert dialog.table.rowCount() == 5
        assert dialog_problems(dialog) == []
        dialog.close()
