"""Supervisor review: open a bundle made by the store, read it, challenge and sign off, refuse tampering."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from pairaid.core.pathway import Pathway
from pairaid.store import Store
from pairaid.ui.places.review import ReviewView
from tests.ui.places.records import assessment, finalise


@pytest.fixture
def practitioner(tmp_path: Path):
    store = Store.open(tmp_path / "practitioner")
    yield store
    store.close()


@pytest.fixture
def supervisor(tmp_path: Path):
    store = Store.open(tmp_path / "supervisor")
    yield store
    store.close()


def _view(qtbot, store, pathway: Pathway) -> ReviewView:
    view = ReviewView(store, pathway, today=dt.date(2026, 11, 26))
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    return view


def _type(widget, text: str) -> None:
    """Type any text, accents included (qtbot.keyClicks aborts on non-ASCII)."""
    from PySide6.QtTest import QTest

    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)


def test_open_bundle_challenge_sign_off_and_see_it_on_the_practitioners_side(
    qtbot, monkeypatch, tmp_path, practitioner, birmingham
) -> None:
    record_id = finalise(practitioner, birmingham, assessment())
    bundle = practitioner.export_bundle(record_id, tmp_path / "for-review.pairaid")

    view = _view(qtbot, Store.open(tmp_path / "supervisor"), birmingham)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bundle), ""))
    opened = view.open_bundle()
    assert opened is not None and opened.id == record_id
    text = view.reader.toPlainText()
    for expected in ("Nguyễn Thị Minh Khai", "Suggested level", "Final level", "Missed hunger cues twice",
                     "Smiled and sang to the baby <softly> & often.", "I love her but I feel so tired",
                     "Visit again in two weeks"):
        assert expected in text
    assert view.reader.isReadOnly()
    assert view.queue_ids() == [record_id]
    # the practitioner's key was never trusted here: the sender is said to be unverified, in words
    assert "Unverified sender" in view.status.text() and "do not count as a sign-off" in view.status.text()

    view.challenge.setChecked(True)
    view.suggested_level.setCurrentIndex(view.suggested_level.findData("specialist"))
    view.comment.setFocus()
    _type(view.comment, "The missed cues and low mood together need the perinatal team — Şükrü")
    view.reviewer.clear()
    _type(view.reviewer, "Łukasz Wójcik")
    view.sign_off.setChecked(True)
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert "signed off" in view.status.text()
    assert view.queue_ids() == []  # signed off: no longer waiting
    assert "Łukasz Wójcik" in view.reader.toPlainText()
    returned = view.send_back(tmp_path / "reviewed.pairaid")
    view.store.close()

    # Reopening the supervisor's store: the review is there.
    with Store.open(tmp_path / "supervisor") as reopened:
        [review] = reopened.load(record_id).reviews
        assert (review.reviewer, review.verdict, review.suggested_level, review.signed_off) == (
            "Łukasz Wójcik", "challenge", "specialist", True)
        assert review.comment.endswith("perinatal team — Şükrü")

    # The practitioner trusted the supervisor's key once, after comparing fingerprints aloud (else the sign-off
    # comes from an "unverified sender" and does not count); the returned bundle then signs the record off.
    with Store.open(tmp_path / "supervisor") as supervisor:
        practitioner.trust_key(supervisor.own_public_key(), name="Łukasz Wójcik",
                               fingerprint_said=supervisor.own_fingerprint())
    practitioner.import_bundle(returned)
    practitioner.close()
    with Store.open(tmp_path / "practitioner") as again:
        record = again.load(record_id)
        assert record.signed_off
        [review] = record.reviews
        assert review.verdict == "challenge" and review.reviewer == "Łukasz Wójcik"


def test_agree_and_local_record_opens_from_the_queue_with_enter(qtbot, practitioner, birmingham) -> None:
    first = finalise(practitioner, birmingham, assessment("Łukasz Wójcik", dt.date(2026, 11, 10)))
    second = finalise(practitioner, birmingham, assessment("محمد عبد الله", dt.date(2026, 11, 18)))
    view = _view(qtbot, practitioner, birmingham)
    assert view.queue_ids() == [second, first]  # newest visit first
    view.activateWindow()
    view.queue.setFocus()
    view.queue.setCurrentRow(1)
    qtbot.keyClick(view.queue, Qt.Key.Key_Return)
    assert view.record is not None and view.record.id == first
    assert "Łukasz Wójcik" in view.reader.toPlainText()
    assert not view.suggested_level.isEnabled()  # only a challenge suggests a level

    view.reviewer.setText("Ann Example")
    view.comment.setPlainText("Agree: targeted support fits.")
    assert view.save_review()
    [review] = practitioner.load(first).reviews
    assert (review.verdict, review.suggested_level, review.signed_off) == ("agree", None, False)
    assert view.queue_ids() == [second, first]  # not signed off: still waiting


def test_a_review_needs_a_name_and_a_challenge_needs_a_reason(qtbot, practitioner, birmingham) -> None:
    record_id = finalise(practitioner, birmingham, assessment())
    view = _view(qtbot, practitioner, birmingham)
    view.open_record(record_id)
    view.reviewer.clear()
    assert not view.save_review()
    assert "Enter your name" in view.form_problem.text()
    view.reviewer.setText("Ann Example")
    view.challenge.setChecked(True)
    assert not view.save_review()
    assert "why you challenge" in view.form_problem.text()
    assert practitioner.load(record_id).reviews == []


@pytest.mark.parametrize("damage", ["tampered", "truncated"])
def test_a_damaged_bundle_is_refused_with_a_dialog(
    qtbot, monkeypatch, tmp_path, practitioner, supervisor, birmingham, damage: str
) -> None:
    record_id = finalise(practitioner, birmingham, assessment())
    bundle = practitioner.export_bundle(record_id, tmp_path / "for-review.pairaid")
    if damage == "tampered":
        content = json.loads(bundle.read_text(encoding="utf-8"))
        content["outcome"]["final_level"] = "universal"
        bundle.write_text(json.dumps(content), encoding="utf-8")
    else:
        bundle.write_bytes(bundle.read_bytes()[:400])

    view = _view(qtbot, supervisor, birmingham)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append((title, text)))
    assert view.open_bundle(bundle) is None
    [(title, text)] = shown
    assert title == "This bundle was refused"
    assert "Nothing was imported" in text and "export the record again" in text
    assert ("changed after it was exported" if damage == "tampered" else "incomplete") in text
    assert supervisor.search() == []
    assert view.record is None and not view.form.isEnabled()


def test_review_is_accessible(qtbot, practitioner, birmingham) -> None:
    from tests.ui.places.accessibility import check_accessible

    finalise(practitioner, birmingham, assessment())
    view = _view(qtbot, practitioner, birmingham)
    view.open_record(view.queue_ids()[0])
    view.challenge.setChecked(True)
    qtbot.waitExposed(view)
    check_accessible(view)
    with qtbot.waitActive(view):
        view.activateWindow()
    view.comment.setFocus()
    with qtbot.waitSignal(view.back_requested, timeout=1000):
        qtbot.keyClick(view.comment, Qt.Key.Key_Escape)


def test_the_open_bundle_button_opens_a_file_dialog(qtbot, supervisor, birmingham) -> None:
    """Clicking the button (not only Ctrl+O) asks for the file: clicked's `checked` never reaches open_bundle."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    view = _view(qtbot, supervisor, birmingham)
    seen: list[str] = []

    def close_the_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:  # not up yet: look again on the next turn of the loop
            QTimer.singleShot(20, close_the_dialog)
            return
        seen.append(type(dialog).__name__ + ": " + dialog.windowTitle())
        dialog.reject()

    QTimer.singleShot(0, close_the_dialog)
    qtbot.mouseClick(view.open_button, Qt.MouseButton.LeftButton)
    assert seen == ["QFileDialog: Open a bundle for review"]
    assert view.record is None and supervisor.search() == []  # cancelled: nothing imported


def test_an_empty_queue_says_why_it_is_empty(qtbot, practitioner, birmingham) -> None:
    view = _view(qtbot, practitioner, birmingham)
    assert view.queue_ids() == [] and view.queue_empty.isVisible()
    assert "no record has been finalised yet" in view.queue_empty.text()
    assert "signed off" not in view.queue_empty.text()  # nothing was signed off: it must not say so

    record_id = finalise(practitioner, birmingham, assessment())
    view.refresh_queue()
    assert view.queue_ids() == [record_id] and not view.queue_empty.isVisible()

    view.open_record(record_id)
    view.reviewer.setText("Ann Example")
    view.sign_off.setChecked(True)
    assert view.save_review()
    assert view.queue_ids() == [] and view.queue_empty.isVisible()
    assert view.queue_empty.text() == "Nothing is waiting: the one finalised record has been signed off."


def test_a_bundle_from_a_trusted_colleague_is_said_to_be_verified(
    qtbot, monkeypatch, tmp_path, practitioner, supervisor, birmingham
) -> None:
    record_id = finalise(practitioner, birmingham, assessment())
    bundle = practitioner.export_bundle(record_id, tmp_path / "for-review.pairaid")
    supervisor.trust_key(practitioner.own_public_key(), name="Zoë Brontë",
                         fingerprint_said=practitioner.own_fingerprint())
    view = _view(qtbot, supervisor, birmingham)
    assert view.open_bundle(bundle) is not None
    status = view.status.text()
    assert "Signed by Zoë Brontë" in status and "trusted" in status
    assert "nverified" not in status and "do not count" not in status
