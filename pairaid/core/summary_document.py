"""The document model of a summary copy: sections of plain-text blocks.

The builders (summary_referral, summary_parent, summary_supervision) decide what a copy says; pairaid.report
draws it as a PDF and the app shows it as a preview. Everything here is plain text, never markup: whoever
draws it escapes it.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, Field

Copy = Literal["referral", "parent", "supervision"]
COPIES: tuple[Copy, ...] = ("referral", "parent", "supervision")
MARKING = "OFFICIAL-SENSITIVE"
DRAFT_MARK = "DRAFT — not finalised"


class Para(BaseModel):
    kind: Literal["paragraph"] = "paragraph"
    text: str
    tone: Literal["normal", "quote", "note", "strong"] = "normal"


class Row(BaseModel):
    label: str
    value: str


class Rows(BaseModel):
    """Label/value pairs, optionally under a small title (e.g. one service)."""

    kind: Literal["rows"] = "rows"
    title: str | None = None
    flag: str | None = Field(default=None, description="a warning shown beside the title")
    rows: list[Row]
    compact: bool = Field(default=False, description="short rows: may be laid out side by side")


class Bullets(BaseModel):
    kind: Literal["bullets"] = "bullets"
    title: str | None = None
    items: list[str]


class Table(BaseModel):
    kind: Literal["table"] = "table"
    title: str | None = None
    columns: list[str]
    rows: list[list[str]]
    widths: list[float] | None = Field(default=None, description="relative column widths")


class Alert(BaseModel):
    kind: Literal["alert"] = "alert"
    title: str
    lines: list[str]


class Signature(BaseModel):
    """Blank lines to sign: one per label."""

    kind: Literal["signature"] = "signature"
    who: str
    lines: list[str] = Field(default_factory=lambda: ["Signature", "Name", "Date"])


Block = Annotated[Para | Rows | Bullets | Table | Alert | Signature, Field(discriminator="kind")]


class Section(BaseModel):
    id: str
    heading: str
    blocks: list[Block]
    keep_with_next: bool = Field(default=False, description="never end a page after this section")


class SummaryDocument(BaseModel):
    copy_kind: Copy
    title: str
    marking: str = MARKING
    marking_note: str | None = None
    draft: bool = Field(default=True, description="made from a draft or a plain file: marked on every page")
    recipient: str | None
    made_on: dt.date
    record_id: str = Field(description="the full id, or on the supervision copy only its short reference")
    pathway_id: str
    pathway_version: str
    fingerprint: str
    footer: str
    sections: list[Section]

    @property
    def draft_mark(self) -> str | None:
        return DRAFT_MARK if self.draft else None

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)

    def has_section(self, section_id: str) -> bool:
        return any(s.id == section_id for s in self.sections)

    def plain_text(self) -> str:
        """Every word of the document, in order (for previews, search and tests)."""
        out = [self.marking] + ([DRAFT_MARK] if self.draft else []) + [self.title]
        if self.marking_note:
            out.append(self.marking_note)
        if self.recipient:
            out.append(f"For: {self.recipient}")
        for section in self.sections:
            out.append(section.heading)
            for block in section.blocks:
                out.extend(block_text(block))
        out.append(self.footer)
        return "\n".join(out)


def block_text(block: Block) -> list[str]:
    if isinstance(block, Para):
        return [block.text]
    if isinstance(block, Rows):
        head = [t for t in (block.title, block.flag) if t]
        return head + [f"{r.label}: {r.value}" for r in block.rows]
    if isinstance(block, Bullets):
        return ([block.title] if block.title else []) + block.items
    if isinstance(block, Table):
        return (
            ([block.title] if block.title else [])
            + [" | ".join(block.columns)]
            + [" | ".join(row) for row in block.rows]
        )
    if isinstance(block, Alert):
        return [block.title, *block.lines]
    return [block.who, *block.lines]
