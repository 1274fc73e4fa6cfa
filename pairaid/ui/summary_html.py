"""A SummaryDocument (pairaid.core.summary_content) as simple rich text for QTextBrowser and QTextDocument.

The same HTML is shown as the preview and printed through the system print dialog, so what is previewed is
what is printed. Every piece of text is escaped: it is the family's and the practitioner's own words.
"""

from __future__ import annotations

from html import escape

from pairaid.core.summary_document import Alert, Bullets, Para, Rows, Signature, SummaryDocument, Table
from pairaid.ui.style import DARK_BLUE, DARK_GREY, EMERGENCY_RED, NHS_BLUE, PALE_GREY


def _e(text: str | None) -> str:
    return escape(text or "").replace("\n", "<br>")


def _block(block: object) -> str:
    if isinstance(block, Para):
        if block.tone == "quote":
            return f'<blockquote><i>“{_e(block.text)}”</i></blockquote>'
        if block.tone == "note":
            return f'<p style="color:{DARK_GREY}">{_e(block.text)}</p>'
        if block.tone == "strong":
            return f"<p><b>{_e(block.text)}</b></p>"
        return f"<p>{_e(block.text)}</p>"
    if isinstance(block, Rows):
        head = ""
        if block.title:
            flag = f' <span style="color:{EMERGENCY_RED}">({_e(block.flag)})</span>' if block.flag else ""
            head = f"<h4>{_e(block.title)}{flag}</h4>"
        rows = "".join(
            f'<tr><td width="32%" style="color:{DARK_GREY}">{_e(r.label)}</td><td>{_e(r.value)}</td></tr>'
            for r in block.rows
        )
        return f'{head}<table width="100%" cellpadding="3" cellspacing="0">{rows}</table>'
    if isinstance(block, Bullets):
        head = f"<h4>{_e(block.title)}</h4>" if block.title else ""
        items = "".join(f"<li>{_e(item)}</li>" for item in block.items)
        return f"{head}<ul>{items}</ul>"
    if isinstance(block, Table):
        head = f"<h4>{_e(block.title)}</h4>" if block.title else ""
        header = "".join(f'<th align="left" bgcolor="{PALE_GREY}">{_e(c)}</th>' for c in block.columns)
        body = "".join("<tr>" + "".join(f"<td>{_e(cell)}</td>" for cell in row) + "</tr>" for row in block.rows)
        return (f'{head}<table width="100%" border="1" cellpadding="4" cellspacing="0" '
                f'style="border-color:{PALE_GREY}"><tr>{header}</tr>{body}</table>')
    if isinstance(block, Alert):
        lines = "".join(f"<p>{_e(line)}</p>" for line in block.lines)
        return (f'<table width="100%" cellpadding="8" cellspacing="0" style="border:3px solid {EMERGENCY_RED}">'
                f'<tr><td><h3 style="color:{EMERGENCY_RED}">{_e(block.title)}</h3>{lines}</td></tr></table>')
    if isinstance(block, Signature):
        lines = "".join(f"<p>{_e(line)}: ____________________________</p>" for line in block.lines)
        return f"<h4>{_e(block.who)}</h4>{lines}"
    return ""


def summary_html(document: SummaryDocument) -> str:
    marking = f'<p align="center" style="color:{DARK_GREY}"><b>{_e(document.marking)}</b></p>'
    parts = [f"<html><body>{marking}", f'<h1 style="color:{DARK_BLUE}">{_e(document.title)}</h1>']
    if document.draft_mark:
        parts.append(f'<p style="color:{EMERGENCY_RED}"><b>{_e(document.draft_mark)}</b></p>')
    if document.marking_note:
        parts.append(f'<p style="color:{DARK_GREY}">{_e(document.marking_note)}</p>')
    if document.recipient:
        parts.append(f"<p><b>For:</b> {_e(document.recipient)}</p>")
    for section in document.sections:
        parts.append(f'<h2 style="color:{NHS_BLUE}">{_e(section.heading)}</h2>')
        parts.extend(_block(block) for block in section.blocks)
    parts.append(f'<hr><p style="color:{DARK_GREY}">{_e(document.footer)}</p>{marking}</body></html>')
    return "".join(parts)
