"""The fast path for plain text (TextLines) against the shaped Paragraph path: both read back exactly, lay out
like Paragraph, break lines and pages without losing a character."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.platypus import Paragraph

from pairaid.report.fonts import ensure_base_fonts, is_plain
from pairaid.report.pages import Furniture, build_pdf, frame_width
from pairaid.report.styles import STYLES, lead_lines, para_lines, text
from pairaid.report.textlines import TextLines
from tests.report.helpers import flat, pdf_text

FURNITURE = Furniture(marking="OFFICIAL-SENSITIVE", title="Test", recipient=None, footer="footer")
LATIN = "Zoë Łucja Wójcik, Nguyễn Thị Minh Khai — a<b & c > d </i> <font name='x'>Team</font>"
MIXED = "Dad (محمد) said: রহমান"


@pytest.fixture(autouse=True)
def fonts() -> None:
    ensure_base_fonts()  # the styles name the bundled fonts; Paragraph needs them registered


def build(tmp_path: Path, story: list) -> Path:
    out = tmp_path / "t.pdf"
    build_pdf(out, story, FURNITURE, subject="test")
    return out


def test_plain_is_only_text_without_a_complex_script() -> None:
    assert is_plain("") and is_plain(LATIN) and is_plain("• Şükrü Öztürk · 07700 900321")
    for complex_text in ("محمد", "عمران خان", "রহমান", "ਕੌਰ", "x ﻣ y"):
        assert not is_plain(complex_text), complex_text


def test_latin_goes_the_fast_way_and_mixed_script_the_shaped_way(tmp_path: Path) -> None:
    fast = text(LATIN, STYLES["body"])
    shaped = text(MIXED, STYLES["body"])
    assert isinstance(fast, TextLines)
    assert isinstance(shaped, Paragraph) and shaped.style.shaping
    assert lead_lines([("Name:", "محمد")], STYLES["lines"]) is None
    rows = para_lines([("Team", LATIN), ("Email", "ann@example.org")], STYLES["lines"])
    assert isinstance(rows, TextLines)
    got = flat(pdf_text(build(tmp_path, [fast, shaped, rows])))
    assert LATIN in got
    # the shaped paragraph: the Arabic word from the Arabic font, the Bengali from the Bengali one, the rest
    # unshaped (pypdf puts the space beside the right-to-left word on its other side)
    assert "Dad (" in got and "محمد" in got and "said: রহমান" in got
    assert f"Team: {LATIN} Email: ann@example.org" in got


@pytest.mark.parametrize(
    "lead, value",
    [("Date of birth:", "1 October 2026"), ("", "Not recorded."), ("Zoë Wójcik", "— relationship: mother")],
)
def test_a_one_line_row_has_the_height_and_width_of_its_paragraph(lead: str, value: str) -> None:
    style = STYLES["row"]
    markup = f"<b>{lead}</b> {value}" if lead else value
    width = frame_width()
    assert TextLines([(lead, value)], style).wrap(width, 1000) == Paragraph(markup, style).wrap(width, 1000)


@pytest.mark.parametrize("value", ["", "   ", "a", "a\nb", "a\n\nb", "a\n", "\na", "a \n  b"])
def test_blank_lines_and_empty_text_take_the_height_they_take_in_a_paragraph(value: str) -> None:
    style = STYLES["body"]
    markup = value.replace("\n", "<br/>")
    assert TextLines([("", value)], style).wrap(500, 1000) == Paragraph(markup, style).wrap(500, 1000)


def test_lines_break_at_spaces_and_newlines_and_keep_every_word(tmp_path: Path) -> None:
    words = [f"word{n}" for n in range(400)]
    value = " ".join(words[:200]) + "\n" + "   ".join(words[200:])
    block = TextLines([("Note:", value)], STYLES["body"])
    _, height = block.wrap(frame_width(), 10_000)
    assert height >= 6 * STYLES["body"].leading  # wrapped, not one long line
    got = flat(pdf_text(build(tmp_path, [block])))
    assert "Note: " + " ".join(words) in got


def test_a_word_wider_than_the_line_is_split_not_lost(tmp_path: Path) -> None:
    word = "x" * 400
    block = TextLines([("", word)], STYLES["body"])
    _, height = block.wrap(frame_width(), 10_000)
    assert height >= 2 * STYLES["body"].leading
    assert "".join(pdf_text(build(tmp_path, [block])).split()).count("x") == 400


def test_a_long_block_flows_over_pages_in_order(tmp_path: Path) -> None:
    items = [(f"Row {n}:", f"value {n}") for n in range(300)]
    out = build(tmp_path, [TextLines(items, STYLES["lines"], gap=1.5)])
    pages = PdfReader(str(out)).pages
    assert len(pages) >= 4
    got = flat(pdf_text(out))
    positions = [got.index(f"Row {n}: value {n} ") for n in range(299)]
    assert positions == sorted(positions)
    assert got.count("Row 299: value 299") == 1
