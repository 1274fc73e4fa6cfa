"""Section "Parent's voice": prompts the question most parents were never asked, and keeps their own words."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from pairaid.core import vocab
from pairaid.ui.sections.fields import YES_NO, CheckListField, NoteField, RadioField
from pairaid.ui.sections.page import SectionPage


class ParentVoicePage(SectionPage):
    section_id = "parent_voice"
    title = "Parent's voice"

    def build(self) -> None:
        fw = self.framework
        s = self.session
        box = self.card()
        self.add_subheading("You could ask", box)
        self.prompt = QLabel(f"“{fw.parent_voice.prompt}”")
        self.prompt.setWordWrap(True)
        self.prompt.setAccessibleName("Question to ask the parent")
        box.addWidget(self.prompt)
        self.asked = self.add(RadioField(
            s, "parent_voice.asked", "Did you ask the parent how they feel about their relationship with the baby?",
            YES_NO), box)
        self.words = self.add(NoteField(s, "parent_voice.words", "The parent's own words",
                                        hint=fw.parent_voice.words_hint, lines=4))
        self.wants_help = self.add(RadioField(
            s, "parent_voice.wants_help", "Would the parent like help with their relationship with the baby?",
            [(w, fw.label("wants_help", w)) for w in vocab.WANTS_HELP]))
        self.barriers = self.add(CheckListField(
            s, "parent_voice.barriers", "What might stop them asking for help?",
            [(b, fw.label("barriers", b)) for b in vocab.BARRIERS],
            hint="Tick any the parent mentions."))
