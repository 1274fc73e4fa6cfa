"""PDF output: the referral, parent and supervision copies of the summary, and the map of services.

reportlab is imported only inside these functions, so importing this package is cheap (the desktop app
imports it when a PDF is first made).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pairaid.core.assessment import Assessment
    from pairaid.core.outcome import Outcome
    from pairaid.core.pathway import Pathway
    from pairaid.core.summary_content import Copy, SummaryDocument

__all__ = ["ReportError", "render_document", "render_service_map", "render_summary"]


class ReportError(Exception):
    """A PDF could not be written; the message names the file and what to do."""


def render_document(doc: SummaryDocument, out_path: Path) -> Path:
    """Draw a built summary to an A4 PDF at `out_path` (written atomically); returns the path."""
    from pairaid.report.summary_pdf import write_summary

    return write_summary(doc, Path(out_path))


def render_summary(
    assessment: Assessment,
    outcome: Outcome,
    pathway: Pathway,
    copy: Copy,
    out_path: Path,
    recipient: str | None = None,
    made_on: dt.date | None = None,
    *,
    final: bool = False,
    safe_to_take_home: bool = False,
    also_remove: Sequence[str] = (),
) -> Path:
    """Build one copy of the summary (pairaid.core.summary_content.build_summary, which explains the options)
    and draw it to `out_path`."""
    from pairaid.core.summary_content import build_summary

    doc = build_summary(assessment, outcome, pathway, copy, recipient, made_on, final=final,
                        safe_to_take_home=safe_to_take_home, also_remove=also_remove)
    return render_document(doc, out_path)


def render_service_map(pathway: Pathway, out_path: Path) -> Path:
    """A one- or two-page A4 map of the pathway's services by level, front door first."""
    from pairaid.report.service_map import write_service_map

    return write_service_map(pathway, Path(out_path))
