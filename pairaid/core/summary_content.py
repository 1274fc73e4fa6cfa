"""The content of the three summary copies (referral, parent, supervision) as plain-text data.

`build_summary` decides *what* each copy says; `pairaid.report` only draws it, and the desktop app shows the
same `SummaryDocument` as a preview. Everything here is plain text (never markup): the renderer escapes it.

Copies (issue 4):
- referral: everything a receiving service needs, with identifiers.
- supervision: the referral copy with direct identifiers removed (see `Redactor`).
- parent: plain English for the family; no rule ids, levels, scores or jargon, and nothing that could put a
  parent at risk if someone else in the home reads it (no safeguarding, domestic abuse or drug use).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from pairaid.core import vocab
from pairaid.core.assessment import Assessment, Carer
from pairaid.core.canonical import fingerprint
from pairaid.core.framework import GROUPS, Framework, load_framework
from pairaid.core.outcome import Outcome
from pairaid.core.pathway import Pathway, Service
from pairaid.core.screens import GAD2_POSITIVE_AT
from pairaid.core.stage import age_in_weeks

Copy = Literal["referral", "parent", "supervision"]
COPIES: tuple[str, ...] = ("referral", "parent", "supervision")
MARKING = "OFFICIAL-SENSITIVE"
NOT_RECORDED = "Not recorded"
CHECK_BEFORE_REFERRING = "check before referring"

# Needs a parent copy may name. The others (domestic abuse, drugs or alcohol, a child removed, ...) stay out:
# a paper copy left at home can be read by the person the parent needs protecting from.
PARENT_SAFE_NEEDS: tuple[str, ...] = (
    "parental_mental_health",
    "housing",
    "financial_hardship",
    "social_isolation",
    "language_barrier",
    "child_health",
    "child_send",
    "feeding_difficulty",
    "bereavement_trauma",
)


# -- the document model ------------------------------------------------------------------------------------


class _Block(BaseModel):
    pass


class Para(_Block):
    kind: Literal["paragraph"] = "paragraph"
    text: str
    tone: Literal["normal", "quote", "note", "strong"] = "normal"


class Row(BaseModel):
    label: str
    value: str


class Rows(_Block):
    """Label/value pairs, optionally under a small title (e.g. one service)."""

    kind: Literal["rows"] = "rows"
    title: str | None = None
    flag: str | None = Field(default=None, description="a warning shown beside the title")
    rows: list[Row]


class Bullets(_Block):
    kind: Literal["bullets"] = "bullets"
    title: str | None = None
    items: list[str]


class Table(_Block):
    kind: Literal["table"] = "table"
    title: str | None = None
    columns: list[str]
    rows: list[list[str]]
    widths: list[float] | None = Field(default=None, description="relative column widths")


class Alert(_Block):
    kind: Literal["alert"] = "alert"
    title: str
    lines: list[str]


class Signature(_Block):
    """Blank lines to sign: one per label."""

    kind: Literal["signature"] = "signature"
    who: str
    lines: list[str] = Field(default_factory=lambda: ["Signature", "Name", "Date"])


Block = Annotated[Para | Rows | Bullets | Table | Alert | Signature, Field(discriminator="kind")]


class Section(BaseModel):
    id: str
    heading: str
    blocks: list[Block]


class SummaryDocument(BaseModel):
    copy_kind: Copy
    title: str
    marking: str = MARKING
    marking_note: str | None = None
    recipient: str | None
    made_on: dt.date
    record_id: str
    pathway_id: str
    pathway_version: str
    fingerprint: str
    footer: str
    sections: list[Section]

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)

    def plain_text(self) -> str:
        """Every word of the document, in order (for previews, search and tests)."""
        out = [self.marking, self.title]
        if self.marking_note:
            out.append(self.marking_note)
        for section in self.sections:
            out.append(section.heading)
            for block in section.blocks:
                out.extend(_block_text(block))
        out.append(self.footer)
        return "\n".join(out)


def _block_text(block: Block) -> list[str]:
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


# -- small helpers -------------------------------------------------------------------------------------------


def long_date(day: dt.date | None) -> str:
    return f"{day.day} {day:%B %Y}" if day else NOT_RECORDED


def _or_nr(value: object) -> str:
    if value is None or value == "" or value == []:
        return NOT_RECORDED
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return str(value)


def _section(section_id: str, heading: str, blocks: list[Block], empty: str = NOT_RECORDED + ".") -> Section:
    """A section never vanishes: with nothing to say it says so."""
    return Section(id=section_id, heading=heading, blocks=blocks or [Para(text=empty, tone="note")])


def initials(name: str | None) -> str:
    """`Łukasz Wójcik` -> `Ł. W.`; the first letter of each part of the name."""
    if not name or not name.strip():
        return NOT_RECORDED
    return " ".join(f"{part[0].upper()}." for part in name.split())


def gestation_weeks(due: dt.date, on: dt.date) -> int:
    """Completed weeks of pregnancy on `on`, counting 40 weeks to the due date."""
    return (280 - (due - on).days) // 7


def _weeks(n: int) -> str:
    return f"{n} week" if n == 1 else f"{n} weeks"


# -- de-identification -------------------------------------------------------------------------------------

_WORDISH = r"\w\u0300-\u036F\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0900-\u0DFF"
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "[email removed]"),
    (re.compile(r"(?<!\d)(?:\+44\s?|0)\d(?:[\s-]?\d){8,10}(?!\d)"), "[number removed]"),
    (re.compile(r"(?<!\d)\d{3}[\s-]?\d{3}[\s-]?\d{4}(?!\d)"), "[number removed]"),
    (re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.IGNORECASE), "[postcode removed]"),
    (re.compile(r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b"), "[date removed]"),
    (
        re.compile(
            r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+\d{4})?\b",
            re.IGNORECASE,
        ),
        "[date removed]",
    ),
)


class Redactor:
    """Removes the family's direct identifiers from free text (supervision copy).

    Names become initials; NHS and phone numbers, postcodes, email addresses, dates and the GP practice are
    removed. A no-op for the other copies.
    """

    def __init__(self, assessment: Assessment, active: bool) -> None:
        self.active = active
        family = assessment.family
        names = [family.baby.name] + [c.name for c in family.carers]
        self._names: list[tuple[re.Pattern[str], str]] = []
        literal = [family.postcode, family.gp_practice, family.baby.nhs_number]
        for value in (v for v in literal if v and v.strip()):
            self._names.append((self._word(value), "[removed]"))
        for name in (n for n in names if n and n.strip()):
            self._names.append((self._word(name), initials(name)))
        for name in (n for n in names if n and n.strip()):
            for part in name.split():
                if len(part) >= 2:
                    self._names.append((self._word(part), f"{part[0].upper()}."))

    @staticmethod
    def _word(text: str) -> re.Pattern[str]:
        return re.compile(rf"(?<![{_WORDISH}]){re.escape(text.strip())}(?![{_WORDISH}])", re.IGNORECASE)

    def __call__(self, text: str | None) -> str | None:
        if not self.active or not text:
            return text
        for pattern, replacement in self._names:
            text = pattern.sub(replacement, text)
        for pattern, replacement in _PATTERNS:
            text = pattern.sub(replacement, text)
        return text


# -- the builder ---------------------------------------------------------------------------------------------


class _Builder:
    def __init__(
        self, assessment: Assessment, outcome: Outcome, pathway: Pathway, copy: Copy, made_on: dt.date
    ) -> None:
        self.a = assessment
        self.o = outcome
        self.p = pathway
        self.copy = copy
        self.made_on = made_on
        self.fw: Framework = load_framework()
        self.deid = copy == "supervision"
        self.clean = Redactor(assessment, self.deid)

    # labels
    def label(self, kind: str, ident: str) -> str:
        return self.fw.label(kind, ident)

    def level(self, level: str) -> str:
        info = self.p.levels.get(level)
        return f"{info.label} ({info.local_name})" if info.local_name and info.local_name != info.label else info.label

    def person(self, name: str | None) -> str:
        return initials(name) if self.deid else _or_nr(name)

    def text(self, value: str | None) -> str:
        return _or_nr(self.clean(value))

    # sections shared by the referral and supervision copies ------------------------------------------------

    def safeguarding_alert(self) -> Section:
        door = self.p.front_door
        lines = [f"{door.name}: {door.phone}"]
        if door.out_of_hours:
            lines.append(f"Out of hours: {door.out_of_hours}")
        lines.append(f"Emergency (a child in immediate danger): {door.emergency}")
        if door.follow_up:
            lines.append(door.follow_up)
        indicators = [self.label("safeguarding_indicators", i) for i in self.a.safeguarding.indicators]
        if indicators:
            lines.append("Recorded: " + "; ".join(indicators) + ".")
        return Section(
            id="safeguarding",
            heading="Safeguarding",
            blocks=[Alert(title="Safeguarding: contact the front door now", lines=lines)],
        )

    def header(self) -> Section:
        c = self.a.contact
        prac = c.practitioner
        if self.o.safeguarding:
            urgency = "URGENT: safeguarding, contact the front door now"
        elif self.o.urgent:
            urgency = "URGENT: same-day action needed"
        else:
            urgency = "Routine"
        rows = [
            Row(label="Date of this summary", value=long_date(self.made_on)),
            Row(label="Visit", value=self._visit_when()),
            Row(label="Contact", value=self.label("contact_types", c.type)),
            Row(label="Setting", value=self.label("settings", c.setting) if c.setting else NOT_RECORDED),
            Row(label="Urgency", value=urgency),
            Row(label="Referrer", value=_or_nr(prac.name)),
            Row(label="Role", value=self.label("roles", prac.role) if prac.role else NOT_RECORDED),
            Row(label="Team", value=_or_nr(prac.team)),
            Row(label="Phone", value=_or_nr(prac.phone)),
            Row(label="Email", value=_or_nr(prac.email)),
            Row(label="Recipient", value=_or_nr(self.recipient)),
            Row(label="Present at the visit", value=self.text(", ".join(c.present))),
            Row(label="Interpreter used", value=_or_nr(c.interpreter_used)),
        ]
        return _section("header", "About this summary", [Rows(rows=rows)])

    def _visit_when(self) -> str:
        day = self.a.contact.date
        return f"{day:%B %Y}" if self.deid else long_date(day)

    def baby_age(self) -> str:
        baby = self.a.family.baby
        on = self.a.contact.date
        if self.a.stage == "antenatal" or baby.date_of_birth is None:
            if baby.due_date is None:
                return "In pregnancy"
            return f"In pregnancy, about {_weeks(gestation_weeks(baby.due_date, on))} at the visit"
        weeks = age_in_weeks(baby.date_of_birth, on)
        months = self.a.age_months
        if self.deid or months is None or months < 3:
            return f"{_weeks(weeks)} at the visit"
        return f"{months} months ({_weeks(weeks)}) at the visit"

    def family(self) -> Section:
        fam = self.a.family
        baby = fam.baby
        rows = [Row(label="Baby", value=self.person(baby.name))]
        if not self.deid:
            if baby.date_of_birth:
                rows.append(Row(label="Date of birth", value=long_date(baby.date_of_birth)))
            else:
                rows.append(Row(label="Due date", value=long_date(baby.due_date)))
        rows.append(Row(label="Age", value=self.baby_age()))
        rows.append(Row(label="Born before 37 weeks", value=_or_nr(baby.born_before_37_weeks)))
        if not self.deid:
            rows += [
                Row(label="NHS number", value=_or_nr(baby.nhs_number)),
                Row(label="GP practice", value=_or_nr(fam.gp_practice)),
                Row(label="Postcode", value=_or_nr(fam.postcode)),
            ]
        blocks: list[Block] = [Rows(title="The baby", rows=rows)]
        if fam.carers:
            blocks.append(
                Table(
                    title="Carers",
                    columns=["Name", "Relationship", "Parental responsibility", "Language", "Interpreter needed"],
                    rows=[self._carer_row(c) for c in fam.carers],
                    widths=[3, 2, 2, 2, 2],
                )
            )
        else:
            blocks.append(Para(text="Carers: not recorded.", tone="note"))
        return _section("family", "The baby and the family", blocks)

    def _carer_row(self, carer: Carer) -> list[str]:
        return [
            self.person(carer.name),
            self.text(carer.relationship),
            _or_nr(carer.parental_responsibility),
            _or_nr(carer.language),
            _or_nr(carer.interpreter_needed),
        ]

    def reason(self) -> Section:
        selected = self.selected_services()
        final = self.o.final_level
        rows = [Row(label="Level of need", value=self.level(final) + (" (provisional)" if self.o.provisional else ""))]
        if selected:
            ask = "Please accept a referral to: " + "; ".join(s.name for s in selected) + "."
        else:
            ask = "For information and discussion; no service has been selected yet."
        rows.append(Row(label="What is being asked", value=ask))
        rows.append(Row(label="Family wants help", value=self.label("wants_help", self.a.parent_voice.wants_help)))
        blocks: list[Block] = [Rows(rows=rows)]
        if self.o.prompts:
            blocks.append(Bullets(title="Act now", items=list(self.o.prompts)))
        return _section("reason", "Reason for this summary", blocks)

    def strengths(self) -> Section:
        items = [self.label("strengths", s) for s in self.a.strengths]
        seen = [
            self.fw.domain_title(d) for d in self.a.applicable_domains() if self.a.observations.rating(d) == "strength"
        ]
        blocks: list[Block] = []
        if items:
            blocks.append(Bullets(items=items))
        if seen:
            blocks.append(Bullets(title="Strengths seen at the visit", items=seen))
        return _section("strengths", "Strengths", blocks)

    def observations(self) -> Section:
        applicable = self.a.applicable_domains()
        blocks: list[Block] = []
        not_observed: list[str] = []
        for group in GROUPS:
            rows = []
            for domain in self.fw.domains:
                if domain.group != group or domain.id not in applicable:
                    continue
                rating = self.a.observations.rating(domain.id)
                if rating == "not_observed":
                    not_observed.append(domain.title)
                    continue
                rows.append(
                    [
                        domain.title,
                        self.fw.rating_label(domain.id, rating),
                        self.text(self.a.observations.note(domain.id)),
                    ]
                )
            title = self.label("groups", group)
            if rows:
                blocks.append(
                    Table(
                        title=title, columns=["Area", "Rating", "What was seen or heard"], rows=rows, widths=[3, 2, 7]
                    )
                )
            else:
                blocks.append(Para(text=f"{title}: nothing observed.", tone="note"))
        blocks.append(
            Para(
                text="Not observed: "
                + (
                    "; ".join(not_observed) + "."
                    if not_observed
                    else "none; every area that applies at this stage was observed."
                ),
                tone="note",
            )
        )
        blocks.append(
            Para(
                text=f"Observed {self.o.coverage} of {self.o.applicable_domains} areas that apply at this stage "
                f"({self.label('stages', self.a.stage)}).",
                tone="note",
            )
        )
        return _section("observations", "Observations", blocks)

    def parent_voice(self) -> Section:
        pv = self.a.parent_voice
        rows = [
            Row(label="Asked about the relationship", value=_or_nr(pv.asked)),
            Row(label="Wants help", value=self.label("wants_help", pv.wants_help)),
            Row(label="What gets in the way", value=_or_nr("; ".join(self.label("barriers", b) for b in pv.barriers))),
        ]
        blocks: list[Block] = [
            Para(text=self.text(pv.words), tone="quote" if pv.words else "note"),
            Rows(rows=rows),
        ]
        return _section("parent_voice", "The parent's own words and what they want", blocks)

    def mood(self) -> Section:
        m = self.a.mood
        when = self._visit_when()
        rows: list[list[str]] = []
        if m.whooley:
            answers = (
                f"low mood: {'yes' if m.whooley.low_mood else 'no'}; "
                f"little interest: {'yes' if m.whooley.little_interest else 'no'}"
            )
            rows.append(
                ["Whooley questions", when, ("positive" if m.whooley.positive else "negative") + f" ({answers})"]
            )
        if m.gad2:
            rows.append(
                ["GAD-2", when, f"total {m.gad2.total} of 6" + (f" ({GAD2_POSITIVE_AT} or more: positive)"
                                                  if m.gad2.total >= GAD2_POSITIVE_AT else "")]
            )
        if m.epds:
            day = m.epds.date
            epds_when = (f"{day:%B %Y}" if self.deid else long_date(day)) if day else when
            rows.append(["EPDS", epds_when, f"total {m.epds.total} of 30; self-harm item {m.epds.self_harm_item} of 3"])
        blocks: list[Block] = [Para(text=f"Screened: {_or_nr(self.clean(m.subject))}.", tone="normal")]
        if rows:
            blocks.append(Table(columns=["Screen", "Date", "Result"], rows=rows, widths=[3, 3, 6]))
        else:
            blocks = [Para(text="No mood screen recorded.", tone="note")]
        blocks.append(Para(text="EPDS: scores only; the questions are not reproduced.", tone="note"))
        return _section("mood", "Mood screens", blocks)

    def needs(self) -> Section:
        rows = []
        for need in vocab.NEEDS:
            entry = getattr(self.a.needs, need)
            if entry is None:
                continue
            rows.append([self.label("needs", need), self.label("need_statuses", entry.status), self.text(entry.note)])
        blocks: list[Block] = []
        if rows:
            blocks.append(Table(columns=["Need", "Status", "Note"], rows=rows, widths=[3, 2, 7]))
        else:
            blocks.append(Para(text="Competing needs: not recorded.", tone="note"))
        social = self.a.needs.social_care_status
        social_text = self.label("social_care_statuses", social.status) if social else NOT_RECORDED
        if social and social.note:
            social_text += f": {self.clean(social.note)}"
        blocks.append(Rows(rows=[Row(label="Social care involvement", value=social_text)]))
        baby_rows = []
        for domain in self.fw.domains:
            if domain.group == "baby" and domain.id in self.a.applicable_domains():
                rating = self.a.observations.rating(domain.id)
                baby_rows.append(f"{domain.title}: {self.fw.rating_label(domain.id, rating).lower()}")
        impact = (
            "What this is like for the baby (from the observations of the baby): " + "; ".join(baby_rows) + "."
            if baby_rows
            else "What this is like for the baby: not observed (in pregnancy or not recorded)."
        )
        blocks.append(Para(text=impact))
        return _section("needs", "Competing needs and the impact on the baby (Think Family)", blocks)

    def level_section(self) -> Section:
        o = self.o
        rows = [Row(label="Suggested level", value=self.level(o.level))]
        flags = [t for t, on in (("urgent", o.urgent), ("provisional", o.provisional)) if on]
        if flags:
            rows.append(Row(label="Flags", value=", ".join(flags)))
        also = [self.level(lvl) for lvl in o.levels if lvl != o.level]
        rows.append(Row(label="Also matched", value=_or_nr(", ".join(also))))
        if o.override:
            rows += [
                Row(label="Final level", value=self.level(o.override.to_level)),
                Row(label="Changed by", value=_or_nr(o.override.by)),
                Row(label="Reason for the change", value=self.text(o.override.reason)),
            ]
        else:
            rows.append(Row(label="Final level", value=self.level(o.final_level) + " (as suggested)"))
        blocks: list[Block] = [Rows(rows=rows)]
        blocks.append(Bullets(title="Reasons", items=[f"{r.text} [{r.rule}, {r.level}]" for r in o.reasons]))
        shown_with_services = set(self.pathway_notes()) if self.specialist_note() else set()
        warnings = [w for w in o.warnings if w not in shown_with_services]
        if warnings:
            blocks.append(Bullets(title="Notes", items=warnings))
        return _section("level", "Level of need", blocks)

    def selected_services(self) -> list[Service]:
        out = []
        for service_id in self.a.decision.selected_services:
            service = self.p.service(service_id)
            if service is not None:
                out.append(service)
        return out

    def _contact_text(self, service: Service) -> str:
        c = service.contact
        parts = [t for t in (c.phone, c.email, c.url, c.hours) if t]
        return "; ".join(parts) if parts else NOT_RECORDED

    def _service_block(self, service: Service, why: list[str]) -> Rows:
        routes = [
            r
            for r, ok in (
                ("self-referral", service.referral.self),
                ("professional referral", service.referral.professional),
            )
            if ok
        ]
        how = " or ".join(routes).capitalize()
        if service.referral.how:
            how = f"{how}. {service.referral.how}" if how else service.referral.how
        rows = [
            Row(label="Level", value=self.level(service.level)),
            Row(label="Provider", value=_or_nr(service.provider)),
            Row(label="Why", value=_or_nr(" ".join(w if w.endswith(".") else f"{w}." for w in why))),
            Row(label="How to refer", value=_or_nr(how)),
            Row(label="Contact", value=self._contact_text(service)),
        ]
        flag = None if service.is_verified else f"Unverified: {CHECK_BEFORE_REFERRING}"
        return Rows(title=service.name, flag=flag, rows=rows)

    def services(self) -> Section:
        why = {s.id: s.why for s in self.o.services}
        selected = self.selected_services()
        blocks: list[Block] = []
        if selected:
            blocks.append(Para(text="Selected by the practitioner", tone="strong"))
            blocks += [self._service_block(s, why.get(s.id, ["Selected by the practitioner."])) for s in selected]
        else:
            blocks.append(Para(text="Selected services: none selected.", tone="note"))
        chosen = {s.id for s in selected}
        suggested = [(self.p.service(s.id), s.why) for s in self.o.services if s.id not in chosen]
        suggested = [(s, w) for s, w in suggested if s is not None]
        if suggested:
            blocks.append(Para(text="Also suggested", tone="strong"))
            blocks += [self._service_block(s, w) for s, w in suggested]
        else:
            blocks.append(Para(text="Other suggested services: none.", tone="note"))
        note = self.specialist_note()
        if note:
            blocks.append(Para(text=note, tone="note"))
        return _section("services", "Services", blocks)

    def specialist_note(self) -> str | None:
        """Honest word about specialist relationship help, when it is suggested."""
        services = [self.p.service(s.id) for s in self.o.services] + self.selected_services()
        wanted = any(
            s is not None and s.level == "specialist" and "parent_infant_relationship" in s.needs for s in services
        ) or ("specialist" in self.o.levels and "parent_infant_relationship" in self.o.serves)
        if not wanted:
            return None
        note = next(iter(self.pathway_notes()), None)
        if note:
            return note
        return (
            "Specialist parent-infant relationship help is suggested. This pathway does not say whether "
            f"{self.p.pathway.area.name} has a dedicated specialist parent-infant team; many areas have none. "
            "Confirm the route with your supervisor."
        )

    def pathway_notes(self) -> list[str]:
        """The pathway's own notes about specialist help that the outcome carries (e.g. "no dedicated
        specialist parent-infant team here"), shown with the services rather than among the notes."""
        texts = []
        for note in getattr(self.p, "notes", None) or []:
            when = getattr(note, "when", None)
            if getattr(when, "service_level", None) == "specialist" and note.text in self.o.warnings:
                texts.append(note.text)
        return texts

    def consent(self) -> Section:
        c = self.a.consent
        basis = {"consent": "Consent", "safeguarding": "Safeguarding (does not rest on consent)", "other": "Other"}
        rows = [
            Row(label="Family agrees to the referral", value=self.label("wants_help", c.family_agrees)),
            Row(label="Basis for sharing", value=basis[c.sharing_basis] if c.sharing_basis else NOT_RECORDED),
            Row(label="Family told what is shared", value=_or_nr(c.family_told)),
        ]
        if self.a.safeguarding.discussed_with:
            rows.append(Row(label="Safeguarding discussed with", value=self.text(self.a.safeguarding.discussed_with)))
        if self.a.safeguarding.note:
            rows.append(Row(label="Safeguarding note", value=self.text(self.a.safeguarding.note)))
        return _section("consent", "Consent and sharing", [Rows(rows=rows)])

    def next_steps(self) -> Section:
        d = self.a.decision
        review = d.review_date
        if review and self.deid:
            review_text = f"{_weeks(max(0, (review - self.a.contact.date).days // 7))} after the visit"
        else:
            review_text = long_date(review)
        rows = [Row(label="Next steps", value=self.text(d.next_steps)), Row(label="Review date", value=review_text)]
        return _section("next_steps", "Next steps and review", [Rows(rows=rows)])

    def signatures(self) -> Section:
        second = "Supervisor" if self.deid else "Received by"
        return _section("signatures", "Signatures", [Signature(who="Referrer"), Signature(who=second)])

    def supervision_notes(self) -> Section:
        return _section(
            "supervision_notes",
            "Supervision",
            [Rows(rows=[Row(label="Level agreed or challenged", value=""), Row(label="Comments", value="")])],
        )

    # the parent copy -----------------------------------------------------------------------------------------

    @property
    def recipient(self) -> str | None:
        return self._recipient

    def parent_sections(self) -> list[Section]:
        a = self.a
        prac = a.contact.practitioner
        who = prac.name or "your health visiting team"
        out = []
        to = f"These notes are for {self.recipient}." if self.recipient else "These notes are for you."
        intro = (
            f"{to} They say what we talked about on {long_date(a.contact.date)} and what we "
            f"agreed. If anything is wrong or unclear, please tell {who}. You can ask to see anything we write "
            "about your family."
        )
        out.append(_section("intro", "About these notes", [Para(text=intro)]))

        good: list[Block] = []
        if a.strengths:
            good.append(Bullets(items=[self.label("strengths", s) for s in a.strengths]))
        seen = [self.fw.domain_title(d) for d in a.applicable_domains() if a.observations.rating(d) == "strength"]
        if seen:
            good.append(Bullets(title="At the visit we saw real strengths in:", items=seen))
        out.append(
            _section(
                "going_well",
                "What is going well",
                good,
                empty="Not recorded at this visit. We will talk about what is going well next time.",
            )
        )

        talked: list[Block] = []
        pv = a.parent_voice
        if pv.words:
            talked.append(Para(text="You told us:", tone="strong"))
            talked.append(Para(text=pv.words, tone="quote"))
        topics = [self.label("needs", n) for n in PARENT_SAFE_NEEDS[1:] if a.needs.status(n) == "current"]
        if a.mood.whooley or a.mood.gad2 or a.mood.epds or a.needs.status("parental_mental_health") == "current":
            topics.insert(0, "How you have been feeling")
        if topics:
            talked.append(Bullets(title="We talked about:", items=topics))
        wants = {
            "yes": "You said you would like some help, and we talked about where it could come from.",
            "unsure": "You were not sure about getting help yet. That is fine: you can change your mind at any time.",
            "no": "You said you did not want extra help at the moment. You can change your mind at any time.",
        }
        if pv.wants_help in wants:
            talked.append(Para(text=wants[pv.wants_help]))
        out.append(_section("talked_about", "What we talked about", talked, empty="Not recorded."))

        agreed: list[Block] = []
        if a.decision.next_steps:
            agreed.append(Para(text=a.decision.next_steps))
        chosen = [s for s in self.selected_services() if s.level != "statutory"]
        if chosen:
            line = "We agreed to put you in touch with: " + "; ".join(s.name for s in chosen) + "."
            if a.consent.family_agrees == "yes":
                line += " You agreed to this."
            agreed.append(Para(text=line))
        if a.decision.review_date:
            agreed.append(Para(text=f"We will see you again on or around {long_date(a.decision.review_date)}."))
        out.append(_section("agreed", "What we agreed", agreed))

        out.append(self.parent_services(chosen))
        out.append(self.help_any_hour())
        contact_rows = [
            Row(label="Name", value=_or_nr(prac.name)),
            Row(label="Role", value=self.label("roles", prac.role) if prac.role else NOT_RECORDED),
            Row(label="Team", value=_or_nr(prac.team)),
            Row(label="Phone", value=_or_nr(prac.phone)),
            Row(label="Email", value=_or_nr(prac.email)),
        ]
        out.append(_section("contact_us", "How to reach us", [Rows(rows=contact_rows)]))
        return out

    def parent_services(self, chosen: list[Service]) -> Section:
        services = list(chosen)
        if not services:
            # Nothing chosen: offer the open-door services that were suggested, which a parent can contact.
            for s in self.o.services:
                service = self.p.service(s.id)
                if service and service.referral.self and service.level in ("universal", "targeted"):
                    services.append(service)
            services = services[:5]
        blocks: list[Block] = []
        for service in services:
            rows = []
            if service.description:
                rows.append(Row(label="What it is", value=service.description))
            if service.referral.self:
                how = service.referral.how or "You can contact them yourself."
                rows.append(Row(label="How to get in touch yourself", value=how))
            else:
                rows.append(
                    Row(label="How to get in touch", value="We will refer you. You can ask us for the details.")
                )
            rows.append(Row(label="Contact", value=self._contact_text(service)))
            flag = None if service.is_verified else "Please check these details before you rely on them."
            blocks.append(Rows(title=service.name, flag=flag, rows=rows))
        return _section(
            "services",
            "Services for you",
            blocks,
            empty="No services were chosen at this visit. You can ask us about them at any time.",
        )

    def help_any_hour(self) -> Section:
        door = self.p.front_door
        rows = [
            Row(label="In an emergency, or if anyone is in danger", value=f"Call {door.emergency}"),
            Row(
                label="If you are worried about your own or your baby's health, day or night",
                value="Call NHS 111 or go to 111.nhs.uk",
            ),
            Row(
                label="If you feel you cannot cope, or have thoughts of harming yourself",
                value="Call NHS 111 and choose the mental health option, at any time",
            ),
            Row(
                label="If you are worried about a child's safety",
                value=f"{door.name}: {door.phone}"
                + (f"; out of hours {door.out_of_hours}" if door.out_of_hours else ""),
            ),
        ]
        return _section("any_hour", "Help at any hour", [Rows(rows=rows)])

    # assembly ---------------------------------------------------------------------------------------------

    def build(self, recipient: str | None) -> SummaryDocument:
        self._recipient = recipient
        a = self.a
        if self.copy == "parent":
            sections = self.parent_sections()
            title = "Notes from your visit"
            note = "This means it holds private information about your family. Please keep it somewhere safe."
            footer = f"Record {a.id}"
        else:
            sections = []
            if self.o.safeguarding:
                sections.append(self.safeguarding_alert())
            sections += [
                self.header(),
                self.family(),
                self.reason(),
                self.strengths(),
                self.observations(),
                self.parent_voice(),
                self.mood(),
                self.needs(),
                self.level_section(),
                self.services(),
                self.consent(),
                self.next_steps(),
            ]
            if self.deid:
                sections.append(self.supervision_notes())
            sections.append(self.signatures())
            title = "Supervision copy (de-identified)" if self.deid else "Referral summary"
            note = (
                "De-identified: initials and age in weeks; no NHS number, postcode or family contact details."
                if self.deid
                else None
            )
            footer = (
                f"Record {a.id} · Pathway {self.p.pathway.id} {self.p.pathway.version} · Fingerprint {fingerprint(a)}"
            )
        return SummaryDocument(
            copy_kind=self.copy,
            title=title,
            marking_note=note,
            recipient=recipient,
            made_on=self.made_on,
            record_id=a.id,
            pathway_id=self.p.pathway.id,
            pathway_version=self.p.pathway.version,
            fingerprint=fingerprint(a),
            footer=footer,
            sections=sections,
        )


def build_summary(
    assessment: Assessment,
    outcome: Outcome,
    pathway: Pathway,
    copy: Copy,
    recipient: str | None,
    made_on: dt.date | None = None,
) -> SummaryDocument:
    """The content of one copy of the summary (see the module docstring)."""
    if copy not in COPIES:
        raise ValueError(f"copy must be one of {', '.join(COPIES)}, not {copy!r}")
    recipient = recipient.strip() if recipient and recipient.strip() else None
    return _Builder(assessment, outcome, pathway, copy, made_on or dt.date.today()).build(recipient)
