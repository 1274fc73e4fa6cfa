"""Draw a SummaryDocument (pairaid.core.summary_document) as an A4 PDF.

All text arrives as plain text and goes through `para` / `paras` (escaped, font per script). Long values are
laid out as full-width paragraphs of bounded size rather than table cells, because a table row cannot split
across pages: a 1 MB note flows over pages, in time linear in its length.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from pairaid.core.summary_document import Alert, Block, Bullets, Para, Rows, Signature, SummaryDocument
from pairaid.core.summary_document import Table as TableBlock
from pairaid.report.atomic import write_atomically
from pairaid.report.fonts import REGULAR, rich
from pairaid.report.pages import Furniture, build_pdf, frame_width
from pairaid.report.styles import STYLES, para_lines, paras, style_for, text

LONG = 700  # characters: longer values leave the table and flow as paragraphs
COMPACT = 60  # characters of label and value: short enough for half the page width
ALERT_RED = colors.HexColor("#a4161a")


def write_summary(doc: SummaryDocument, out_path: Path) -> Path:
    story = summary_story(doc)
    furniture = Furniture(marking=doc.marking, title=doc.title, recipient=doc.recipient, footer=doc.footer,
                          draft_mark=doc.draft_mark)
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
    if doc.draft_mark:
        story.append(text(f"{doc.draft_mark}: this copy was made from a record that is not finalised.",
                          STYLES["flag"]))
    if doc.marking_note:
        story.append(text(f"{doc.marking}: {doc.marking_note}", STYLES["subtitle"]))
    if doc.recipient:
        story.append(text(f"For: {doc.recipient}", STYLES["strong"]))
    held: list[Flowable] = []  # a section that must not end a page, waiting for the next one
    for section in sections:
        head = text(section.heading, STYLES["h1"])
        body: list[Flowable] = []
        for block in section.blocks:
            body += block_flowables(block)
        if section.keep_with_next:
            held += [head, *body]
            continue
        if held:  # e.g. next steps with the signatures: the signature block is never alone on a page
            story.append(KeepTogether(_flat([*held, head, *body])))
            held = []
            continue
        # Keep a heading with the start of its section.
        story.append(CondPageBreak(30 * mm))
        story.append(head)
        story += body
    story += held
    return story


def _flat(flowables: list[Flowable]) -> list[Flowable]:
    """Contents of nested KeepTogethers: a KeepTogether inside another always reports an endless height, which
    would push the whole group to a new page even when it fits."""
    out: list[Flowable] = []
    for f in flowables:
        out += _flat(list(f._content)) if isinstance(f, KeepTogether) else [f]
    return out


def block_flowables(block: Block) -> list[Flowable]:
    if isinstance(block, Para):
        style = {"normal": "body", "note": "note", "strong": "strong", "quote": "quote"}[block.tone]
        return paras(block.text, STYLES[style], align_rtl=True)
    if isinstance(block, Rows):
        return _rows(block)
    if isinstance(block, Bullets):
        out: list[Flowable] = [text(block.title, STYLES["h2"])] if block.title else []
        short = [item for item in block.items if len(item) <= LONG]
        if len(short) == len(block.items):  # one paragraph for the whole list: layout cost is per paragraph
            out.append(para_lines([("", f"• {item}") for item in block.items], STYLES["bullet"]))
        else:
            for item in block.items:
                out += paras(f"• {item}", STYLES["bullet"])
        return out
    if isinstance(block, TableBlock):
        return _table(block)
    if isinstance(block, Alert):
        return [_alert(block)]
    if isinstance(block, Signature):
        return [_signature(block)]
    raise TypeError(f"unknown block {type(block).__name__}")


def _rows(block: Rows) -> list[Flowable]:
    """Label/value rows as one paragraph ("Label: value" per line); a long value gets its own paragraphs so it
    flows over pages."""
    out: list[Flowable] = []
    if block.title:
        out.append(text(block.title, STYLES["h2"]))
    if block.flag:
        out.append(text(block.flag, STYLES["flag"]))
    pairs = [(row.label, row.value) for row in block.rows]
    short = [(label, value) for label, value in pairs if len(label) + len(value) <= COMPACT]
    if block.compact and len(short) > 2:
        # Long rows across the page, then the short ones two by two: half the height.
        wide = [pair for pair in pairs if pair not in short]
        if wide:
            out.append(para_lines(wide, STYLES["lines"]))
        half = (len(short) + 1) // 2
        width = frame_width() / 2
        table = Table([[para_lines(short[:half], STYLES["lines"]), para_lines(short[half:], STYLES["lines"])]],
                      colWidths=[width, width], hAlign="LEFT")
        table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR),  # else the table pulls in Helvetica
                                   ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 6), ("TOPPADDING", (0, 0), (-1, -1), 0),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
        return [*out, table]
    pending: list[tuple[str, str]] = []
    for row in block.rows:
        if len(row.value) > LONG:
            if pending:
                out.append(para_lines(pending, STYLES["lines"]))
                pending = []
            out.append(text(row.label, STYLES["label"]))
            out += paras(row.value, STYLES["body"], align_rtl=True)
        else:
            pending.append((row.label, row.value))
    if pending:
        out.append(para_lines(pending, STYLES["lines"]))
    if block.title and len(out) <= 3:
        return [KeepTogether(out)]  # a service's name stays with its details
    return out


def _table(block: TableBlock) -> list[Flowable]:
    """A table as one paragraph per row: the first cell in bold, then "column: value" for the others (a table
    row cannot split across pages; a paragraph can). A long row is a label and paragraphs per column."""
    out: list[Flowable] = []
    if block.title:
        out.append(text(block.title, STYLES["h2"]))
    for row in block.rows:
        first, rest = row[0], list(zip(block.columns[1:], row[1:], strict=False))
        body = "; ".join(f"{column.lower()}: {value}" for column, value in rest)
        if len(body) > LONG:
            out.append(text(first, STYLES["label"]))
            for column, value in rest:
                out += paras(value, STYLES["body"], prefix=f"<b>{escape(column)}:</b> ", align_rtl=True)
            continue
        lead, tail = rich(first), rich(f"— {body}" if first else body)
        markup = f"<b>{lead.markup}</b> {tail.markup}" if first else tail.markup
        out.append(Paragraph(markup, style_for(STYLES["row"], lead.shaped or tail.shaped)))
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
    """One row per signer: the signer, then a line to write on under each label (signature, name, date)."""
    width = frame_width()
    first = width * 0.2
    cell = (width - first) / len(block.lines)
    rows = [[text(block.who, STYLES["label"]), *["" for _ in block.lines]],
            ["", *[text(label, STYLES["caption"]) for label in block.lines]]]
    table = Table(rows, colWidths=[first, *[cell] * len(block.lines)], rowHeights=[7 * mm, 4 * mm],
                  hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (1, 0), (-1, 0), 0.6, colors.black),
                ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
                ("VALIGN", (0, 1), (-1, 1), "TOP"),
                ("TOPPADDING", (0, 1), (-1, 1), 1),
                ("RIGHTPADDING", (1, 0), (-1, -1), 12),
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # the blank cells would otherwise pull in Helvetica
            ]
        )
    )
    return KeepTogether([table, Spacer(1, 1 * mm)])
