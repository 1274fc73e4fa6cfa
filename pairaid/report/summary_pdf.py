"""Draw a SummaryDocument (pairaid.core.summary_content) as an A4 PDF.

All text arrives as plain text and goes through `para` (escaped, font per script). Long values are laid out
as full-width paragraphs rather than table cells, because a table row cannot split across pages: a
20,000-character note must flow over pages instead of failing.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from pairaid.core.summary_content import Alert, Block, Bullets, Para, Rows, Signature, SummaryDocument
from pairaid.core.summary_content import Table as TableBlock
from pairaid.report.atomic import write_atomically
from pairaid.report.fonts import REGULAR, rich
from pairaid.report.pages import Furniture, build_pdf, frame_width
from pairaid.report.styles import STYLES, lead_lines, para, para_lines, style_for, text

LONG = 700  # characters: longer values leave the table and flow as paragraphs
ALERT_RED = colors.HexColor("#a4161a")


def write_summary(doc: SummaryDocument, out_path: Path) -> Path:
    story = summary_story(doc)
    furniture = Furniture(marking=doc.marking, title=doc.title, recipient=doc.recipient, footer=doc.footer)
    return write_atomically(
        out_path, lambda temp: build_pdf(temp, story, furniture, subject=f"pairaid {doc.copy_kind} copy")
    )


def summary_story(doc: SummaryDocument) -> list[Flowable]:
    story: list[Flowable] = []
    sections = list(doc.sections)
    # The safeguarding box comes before anything else on page 1.
    if sections and sections[0].id == "safeguarding":
        for block in sections.pop(0).blocks:
            story += block_flowables(block)
        story.append(Spacer(1, 4 * mm))
    story.append(text(doc.title, STYLES["title"]))
    if doc.marking_note:
        story.append(text(f"{doc.marking}: {doc.marking_note}", STYLES["subtitle"]))
    if doc.recipient:
        story.append(text(f"For: {doc.recipient}", STYLES["strong"]))
    for section in sections:
        head = text(section.heading, STYLES["h1"])
        body: list[Flowable] = []
        for block in section.blocks:
            body += block_flowables(block)
        # Keep a heading with the start of its section.
        story.append(CondPageBreak(30 * mm))
        story.append(head)
        story += body
    return story


def block_flowables(block: Block) -> list[Flowable]:
    if isinstance(block, Para):
        if block.tone == "quote":  # shaded box: Paragraph draws the background
            return [para(block.text, STYLES["quote"], align_rtl=True)]
        style = {"normal": "body", "note": "note", "strong": "strong"}[block.tone]
        return [text(block.text, STYLES[style], align_rtl=True)]
    if isinstance(block, Rows):
        return _rows(block)
    if isinstance(block, Bullets):
        out: list[Flowable] = [text(block.title, STYLES["h2"])] if block.title else []
        if block.items:  # one paragraph for the whole list: layout cost is per paragraph
            out.append(para_lines([("", f"• {item}") for item in block.items], STYLES["bullet"]))
        if not block.items:
            out.append(text("Not recorded.", STYLES["note"]))
        return out
    if isinstance(block, TableBlock):
        return _table(block)
    if isinstance(block, Alert):
        return [_alert(block)]
    if isinstance(block, Signature):
        return [_signature(block)]
    raise TypeError(f"unknown block {type(block).__name__}")


def _rows(block: Rows) -> list[Flowable]:
    """Label/value rows as one paragraph ("Label: value" per line); a long value gets its own paragraph so it
    flows over pages. Far cheaper to lay out than a table of paragraphs."""
    out: list[Flowable] = []
    if block.title:
        out.append(text(block.title, STYLES["h2"]))
    if block.flag:
        out.append(text(block.flag, STYLES["flag"]))
    pending: list[tuple[str, str]] = []
    for row in block.rows:
        if len(row.value) > LONG:
            if pending:
                out.append(para_lines(pending, STYLES["lines"]))
                pending = []
            out.append(text(row.label, STYLES["label"]))
            out.append(text(row.value, STYLES["body"], align_rtl=True))
        else:
            pending.append((row.label, row.value))
    if pending:
        out.append(para_lines(pending, STYLES["lines"]))
    if block.title and len(out) <= 3:
        return [KeepTogether(out)]  # a service's name stays with its details
    return out


def _table(block: TableBlock) -> list[Flowable]:
    """A table as one line per row: the first cell in bold, then "column: value" for the others. Consecutive
    plain rows are one TextLines (spaced as separate paragraphs were); a row with a complex script is a shaped
    Paragraph; a long row is split into a label and one paragraph per column."""
    out: list[Flowable] = []
    if block.title:
        out.append(text(block.title, STYLES["h2"]))
    style = STYLES["row"]
    plain: list[tuple[str, str]] = []

    def flush() -> None:
        if plain:
            out.append(lead_lines(plain, style, gap=style.spaceAfter + style.spaceBefore) or _row_paragraphs(plain))
            plain.clear()

    for row in block.rows:
        first, rest = row[0], list(zip(block.columns[1:], row[1:], strict=False))
        body = "; ".join(f"{column.lower()}: {value}" for column, value in rest)
        if len(body) > LONG:
            flush()
            out.append(text(first, STYLES["label"]))
            for column, value in rest:
                fast = lead_lines([(f"{column}:", value)], STYLES["body"])
                out.append(fast or para(value, STYLES["body"], prefix=f"<b>{escape(column)}:</b> ", align_rtl=True))
            continue
        item = (first, f"— {body}" if first else body)
        if lead_lines([item], style) is None:
            flush()
            out.extend(_row_paragraphs([item]))
        else:
            plain.append(item)
    flush()
    return out


def _row_paragraphs(items: list[tuple[str, str]]) -> list[Flowable]:
    """Table rows holding a complex script: one shaped Paragraph each."""
    out: list[Flowable] = []
    for lead, value in items:
        first, second = rich(lead), rich(value)
        markup = f"<b>{first.markup}</b> {second.markup}" if lead else second.markup
        out.append(Paragraph(markup, style_for(STYLES["row"], first.shaped or second.shaped)))
    return out


def _alert(block: Alert) -> Flowable:
    cells = [[text(block.title, STYLES["alert_title"])]] + [[text(line, STYLES["alert"])] for line in block.lines]
    table = Table(cells, colWidths=[frame_width()], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("BACKGROUND", (0, 0), (-1, -1), ALERT_RED),
                ("BOX", (0, 0), (-1, -1), 1.5, colors.black),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (0, 0), 6),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 7),
            ]
        )
    )
    return table


def _signature(block: Signature) -> Flowable:
    width = frame_width()
    rows = [[text(f"{block.who}: {label}", STYLES["label"]), ""] for label in block.lines]
    table = Table(rows, colWidths=[width * 0.3, width * 0.5], rowHeights=[9 * mm] * len(rows), hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (1, 0), (1, -1), 0.6, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # the blank cells would otherwise pull in Helvetica
            ]
        )
    )
    return KeepTogether([table, Spacer(1, 3 * mm)])
