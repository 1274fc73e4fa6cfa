"""The PDFs read back: sections, names in every script, markup characters, page numbering, atomic writes."""

from __future__ import annotations

import copy
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import uharfbuzz as hb
from pypdf import PdfReader

from pairaid.core.pathway import Pathway
from pairaid.core.summary_content import build_summary
from pairaid.report import ReportError, render_document, render_service_map, render_summary
from pairaid.resources import resource_path
from tests.report.helpers import MADE_ON, flat, make, outcome_for, pdf_text

MARKUP = "he's my <b>world</b> & I'm tired; Ann <ann@example.org>"


def render(
    data: dict[str, Any], pathway: Pathway, copy_kind: str, out: Path, recipient: str = "Duty clinician"
) -> Path:
    assessment = make(data)
    return render_summary(assessment, outcome_for(assessment, pathway), pathway, copy_kind, out, recipient, MADE_ON)


@pytest.fixture(scope="module")
def referral_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.report.helpers import load_test_pathway, visit_data

    return render(visit_data(), load_test_pathway(), "referral", tmp_path_factory.mktemp("pdf") / "referral.pdf")


def shaped_pattern(text: str, font_file: str) -> re.Pattern[str]:
    """What a PDF holding `text` shaped with `font_file` gives back: HarfBuzz's glyphs in order, each as its
    character, or any private-use character for a glyph with no character of its own (a conjunct)."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    path = str(resource_path("fonts", font_file))
    face = hb.Face(hb.Blob.from_file_path(path))
    font = hb.Font(face)
    glyph_to_char = TTFontFile(path).charToGlyph
    inverse: dict[int, int] = {}
    for char, gid in sorted(glyph_to_char.items()):
        inverse.setdefault(gid, char)
    parts = []
    for word in text.split():
        buf = hb.Buffer()
        buf.add_str(word)
        buf.guess_segment_properties()
        hb.shape(font, buf, {"kern": True, "liga": True, "dlig": True})
        parts.append(
            "".join(
                re.escape(chr(inverse[i.codepoint])) if i.codepoint in inverse else "[\ue000-\uf8ff]"
                for i in buf.glyph_infos
            )
        )
    return re.compile(r"\s+".join(parts))


def test_every_section_heading_is_in_the_pdf(referral_pdf: Path) -> None:
    text = flat(pdf_text(referral_pdf))
    for heading in [
        "Referral summary",
        "About this referral",
        "The baby and the family",
        "What is being asked",
        "Why now",
        "Consent and sharing",
        "Strengths",
        "Other observations",
        "The parent's own words and wishes",
        "Other needs and the household",
        "Next steps and review",
        "Signatures",
    ]:
        assert heading in text, heading


def test_names_in_every_script_come_back(referral_pdf: Path) -> None:
    raw = pdf_text(referral_pdf)
    text = flat(raw)
    for name in ["Zoë Łucja Wójcik", "Nguyễn Thị Minh Khai", "Şükrü Öztürk"]:
        assert name in text, name
    # Arabic and Urdu: joined letters come back (NFKC) in visual order, word by word.
    for name in ["محمد عبد الله", "عمران خان"]:
        assert " ".join(reversed(name.split())) in text, name
    # Bengali and Gurmukhi: exactly the shaped glyphs (conjuncts are single glyphs without a character).
    assert shaped_pattern("রহমান চক্রবর্তী", "NotoSansBengali-Regular.ttf").search(raw)
    assert shaped_pattern("ਗੁਰਪ੍ਰੀਤ ਕੌਰ", "NotoSansGurmukhi-Regular.ttf").search(raw)


def test_only_the_fonts_used_are_embedded(referral_pdf: Path, tmp_path: Path, pathway: Pathway) -> None:
    def fonts(path: Path) -> set[str]:
        found = set()
        for page in PdfReader(str(path)).pages:
            for font in page["/Resources"]["/Font"].values():
                found.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
        return found

    assert fonts(referral_pdf) >= {
        "NotoSans-Regular",
        "NotoSans-Bold",
        "NotoSansArabic-Regular",
        "NotoSansBengali-Regular",
        "NotoSansGurmukhi-Regular",
    }
    from tests.report.helpers import visit_data

    latin = visit_data()
    latin["family"]["carers"] = latin["family"]["carers"][:1]
    latin["parent_voice"]["words"] = MARKUP
    assert fonts(render(latin, pathway, "referral", tmp_path / "latin.pdf")) == {"NotoSans-Regular", "NotoSans-Bold"}


def test_markup_characters_print_exactly(tmp_path: Path, pathway: Pathway, data: dict[str, Any]) -> None:
    data["parent_voice"]["words"] = MARKUP
    data["observations"]["warmth"]["note"] = "a<b & c > d </i> <unclosed"
    data["contact"]["practitioner"]["team"] = "<font name='x'>Team</font>"
    for kind in ("referral", "parent"):
        text = flat(pdf_text(render(data, pathway, kind, tmp_path / f"{kind}.pdf")))
        assert MARKUP in text, kind
    text = flat(pdf_text(tmp_path / "referral.pdf"))
    assert "a<b & c > d </i> <unclosed" in text
    assert "<font name='x'>Team</font>" in text


def test_long_notes_flow_over_pages(tmp_path: Path, pathway: Pathway, data: dict[str, Any]) -> None:
    words = "Baby settles when held close and sung to; mum says evenings are hardest. "
    note = (words * 300)[:20_000] + "END-OF-NOTE"
    data["observations"]["noticing_cues"]["note"] = note
    data["parent_voice"]["words"] = note
    data["decision"]["next_steps"] = note
    out = render(data, pathway, "referral", tmp_path / "long.pdf")
    pages = len(PdfReader(str(out)).pages)
    assert pages >= 10
    assert flat(pdf_text(out)).count("END-OF-NOTE") == 3


def test_every_page_is_marked_and_numbered(referral_pdf: Path) -> None:
    pages = PdfReader(str(referral_pdf)).pages
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        text = flat(unicodedata.normalize("NFKC", page.extract_text()))
        assert f"Page {number} of {len(pages)}" in text
        assert "OFFICIAL-SENSITIVE" in text
        assert "Fingerprint" in text and "testshire 2026.11-test" in text
        assert "for Duty clinician" in text


def test_safeguarding_box_comes_first_on_page_one(tmp_path: Path, pathway: Pathway, data: dict[str, Any]) -> None:
    data["safeguarding"] = {"indicators": ["injury_non_mobile_baby"]}
    out = render(data, pathway, "referral", tmp_path / "sg.pdf")
    page = PdfReader(str(out)).pages[0]
    heights: dict[str, float] = {}

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        for key in ("Safeguarding: contact", "Referral summary", "About this referral"):
            if text.startswith(key) and key not in heights:
                heights[key] = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]  # page y of the text

    first = flat(unicodedata.normalize("NFKC", page.extract_text(visitor_text=visit)))
    # Nothing of the body is above the box: it is the top thing under the page marking.
    assert heights["Safeguarding: contact"] > heights["About this referral"]
    assert first.index("Safeguarding: contact Testshire Children's Front Door now") < first.index("Referral summary DRAFT")
    for expected in ["0121 496 0100", "Out of hours: 0121 496 0101", "999", "Request for Support within 48 hours"]:
        assert expected in first


def test_supervision_pdf_has_no_identifiers(tmp_path: Path, pathway: Pathway, data: dict[str, Any]) -> None:
    text = flat(pdf_text(render(data, pathway, "supervision", tmp_path / "sup.pdf", "Supervisor")))
    for identifier in [
        "Zoë",
        "Wójcik",
        "Nguyễn",
        "Khai",
        "943 476 5919",
        "B15 2TT",
        "Elm Tree",
        "1 October 2026",
        "20 November 2026",
        "07700 900321",
        "ann@example.org",
        "عبد",
        "খান",
        "রহমান",
        "ਕੌਰ",
    ]:
        assert identifier not in text, identifier
    assert "Z.Ł.W." in text


def test_parent_pdf_has_no_rule_ids_or_scores(tmp_path: Path, pathway: Pathway, data: dict[str, Any]) -> None:
    text = flat(pdf_text(render(data, pathway, "parent", tmp_path / "parent.pdf", "Khai")))
    for banned in [*(r.id for r in pathway.rules.rules), "EPDS", "GAD-2", "of 30", "Specialist", "Targeted"]:
        assert not re.search(rf"\b{re.escape(banned)}\b", text), banned
    assert "What is going well" in text and "For: Nguyễn Thị Minh Khai" in text


def test_atomic_write_replaces_and_leaves_no_temporary_files(
    tmp_path: Path, pathway: Pathway, data: dict[str, Any]
) -> None:
    out = tmp_path / "summary.pdf"
    out.write_bytes(b"old")
    render(data, pathway, "referral", out)
    assert out.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["summary.pdf"]


def test_a_failed_render_keeps_the_old_file(tmp_path: Path, pathway: Pathway, data: dict[str, Any]) -> None:
    assessment = make(data)
    doc = build_summary(assessment, outcome_for(assessment, pathway), pathway, "referral", None, MADE_ON)
    broken = doc.model_copy(update={"sections": [*doc.sections, "not a section"]})
    out = tmp_path / "summary.pdf"
    out.write_bytes(b"old")
    with pytest.raises(AttributeError):
        render_document(broken, out)
    assert out.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["summary.pdf"]


def test_missing_folder_and_unreplaceable_file_give_clear_errors(
    tmp_path: Path, pathway: Pathway, data: dict[str, Any]
) -> None:
    with pytest.raises(ReportError, match="does not exist"):
        render(data, pathway, "referral", tmp_path / "nowhere" / "s.pdf")
    (tmp_path / "folder.pdf").mkdir()
    with pytest.raises(ReportError, match="is a folder"):
        render(data, pathway, "referral", tmp_path / "folder.pdf")
    if os.geteuid() != 0:
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0o500)
        try:
            with pytest.raises(ReportError, match="permission denied"):
                render(data, pathway, "referral", locked / "s.pdf")
        finally:
            locked.chmod(0o700)


def test_service_map_lists_every_service_by_level(tmp_path: Path, pathway: Pathway) -> None:
    out = render_service_map(pathway, tmp_path / "map.pdf")
    reader = PdfReader(str(out))
    assert 1 <= len(reader.pages) <= 2
    text = flat(pdf_text(out))
    assert text.index("Testshire Children's Front Door: 0121 496 0100") < text.index("Universal")
    for service in pathway.services:
        assert service.name in text
    assert "Unverified: check before referring" in text
    assert text.index("Statutory") < text.index("Specialist") < text.index("Targeted") < text.index("Universal")


def test_importing_the_report_package_does_not_import_reportlab() -> None:
    code = "import sys, pairaid.report; print(any(m.startswith('reportlab') for m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_copy_deep_data_is_not_changed_by_rendering(tmp_path: Path, pathway: Pathway, data: dict[str, Any]) -> None:
    before = copy.deepcopy(data)
    render(data, pathway, "supervision", tmp_path / "s.pdf")
    assert data == before


def test_a_word_that_changes_script_is_drawn_with_the_right_glyphs(
    tmp_path: Path, pathway: Pathway, data: dict[str, Any]
) -> None:
    data["parent_voice"]["words"] = "Dad (محمد) said: عمران."
    text = flat(pdf_text(render(data, pathway, "referral", tmp_path / "mixed.pdf")))
    assert "محمد" in text and "عمران" in text
    sup = flat(pdf_text(render(data, pathway, "supervision", tmp_path / "sup.pdf")))
    assert "م" in sup and "ع" in sup  # the initials, drawn from the Arabic font


def test_a_typical_referral_fits_two_pages_with_the_signatures_never_alone(tmp_path: Path, pathway: Pathway,
                                                                           data: dict[str, Any]) -> None:
    data["family"]["carers"] = data["family"]["carers"][:2]
    reader = PdfReader(str(render(data, pathway, "referral", tmp_path / "typical.pdf")))
    assert len(reader.pages) <= 2
    first = flat(unicodedata.normalize("NFKC", reader.pages[0].extract_text()))
    for heading in ("The baby and the family", "What is being asked", "Why now"):
        assert heading in first, heading
    data["observations"]["noticing_cues"]["note"] = "A long note. " * 400  # pushes the end over a page
    reader = PdfReader(str(render(data, pathway, "referral", tmp_path / "long.pdf")))
    last = flat(unicodedata.normalize("NFKC", reader.pages[-1].extract_text()))
    assert "Signatures" in last and "Next steps and review" in last, "the signatures never stand alone"


def test_every_page_of_a_draft_says_so_and_a_final_copy_does_not(tmp_path: Path, pathway: Pathway,
                                                                 data: dict[str, Any]) -> None:
    assessment = make(data)
    outcome = outcome_for(assessment, pathway)
    for copy_kind in ("referral", "parent", "supervision"):
        draft = render_summary(assessment, outcome, pathway, copy_kind, tmp_path / f"{copy_kind}.pdf", None, MADE_ON)
        pages = PdfReader(str(draft)).pages
        assert all("DRAFT — not finalised" in page.extract_text() for page in pages), copy_kind
        final = render_summary(assessment, outcome, pathway, copy_kind, tmp_path / f"{copy_kind}-final.pdf", None,
                               MADE_ON, final=True)
        assert not any("DRAFT" in page.extract_text() for page in PdfReader(str(final)).pages), copy_kind
