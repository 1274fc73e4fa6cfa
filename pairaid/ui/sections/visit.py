"""Section "The visit": when, what kind of contact, where, who visited and who was there."""

from __future__ import annotations

from pairaid.core import vocab
from pairaid.ui.sections.fields import (
    REQUIRED,
    YES_NO,
    ComboField,
    DateField,
    LineField,
    RadioField,
    list_to_words,
    words_to_list,
)
from pairaid.ui.sections.page import SectionPage


class VisitPage(SectionPage):
    section_id = "visit"
    title = "The visit"

    def build(self) -> None:
        fw = self.framework
        s = self.session
        self.add_text("Fields marked (required) are needed before a level can be suggested.")
        self.date = self.add(DateField(s, "contact.date", "Date of the visit" + REQUIRED))
        self.type = self.add(ComboField(
            s, "contact.type", "Type of contact" + REQUIRED,
            [(t, fw.label("contact_types", t)) for t in vocab.CONTACT_TYPES],
            hint="The mandated contact this visit is, or an additional contact."))
        self.setting = self.add(ComboField(
            s, "contact.setting", "Where the visit took place",
            [(None, "Not recorded")] + [(t, fw.label("settings", t)) for t in vocab.SETTINGS]))

        box = self.card()
        self.add_subheading("Who visited", box)
        self.practitioner_name = self.add(LineField(s, "contact.practitioner.name", "Your name"), box)
        self.role = self.add(ComboField(
            s, "contact.practitioner.role", "Your role",
            [(None, "Not recorded")] + [(r, fw.label("roles", r)) for r in vocab.ROLES]), box)
        self.team = self.add(LineField(s, "contact.practitioner.team", "Team"), box)
        self.phone = self.add(LineField(s, "contact.practitioner.phone", "Work phone"), box)
        self.email = self.add(LineField(s, "contact.practitioner.email", "Work email"), box)

        self.present = self.add(LineField(
            s, "contact.present", "Who was there",
            hint="Separate with commas, for example: mother, baby, grandmother.",
            to_value=words_to_list, from_value=list_to_words))
        self.interpreter = self.add(RadioField(s, "contact.interpreter_used", "Was an interpreter used?", YES_NO))
