"""Paragraph styles; `para`: user text to a Paragraph, escaped, font per script, shaped only when needed (Arabic,
Bengali, Gurmukhi); `paras`: text of any length as Paragraphs of bounded size, so layout stays linear."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from pairaid.report.fonts import BOLD, REGULAR, rich

CHUNK = 1500  # characters per Paragraph (see `chunks`)
INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")
ACCENT = colors.HexColor("#1d3557")

_base = ParagraphStyle(
    "body", fontName=REGULAR, bulletFontName=REGULAR, fontSize=9, leading=12, textColor=INK, spaceAfter=2.5
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
    "label": ParagraphStyle("label", parent=_base, fontName=BOLD, fontSize=9, leading=12.5, spaceAfter=0,
                            keepWithNext=1),
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
        "h1", parent=_base, fontName=BOLD, fontSize=12, leading=15, textColor=ACCENT, spaceBefore=8, spaceAfter=3
    ),
    "h2": ParagraphStyle("h2", parent=_base, fontName=BOLD, fontSize=10, leading=13.5, spaceBefore=5, spaceAfter=2,
                         keepWithNext=1),  # a small title never ends a page
    "alert_title": ParagraphStyle(
        "alert_title", parent=_base, fontName=BOLD, fontSize=12, leading=15, textColor=colors.white
    ),
    "alert": ParagraphStyle("alert", parent=_base, fontSize=10, leading=14, textColor=colors.white, spaceAfter=1),
    "bullet": ParagraphStyle("bullet", parent=_base, leftIndent=4, spaceAfter=3),
    "caption": ParagraphStyle("caption", parent=_base, fontSize=7.5, leading=9, textColor=MUTED, spaceAfter=0),
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
    """A short piece of text (a heading, a label, one line) as one Paragraph."""
    return para(value, style, align_rtl=align_rtl)


def chunks(value: str, size: int = CHUNK) -> list[str]:
    """`value` cut into pieces of at most `size` characters: at a line end, else a sentence end, else a space.

    Why: at each page break reportlab lays out the rest of a paragraph again, so one paragraph of n characters
    costs about n²; pieces of bounded size keep a whole copy linear in the length of its text."""
    out: list[str] = []
    rest = value
    while len(rest) > size:
        window = rest[:size]
        cut = window.rfind("\n")
        if cut < size // 3:
            cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! "))
            cut = cut + 1 if cut >= size // 3 else window.rfind(" ")
        if cut < size // 3:
            cut = size
        out.append(rest[:cut].rstrip("\n"))
        rest = rest[cut:].lstrip("\n ")
    return [*out, rest] if rest or not out else out


def paras(value: str, style: ParagraphStyle, *, prefix: str = "", align_rtl: bool = False) -> list[Flowable]:
    """User text of any length as Paragraphs of at most CHUNK characters that read as one paragraph."""
    pieces = chunks(value)
    if len(pieces) == 1:
        return [para(value, style, prefix=prefix, align_rtl=align_rtl)]
    out: list[Flowable] = []
    for number, piece in enumerate(pieces):
        first, last = number == 0, number == len(pieces) - 1
        spaced = _spaced(style, before=first, after=last)
        out.append(para(piece, spaced, prefix=prefix if first else "", align_rtl=align_rtl))
    return out


def _spaced(style: ParagraphStyle, *, before: bool, after: bool) -> ParagraphStyle:
    """`style` without the space before (a continuing piece) or after (a piece that continues)."""
    if before and after:
        return style
    key = (style.name, before, after)
    if key not in _pieces:
        _pieces[key] = ParagraphStyle(f"{style.name}-piece-{int(before)}{int(after)}", parent=style,
                                      spaceBefore=style.spaceBefore if before else 0,
                                      spaceAfter=style.spaceAfter if after else 0)
    return _pieces[key]


_pieces: dict[tuple[str, bool, bool], ParagraphStyle] = {}


def para_lines(lines: list[tuple[str, str]], style: ParagraphStyle) -> Flowable:
    """One Paragraph of several "label: value" lines (labels are our own words, values user text): layout cost
    in reportlab is mostly per paragraph, so short rows share one."""
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
