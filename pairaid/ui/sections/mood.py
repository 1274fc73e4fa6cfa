"""Section "Mood": Whooley, GAD-2 and the EPDS scores for one parent, each can be left "not done", with
the results in plain words. The EPDS questions are copyrighted: only its scores are entered here."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton

from pairaid.core import vocab
from pairaid.core.screens import epds_result, gad2_result, whooley_result
from pairaid.ui.sections.fields import Binding, RadioField, SpinField
from pairaid.ui.sections.page import SectionPage

ANSWERED = [(True, "Yes"), (False, "No"), (None, "Not asked")]
SUBJECTS = [("birthing_parent", "The birthing parent (gave birth, or is pregnant)"),
            ("other_parent", "The other parent (father, partner or co-parent)")]


class SubjectField(RadioField):
    """Whose mood: the birthing parent unless another is chosen (the record's default), so the choice the rules
    use is always the one on screen; older files' words ("mum", "dad") show as the parent they mean."""

    def _show_value(self, value: Any) -> None:
        if value is None:
            value = "birthing_parent"
        elif isinstance(value, str):
            word = " ".join(value.casefold().split())
            value = vocab.MOOD_SUBJECT_WORDS.get(word, word)
        super()._show_value(value)


class MoodPage(SectionPage):
    section_id = "mood"
    title = "Mood"

    def build(self) -> None:
        fw = self.framework
        s = self.session
        self.subject = self.add(SubjectField(
            s, "mood.subject", "Whose mood do these screens describe?", SUBJECTS,
            hint="Services for the birthing parent only are not suggested for the other parent's mood."))
        gad_options = [(None, "Not asked")] + [(i, f"{i} – {text}") for i, text in enumerate(fw.mood.gad2_options)]

        whooley = self.card()
        self.add_subheading("Whooley questions", whooley)
        self.low_mood = self.add(RadioField(s, "mood.whooley.low_mood", fw.mood.whooley.low_mood, ANSWERED),
                                 whooley)
        self.little_interest = self.add(RadioField(
            s, "mood.whooley.little_interest", fw.mood.whooley.little_interest, ANSWERED,
            problem_paths=("mood.whooley",)), whooley)
        self.whooley_result = self._result(whooley, "Whooley result")
        self.whooley_clear = self._not_done(whooley, "mood.whooley", "Whooley")

        gad = self.card()
        self.add_subheading("GAD-2 (anxiety)", gad)
        self.nervous = self.add(RadioField(s, "mood.gad2.nervous", fw.mood.gad2.nervous, gad_options,
                                           vertical=True), gad)
        self.worrying = self.add(RadioField(s, "mood.gad2.worrying", fw.mood.gad2.worrying, gad_options,
                                            vertical=True, problem_paths=("mood.gad2",)), gad)
        self.gad2_result = self._result(gad, "GAD-2 result")
        self.gad2_clear = self._not_done(gad, "mood.gad2", "GAD-2")

        epds = self.card()
        self.add_subheading("EPDS scores", epds)
        self.add_text(fw.mood.epds_note, epds)
        self.epds_total = self.add(SpinField(s, "mood.epds.total", "EPDS total score (0 to 30)", 0, 30), epds)
        self.epds_item = self.add(SpinField(s, "mood.epds.self_harm_item", "EPDS self-harm item score (0 to 3)",
                                            0, 3, problem_paths=("mood.epds",)), epds)
        self.epds_result = self._result(epds, "EPDS result")
        self.epds_clear = self._not_done(epds, "mood.epds", "EPDS")
        self.after_refresh("")

    def _result(self, layout: Any, name: str) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        label.setAccessibleName(name)
        layout.addWidget(label)
        return label

    def _not_done(self, layout: Any, path: str, name: str) -> QPushButton:
        button = QPushButton(f"Mark {name} as not done")
        button.setProperty("role", "secondary")
        button.setAccessibleName(f"Mark {name} as not done")
        button.clicked.connect(lambda: self.session.set_value(path, None, text=f"marking {name} as not done"))
        row = QHBoxLayout()
        row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.action_buttons.append(button)
        return button

    def after_refresh(self, path: str) -> None:
        for label, text in (
            (self.whooley_result, whooley_result(self.session.value("mood.whooley"))),
            (self.gad2_result, gad2_result(self.session.value("mood.gad2"))),
            (self.epds_result, epds_result(self.session.value("mood.epds"))),
        ):
            label.setText(text)
            label.setAccessibleDescription(text)

    def screen_bindings(self) -> list[Binding]:
        return [self.low_mood, self.little_interest, self.nervous, self.worrying, self.epds_total, self.epds_item]
