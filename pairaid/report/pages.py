"""A4 page furniture shared by every PDF: the marking and title at the top of each page, and a footer with
"page x of y" (drawn once the number of pages is known)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate

from pairaid.report.fonts import BOLD, REGULAR, ensure_base_fonts, rich
from pairaid.report.styles import STYLES, para

MARGIN = 16 * mm
TOP = 24 * mm
BOTTOM = 18 * mm
MARK_RED = colors.HexColor("#a4161a")


@dataclass(frozen=True)
class Furniture:
    marking: str
    title: str
    recipient: str | None
    footer: str
    draft_mark: str | None = None  # "DRAFT — not finalised": across every page and in the header


def _numbered_canvas(furniture: Furniture) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        """Keeps each page until the end so the footer can say how many pages there are."""

        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                _draw_furniture(self, furniture, number, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def _draw_furniture(canvas: Canvas, furniture: Furniture, number: int, total: int) -> None:
    width, height = A4
    canvas.saveState()
    canvas.setFillColor(MARK_RED)
    canvas.setFont(BOLD, 9)
    marking = furniture.marking + (f" · {furniture.draft_mark}" if furniture.draft_mark else "")
    canvas.drawCentredString(width / 2, height - 10 * mm, marking)
    if furniture.draft_mark:
        _draw_draft_mark(canvas, furniture.draft_mark)
    canvas.setFillColor(colors.black)
    head = furniture.title
    if furniture.recipient:
        head += f" · for {furniture.recipient}"
    if rich(head).shaped or canvas.stringWidth(head, REGULAR, 8.5) > width - 2 * MARGIN:
        header = para(head, STYLES["page_head"])  # a name in a complex script, or too long for one line
        _, h = header.wrap(width - 2 * MARGIN, 12 * mm)
        header.drawOn(canvas, MARGIN, height - 13 * mm - h)
    else:
        canvas.setFont(REGULAR, 8.5)
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.drawString(MARGIN, height - 16 * mm, head)
    canvas.setStrokeColor(colors.HexColor("#888888"))
    canvas.setLineWidth(0.4)
    canvas.line(MARGIN, height - TOP + 4 * mm, width - MARGIN, height - TOP + 4 * mm)
    canvas.line(MARGIN, BOTTOM - 5 * mm, width - MARGIN, BOTTOM - 5 * mm)
    canvas.setFont(REGULAR, 7)
    canvas.drawString(MARGIN, BOTTOM - 9 * mm, furniture.footer)
    canvas.setFont(BOLD, 8)
    canvas.drawRightString(width - MARGIN, BOTTOM - 9 * mm, f"Page {number} of {total}")
    canvas.setFillColor(MARK_RED)
    canvas.drawCentredString(width / 2, BOTTOM - 13 * mm, furniture.marking)
    canvas.restoreState()


def _draw_draft_mark(canvas: Canvas, mark: str) -> None:
    """The draft mark across the page, light enough to read the text through it."""
    width, height = A4
    canvas.saveState()
    canvas.setFillColor(colors.Color(0.64, 0.09, 0.1, alpha=0.13))
    canvas.translate(width / 2, height / 2)
    canvas.rotate(50)
    canvas.setFont(BOLD, 54)
    canvas.drawCentredString(0, -18, mark)
    canvas.restoreState()


def build_pdf(path: Path, story: Sequence[Flowable], furniture: Furniture, *, subject: str) -> None:
    """Lay out `story` on A4 pages with the furniture, writing `path`."""
    ensure_base_fonts()
    doc = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=TOP,
        bottomMargin=BOTTOM,
        title=furniture.title,
        subject=subject,
        author="pairaid",
        creator="pairaid",
        initialFontName=REGULAR,  # otherwise every PDF references Helvetica
    )
    # Streams compressed but not also ASCII85-armoured (reportlab's default): a quarter smaller and quicker to
    # write. rl_config is global, so it is set for this build only.
    a85 = rl_config.useA85
    rl_config.useA85 = 0
    try:
        doc.build(list(story), canvasmaker=_numbered_canvas(furniture))
    finally:
        rl_config.useA85 = a85


def frame_width() -> float:
    return A4[0] - 2 * MARGIN


__all__ = ["Furniture", "Paragraph", "build_pdf", "frame_width"]
