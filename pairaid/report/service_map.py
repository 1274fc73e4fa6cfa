"""The map of services: every active service of a pathway by level, front door first (the midwife's map)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from pairaid.core.eligibility_text import eligibility_text
from pairaid.core.front_door import front_door_lines
from pairaid.core.pathway import Pathway, Service
from pairaid.core.summary_content import CHECK_BEFORE_REFERRING
from pairaid.report.atomic import write_atomically
from pairaid.report.fonts import REGULAR
from pairaid.report.pages import Furniture, build_pdf, frame_width
from pairaid.report.styles import ACCENT, STYLES, ParagraphStyle, para

LEVEL_ORDER = ("statutory", "specialist", "targeted", "universal")
_small = ParagraphStyle("map_cell", parent=STYLES["cell"], fontSize=7, leading=8.4)
_small_bold = ParagraphStyle("map_name", parent=_small, fontName=STYLES["label"].fontName)
_flag = ParagraphStyle("map_flag", parent=STYLES["flag"], fontSize=6.5, leading=8)


def write_service_map(pathway: Pathway, out_path: Path) -> Path:
    info = pathway.pathway
    furniture = Furniture(
        marking="Map of services",
        title=f"{info.title} · version {info.version}",
        recipient=None,
        footer=f"Pathway {info.id} {info.version}"
        + (f" · review by {info.review_by:%d %b %Y}" if info.review_by else ""),
    )
    story = map_story(pathway)
    return write_atomically(out_path, lambda temp: build_pdf(temp, story, furniture, subject="pairaid map of services"))


def _front_door(pathway: Pathway) -> Flowable:
    lines = front_door_lines(pathway.front_door)
    style = ParagraphStyle("door", parent=STYLES["alert"], fontSize=9, leading=12)
    cells = [[para("Safeguarding front door: any worry that a child is at risk of harm", STYLES["alert_title"])]]
    cells += [[para(line, style)] for line in lines]
    table = Table(cells, colWidths=[frame_width()])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#a4161a")),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 6),
            ]
        )
    )
    return table


def _ages(service: Service) -> str:
    a = service.ages
    if not a.after_birth:
        return "pregnancy only"
    span = f"{a.min_months}–{a.max_months} months" if a.max_months is not None else f"from {a.min_months} months"
    return ("pregnancy; " if a.antenatal else "") + span


def _row(service: Service) -> list[Flowable]:
    routes = [r for r, ok in (("self", service.referral.self), ("professional", service.referral.professional)) if ok]
    refer = (" or ".join(routes).capitalize() + " referral. " if routes else "") + (service.referral.how or "")
    c = service.contact
    contact = "; ".join(t for t in (*c.numbers(), c.email, c.url, c.hours) if t) or "Not recorded"
    name: list[Flowable] = [para(service.name, _small_bold)]
    if not service.is_verified:
        name.append(para(f"Unverified: {CHECK_BEFORE_REFERRING}", _flag))
    provider = f"{service.provider}. " if service.provider else ""
    who = provider + (service.description + " " if service.description else "") + f"Ages: {_ages(service)}."
    if (eligible := eligibility_text(service)) is not None:
        who += " " + eligible
    return [name, para(who, _small), para(refer.strip() or "Not recorded", _small), para(contact, _small)]


def map_story(pathway: Pathway) -> list[Flowable]:
    info = pathway.pathway
    story: list[Flowable] = [
        para("Map of services", STYLES["title"]),
        para(
            f"{info.title}. Every active service by level of need. Unverified contact details "
            f"are marked \u201c{CHECK_BEFORE_REFERRING}\u201d.",
            STYLES["subtitle"],
        ),
        _front_door(pathway),
    ]
    width = frame_width()
    widths = [width * w for w in (0.22, 0.36, 0.26, 0.16)]
    head = [para(t, STYLES["cell_head"]) for t in ("Service", "Who it is for", "How to refer", "Contact")]
    for level in LEVEL_ORDER:
        services = sorted(
            (s for s in pathway.services if s.level == level and s.status == "active"), key=lambda s: s.name.lower()
        )
        level_info = pathway.levels.get(level)
        heading = level_info.label + (f" ({level_info.local_name})" if level_info.local_name else "")
        title = para(heading, STYLES["h1"])
        if not services:
            story.append(KeepTogether([title, para("No services listed at this level.", STYLES["note"])]))
            continue
        table = Table([head] + [_row(s) for s in services], colWidths=widths, repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                    ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#c8ccd0")),
                    ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                    ("LEFTPADDING", (0, 0), (-1, -1), 3),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        story += [title, table]
    return story
