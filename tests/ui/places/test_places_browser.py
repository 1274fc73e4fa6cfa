"""The pathway browser: filters, search, details pane and the printable map."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from pairaid.core.pathway import ContactDetails, Pathway, Review
from pairaid.ui.places import PathwayBrowserView
from pairaid.ui.places.service_filter import postcode_district


def _never_called(pathway: Pathway, out: Path) -> Path:
    raise AssertionError("the map must not be rendered")


@pytest.fixture
def view(qtbot, pathway: Pathway) -> PathwayBrowserView:
    widget = PathwayBrowserView(pathway, _never_called)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    return widget


def test_lists_every_active_service_grouped_by_level(view: PathwayBrowserView) -> None:
    assert view.visible_service_ids() == ["sunrise-feeding", "toddler-talk", "calm-minds", "front-door"]
    groups = [view.tree.topLevelItem(i).text(0) for i in range(view.tree.topLevelItemCount())]
    assert groups[0].startswith("Universal") and groups[0].endswith("(1)")
    view.inactive.setChecked(True)
    assert "old-group" in view.visible_service_ids()


@pytest.mark.parametrize(
    "postcode, expected", [("b15 2tt", "B15"), ("B152TT", "B15"), ("b1", "B1"), ("", "")]
)
def test_postcode_district(postcode: str, expected: str) -> None:
    assert postcode_district(postcode) == expected


def test_filters_by_stage_age_postcode_level_and_need(qtbot, view: PathwayBrowserView) -> None:
    view.stage.setCurrentIndex(view.stage.findData("antenatal"))
    assert view.visible_service_ids() == ["sunrise-feeding", "calm-minds", "front-door"]
    view.stage.setCurrentIndex(0)

    view.age.setValue(18)
    assert view.visible_service_ids() == ["toddler-talk", "calm-minds", "front-door"]

    qtbot.keyClicks(view.postcode, "b17 9aa")
    assert view.visible_service_ids() == ["calm-minds", "front-door"]
    assert "B17 is outside Birmingham" in view.notice.text()
    view.postcode.setText("B15 2TT")
    assert view.visible_service_ids() == ["toddler-talk", "calm-minds", "front-door"]
    assert "outside" not in view.notice.text()
    view.postcode.setText("not one")
    assert "is not a postcode" in view.notice.text()
    assert view.visible_service_ids() == ["toddler-talk", "calm-minds", "front-door"]
    view.postcode.setText("B15 2TT")

    view.level.setCurrentIndex(view.level.findData("specialist"))
    assert view.visible_service_ids() == ["calm-minds"]
    view.level.setCurrentIndex(0)
    view.need.setCurrentIndex(view.need.findData("child_send"))
    assert view.visible_service_ids() == ["toddler-talk"]


def test_search_by_name_ignores_case_and_accents(qtbot, view: PathwayBrowserView) -> None:
    qtbot.keyClicks(view.search, "cafe")
    assert view.visible_service_ids() == ["sunrise-feeding"]
    view.search.setText("speech team")  # the provider
    assert view.visible_service_ids() == ["toddler-talk"]
    view.search.setText("nothing like this")
    assert view.visible_service_ids() == []
    assert "No service matches" in view.details.toPlainText()


def test_details_pane_says_who_how_contact_and_source(view: PathwayBrowserView) -> None:
    view.select_service("sunrise-feeding")
    text = view.details.toPlainText()
    for expected in (
        "Sunrise Feeding Café", "Infant feeding", "Pregnancy, and babies 0–12 months",
        "Families can refer themselves; professionals can refer.", "Drop in on Tuesdays.",
        "0121 496 0123", "https://example.org/sunrise", "checked 26 November 2026", "free",
        "English, Urdu, Polish",
    ):
        assert expected in text
    assert "Check before referring" not in text

    view.select_service("toddler-talk")
    text = view.details.toPlainText()
    assert "Check before referring" in text
    assert "B15, B16" in text and "A 2019 leaflet" in text and "date checked not recorded" in text


def test_unverified_service_is_marked_in_the_list(view: PathwayBrowserView) -> None:
    contact = {item.data(0, Qt.ItemDataRole.UserRole): item.text(3) for item in view.visible_service_items()}
    assert contact["toddler-talk"] == "Check before referring"
    assert contact["sunrise-feeding"] == "Checked 26 November 2026"
    ages = {item.data(0, Qt.ItemDataRole.UserRole): item.text(1) for item in view.visible_service_items()}
    assert ages == {"sunrise-feeding": "Pregnancy to 12 months", "toddler-talk": "12–30 months",
                    "calm-minds": "Pregnancy to 24 months", "front-door": "Pregnancy onwards"}


def test_print_map_writes_a_pdf_naming_every_service(qtbot, monkeypatch, pathway, tmp_path) -> None:
    from pypdf import PdfReader

    from pairaid.report import render_service_map

    view = PathwayBrowserView(pathway, render_service_map)
    qtbot.addWidget(view)
    target = tmp_path / "map"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF files (*.pdf)"))
    written = view.print_map()
    assert written == tmp_path / "map.pdf" and written.exists()
    reader = PdfReader(str(written))
    assert 1 <= len(reader.pages) <= 2
    text = " ".join(page.extract_text() for page in reader.pages)
    for name in ("Sunrise Feeding", "Toddler Talk", "Calm Minds Perinatal", "Example Front Door"):
        assert name in " ".join(text.split())
    assert "saved to" in view.notice.text()


def test_print_map_failure_shows_a_dialog(qtbot, monkeypatch, pathway, tmp_path) -> None:
    def broken(pathway: Pathway, out: Path) -> Path:
        raise OSError("disk full")

    view = PathwayBrowserView(pathway, broken)
    qtbot.addWidget(view)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "x.pdf"), ""))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a: shown.append(text))
    assert view.print_map() is None
    assert len(shown) == 1 and "disk full" in shown[0]
    from PySide6.QtWidgets import QApplication

    assert QApplication.overrideCursor() is None


def test_cancelled_save_dialog_does_nothing(qtbot, monkeypatch, view: PathwayBrowserView) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert view.print_map() is None


def test_escape_and_alt_left_go_back(qtbot, view: PathwayBrowserView) -> None:
    view.search.setFocus()
    with qtbot.waitSignal(view.back_requested, timeout=1000):
        qtbot.keyClick(view.search, Qt.Key.Key_Escape)
    with qtbot.waitSignal(view.back_requested, timeout=1000):
        qtbot.keyClick(view.tree, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)


def test_browser_is_accessible(qtbot, view: PathwayBrowserView) -> None:
    from tests.ui.places.accessibility import check_accessible

    qtbot.waitExposed(view)
    check_accessible(view)


def test_enter_on_a_service_moves_to_its_details(qtbot, view: PathwayBrowserView) -> None:
    view.activateWindow()
    view.select_service("calm-minds")
    view.tree.setFocus()
    qtbot.keyClick(view.tree, Qt.Key.Key_Return)
    assert view.details.hasFocus()
    assert "Calm Minds Perinatal" in view.details.toPlainText()


def test_a_refreshed_pathways_services_needing_review_come_first(qtbot, pathway: Pathway) -> None:
    review = {"since": "2026-12-01", "changes": ["contact.phones: 0121 496 0456 → 0121 496 0457"]}
    changed = pathway.service("toddler-talk").model_copy(update={"review": Review.model_validate(review)})
    services = [changed if s.id == "toddler-talk" else s for s in pathway.services]
    widget = PathwayBrowserView(pathway.model_copy(update={"services": services}), _never_called)
    qtbot.addWidget(widget)
    assert widget.tree.topLevelItem(0).text(0) == "Needs review (1)"
    assert widget.visible_service_ids() == ["toddler-talk", "sunrise-feeding", "calm-minds", "front-door"]
    widget.select_service("toddler-talk")
    details = widget.details.toPlainText()
    assert "Needs review, since the refresh from the council's feed on 1 December 2026:" in details
    assert "contact.phones: 0121 496 0456 → 0121 496 0457" in details
    widget.level.setCurrentIndex(widget.level.findData("specialist"))
    assert widget.visible_service_ids() == ["calm-minds"]
    assert widget.tree.topLevelItem(0).isHidden()


def test_labelled_numbers_are_shown_in_the_details(qtbot, pathway: Pathway) -> None:
    contact = {"phone": "0121 496 0123", "phones": [{"label": "Out of hours", "number": "07700 900123"}]}
    sunrise = pathway.service("sunrise-feeding").model_copy(
        update={"contact": ContactDetails.model_validate(contact)})
    services = [sunrise if s.id == "sunrise-feeding" else s for s in pathway.services]
    widget = PathwayBrowserView(pathway.model_copy(update={"services": services}), _never_called)
    qtbot.addWidget(widget)
    widget.select_service("sunrise-feeding")
    details = widget.details.toPlainText()
    assert "Phone\t0121 496 0123" in details or "Phone 0121 496 0123" in details.replace("\n", " ")
    assert "Out of hours" in details and "07700 900123" in details
