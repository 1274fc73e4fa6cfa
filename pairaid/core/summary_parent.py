"""The parent copy: safe to take home, written to the parent ("you") in plain English (summaries.md).

Never on it: a sensitive service, the safeguarding indicators or any word about them, mood scores, rule ids,
levels, professional-only contacts, "Not recorded". When domestic abuse is current or a safeguarding indicator
is recorded (`needs_safe_to_take_home`), the practitioner must first confirm it is safe for this parent to take
home; the copy then leaves out the strength "a supportive partner" and carries no partner's name: it is
addressed to the parent who gave birth alone, and every other carer's and household member's name is taken out
of the practitioner's words. Help at any hour comes from the pathway's `national` numbers, never from code.
"""

from __future__ import annotations

import datetime as dt

from pairaid.core.assessment import Assessment, Carer
from pairaid.core.deidentify import Deidentifier
from pairaid.core.framework import Framework, load_framework
from pairaid.core.front_door import national_lines
from pairaid.core.outcome import Outcome
from pairaid.core.pathway import Pathway, Service
from pairaid.core.summary_document import Block, Bullets, Para, Row, Rows, Section
from pairaid.core.summary_text import contact_text, long_date, outside_area, sentence

# Needs a parent copy may name. The others (domestic abuse, drugs or alcohol, a child removed, social care...)
# stay out: a paper copy left at home can be read by the person the parent needs protecting from.
PARENT_SAFE_NEEDS: tuple[str, ...] = (
    "housing",
    "financial_hardship",
    "social_isolation",
    "language_barrier",
    "child_health",
    "child_send",
    "feeding_difficulty",
    "bereavement_trauma",
)
BIRTH_PARENT_WORDS = frozenset({"mother", "mum", "mom", "birth mother", "birthing parent", "birthing_parent"})
SELF_HARM_RULE = "self_harm_risk"
NAME_REMOVED = "[name]"


def needs_safe_to_take_home(assessment: Assessment) -> str | None:
    """Why the practitioner must confirm the parent copy is safe to take home, or None when it need not."""
    if assessment.safeguarding.indicators:
        return "a safeguarding indicator is recorded"
    if assessment.needs.status("domestic_abuse") == "current":
        return "domestic abuse is recorded as current"
    return None


class ParentRefused(ValueError):
    """The parent copy was asked for without the confirmation that it is safe to take home."""


_LINKS = frozenset({"and", "of", "the", "for", "&", "-", "—", "in", "at"})


def _word_runs(name: str) -> list[str]:
    """A service's name and the runs of two or more of its words a practitioner may write for it ("Calm Minds"
    for "Calm Minds Perinatal Support"), never starting or ending on a linking word."""
    words = name.split()
    runs = [" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 2, len(words) + 1)
            if words[i].casefold() not in _LINKS and words[j - 1].casefold() not in _LINKS]
    return [name, *runs]


class _NameRemover:
    """Takes names out of the practitioner's words: sensitive services' names always, and in protective mode
    the names of everyone but the addressee. Dates and numbers stay: a plan's dates are for the parent."""

    def __init__(self, people: list[str], services: list[str]) -> None:
        self._finders = [(Deidentifier(names, parts=parts), replacement) for names, replacement, parts in
                         ((people, NAME_REMOVED, True), (services, "another service", False)) if names]

    def __call__(self, text: str | None) -> str | None:
        for finder, replacement in self._finders:
            if not text:
                return text
            out: list[str] = []
            at = 0
            for r in finder.removals(text):
                if r.kind == "name":
                    out += [text[at:r.start], replacement]
                    at = r.end
            out.append(text[at:])
            text = "".join(out)
        return text


class ParentBuilder:
    def __init__(self, assessment: Assessment, outcome: Outcome, pathway: Pathway, *, made_on: dt.date) -> None:
        self.a = assessment
        self.o = outcome
        self.p = pathway
        self.made_on = made_on
        self.fw: Framework = load_framework()
        self.protective = needs_safe_to_take_home(assessment) is not None
        self.addressees = self._addressees()
        others: list[str] = []
        if self.protective:
            kept = {id(c) for c in self.addressees}
            others = [c.name for c in assessment.family.carers if c.name and id(c) not in kept]
            others += [m.name for m in assessment.family.household if m.name]
        hidden = [s for s in pathway.services if s.is_sensitive]
        names = [run for s in hidden for name in (s.name, s.provider) if name for run in _word_runs(name)]
        self.clean = _NameRemover([n for n in others if n.strip()], names)

    def _addressees(self) -> list[Carer]:
        carers = [c for c in self.a.family.carers if c.name and c.name.strip()]
        if not self.protective:  # the parents: those with parental responsibility when it is recorded
            parents = [c for c in carers if c.parental_responsibility]
            return parents or carers
        return [c for c in carers if (c.relationship or "").strip().casefold() in BIRTH_PARENT_WORDS][:1]

    def recipient(self) -> str | None:
        """"For <carer names>": the family, never a professional."""
        names = [c.name for c in self.addressees if c.name]
        if not names:
            return None
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]

    def label(self, kind: str, ident: str) -> str:
        return self.fw.label(kind, ident)

    # sections ----------------------------------------------------------------------------------------------

    def intro(self) -> Section:
        prac = self.a.contact.practitioner
        who = prac.name or "your health visitor"
        text = (f"These are our notes from the visit on {long_date(self.a.contact.date)}. They say what is going "
                f"well and what we agreed. If anything is wrong or unclear, please tell {who}. You can ask to see "
                "anything we write about your family.")
        return Section(id="intro", heading="About these notes", blocks=[Para(text=text)])

    def going_well(self) -> Section | None:
        strengths = [s for s in self.a.strengths if not (self.protective and s == "supportive_partner")]
        items = [self.label("strengths", s) for s in strengths]
        seen = [self.fw.domain_title(d) for d in self.a.applicable_domains()
                if self.a.observations.rating(d) == "strength"]
        blocks: list[Block] = []
        if items:
            blocks.append(Bullets(items=items))
        if seen:
            blocks.append(Bullets(title="At the visit we saw you do well at:", items=seen))
        return Section(id="going_well", heading="What is going well", blocks=blocks) if blocks else None

    def talked_about(self) -> Section | None:
        a = self.a
        blocks: list[Block] = []
        if a.parent_voice.words and not self.protective:
            blocks += [Para(text="You told us:", tone="strong"), Para(text=a.parent_voice.words, tone="quote")]
        topics = [self.label("needs", n) for n in PARENT_SAFE_NEEDS if a.needs.status(n) == "current"]
        if a.mood.whooley or a.mood.gad2 or a.mood.epds or a.needs.status("parental_mental_health") == "current":
            topics.insert(0, "How you have been feeling")
        if topics:
            blocks.append(Bullets(title="We talked about:", items=topics))
        if not self.self_harm:
            wants = {
                "yes": "You said you would like some help. We talked about where it could come from.",
                "unsure": "You were not sure about help yet. That is fine. You can change your mind at any time.",
                "no": "You said you did not want extra help for now. You can change your mind at any time.",
            }
            if a.parent_voice.wants_help in wants:
                blocks.append(Para(text=wants[a.parent_voice.wants_help]))
        return Section(id="talked_about", heading="What we talked about", blocks=blocks) if blocks else None

    @property
    def self_harm(self) -> bool:
        return any(r.rule == SELF_HARM_RULE for r in self.o.reasons)

    def agreed(self, services: list[Service]) -> Section | None:
        d = self.a.decision
        blocks: list[Block] = []
        # At risk (protective), the practitioner's own words stay off the copy: written for colleagues, they can
        # say who was told what ("not to be told of the referral") or where the parent is staying.
        today = None if self.protective else self.clean(d.action_taken)
        if self.self_harm and today:
            blocks.append(Rows(rows=[Row(label="What we agreed for today", value=today)]))
        elif self.self_harm:
            blocks.append(Para(text="We agreed together what you will do today, and who you will talk to."))
        steps = None if self.protective else self.clean(d.next_steps)
        if steps:
            blocks.append(Para(text=steps))
        elif self.protective and d.next_steps:
            blocks.append(Para(text="We talked together about what happens next."))
        if services:
            line = "We agreed to put you in touch with " + self._and([s.name for s in services]) + "."
            if self.a.consent.family_agrees == "yes":
                line += " You agreed to this."
            blocks.append(Para(text=line))
        if d.review_date:
            blocks.append(Para(text=f"We will see you again on or around {long_date(d.review_date)}."))
        return Section(id="agreed", heading="What we agreed", blocks=blocks) if blocks else None

    @staticmethod
    def _and(items: list[str]) -> str:
        return items[0] if len(items) == 1 else "; ".join(items[:-1]) + " and " + items[-1]

    def services(self) -> list[Service]:
        """Selected services the family may read about: never sensitive, never statutory."""
        out = []
        for service_id in self.a.decision.selected_services:
            service = self.p.service(service_id)
            if service is not None and service.level != "statutory" and not service.is_sensitive:
                out.append(service)
        return out

    def services_section(self, services: list[Service]) -> Section | None:
        blocks: list[Block] = []
        for service in services:
            rows = []
            if service.description:
                rows.append(Row(label="What it is", value=sentence(service.description)))
            if service.referral.self:
                rows.append(Row(label="You can contact them yourself",
                                value=sentence(service.referral.how or "Use the details below.")))
            else:
                rows.append(Row(label="How you get there", value="We will refer you. Ask us if you want the details."))
            contact = contact_text(service)
            if contact:
                rows.append(Row(label="Contact", value=contact))
            flag = None if service.is_verified else "Please check these details before you rely on them."
            blocks.append(Rows(title=service.name, flag=flag, rows=rows))
        if blocks and self.outside_area():
            blocks.append(Para(text=f"Some of these services may only be for families living in "
                                    f"{self.p.pathway.area.name}. Please check with them first.", tone="note"))
        return Section(id="services", heading="Services for you", blocks=blocks) if blocks else None

    def outside_area(self) -> bool:
        return outside_area(self.p, self.a.family.postcode)

    def any_hour(self) -> Section:
        """Where to get help at any hour: the pathway's own words for every family in England."""
        rows = [Row(label=label, value=text) for label, text in national_lines(self.p)]
        return Section(id="any_hour", heading="Help at any hour", blocks=[Rows(rows=rows)])

    def contact_us(self) -> Section | None:
        prac = self.a.contact.practitioner
        pairs = [("Name", prac.name), ("Role", self.label("roles", prac.role) if prac.role else None),
                 ("Team", prac.team), ("Phone", prac.phone), ("Email", prac.email)]
        rows = [Row(label=k, value=v) for k, v in pairs if v]
        return Section(id="contact_us", heading="How to reach us", blocks=[Rows(rows=rows)]) if rows else None

    def sections(self) -> list[Section]:
        services = self.services()
        found = [self.intro(), self.going_well(), self.talked_about(), self.agreed(services),
                 self.services_section(services), self.any_hour(), self.contact_us()]
        return [s for s in found if s is not None]
