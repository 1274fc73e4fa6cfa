"""Section "Baby and family": the baby, the carers (rows that can be added and removed), where they live."""

from __future__ import annotations

import itertools

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pairaid.core.nhs_number import nhs_number_problem
from pairaid.ui.sections.derived import age_text, draft_stage
from pairaid.ui.sections.fields import YES_NO, Binding, ComboField, DateField, LineField, RadioField
from pairaid.ui.sections.page import SectionPage
from pairaid.ui.style import GREEN

CARER_FIELDS = ("name", "relationship", "parental_responsibility", "language", "interpreter_needed")


class CarerRow(QWidget):
    """One carer's inputs and a Remove button."""

    def __init__(self, page: FamilyPage, index: int) -> None:
        super().__init__()
        s = page.session
        base = f"family.carers.{index}"
        who = f"Carer {index + 1}"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 8)
        heading = QLabel(who)
        heading.setProperty("role", "heading")
        layout.addWidget(heading)
        self.bindings: list[Binding] = [
            LineField(s, f"{base}.name", f"{who}: name"),
            LineField(s, f"{base}.relationship", f"{who}: relationship to the baby",
                      placeholder="for example mother, father, grandmother"),
            ComboField(s, f"{base}.parental_responsibility", f"{who}: has parental responsibility", YES_NO),
            LineField(s, f"{base}.language", f"{who}: main language"),
            ComboField(s, f"{base}.interpreter_needed", f"{who}: needs an interpreter", YES_NO),
        ]
        for binding in self.bindings:
            layout.addWidget(binding.row)
        self.remove = QPushButton(f"Remove carer {index + 1}")
        self.remove.setProperty("role", "secondary")
        self.remove.setAccessibleName(f"Remove carer {index + 1}")
        self.remove.clicked.connect(lambda: page.remove_carer(index))
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
                                           "Born before 37 weeks of pregnancy?", YES_NO), baby)

        carers = self.card()
        self.add_subheading("Parents and carers", carers)
        self.carer_box = QVBoxLayout()
        carers.addLayout(self.carer_box)
        self.carer_rows: list[CarerRow] = []
        self.add_carer_button = QPushButton("Add a carer")
        self.add_carer_button.setAccessibleName("Add a carer")
        self.add_carer_button.clicked.connect(self.add_carer)
        self.action_buttons.append(self.add_carer_button)
        row = QHBoxLayout()
        row.addWidget(self.add_carer_button)
        row.addStretch(1)
        carers.addLayout(row)

        self.postcode = self.add(LineField(s, "family.postcode", "Postcode",
                                           hint="Used to find local services.",
                                           to_value=lambda t: t.strip().upper() or None))
        self.gp = self.add(LineField(s, "family.gp_practice", "GP practice"))
        self._sync_carers()
        self.after_refresh("")

    # NHS number feedback: the session's problem says what is wrong; this says when it is right.
    def _nhs_feedback(self, text: str) -> str | None:
        self._show_nhs_ok(text)
        return None

    def _show_nhs_ok(self, text: str) -> None:
        ok = bool(text.strip()) and nhs_number_problem(text) is None
        self.nhs_ok.setText("✓ The check digit is right." if ok else "")
        self.nhs_ok.setVisible(ok)

    # Carers ----------------------------------------------------------------------------------------

    def add_carer(self) -> None:
        carers = self.session.value("family.carers") or []
        self.session.set_value("family.carers", [*carers, {}], text="adding a carer")
        self._sync_carers()
        if self.carer_rows:
            self.carer_rows[-1].bindings[0].editor.setFocus()

    def remove_carer(self, index: int) -> None:
        carers = self.session.value("family.carers") or []
        if 0 <= index < len(carers):
            self.session.set_value("family.carers", carers[:index] + carers[index + 1:],
                                   text=f"removing carer {index + 1}")
        self._sync_carers()
        self.add_carer_button.setFocus()

    def _sync_carers(self) -> None:
        """Rows follow the number of carers in the draft (after add, remove, undo or load)."""
        count = len(self.session.value("family.carers") or [])
        while len(self.carer_rows) > count:
            row = self.carer_rows.pop()
            for binding in row.bindings:
                self.bindings.remove(binding)
            self.action_buttons.remove(row.remove)
            row.setParent(None)
            row.deleteLater()
        while len(self.carer_rows) < count:
            row = CarerRow(self, len(self.carer_rows))
            self.carer_rows.append(row)
            self.bindings.extend(row.bindings)
            self.action_buttons.append(row.remove)
            self.carer_box.addWidget(row)
            for binding in row.bindings:
                binding.show_problems(self.session.problems())
                binding.set_read_only(self.session.is_read_only())
            row.remove.setEnabled(not self.session.is_read_only())
        self._fix_tab_order()

    def _fix_tab_order(self) -> None:
        """Rows added later would otherwise be reached last by Tab; keep the order as shown."""
        chain: list[QWidget] = [self.preterm.buttons[-1]]
        for row in self.carer_rows:
            for binding in row.bindings:
                chain.extend(binding.inputs())
            chain.append(row.remove)
        chain += [self.add_carer_button, self.postcode.editor]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def on_data_changed(self, path: str) -> None:
        if not path or path.startswith("family.carers"):
            self._sync_carers()
        super().on_data_changed(path)

    def after_refresh(self, path: str) -> None:
        stage = self.framework.label("stages", draft_stage(self.session))
        self.stage_label.setText(f"Stage: {stage} — {age_text(self.session)}")
        self._show_nhs_ok(self.nhs_number.editor.text())
