"""Section "Safeguarding": the red flags. Ticking any one brings the front door's details on screen at once."""

from __future__ import annotations

from pairaid.core import vocab
from pairaid.ui.sections.fields import CheckListField, LineField, NoteField
from pairaid.ui.sections.page import SectionPage


class SafeguardingPage(SectionPage):
    section_id = "safeguarding"
    title = "Safeguarding"

    def build(self) -> None:
        fw = self.framework
        s = self.session
        door = s.pathway.front_door
        self.add_text(
            "This tool never replaces your safeguarding procedures. If any of these apply, contact "
            f"{door.name} now; in an emergency call {door.emergency}.", hint=False)
        self.indicators = self.add(CheckListField(
            s, "safeguarding.indicators", "Safeguarding indicators",
            [(i, fw.label("safeguarding_indicators", i)) for i in vocab.SAFEGUARDING_INDICATORS],
            hint="Tick every one that applies. Any one means a statutory response."))
        self.note = self.add(NoteField(s, "safeguarding.note", "What you saw, heard or were told",
                                       hint="Facts first: what, when, who said it, in their words."))
        self.discussed_with = self.add(LineField(
            s, "safeguarding.discussed_with", "Discussed with",
            hint="Who you talked it through with (for example your safeguarding lead), and when."))
