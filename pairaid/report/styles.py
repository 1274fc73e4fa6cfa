"""Paragraph styles; `text` / `lead_lines`: plain user text to the cheap TextLines; `para`: user text to a
Paragraph, escaped, font per script, shaped only when needed (the path for Arabic, Bengali and Gurmukhi)."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from pairaid.report.fonts import BOLD, REGULAR, is_plain, rich
from pairaid.report.textlines import TextLines

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")
ACCENT = colors.HexColor("#1d3557")

_base = ParagraphStyle(
    "body", fontName=REGULAR, bulletFontName=REGULAR, fontSize=9.5, leading=13.5, textColor=INK, spaceAfter=3
)

STYLES: dict[str, ParagraphStyle] = {
    "body": _base,
    "strong": ParagraphStyle("strong", parent=_base, fontName=BOLD, spaceBefore=4),
    "note": ParagraphStyle("note", parent=_base, textColor=MUTED, fontSize=9),
    "quote": ParagraphStyle(
        "quote",
        parent=_base,
        leftIndent=10,
        rightIndent=10,
        borderPadding=(4, 6, 4, 6),
        backColor=colors.HexColor("#f1f3f5"),
        spaceBefore=4,
        spaceAfter=6,
    ),
    "label": ParagraphStyle("label", parent=_base, fontName=BOLD, fontSize=9, leading=12.5, spaceAfter=0),
    "lines": ParagraphStyle("lines", parent=_base, spaceAfter=3),
    "row": ParagraphStyle("row", parent=_base, leftIndent=10, firstLineIndent=-10, spaceAfter=1.5),
    "cell": ParagraphStyle("cell", parent=_base, fontSize=9, leading=12.5, spaceAfter=0),
    "cell_head": ParagraphStyle(
        "cell_head", parent=_base, fontName=BOLD, fontSize=8.5, leading=11, spaceAfter=0, textColor=colors.white
    ),
    "title": ParagraphStyle(
        "title", parent=_base, fontName=BOLD, fontSize=17, leading=21, textColor=ACCENT, spaceAfter=2
    ),
    "subtitle": ParagraphStyle("subtitle", parent=_base, textColor=MUTED, spaceAfter=6),
    "h1": ParagraphStyle(
        "h1", parent=_base, fontName=BOLD, fontSize=12.5, leading=16, textColor=ACCENT, spaceBefore=10, spaceAfter=4
    ),
    "h2": ParagraphStyle("h2", parent=_base, fontName=BOLD, fontSize=10, leading=13.5, spaceBefore=5, spaceAfter=2),
    "alert_title": ParagraphStyle(
        "alert_title", parent=_base, fontName=BOLD, fontSize=12, leading=15, textColor=colors.white
    ),
    "alert": ParagraphStyle("alert", parent=_base, fontSize=10, leading=14, textColor=colors.white, spaceAfter=1),
    "bullet": ParagraphStyle("bullet", parent=_base, leftIndent=4, spaceAfter=3),
    "page_head": ParagraphStyle("page_head", parent=_base, fontSize=8.5, leading=11, textColor=MUTED),
    "flag": ParagraphStyle(
        "flag",
        parent=_base,
        fontName=BOLD,
        fontSize=8.5,
        leading=11,
        textColor=colors.HexColor("#a4161a"),
        spaceAfter=1,
    ),
}

_variants: dict[tuple[str, bool, bool], ParagraphStyle] = {}


def _style(style: ParagraphStyle, shaped: bool, rtl: bool) -> ParagraphStyle:
    if not shaped and not rtl:
        return style
    key = (style.name, shaped, rtl)
    if key not in _variants:
        extra: dict[str, object] = {"shaping": 1} if shaped else {}
        if rtl:
            extra["alignment"] = TA_RIGHT
        _variants[key] = ParagraphStyle(f"{style.name}-{int(shaped)}{int(rtl)}", parent=style, **extra)
    return _variants[key]


def para(
    text: str, style: ParagraphStyle, *, bullet: str | None = None, prefix: str = "", align_rtl: bool = False
) -> Paragraph:
    """A Paragraph of plain user text (never markup): escaped, one font per script run, shaped if needed.

    `prefix` is trusted markup put before the text (e.g. a bold label). `align_rtl`: a paragraph that starts
    in a right-to-left script is set flush right (free text; table cells stay left so columns line up)."""
    r = rich(text)
    return Paragraph(prefix + r.markup, _style(style, r.shaped, r.rtl and align_rtl), bulletText=bullet)


def text(value: str, style: ParagraphStyle, *, align_rtl: bool = False) -> Flowable:
    """Plain user text in `style`: the cheap TextLines when it holds no complex script, else `para`."""
    if is_plain(value):
        return TextLines([("", value)], style)
    return para(value, style, align_rtl=align_rtl)


def lead_lines(items: list[tuple[str, str]], style: ParagraphStyle, *, gap: float = 0.0) -> Flowable | None:
    """Items of (bold lead, text) as one TextLines when every part is plain; None when one needs shaping."""
    if all(is_plain(lead) and is_plain(value) for lead, value in items):
        return TextLines(items, style, gap=gap)
    return None


def para_lines(lines: list[tuple[str, str]], style: ParagraphStyle) -> Flowable:
    """One flowable of several "label: value" lines (labels are our own words, values user text).

    One block rather than one paragraph per line: layout cost in reportlab is mostly per paragraph. Plain
    text is drawn by TextLines; a block with a complex script is one shaped Paragraph."""
    fast = lead_lines([(f"{label}:" if label else "", value) for label, value in lines], style)
    if fast is not None:
        return fast
    parts = []
    shaped = False
    for label, value in lines:
        r = rich(value)
        shaped = shaped or r.shaped
        parts.append(f"<b>{escape(label)}:</b> {r.markup}" if label else r.markup)
    return Paragraph("<br/>".join(parts), _style(style, shaped, False))


def style_for(style: ParagraphStyle, shaped: bool) -> ParagraphStyle:
    """`style`, or its shaped twin when the markup holds a complex script."""
    return _style(style, shaped, False)
