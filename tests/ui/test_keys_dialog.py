"""Record → Keys and trusted colleagues, driven through its real widgets: this computer's fingerprint, saving the
public key, trusting a colleague's key only when the fingerprint read aloud is typed right, removing one."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from pairaid.store import Store
from pairaid.ui import dialogs
from pairaid.ui.keys_dialog import KeysDialog, TrustDialog
from pairaid.ui.text_size import apply_text_size
from tests.ui.app_helpers import DialogLog, close_window, open_window
from tests.ui.fit import dialog_problems
from tests.ui.keyboard import focused, press, tab_to, type_text
from tests.ui.modal import on_next_modal, shown_active
from tests.ui.places.accessibility import check_accessible


@pytest.fixture
def store(tmp_path: Path):
    s = Store.open(tmp_path / "practitioner")
    yield s
    s.close()


@pytest.fixture
def colleague(tmp_path: Path):
    s = Store.open(tmp_path / "supervisor")
    yield s
    s.close()


def test_fingerprint_shown_in_groups_and_the_public_key_saved_from_the_keyboard(qtbot, monkeypatch, store,
                                                                                 tmp_path) -> None:
    dialog = shown_active(qtbot, KeysDialog(store))
    assert dialog.fingerprint_label.text() == store.own_fingerprint()
    assert [len(group) for group in dialog.fingerprint_label.text().split()] == [4, 4, 4, 4, 4]
    assert dialog.empty_label.isVisible() and "No colleague" in dialog.empty_label.text()
    monkeypatch.setattr(dialogs, "save_file", lambda *_a: str(tmp_path / "my-key"))
    assert focused() is dialog.save_button
    press(Qt.Key.Key_Space)
    written = tmp_path / "my-key.pairaid-key"
    assert store.own_public_key() in written.read_text("utf-8")
    assert "Saved my-key.pairaid-key" in dialog.status.text() and "read your fingerprint aloud" in dialog.status.text()


def test_trusting_a_colleagues_key_file_from_the_keyboard(qtbot, monkeypatch, store, colleague, tmp_path) -> None:
    key_file = colleague.save_public_key(tmp_path / "ann")
    dialog = shown_active(qtbot, KeysDialog(store))
    monkeypatch.setattr(dialogs, "open_file", lambda *_a: str(key_file))

    def fill_in(trust: QWidget) -> None:
        assert isinstance(trust, TrustDialog)
        assert colleague.own_fingerprint() not in " ".join(w.text() for w in trust.findChildren(type(dialog.status)))
        assert focused() is trust.name_edit
        type_text("Łukasz Wójcik")
        press(Qt.Key.Key_Tab)
        assert focused() is trust.fingerprint_edit
        type_text(colleague.own_fingerprint().lower().replace(" ", "-"))  # as typed while it is read aloud
        press(Qt.Key.Key_Return)

    seen = on_next_modal(fill_in)
    tab_to("Add from a key file")
    press(Qt.Key.Key_Space)
    assert seen == ["Trust a colleague's key"]
    [trusted] = store.trusted_keys()
    assert trusted.name == "Łukasz Wójcik" and trusted.fingerprint == colleague.own_fingerprint()
    assert dialog.trusted_names() == ["Łukasz Wójcik"]
    assert dialog.table.item(0, 1).text() == colleague.own_fingerprint()
    assert "Trusted Łukasz Wójcik's key" in dialog.status.text()


def test_a_wrong_fingerprint_trusts_nothing_and_never_shows_the_right_one(qtbot, store, colleague) -> None:
    trust = shown_active(qtbot, TrustDialog(store, colleague.own_public_key(), "the file ann.pairaid-key"))
    right = colleague.own_fingerprint()
    check_accessible(trust)

    heights = (trust.name_edit.height(), trust.fingerprint_edit.height())
    qtbot.mouseClick(trust.trust_button, Qt.MouseButton.LeftButton)
    assert "Type your colleague's name" in trust.problem.text() and focused() is trust.name_edit
    type_text("Zoë Brontë")
    trust.fingerprint_edit.setFocus()
    type_text("3F2A 91C0")
    press(Qt.Key.Key_Return)
    assert "five groups of four (you typed 8)" in trust.problem.text()
    trust.fingerprint_edit.clear()
    wrong = "0000 1111 2222 3333 4444" if right != "0000 1111 2222 3333 4444" else "5555 1111 2222 3333 4444"
    type_text(wrong)
    press(Qt.Key.Key_Return)
    problem = trust.problem.text()
    assert "not this key's, so nothing was trusted" in problem and "in person or by phone" in problem
    assert right not in problem and right.replace(" ", "") not in problem
    qtbot.wait(10)  # the dialog grows to the message on the next layout pass
    after = (trust.name_edit.height(), trust.fingerprint_edit.height())
    assert all(now >= before for now, before in zip(after, heights, strict=True)), "the message squeezed the fields"
    assert trust.isVisible() and trust.result() != QDialog.DialogCode.Accepted
    assert store.trusted_keys() == []


def test_this_computers_own_key_is_refused_in_words(qtbot, store) -> None:
    trust = shown_active(qtbot, TrustDialog(store, store.own_public_key(), "the file mine.pairaid-key", name="Me"))
    trust.fingerprint_edit.setText(store.own_fingerprint())
    assert not trust.trust()
    assert "this computer's own key" in trust.problem.text() and store.trusted_keys() == []


@pytest.mark.parametrize(("content", "said"), [
    (None, "no such file"),
    (b"not a key at all\nsecond line\n", "is not a pairaid public key file"),
    (b"\x00\xff\xfe", "is not UTF-8 text"),
])
def test_a_bad_or_missing_key_file_says_what_is_wrong(qtbot, monkeypatch, store, tmp_path, content, said) -> None:
    log = DialogLog().install(monkeypatch)
    path = tmp_path / "colleague.pairaid-key"
    if content is not None:
        path.write_bytes(content)
    dialog = shown_active(qtbot, KeysDialog(store))
    assert dialog.add_from_file(path) is None
    [(title, text)] = log.errors
    assert title == "This key file cannot be used" and said in text and "nothing was trusted" in text
    assert "Traceback" not in text and store.trusted_keys() == []


def test_removing_a_trusted_colleague_asks_first_and_says_what_changes(qtbot, monkeypatch, store,
                                                                      colleague) -> None:
    store.trust_key(colleague.own_public_key(), name="Ann Hall", fingerprint_said=colleague.own_fingerprint())
    log = DialogLog().install(monkeypatch)
    log.answers = [False, True]
    dialog = shown_active(qtbot, KeysDialog(store))
    check_accessible(dialog)
    assert dialog.trusted_names() == ["Ann Hall"]
    tab_to("Remove the selected colleague")
    press(Qt.Key.Key_Space)
    assert [k.name for k in store.trusted_keys()] == ["Ann Hall"], "cancelled: still trusted"
    press(Qt.Key.Key_Space)
    assert store.trusted_keys() == [] and dialog.trusted_names() == []
    title, text = log.questions[-1]
    assert title == "Stop trusting this key?" and "unverified sender" in text and "Ann Hall" in text
    assert "no longer trusted" in dialog.status.text() and not dialog.remove_button.isEnabled()


def test_the_record_menu_opens_keys_and_trusted_colleagues(qtbot, tmp_path) -> None:
    window = open_window(qtbot, tmp_path / "data")
    window.ensure_home()
    action = window.menus.keys_action
    assert action is not None and action.isEnabled() and action.text() == "&Keys and trusted colleagues…"
    record_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Record")
    assert action in record_menu.actions()

    def look_and_close(dialog: QWidget) -> None:
        assert isinstance(dialog, KeysDialog)
        assert dialog.fingerprint_label.text() == window.store.own_fingerprint()
        dialog.reject()

    seen = on_next_modal(look_and_close)
    action.trigger()
    assert seen == ["Keys and trusted colleagues"]
    close_window(window)


def test_a_bundle_the_colleague_signed_can_be_chosen_instead_of_a_key_file(qtbot, monkeypatch, store, colleague,
                                                                          tmp_path) -> None:
    from pairaid.store import RecordSummary
    from tests.ui.places.records import assessment

    data = assessment("Şükrü Öztürk")
    info = colleague.create_draft(data, summary=RecordSummary.from_draft(data))
    bundle = colleague.export_bundle(info.id, tmp_path / "from-colleague")
    asked: list[str] = []

    def ask(_parent, _store, key, source, name=""):
        asked.append(source)
        return store.trust_key(key, name="Şükrü Öztürk", fingerprint_said=colleague.own_fingerprint())

    monkeypatch.setattr(dialogs, "ask_trust", ask)
    dialog = shown_active(qtbot, KeysDialog(store))
    assert dialog.add_from_file(bundle) is not None
    assert asked == ["the bundle from-colleague.pairaid"] and dialog.trusted_names() == ["Şükrü Öztürk"]


def test_at_200_percent_text_nothing_is_squeezed_cut_off_or_larger_than_the_screen(qtbot, qapp, store, colleague,
                                                                                   normal_text) -> None:
    """WCAG 1.4.4: at 200% the dialog wants 831 px of height, and at the fixed 720x560 it once opened at the
    fingerprint, the list and the buttons were squeezed below their size. Its body scrolls instead, and it opens
    within the screen; within the first-start window too."""
    store.trust_key(colleague.own_public_key(), name="Nguyễn Thị Minh Khai",
                    fingerprint_said=colleague.own_fingerprint())
    apply_text_size(qapp, 200)
    dialog = shown_active(qtbot, KeysDialog(store))
    assert dialog.trusted_names() == ["Nguyễn Thị Minh Khai"]
    assert dialog_problems(dialog) == []
    dialog.close()


def test_the_trust_dialog_at_200_percent_text_and_with_its_message(qtbot, qapp, store, colleague,
                                                                   normal_text) -> None:
    """At 200% its two fields had less than a line of text's room; with the message shown, it grows to show it
    whole (the body scrolls only once the screen has no more room)."""
    apply_text_size(qapp, 200)
    trust = shown_active(qtbot, TrustDialog(store, colleague.own_public_key(), "the file ann.pairaid-key", name="Ann Hall"))
    assert dialog_problems(trust) == []
    right = colleague.own_fingerprint()
    trust.fingerprint_edit.setText("0000 1111 2222 3333 4444" if right != "0000 1111 2222 3333 4444" else
                                   "5555 1111 2222 3333 4444")
    assert not trust.trust()
    qtbot.wait(10)
    assert "not this key's" in trust.problem.text()
    assert trust.problem.visibleRegion().boundingRect().size() == trust.problem.size(), "the message cut off"
    assert dialog_problems(trust) == []
    trust.close()
