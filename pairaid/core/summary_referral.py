"""The referral copy: what a receiving team needs, the ask and the reasons on page 1 (summaries.md).

Page 1, in order: the safeguarding box when a statutory rule matched; who the baby and family are; what is
being asked (only the selected services); why now (level, reasons, urgent flags, the mood results that matter,
safeguarding indicators, the relationship areas of concern with their notes, what was done today); consent and
the basis for sharing. Then strengths, the other observations, the parent's words, other needs and the
household, next steps and the signatures (kept with the section before them).

The supervision copy is this copy passed through one `Deidentifier` (pairaid.core.summary_supervision).
"""

from __future__ import annotations

import datetime as dt

from pairaid.core import vocab
from pairaid.core.assessment import Assessment, Carer
from pairaid.core.deidentify import Deidentifier
from pairaid.core.framework import GROUPS, Framework, load_framework
from pairaid.core.front_door import front_door_notice
from pairaid.core.outcome import Outcome
from pairaid.core.pathway import Pathway, Service
from pairaid.core.screens import GAD2_POSITIVE_AT
from pairaid.core.stage import age_in_weeks
from pairaid.core.summary_document import Alert, Block, Bullets, Para, Row, Rows, Section, Signature, Table
from pairaid.core.summary_text import (
    CHECK_BEFORE_REFERRING,
    NOT_RECORDED,
    contact_text,
    gestation_weeks,
    level_name,
    long_date,
    not_recorded_line,
    sentence,
    weeks,
    yes_no,
)

CONCERNS = ("some_concern", "significant_concern")
BASIS = {"consent": "Consent", "safeguarding": "Safeguarding (does not rest on consent)", "other": "Other"}


def _note(text: str | None) -> list[Block]:
    return [Para(text=text, tone="note")] if text else []


class ReferralBuilder:
    """Sections of the referral copy; with a `deid` the same sections de-identified (supervision)."""

    def __init__(self, assessment: Assessment, outcome: Outcome, pathway: Pathway, *, made_on: dt.date,
                 recipient: str | None, deid: Deidentifier | None = None) -> None:
        self.a = assessment
        self.o = outcome
        self.p = pathway
        self.made_on = made_on
        self.recipient = recipient
        self.deid = deid
        self.fw: Framework = load_framework()

    # small helpers ---------------------------------------------------------------------------------------

    def label(self, kind: str, ident: str) -> str:
        return self.fw.label(kind, ident)

    def t(self, text: str | None) -> str | None:
        """Free text as this copy prints it (de-identified on the supervision copy)."""
        if not text or not text.strip():
            return None
        return self.deid.text(text) if self.deid else text

    def level(self, level: str) -> str:
        return level_name(self.p, level)

    def day(self, day: dt.date | None) -> str | None:
        """A date as printed; the supervision copy prints none."""
        if day is None or self.deid:
            return None
        return long_date(day)

    def selected_services(self) -> list[Service]:
        out = []
        for service_id in self.a.decision.selected_services:
            service = self.p.service(service_id)
            if service is not None:
                out.append(service)
        return out

    @property
    def statutory(self) -> bool:
        return "statutory" in self.o.levels

    @staticmethod
    def rows_with_gaps(pairs: list[tuple[str, str | None]], title: str | None = None,
                       compact: bool = False) -> list[Block]:
        """Rows for the values given, and one line naming those not recorded."""
        rows = [Row(label=label, value=value) for label, value in pairs if value]
        missing = [label for label, value in pairs if not value]
        blocks: list[Block] = [Rows(title=title, rows=rows, compact=compact)] if rows else []
        return blocks + _note(not_recorded_line("Not recorded", missing))

    # page 1 --------------------------------------------------------------------------------------------------

    def safeguarding_box(self) -> Section | None:
        """The front door's notice (pairaid.core.front_door, as on the banner) with the indicators recorded."""
        if not self.statutory:
            return None
        notice = front_door_notice(self.p, self.a.family.postcode)
        lines = notice.all_lines()
        indicators = [self.label("safeguarding_indicators", i) for i in self.a.safeguarding.indicators]
        if indicators:
            lines.append("Recorded: " + "; ".join(indicators) + ".")
        title = notice.heading if self.o.safeguarding else "Statutory level: share with children's social care"
        return Section(id="safeguarding", heading="Safeguarding", blocks=[Alert(title=title, lines=lines)])

    def about(self) -> Section:
        c = self.a.contact
        prac = c.practitioner
        who = ", ".join(t for t in (self.t(prac.name), self.label("roles", prac.role) if prac.role else None,
                                    prac.team) if t)
        reach = None if self.deid else "; ".join(t for t in (prac.phone, prac.email) if t) or None
        visit = ", ".join(t for t in (self.day(c.date), self.label("contact_types", c.type),
                                      self.label("settings", c.setting) if c.setting else None) if t)
        pairs: list[tuple[str, str | None]] = [("From", who or None)]
        if not self.deid:
            pairs.append(("Contact", reach))
        pairs += [("Visit", visit), ("Present", self.t(", ".join(c.present)))]
        if c.interpreter_used is not None:
            pairs.append(("Interpreter used", yes_no(c.interpreter_used)))
        if self.deid is None:
            pairs.append(("Summary made", long_date(self.made_on)))
        return Section(id="about", heading="About this referral", blocks=self.rows_with_gaps(pairs, compact=True))

    def baby_age(self) -> str:
        baby = self.a.family.baby
        on = self.a.contact.date
        if self.a.stage == "antenatal" or baby.date_of_birth is None:
            if baby.due_date is None:
                return "In pregnancy"
            return f"In pregnancy, about {weeks(gestation_weeks(baby.due_date, on))} at the visit"
        text = f"{weeks(age_in_weeks(baby.date_of_birth, on))} at the visit"
        both = self.a.age_text()
        if both and self.a.corrected_age_months is not None:  # "4 months, corrected 2 months"
            return f"{both} at the visit"
        months = self.a.age_months
        return f"{months} months ({text})" if months is not None and months >= 3 else text

    def family(self) -> Section:
        fam = self.a.family
        baby = fam.baby
        born = baby.date_of_birth is not None
        pairs: list[tuple[str, str | None]] = [("Baby", self.t(baby.name))]
        if not self.deid:
            pairs.append(("Date of birth" if born else "Due date", self.day(baby.date_of_birth or baby.due_date)))
        pairs.append(("Age", self.baby_age()))
        if baby.born_before_37_weeks or (baby.gestation_weeks or 40) < 37:
            gestation = baby.gestation_weeks
            pairs.append(("Born early", f"at {gestation} weeks" if gestation else "before 37 weeks"))
        if not self.deid:
            pairs += [("NHS number", baby.nhs_number), ("Postcode", fam.postcode), ("GP practice", fam.gp_practice)]
        blocks = self.rows_with_gaps(pairs, compact=True)
        if fam.carers:
            blocks.append(Table(columns=["Carer", "Relationship", "Parental responsibility", "Language",
                                         "Interpreter"],
                                rows=[self._carer_row(c) for c in fam.carers], widths=[3, 2, 2, 2, 2]))
        else:
            blocks.append(Para(text="Carers: not recorded.", tone="note"))
        return Section(id="family", heading="The baby and the family", blocks=blocks)

    def _carer_row(self, carer: Carer) -> list[str]:
        def known(value: bool | None) -> str:
            return "—" if value is None else yes_no(value)

        return [self.t(carer.name) or "Name not recorded", self.t(carer.relationship) or "—",
                known(carer.parental_responsibility), carer.language or "—", known(carer.interpreter_needed)]

    def ask(self) -> Section:
        selected = [s for s in self.selected_services() if s.level != "statutory" or not self.statutory]
        blocks: list[Block] = []
        if selected:
            blocks.append(Para(text="Please accept a referral to: " + "; ".join(s.name for s in selected) + ".",
                               tone="strong"))
            # `brief`: why the service fits, without repeating the reasons printed under "Why now".
            why = {s.id: s.brief or s.why for s in self.o.services}
            blocks += [self.service_block(s, why.get(s.id, [])) for s in selected]
        elif self.statutory:
            blocks.append(Para(text="Contact the front door above; no other service has been asked for.",
                               tone="strong"))
        else:
            blocks.append(Para(text="For information: no service is being asked to act.", tone="strong"))
        note = self.specialist_note(selected)
        if note:
            blocks.append(Para(text=note, tone="note"))
        return Section(id="ask", heading="What is being asked", blocks=blocks)

    def service_block(self, service: Service, why: list[str]) -> Rows:
        routes = [r for r, ok in (("self-referral", service.referral.self),
                                  ("professional referral", service.referral.professional)) if ok]
        how = " or ".join(routes).capitalize()
        if service.referral.how:
            how = f"{how}. {service.referral.how}" if how else service.referral.how
        pairs = [("Why", " ".join(sentence(w) for w in why) or None), ("How to refer", how or None),
                 ("Contact", contact_text(service))]
        rows = [Row(label=label, value=value or NOT_RECORDED.lower()) for label, value in pairs]
        flag = None if service.is_verified else f"Unverified: {CHECK_BEFORE_REFERRING}"
        return Rows(title=f"{service.name} ({self.level(service.level)})", flag=flag, rows=rows)

    def specialist_note(self, selected: list[Service]) -> str | None:
        """Honest word about specialist relationship help when it is asked for."""
        if not any(s.level == "specialist" and "parent_infant_relationship" in s.needs for s in selected):
            return None
        for note in self.p.notes or []:
            if note.when.service_level == "specialist" and note.text in self.o.warnings:
                return note.text
        return None

    def why_now(self) -> Section:
        o = self.o
        provisional = ""
        if o.provisional:
            provisional = f" — Provisional: {o.coverage} of {o.applicable_domains} areas observed"
        pairs: list[tuple[str, str]] = [("Suggested level", self.level(o.level) + provisional)]
        if o.override:
            final = self.level(o.override.to_level)
            by = self.t(o.override.by)
            reason = self.t(o.override.reason)
            final += "".join(t for t in (f", changed by {by}" if by else "",
                                         f": {sentence(reason)}" if reason else "") if t)
            pairs.append(("Final level", final))
        else:
            pairs.append(("Final level", self.level(o.final_level) + " (as suggested)"))
        reason_text = self.t(self.a.decision.provisional_reason)
        if o.provisional:
            pairs.append(("Why provisional", reason_text or "no reason given yet"))
        if o.urgent:
            pairs.append(("Urgent", "same-day action needed"))
        blocks: list[Block] = [Rows(rows=[Row(label=k, value=v) for k, v in pairs])]
        blocks.append(Bullets(title="Reasons", items=[sentence(r.text) for r in o.reasons if r.rule != "universal"]
                              or ["No concern found that needs more than universal support."]))
        if o.prompts:
            blocks.append(Bullets(title="Act now", items=[sentence(p) for p in o.prompts]))
        blocks += self.mood_lines()
        indicators = [self.label("safeguarding_indicators", i) for i in self.a.safeguarding.indicators]
        if indicators:
            blocks.append(Bullets(title="Safeguarding indicators", items=indicators))
        concerns = self.concern_rows()
        if concerns:
            blocks.append(Bullets(title="Areas of concern in the relationship",
                                  items=[f"{area} ({rating.lower()})" + (f": {note}" if note else "")
                                         for area, rating, note in concerns]))
        done = self.t(self.a.decision.action_taken)
        blocks.append(Rows(rows=[Row(label="What was done today", value=done)]) if done
                      else Para(text="What was done today: not recorded.", tone="note"))
        notes = [w for w in o.warnings if not self._shown_elsewhere(w)]
        if notes:
            blocks.append(Bullets(title="Notes", items=[self.t(w) or w for w in notes]))
        return Section(id="why_now", heading="Why now", blocks=blocks)

    def _shown_elsewhere(self, warning: str) -> bool:
        """Pathway notes about suggested services go with the ask; the provisional line is in the level rows."""
        if any(note.text == warning and note.when.service_level for note in self.p.notes or []):
            return True
        return self.o.provisional and warning.startswith("Provisional")

    def mood_lines(self) -> list[Block]:
        m = self.a.mood
        lines = []
        if m.epds:
            lines.append(f"EPDS total {m.epds.total} of 30; self-harm item {m.epds.self_harm_item} of 3")
        if m.whooley:
            answers = [t for t, on in (("low mood", m.whooley.low_mood), ("little interest", m.whooley.little_interest))
                       if on]
            lines.append("Whooley " + ("positive (" + ", ".join(answers) + ")" if answers else "negative"))
        if m.gad2:
            positive = " (positive)" if m.gad2.total >= GAD2_POSITIVE_AT else ""
            lines.append(f"GAD-2 total {m.gad2.total} of 6{positive}")
        if not lines:
            return [Para(text="Mood screens: none done at this visit.", tone="note")]
        return [Bullets(title=f"Mood screens ({self.mood_subject()})", items=lines)]

    def mood_subject(self) -> str:
        return {"birthing_parent": "the parent who gave birth", "other_parent": "the other parent"}[
            self.a.mood.subject]

    def concern_rows(self) -> list[list[str]]:
        rows = []
        for domain in self.fw.domains:
            if domain.id not in self.a.applicable_domains():
                continue
            rating = self.a.observations.rating(domain.id)
            if rating in CONCERNS:
                rows.append([domain.title, self.fw.rating_label(domain.id, rating),
                             self.t(self.a.observations.note(domain.id)) or ""])
        return rows

    def consent(self) -> Section:
        c = self.a.consent
        pairs: list[tuple[str, str | None]] = [
            ("Family agrees to the referral",
             None if c.family_agrees == "not_asked" else self.label("wants_help", c.family_agrees)),
            ("Basis for sharing", BASIS[c.sharing_basis] if c.sharing_basis else None),
            ("Family told what is shared", None if c.family_told is None else yes_no(c.family_told)),
        ]
        if self.a.safeguarding.discussed_with:
            pairs.append(("Safeguarding discussed with", self.t(self.a.safeguarding.discussed_with)))
        if self.a.safeguarding.note:
            pairs.append(("Safeguarding note", self.t(self.a.safeguarding.note)))
        return Section(id="consent", heading="Consent and sharing", blocks=self.rows_with_gaps(pairs, compact=True))

    # the following pages -------------------------------------------------------------------------------------

    def strengths(self) -> Section:
        items = [self.label("strengths", s) for s in self.a.strengths]
        blocks: list[Block] = [Para(text="; ".join(items) + ".")] if items else [
            Para(text="Strengths: none recorded.", tone="note")]
        return Section(id="strengths", heading="Strengths", blocks=blocks)

    def observations(self) -> Section:
        applicable = self.a.applicable_domains()
        blocks: list[Block] = []
        not_observed: list[str] = []
        for group in GROUPS:
            lines = []
            for domain in self.fw.domains:
                if domain.group != group or domain.id not in applicable:
                    continue
                rating = self.a.observations.rating(domain.id)
                if rating == "not_observed":
                    not_observed.append(domain.title)
                elif rating not in CONCERNS:
                    note = self.t(self.a.observations.note(domain.id))
                    lines.append(f"{domain.title}: {self.fw.rating_label(domain.id, rating).lower()}"
                                 + (f" — {note}" if note else ""))
            if lines:
                blocks.append(Bullets(title=self.label("groups", group), items=lines))
        coverage = (f"Observed {self.o.coverage} of {self.o.applicable_domains} areas that apply at this stage "
                    f"({self.label('stages', self.a.stage)}); areas of concern are on page 1.")
        if not_observed:
            coverage = "Not observed: " + ", ".join(not_observed) + ". " + coverage
        blocks.append(Para(text=coverage, tone="note"))
        return Section(id="observations", heading="Other observations", blocks=blocks)

    def parent_voice(self) -> Section:
        pv = self.a.parent_voice
        blocks: list[Block] = []
        words = self.t(pv.words)
        if words:
            blocks.append(Para(text=words, tone="quote"))
        pairs: list[tuple[str, str | None]] = [
            ("Asked about the relationship", None if pv.asked is None else yes_no(pv.asked)),
            ("Wants help", None if pv.wants_help == "not_asked" else self.label("wants_help", pv.wants_help)),
        ]
        if pv.barriers:
            pairs.append(("What gets in the way", "; ".join(self.label("barriers", b) for b in pv.barriers)))
        blocks += self.rows_with_gaps(pairs, compact=True)
        if not words:
            blocks.append(Para(text="The parent's own words: not recorded.", tone="note"))
        return Section(id="parent_voice", heading="The parent's own words and wishes", blocks=blocks)

    def needs(self) -> Section:
        rows: list[list[str]] = []
        asked_no: list[str] = []
        for need in vocab.NEEDS:
            entry = getattr(self.a.needs, need)
            if entry is None:
                continue
            if entry.status == "no":
                asked_no.append(self.label("needs", need))
                continue
            note = self.t(entry.note)
            rows.append([self.label("needs", need), self.need_status(entry.status).lower(), note or ""])
        blocks: list[Block] = []
        if rows:
            blocks.append(Bullets(items=[f"{need} ({status})" + (f": {note}" if note else "")
                                         for need, status, note in rows]))
        if asked_no and not rows:
            blocks.append(Para(text="Asked about other needs: none of these.", tone="note"))
        elif asked_no:
            blocks.append(Para(text="Asked and not so: " + ", ".join(asked_no) + ".", tone="note"))
        elif not rows:
            blocks.append(Para(text="Other needs: not asked.", tone="note"))
        social = self.a.needs.social_care_status
        if social is not None:
            text = self.label("social_care_statuses", social.status)
            note = self.t(social.note)
            blocks.append(Rows(rows=[Row(label="Social care involvement", value=text + (f": {note}" if note else ""))]))
        blocks += self.household()
        return Section(id="needs", heading="Other needs and the household", blocks=blocks)

    def need_status(self, status: str) -> str:
        try:
            return self.label("need_statuses", status)
        except KeyError:
            return status.replace("_", " ")

    def household(self) -> list[Block]:
        members = self.a.family.household
        if not members:
            return [Para(text="Others living there: not recorded.", tone="note")]
        items = []
        for m in members:
            parts = [self.t(m.name), self.t(m.relationship), m.age]
            items.append(", ".join(p for p in parts if p) or "someone (no details recorded)")
        return [Bullets(title="Others living there", items=items)]

    def next_steps(self) -> Section:
        d = self.a.decision
        review = d.review_date
        if review and self.deid:
            review_text: str | None = f"{weeks(max(0, (review - self.a.contact.date).days // 7))} after the visit"
        else:
            review_text = self.day(review)
        pairs = [("Next steps", self.t(d.next_steps)), ("Review", review_text)]
        return Section(id="next_steps", heading="Next steps and review", blocks=self.rows_with_gaps(pairs),
                       keep_with_next=True)

    def signatures(self, second: str = "Received by") -> Section:
        return Section(id="signatures", heading="Signatures",
                       blocks=[Signature(who="Referrer"), Signature(who=second)])

    def sections(self) -> list[Section]:
        first = self.safeguarding_box()
        return [s for s in (first, self.about(), self.family(), self.ask(), self.why_now(), self.consent())
                if s is not None] + [self.strengths(), self.observations(), self.parent_voice(), self.needs(),
                                     self.next_steps(), self.signatures()]
