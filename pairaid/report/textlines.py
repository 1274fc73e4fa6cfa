"""A cheap flowable for plain text with no complex script: "bold lead, then text" lines laid out and drawn
directly, without reportlab's Paragraph.

Why: a referral copy has ~70 short blocks, most "Label: value" rows. Paragraph parses markup with an HTML
parser, splits the text into font fragments and takes its slow multi-fragment path for every line with a bold
label; that was most of the cost of a summary. Here the text is never parsed (so it needs no escaping), words
are measured once per font, and each line is drawn as one or two strings. Only text that `is_plain` accepts
comes here; anything with Arabic, Bengali or Gurmukhi still goes through Paragraph with HarfBuzz shaping.

Layout follows Paragraph's for the same style (left aligned, first baseline `fontSize` below the top, one
`leading` per line, a line breaks at spaces, a word too wide for a line is split) so pages look the same.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import repeat

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable

from pairaid.report.fonts import BOLD, ensure_base_fonts, is_plain

_SPACES = re.compile(r"[ \t\r\f\v]+")  # as Paragraph: collapse runs of spaces; a no-break space stays in the word
_FUZZ = 1e-6

__all__ = ["TextLines", "is_plain"]


@dataclass(frozen=True)
class _Line:
    top: float  # distance from the top of the flowable to the top of this line's box
    indent: float  # from the flowable's left edge
    runs: tuple[tuple[str, str], ...]  # (font name, text) drawn one after another
    word_space: float = 0.0  # negative when the spaces are squeezed so the line fits (as Paragraph does)


class TextLines(Flowable):
    """Items of (bold lead, text), each starting on a new line, like Paragraphs of "<b>lead</b> text" in
    `style` placed one after another `gap` points apart. Both parts are plain text; a newline in the text
    breaks the line. Split across pages between lines, as Paragraph does (never a lone first line)."""

    def __init__(
        self,
        items: Sequence[tuple[str, str]],
        style: ParagraphStyle,
        *,
        gap: float = 0.0,
        lead_font: str = BOLD,
        _lines: tuple[tuple[_Line, ...], float] | None = None,
    ) -> None:
        super().__init__()
        ensure_base_fonts()
        self.items = list(items)
        self.style = style
        self.gap = gap
        self.lead_font = lead_font
        self.spaceBefore = style.spaceBefore
        self.spaceAfter = style.spaceAfter
        self._layout: tuple[float, tuple[_Line, ...], float] | None = None
        self._fixed = _lines  # a part of a split: already laid out for its width

    # --- layout -------------------------------------------------------------------------------------------

    def _lay_out(self, width: float) -> tuple[tuple[_Line, ...], float]:
        if self._fixed is not None:
            return self._fixed
        if self._layout is not None and abs(self._layout[0] - width) < _FUZZ:
            return self._layout[1], self._layout[2]
        style = self.style
        lines: list[_Line] = []
        top = 0.0
        for number, (lead, text) in enumerate(self.items):
            if number:
                top += self.gap
            lead_words = [w for w in _SPACES.split(lead) if w]
            segments = text.split("\n")
            while segments and not segments[-1].strip():  # as Paragraph: no blank line at the end
                segments.pop()
            if not segments and lead_words:
                segments = [""]
            for index, segment in enumerate(segments):
                words = [w for w in _SPACES.split(segment) if w]
                bold = lead_words if index == 0 else []
                runs: list[tuple[str, str]] = []
                if bold:
                    runs.append((self.lead_font, " ".join(bold)))
                if words:
                    runs.append((style.fontName, (" " if runs else "") + " ".join(words)))
                # firstLineIndent applies to an item's first line only, not after a line break
                first = style.leftIndent + (style.firstLineIndent if index == 0 else 0)
                # Most rows fit on one line: measure the whole line once before breaking it word by word.
                room = width - first - style.rightIndent
                used = sum(_width(t, f, style.fontSize) for f, t in runs)
                if used <= room + _FUZZ:
                    broken = [_Line(0, first, tuple(runs))]
                elif used <= room + style.spaceShrinkage * _spaces_width(runs, style.fontSize) + _FUZZ:
                    spaces = sum(t.count(" ") for _, t in runs)
                    broken = [_Line(0, first, tuple(runs), _squeeze(used, room, spaces))]
                else:
                    tagged = [(self.lead_font, w) for w in bold] + [(style.fontName, w) for w in words]
                    broken = _break(tagged, style, width, first)
                for line in broken:
                    lines.append(_Line(top, line.indent, line.runs, line.word_space))
                    top += style.leading
        self._layout = (width, tuple(lines), top)
        return self._layout[1], top

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        _, height = self._lay_out(availWidth)
        self.width, self.height = availWidth, height
        return availWidth, height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        lines, height = self._lay_out(availWidth)
        leading = self.style.leading
        fit = sum(1 for line in lines if line.top + leading <= availHeight + _FUZZ)
        if fit <= 1:  # no orphan: a lone first line moves on with the rest (Paragraph's allowOrphans=0)
            return []
        if fit >= len(lines):
            return [self]
        head, tail = lines[:fit], lines[fit:]
        shift = tail[0].top
        return [
            TextLines([], self.style, lead_font=self.lead_font, _lines=(tuple(head), head[-1].top + leading)),
            TextLines(
                [],
                self.style,
                lead_font=self.lead_font,
                _lines=(tuple(_Line(x.top - shift, x.indent, x.runs, x.word_space) for x in tail), height - shift),
            ),
        ]

    def getSpaceBefore(self) -> float:
        return self.spaceBefore

    def getSpaceAfter(self) -> float:
        return self.spaceAfter

    # --- drawing ------------------------------------------------------------------------------------------

    def draw(self) -> None:
        lines, height = self._lay_out(self.width)
        if not lines:
            return
        style = self.style
        canvas = self.canv  # Flowable.drawOn saves and restores the canvas state around draw()
        canvas.setFillColor(style.textColor)
        text = canvas.beginText()
        current = None
        squeezed = False
        for line in lines:
            text.setTextOrigin(line.indent, height - line.top - style.fontSize)
            if line.word_space or squeezed:
                text.setWordSpace(line.word_space)  # the TTF subsets keep ASCII codes, so Tw reaches spaces
                squeezed = bool(line.word_space)
            for font, run in line.runs:
                if font != current:
                    text.setFont(font, style.fontSize, style.leading)
                    current = font
                text.textOut(run)
        canvas.drawText(text)


def _width(word: str, font: str, size: float) -> float:
    """Width of `word` in points: the TTF advance widths, summed (what TTFont.stringWidth does, without its
    per-call font lookup and type checks)."""
    get, default = _advances(font)
    return 0.001 * size * sum(map(get, map(ord, word), repeat(default, len(word))))


@functools.cache
def _advances(font: str) -> tuple[Callable[[int, int], int], int]:
    face = pdfmetrics.getFont(font).face
    return face.charWidths.get, face.defaultWidth


def _spaces_width(runs: Sequence[tuple[str, str]], size: float) -> float:
    return sum(t.count(" ") * _width(" ", f, size) for f, t in runs)


def _squeeze(used: float, room: float, spaces: int) -> float:
    """Word spacing that brings a line `used` points wide into `room` (0 when it fits as it is)."""
    return (room - used) / spaces if used > room and spaces else 0.0


def _break(words: list[tuple[str, str]], style: ParagraphStyle, width: float, first_indent: float) -> list[_Line]:
    """Greedy line breaking of (font, word) pairs; returns lines (top left 0), at least one.

    As Paragraph: a space takes the font of the word after it (as in "<b>lead</b> text"), and a line may
    overrun by `spaceShrinkage` of its spaces' width, drawn with the spaces squeezed."""
    size = style.fontSize
    out: list[_Line] = []
    indent = first_indent
    line: list[tuple[str, str]] = []
    used = 0.0
    spaces = 0.0
    space_of: dict[str, float] = {}

    def finish() -> None:
        nonlocal line, used, spaces, indent
        runs: list[tuple[str, str]] = []
        for position, (font, word) in enumerate(line):
            if runs and runs[-1][0] == font:
                runs[-1] = (font, f"{runs[-1][1]} {word}")
            else:
                runs.append((font, f" {word}" if position else word))
        room = width - indent - style.rightIndent
        out.append(_Line(0, indent, tuple(runs), _squeeze(used, room, len(line) - 1)))
        line, used, spaces, indent = [], 0.0, 0.0, style.leftIndent

    for font, word in words:
        room = width - indent - style.rightIndent
        w = _width(word, font, size)
        space = (space_of.get(font) or space_of.setdefault(font, _width(" ", font, size))) if line else 0.0
        if line and used + space + w > room + style.spaceShrinkage * (spaces + space) + _FUZZ:
            finish()
            room = width - indent - style.rightIndent
            space = 0.0
        if not line and w > room + _FUZZ:  # a word wider than the line: split it, as Paragraph does
            piece = ""
            for ch in word:
                if piece and _width(piece + ch, font, size) > room + _FUZZ:
                    line, used = [(font, piece)], room
                    finish()
                    room = width - indent - style.rightIndent
                    piece = ""
                piece += ch
            word, w = piece, _width(piece, font, size)
        line.append((font, word))
        used += space + w
        spaces += space
    finish()
    return out
