"""Bundled fonts and per-script markup, so names in every script Birmingham families write print correctly.

Helvetica draws Ł, ễ, Arabic and Bengali as black boxes, silently. Each piece of user text is split into
runs of one script; each run is escaped and wrapped in <font name=...> for the Noto font that covers it.
Paragraphs holding Arabic, Bengali or Gurmukhi are shaped with HarfBuzz (joined Arabic letters drawn right
to left, Bengali conjuncts), and in them only the words in those scripts go to HarfBuzz; text with no complex
script (`is_plain`) is not shaped at all, which keeps rendering fast.
A font file is read and registered the first time a run needs it, and only fonts that are used are embedded.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import paragraph as _rl_paragraph

from pairaid.resources import resource_path

REGULAR = "NotoSans"
BOLD = "NotoSans-Bold"
# font name -> file in resources/fonts (see resources/fonts/README.md for sources and licences)
FONT_FILES: dict[str, str] = {
    REGULAR: "NotoSans-Regular.ttf",
    BOLD: "NotoSans-Bold.ttf",
    "NotoSansArabic": "NotoSansArabic-Regular.ttf",
    "NotoSansBengali": "NotoSansBengali-Regular.ttf",
    "NotoSansGurmukhi": "NotoSansGurmukhi-Regular.ttf",
}
# Arabic script (Arabic, Urdu, Persian) shares one font: Noto Sans Arabic covers the Urdu letters and,
# unlike Nastaliq, its glyphs map back to text, so a name copied out of the PDF stays the same name.
SCRIPT_FONTS: dict[str, str] = {
    "arabic": "NotoSansArabic",
    "bengali": "NotoSansBengali",
    "gurmukhi": "NotoSansGurmukhi",
}
COMPLEX_SCRIPTS = frozenset(SCRIPT_FONTS)
RTL_SCRIPTS = frozenset({"arabic"})

_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0600, 0x06FF, "arabic"),
    (0x0750, 0x077F, "arabic"),
    (0x08A0, 0x08FF, "arabic"),
    (0xFB50, 0xFDFF, "arabic"),
    (0xFE70, 0xFEFF, "arabic"),
    (0x0980, 0x09FF, "bengali"),
    (0x0A00, 0x0A7F, "gurmukhi"),
)

# Any character of a complex script (the ranges above): one regex search instead of a loop over characters.
_COMPLEX_CHAR = re.compile("[" + "".join(f"{chr(low)}-{chr(high)}" for low, high, _ in _RANGES) + "]")


_lock = threading.Lock()


def ensure_font(name: str) -> str:
    """Register a bundled font on first use; returns its name."""
    if name in pdfmetrics.getRegisteredFontNames():
        return name
    with _lock:
        if name not in pdfmetrics.getRegisteredFontNames():
            path = resource_path("fonts", FONT_FILES[name])
            pdfmetrics.registerFont(TTFont(name, str(path)))
    return name


_base_ready = False


def ensure_base_fonts() -> None:
    """Register the Latin regular and bold faces as one family (so <b> works), once per process."""
    global _base_ready
    if _base_ready:
        return
    ensure_font(REGULAR)
    ensure_font(BOLD)
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)
    _base_ready = True


def script_of(ch: str) -> str | None:
    """'arabic', 'bengali', 'gurmukhi', 'latin' for letters and marks; None for spaces and punctuation."""
    code = ord(ch)
    if code < 0x0600:
        return "latin" if unicodedata.category(ch)[0] in "LM" else None
    for low, high, script in _RANGES:
        if low <= code <= high:
            return script
    return "latin" if unicodedata.category(ch)[0] in "LM" else None


def script_runs(text: str) -> list[tuple[str, str]]:
    """Split text into (script, run) pairs. Spaces join the run they are in, so a name of several words in
    one script stays one run; other neutral characters (digits, punctuation) are Latin."""
    if _COMPLEX_CHAR.search(text) is None:
        return [("latin", text)] if text else []  # the common case: no complex script at all
    runs: list[tuple[str, str]] = []
    current = "latin"
    buffer = ""
    for ch in text:
        script = script_of(ch)
        if script is None:
            script = current if ch.isspace() else "latin"
        if script != current and buffer:
            runs.append((current, buffer))
            buffer = ""
        current = script
        buffer += ch
    if buffer:
        runs.append((current, buffer))
    return runs


def is_plain(text: str) -> bool:
    """True when `text` holds no complex script, so it needs no shaping and no font but the Latin ones."""
    return _COMPLEX_CHAR.search(text) is None


@dataclass(frozen=True)
class Rich:
    """Paragraph markup for a piece of user text, and how to lay it out."""

    markup: str
    shaped: bool
    rtl: bool


def rich(text: str) -> Rich:
    """Escaped markup with one <font> per script run; line breaks kept."""
    ensure_base_fonts()
    parts: list[str] = []
    shaped = False
    first_strong: str | None = None
    for script, run in script_runs(text):
        body = escape(run).replace("\n", "<br/>")
        if first_strong is None and run.strip():
            first_strong = script
        if script in COMPLEX_SCRIPTS:
            shaped = True
            parts.append(f'<font name="{ensure_font(SCRIPT_FONTS[script])}">{body}</font>')
        else:
            parts.append(body)
    return Rich("".join(parts), shaped, first_strong in RTL_SCRIPTS)


# A private reportlab function is replaced here, so the dependency is capped below reportlab's next major
# version (pyproject.toml). The bug, as of reportlab 4.4-5.1 with uharfbuzz: in a Paragraph with
# `shaping=1`, platypus/paragraph.py calls pdfbase.ttfonts.shapeFragWord(word) for each word. A "word" there
# is the text between spaces and may hold several fragments in different fonts (a <font> change inside it).
# shapeFragWord joins the text of all the fragments and shapes it with the font of the first fragment only
# (`ttfn = F[0].fontName`; `hbf = ttf.hbFont(...)`), then writes the resulting glyph ids into every fragment.
# So a word that changes font without a space, such as "(محمد)" (Latin brackets in DejaVu around Arabic in
# Noto Sans Arabic) or the initials "م.", is drawn with the first font's glyph ids in the other font: wrong
# glyphs. To report: a Paragraph '<font name="DejaVu">(</font><font name="NotoArabic">محمد</font>)' with
# shaping=1 renders garbage where the same text with spaces around the Arabic is right. The fix below shapes
# each one-font piece on its own and joins the results.
_shape_whole_word = ttfonts.shapeFragWord
_LATIN_FONTS = frozenset({REGULAR, BOLD})


def _shape_by_font(word: Any, *args: Any, **kwargs: Any) -> Any:
    if isinstance(word, ttfonts.ShapedFragWord):
        return word
    pieces = word[1:]
    fonts = {getattr(frag, "fontName", None) for frag, _ in pieces if not hasattr(frag, "cbDefn")}
    if fonts <= _LATIN_FONTS:  # a Latin word in a shaped paragraph: drawn as in an unshaped one, and far cheaper
        return word
    if len(fonts) <= 1:
        return _shape_whole_word(word, *args, **kwargs)
    joined = ttfonts.makeShapedFragWord(word)([0])
    for frag, text in pieces:
        width = pdfmetrics.stringWidth(text, frag.fontName, frag.fontSize) if not hasattr(frag, "cbDefn") else 0
        shaped = _shape_whole_word(word.__class__([width, (frag, text)]), *args, **kwargs)
        joined[0] += shaped[0]
        joined.extend(shaped[1:])
    return joined


_rl_paragraph.shapeFragWord = _shape_by_font
