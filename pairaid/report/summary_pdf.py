"""Draw a SummaryDocument (pairaid.core.summary_content) as an A4 PDF.

All text arrives as plain text and goes through `para` (escaped, font per script). Long values are laid out
as full-width paragraphs rather than table cells, because a table row cannot split across pages: a
20,000-character note must flow over pages instead of failing.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table, TableStyle

from pairaid.core.summary_content import Alert, Block, Bullets, Para, Rows, Signature, SummaryDocument
from pairaid.core.summary_content import Table as TableBlock
from pairaid.report.atomic import write_atomically
from pairaid.report.fonts import REGULAR
from pairaid.report.pages import Furniture, build_pdf, frame_width
from pairaid.report.styles import ACCENT, STYLES, para

LONG = 700  # characters: longer values leave the table and flow as paragraphs
GRID = colors.HexColor("#c8ccd0")
ALERT_RED = colors.HexColor("#a4161a")
LABEL_WIDTH = 0.30


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
    story.append(para(doc.title, STYLES["title"]))
    if doc.marking_note:
        story.append(para(f"{doc.marking}: {doc.marking_note}", STYLES["subtitle"]))
    if doc.recipient:
        story.append(para(doc.recipient, STYLES["strong"], prefix="For: "))
    for section in sections:
        head = para(section.heading, STYLES["h1"])
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
        style = {"normal": "body", "quote": "quote", "note": "note", "strong": "strong"}[block.tone]
        return [para(block.text, STYLES[style], align_rtl=True)]
    if isinstance(block, Rows):
        return _rows(block)
    if isinstance(block, Bullets):
        out: list[Flowable] = [para(block.title, STYLES["h2"])] if block.title else []
        out += [para(item, STYLES["bullet"], bullet="•") for item in block.items]
        if not block.items:
            out.append(para("Not recorded.", STYLES["note"]))
        return out
    if isinstance(block, TableBlock):
        return _table(block)
    if isinstance(block, Alert):
        return [_alert(block)]
    if isinstance(block, Signature):
        return [_signature(block)]
    raise TypeError(f"unknown block {type(block).__name__}")


def _grid(data: list[list[Flowable]], widths: list[float], header: bool = False) -> Table:
    table = Table(data, colWidths=widths, hAlign="LEFT", repeatRows=1 if header else 0)
    commands: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, GRID),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), ACCENT))
    table.setStyle(TableStyle(commands))
    return table


def _rows(block: Rows) -> list[Flowable]:
    out: list[Flowable] = []
    if block.title:
        out.append(para(block.title, STYLES["h2"]))
    if block.flag:
        out.append(para(block.flag, STYLES["flag"]))
    width = frame_width()
    widths = [width * LABEL_WIDTH, width * (1 - LABEL_WIDTH)]
    pending: list[list[Flowable]] = []

    def flush() -> None:
        if pending:
            out.append(_grid(list(pending), widths))
            pending.clear()

    for row in block.rows:
        if len(row.value) > LONG:
            flush()
            out.append(para(row.label, STYLES["label"]))
            out.append(para(row.value, STYLES["body"], align_rtl=True))
        else:
            pending.append([para(row.label, STYLES["label"]), para(row.value, STYLES["cell"])])
    flush()
    if block.title and len(out) <= 4:
        return [KeepTogether(out)]
    return out


def _table(block: TableBlock) -> list[Flowable]:
    out: list[Flowable] = []
    if block.title:
        out.append(para(block.title, STYLES["h2"]))
    width = frame_width()
    weights = block.widths or [1.0] * len(block.columns)
    widths = [width * w / sum(weights) for w in weights]
    head = [para(c, STYLES["cell_head"]) for c in block.columns]
    pending: list[list[Flowable]] = []

    def flush() -> None:
        if pending:
            out.append(_grid([head, *pending], widths, header=True))
            pending.clear()

    for row in block.rows:
        if any(len(cell) > LONG for cell in row):
            flush()
            # A long row is stacked: the short cells as a heading, the long ones as flowing paragraphs.
            short = [f"{c}: {v}" for c, v in zip(block.columns, row, strict=False) if len(v) <= LONG]
            out.append(para(" · ".join(short), STYLES["label"]))
            out += [para(v, STYLES["body"], align_rtl=True) for v in row if len(v) > LONG]
        else:
            pending.append([para(cell, STYLES["cell"]) for cell in row])
    flush()
    return out


def _alert(block: Alert) -> Flowable:
    cells = [[para(block.title, STYLES["alert_title"])]] + [[para(line, STYLES["alert"])] for line in block.lines]
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
    rows = [[para(f"{block.who}: {label}", STYLES["label"]), ""] for label in block.lines]
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
