"""Long text: cut into bounded pieces that read back whole, so the layout cost grows with the length of the
text, not with its square (a 1 MB note once took minutes)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from reportlab.platypus import Paragraph, paragraph

from pairaid.core.pathway import Pathway
from pairaid.report import render_summary
from pairaid.report.styles import CHUNK, STYLES, chunks, paras
from tests.report.helpers import MADE_ON, flat, make, outcome_for, pdf_text

SENTENCE = "Settles when held close; evenings are hardest. "
ARABIC = "میں بہت تھکی ہوئی ہوں and tired. "


def test_chunks_are_bounded_and_lose_nothing() -> None:
    text = (SENTENCE * 200) + "\n" + ("x" * 5000) + "\nlast line"
    pieces = chunks(text)
    assert all(len(p) <= CHUNK for p in pieces)
    assert "".join(pieces).replace(" ", "").replace("\n", "") == text.replace(" ", "").replace("\n", "")
    assert chunks("short") == ["short"] and chunks("") == [""]


def test_a_long_value_is_several_paragraphs_that_read_as_one() -> None:
    out = paras(SENTENCE * 100, STYLES["body"])
    assert len(out) > 1 and all(isinstance(p, Paragraph) for p in out)
    assert out[0].style.spaceAfter == 0 and out[-1].style.spaceBefore == 0
    assert out[-1].style.spaceAfter == STYLES["body"].spaceAfter


def laid_out_characters(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, pathway: Pathway, data: dict[str, Any],
                        note: str) -> int:
    """Characters reportlab measures (summed over every line-breaking pass) to draw a referral with `note`."""
    seen = [0]
    original = paragraph.stringWidth

    def counting(text: str, *args: Any, **kwargs: Any) -> Any:
        seen[0] += len(text)
        return original(text, *args, **kwargs)

    monkeypatch.setattr(paragraph, "stringWidth", counting)
    data["observations"]["noticing_cues"]["note"] = note
    assessment = make(data)
    render_summary(assessment, outcome_for(assessment, pathway), pathway, "referral", tmp_path / "long.pdf", None,
                   MADE_ON)
    monkeypatch.setattr(paragraph, "stringWidth", original)
    return seen[0]


@pytest.mark.parametrize("unit", [SENTENCE, ARABIC], ids=["latin", "arabic"])
def test_layout_work_grows_linearly_with_the_note(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                  pathway: Pathway, data: dict[str, Any], unit: str) -> None:
    base = laid_out_characters(monkeypatch, tmp_path, pathway, dict(data), "")
    small = laid_out_characters(monkeypatch, tmp_path, pathway, dict(data), unit * 300) - base
    large = laid_out_characters(monkeypatch, tmp_path, pathway, dict(data), unit * 1200) - base
    assert small > 0
    assert large <= 4 * small * 1.15, (small, large)  # four times the text: about four times the work


def test_a_long_note_reads_back_whole(tmp_path: Path, pathway: Pathway, data: dict[str, Any]) -> None:
    words = [f"word{n}" for n in range(6000)]
    data["observations"]["noticing_cues"]["note"] = " ".join(words)
    assessment = make(data)
    out = render_summary(assessment, outcome_for(assessment, pathway), pathway, "referral", tmp_path / "w.pdf",
                         None, MADE_ON)
    text = flat(pdf_text(out))
    missing = [w for w in words if f"{w} " not in text + " "]
    assert not missing, missing[:5]
