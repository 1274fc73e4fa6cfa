"""Section "Baby and family": the baby (with gestation, so a preterm baby's corrected age is used), the carers and
others living in the home (rows that can be added and removed), where they live."""

from __future__ import annotations

import itertools

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pairaid.core.front_door import area_line
from pairaid.core.nhs_number import nhs_number_problem
from pairaid.ui.sections.derived import age_text, draft_stage
from pairaid.ui.sections.fields import YES_NO, Binding, ComboField, DateField, LineField, RadioField, SpinField
from pairaid.ui.sections.page import SectionPage
from pairaid.ui.style import GREEN
from pairaid.ui.text_size import follow_font


class PersonRow(QWidget):
    """One person's inputs (a carer, or someone else living in the home) and a Remove button."""

    def __init__(self, page: FamilyPage, kind: str, index: int) -> None:
        super().__init__()
        s = page.session
        base = f"family.{kind}.{index}"
        who = f"{'Carer' if kind == 'carers' else 'Household member'} {index + 1}"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 8)
        heading = QLabel(who)
        heading.setProperty("role", "heading")
        layout.addWidget(heading)
        if kind == "carers":
            self.bindings: list[Binding] = [
                LineField(s, f"{base}.name", f"{who}: name"),
                LineField(s, f"{base}.relationship", f"{who}: relationship to the baby",
                          placeholder="for example mother, father, grandmother"),
                ComboField(s, f"{base}.parental_responsibility", f"{who}: has parental responsibility", YES_NO),
                LineField(s, f"{base}.language", f"{who}: main language"),
                ComboField(s, f"{base}.interpreter_needed", f"{who}: needs an interpreter", YES_NO),
            ]
        else:
            self.bindings = [
                LineField(s, f"{base}.name", f"{who}: name"),
                LineField(s, f"{base}.relationship", f"{who}: relationship to the baby",
                          placeholder="for example sister, grandfather, lodger"),
                LineField(s, f"{base}.age", f"{who}: age", placeholder="for example 3 years"),
            ]
        for binding in self.bindings:
            layout.addWidget(binding.row)
        noun = "carer" if kind == "carers" else "household member"
        self.remove = QPushButton(f"Remove {noun} {index + 1}")
        self.remove.setProperty("role", "secondary")
        self.remove.setAccessibleName(f"Remove {noun} {index + 1}")
        self.remove.clicked.connect(lambda: page.remove_person(kind, index))
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove)
        buttons.addStretch(1)
        layout.addLayout(buttons)



class FamilyPage(SectionPage):
    section_id = "family"
    title = "Baby and family"

    def build(self) -> None:
        s = self.session
        baby = self.card()
        self.add_subheading("The baby", baby)
        self.stage_label = QLabel()
        self.stage_label.setWordWrap(True)
        self.stage_label.setAccessibleName("Stage and age")
        baby.addWidget(self.stage_label)
        self.name = self.add(LineField(s, "family.baby.name", "Baby's name"), baby)
        self.add_text("Give the date of birth, or the due date before the baby is born (one is required).", baby)
        self.date_of_birth = self.add(DateField(s, "family.baby.date_of_birth", "Date of birth",
                                                problem_paths=("family.baby",)), baby)
        self.due_date = self.add(DateField(s, "family.baby.due_date", "Due date",
                                           problem_paths=("family.baby",)), baby)
        self.nhs_number = self.add(LineField(
            s, "family.baby.nhs_number", "NHS number",
            hint="10 digits; spaces are fine (for example 943 476 5919).",
            check=self._nhs_feedback), baby)
        self.nhs_ok = QLabel()
        self.nhs_ok.setStyleSheet(f"color: {GREEN};")
        self.nhs_ok.setAccessibleName("NHS number check")
        baby.addWidget(self.nhs_ok)
        self.preterm = self.add(RadioField(s, "family.baby.born_before_37_weeks",
                                           "Born before 37 weeks of pregnancy?", YES_NO,
                                           problem_paths=("family.baby.gestation_weeks",)), baby)
        self.gestation = self.add(SpinField(
            s, "family.baby.gestation_weeks", "Gestation at birth (completed weeks)", 22, 44,
            empty_text="Not recorded",
            hint="Before 37 weeks, the corrected age decides which observations apply until the baby is two."),
            baby)

        self.rows: dict[str, list[PersonRow]] = {"carers": [], "household": []}
        self.add_buttons: dict[str, QPushButton] = {}
        self.person_boxes: dict[str, QVBoxLayout] = {}
        for kind, heading, add_text in (("carers", "Parents and carers", "Add a carer"),
                                        ("household", "Others living in the home", "Add a household member")):
            box = self.card()
            self.add_subheading(heading, box)
            self.person_boxes[kind] = QVBoxLayout()
            box.addLayout(self.person_boxes[kind])
            button = QPushButton(add_text)
            button.setAccessibleName(add_text)
            button.clicked.connect(lambda _=False, k=kind: self.add_person(k))
            self.action_buttons.append(button)
            self.add_buttons[kind] = button
            row = QHBoxLayout()
            row.addWidget(button)
            row.addStretch(1)
            box.addLayout(row)
        self.carer_rows = self.rows["carers"]
        self.household_rows = self.rows["household"]
        self.add_carer_button = self.add_buttons["carers"]

        self.postcode = self.add(LineField(s, "family.postcode", "Postcode",
                                           hint="Used to find local services.",
                                           to_value=lambda t: t.strip().upper() or None))
        # Outside the pathway's area, or in a district split with a neighbour: said at once, under the postcode,
        # in the front-door module's words (one line kept for it, so the fields below do not jump).
        self.area_note = QLabel()
        self.area_note.setWordWrap(True)
        self.area_note.setProperty("role", "problem")
        self.area_note.setAccessibleName("Where the family lives")
        follow_font(self.area_note, lambda: self.area_note.setMinimumHeight(self.area_note.fontMetrics().lineSpacing()))
        self.column.addWidget(self.area_note)
        self.gp = self.add(LineField(s, "family.gp_practice", "GP practice"))
        self._sync_people()
        self.after_refresh("")

    # NHS number feedback: the session's problem says what is wrong; this says when it is right.
    def _nhs_feedback(self, text: str) -> str | None:
        self._show_nhs_ok(text)
        return None

    def _show_nhs_ok(self, text: str) -> None:
        ok = bool(text.strip()) and nhs_number_problem(text) is None
        self.nhs_ok.setText("✓ The check digit is right." if ok else "")
        self.nhs_ok.setVisible(ok)

    # Carers and others in the home ------------------------------------------------------------------

    def add_carer(self) -> None:
        self.add_person("carers")

    def remove_carer(self, index: int) -> None:
        self.remove_person("carers", index)

    def add_person(self, kind: str) -> None:
        people = self.session.value(f"family.{kind}") or []
        noun = "a carer" if kind == "carers" else "a household member"
        self.session.set_value(f"family.{kind}", [*people, {}], text=f"adding {noun}")
        self._sync_people()
        if self.rows[kind]:
            self.rows[kind][-1].bindings[0].editor.setFocus()

    def remove_person(self, kind: str, index: int) -> None:
        people = self.session.value(f"family.{kind}") or []
        noun = "carer" if kind == "carers" else "household member"
        if 0 <= index < len(people):
            self.session.set_value(f"family.{kind}", people[:index] + people[index + 1:],
                                   text=f"removing {noun} {index + 1}")
        self._sync_people()
        self.add_buttons[kind].setFocus()

    def _sync_people(self) -> None:
        """Rows follow the number of people in the draft (after add, remove, undo or load)."""
        for kind, rows in self.rows.items():
            count = len(self.session.value(f"family.{kind}") or [])
            while len(rows) > count:
                row = rows.pop()
                for binding in row.bindings:
                    self.bindings.remove(binding)
                self.action_buttons.remove(row.remove)
                row.setParent(None)
                row.deleteLater()
            while len(rows) < count:
                row = PersonRow(self, kind, len(rows))
                rows.append(row)
                self.bindings.extend(row.bindings)
                self.action_buttons.append(row.remove)
                self.person_boxes[kind].addWidget(row)
                row.show()  # at once, not on the next turn of the event loop: the keyboard goes straight into it
                for binding in row.bindings:
                    binding.show_problems(self.session.problems())
                    binding.set_read_only(self.session.is_read_only())
                row.remove.setEnabled(not self.session.is_read_only())
        self._fix_tab_order()

    def _fix_tab_order(self) -> None:
        """Rows added later would otherwise be reached last by Tab; keep the order as shown."""
        chain: list[QWidget] = [*self.preterm.inputs(), self.gestation.editor]
        for kind, rows in self.rows.items():
            for row in rows:
                for binding in row.bindings:
                    chain.extend(binding.inputs())
                chain.append(row.remove)
            chain.append(self.add_buttons[kind])
        chain.append(self.postcode.editor)
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def on_data_changed(self, path: str) -> None:
        if not path or path.startswith(("family.carers", "family.household")):
            self._sync_people()
        super().on_data_changed(path)

    def after_refresh(self, path: str) -> None:
        stage = self.framework.label("stages", draft_stage(self.session))
        self.stage_label.setText(f"Stage: {stage} — {age_text(self.session)}")
        self._show_nhs_ok(self.nhs_number.editor.text())
        note = area_line(self.session.pathway, self.session.value("family.postcode")) or ""
        if note != self.area_note.text():
            self.area_note.setText(note)
            self.postcode.set_description(" ".join(p for p in (note, "Used to find local services.") if p))
