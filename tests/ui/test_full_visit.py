"""End to end, keyboard alone: a new visit written up in the real window, the live panel checked against the
headless `pairaid assess`, the safeguarding banner raised and cleared, an unreasoned lowering refused, the
record finalised, all three PDFs and a print made and audited, and the record reopened in a new window."""

from __future__ import annotations

import datetime as dt
import io
import json
from contextlib import redirect_stdout
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from pairaid.cli import main as cli_main
from tests.ui.app_helpers import DialogLog, close_window, open_window
from tests.ui.keyboard import choose_combo, choose_radio, focused, press, shortcut, tab_to, type_text

BABY = "Zoë Brontë"
PARENT_WORDS = "ہم ٹھیک ہیں، بس تھکے ہوئے ہیں"  # Urdu: "we are fine, just tired"


def assess_headless(data: dict, tmp_path: Path) -> dict:
    """`pairaid assess FILE --json` on the same record, in-process."""
    file = tmp_path / "record.json"
    file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = io.StringIO()
    with redirect_stdout(out):
        assert cli_main(["assess", str(file), "--json"]) == 0
    return json.loads(out.getvalue())


def test_full_visit_from_the_keyboard(qtbot, tmp_data_dir: Path, tmp_path: Path, monkeypatch) -> None:
    log = DialogLog().install(monkeypatch)
    window = open_window(qtbot, tmp_data_dir)
    session = window.session
    walk = window.walkthrough
    born = dt.date.today() - dt.timedelta(days=20)

    # Home -> new visit (Ctrl+N). The visit date starts as today.
    window.home.search_edit.setFocus()
    shortcut("Ctrl+N")
    assert window.stack.currentWidget() is window.visit_page
    assert walk.current_section() == "visit"
    choose_combo("Type of contact (required)", lambda: session.value("contact.type") == "new_birth")
    tab_to("Your name")
    type_text("Şükrü Öztürk")

    # Baby and family.
    shortcut("Ctrl+]")
    assert walk.current_section() == "family"
    tab_to("Baby's name")
    type_text(BABY)
    tab_to("Date of birth")
    type_text(born.strftime("%d/%m/%Y"))
    tab_to("NHS number")
    type_text("943 476 5919")
    tab_to("Postcode")
    type_text("B15 2TT")
    assert session.value("family.baby.name") == BABY
    assert session.value("family.baby.date_of_birth") == born.isoformat()
    assert session.outcome() is not None

    # Observations: one significant concern and three more observed -> specialist, not provisional.
    shortcut("Ctrl+]")
    assert walk.current_section() == "observations"
    choose_radio("Rating for Noticing the baby's signals", "No concern")
    choose_radio("Rating for Responding to the baby", "Some concern")
    choose_radio("Rating for Warmth and enjoyment", "Significant concern")
    choose_radio("Rating for Handling and physical care", "Strength")
    assert session.value("observations.warmth.rating") == "significant_concern"

    # Parent's voice, in the parent's own words (Urdu).
    shortcut("Ctrl+]")
    choose_radio("Did you ask the parent how they feel about their relationship with the baby", "Yes")
    tab_to("The parent's own words")
    type_text(PARENT_WORDS)
    assert session.value("parent_voice.words") == PARENT_WORDS

    # The live panel shows what the headless command says for the same saved record.
    session.flush()
    record = window.store.load(window.record_id())
    expected = assess_headless(record.data, tmp_path)
    panel = walk.live_panel
    assert panel.outcome() is not None
    assert panel.outcome().level == expected["level"] == "specialist"
    assert panel.outcome().final_level == expected["final_level"]
    assert [r.rule for r in panel.outcome().reasons] == [r["rule"] for r in expected["reasons"]]
    assert window.pathway.levels.get(expected["level"]).label in panel.text()

    # Safeguarding: ticking an indicator raises the banner and the level; unticking clears both.
    walk.go_to("safeguarding")
    tab_to("Domestic abuse with the baby present")
    assert not walk.banner.is_raised()
    press(Qt.Key.Key_Space)
    assert walk.banner.is_raised() and walk.banner.isVisible()
    assert session.outcome().level == "statutory"
    assert window.pathway.front_door.phone in walk.banner.body.text()
    press(Qt.Key.Key_Space)
    assert not walk.banner.is_raised() and not walk.banner.isVisible()
    assert session.outcome().level == "specialist"

    # Decision: lowering to targeted without a reason is refused at finalise, with what to do.
    walk.go_to("decision")
    choose_combo("Change the level", lambda: session.value("decision.override_level") == "targeted")
    tab_to("Finalise the record")
    press(Qt.Key.Key_Space)
    assert log.errors, "an unreasoned lowering must be refused"
    title, text = log.errors[-1]
    assert "reason" in title.lower() and "Decision" in text
    assert window.store.info(window.record_id()).status == "draft"
    assert walk.current_section() == "decision"

    # With a reason it is accepted; finalise after confirming.
    tab_to("Reason for changing the level")
    type_text("Seen with the family nurse twice this week; warmth much better with support.")
    tab_to("Next steps")
    type_text("Review at 6-8 weeks.")
    # Consent and the basis for sharing are recorded before a record can be final.
    session.set_values({"consent.family_agrees": "yes", "consent.sharing_basis": "consent",
                        "consent.family_told": True}, "Consent")
    log.answers.append(True)
    tab_to("Finalise the record")
    press(Qt.Key.Key_Space)
    assert window.store.info(window.record_id()).status == "final"
    assert session.is_read_only()
    assert log.questions and "Finalise" in log.questions[-1][0]

    # Summary (shown once final): all three copies as PDFs (Ctrl+S), then a real print (Ctrl+P).
    assert walk.current_section() == "summary"
    made = []
    for index, copy in enumerate(("referral", "parent", "supervision")):
        choose_combo("Copy to preview", lambda c=copy: window.summary_page.current_copy() == c)
        if index == 0:
            tab_to("Recipient")
            type_text("Perinatal mental health team")
        path = tmp_path / f"{copy}.pdf"
        log.save_paths.append(str(path))
        shortcut("Ctrl+S")
        assert path.read_bytes().startswith(b"%PDF"), f"no PDF for the {copy} copy"
        made.append(path)
    printed = tmp_path / "printed.pdf"
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    log.printers.append(printer)
    shortcut("Ctrl+P")
    assert printed.read_bytes().startswith(b"%PDF")
    events = [(e.kind, e.detail) for e in window.store.audit(window.record_id())]
    pdfs = [d for kind, d in events if kind == "pdf_made"]
    assert [d["copy"] for d in pdfs] == ["referral", "parent", "supervision"]
    assert [d["recipient_role"] for d in pdfs] == ["specialist_service", "family", "supervisor"]
    assert [d["copy"] for kind, d in events if kind == "printed"] == ["supervision"]
    assert not log.errors[1:], log.errors

    # Undo is not possible on a final record; the app reopens it after a restart.
    record_id = window.record_id()
    close_window(window)
    again = open_window(qtbot, tmp_data_dir)
    assert again.restore_last_record()
    assert again.record_id() == record_id
    assert again.session.value("family.baby.name") == BABY
    assert again.session.is_read_only()
    assert again.walkthrough.current_section() == "summary"
    assert focused() is not None
    close_window(again)
