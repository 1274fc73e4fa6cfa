"""Section "Other needs and strengths": the family's competing needs (Think Family), social care, strengths."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from pairaid.core import vocab
from pairaid.ui.sections.fields import CheckListField, ComboField, LineField
from pairaid.ui.sections.page import SectionPage

NOT_RECORDED = "Not recorded"


class StatusField(ComboField):
    """A need's status; choosing "not recorded" removes the whole entry (note too) in one undo step."""

    def write(self, value: Any) -> None:
        if value is None:
            self.session.set_value(self.path.rsplit(".", 1)[0], None)
        else:
            self.session.set_value(self.path, value)


class NeedNote(LineField):
    """A need's note; it belongs to a status, so it can be written only once a status is chosen."""

    def write(self, value: Any) -> None:
        entry = self.path.rsplit(".", 1)[0]
        if value is not None and self.session.value(f"{entry}.status") is None:
            self.set_local_problem("Choose a status first, then add a note.")
            return
        self.set_local_problem(None)
        super().write(value)


class NeedsPage(SectionPage):
    section_id = "needs"
    title = "Other needs and strengths"

    def build(self) -> None:
        fw = self.framework
        s = self.session
        self.add_text("Other pressures on the family make it harder to think about the relationship. "
                      "Record what is happening now, what happened in the past, and what you do not know.")
        statuses = [(None, NOT_RECORDED)] + [(st, fw.label("need_statuses", st)) for st in vocab.NEED_STATUSES]
        self.status: dict[str, StatusField] = {}
        self.notes: dict[str, NeedNote] = {}
        grid_box = QWidget()
        grid = QGridLayout(grid_box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        grid.setColumnStretch(1, 1)
        for row, need in enumerate(vocab.NEEDS):
            label = fw.needs[need]
            status = StatusField(s, f"needs.{need}.status", label.label, statuses, hint=label.hint)
            note = NeedNote(s, f"needs.{need}.note", f"{label.label}: note")
            self.status[need] = status
            self.notes[need] = note
            self.bindings += [status, note]
            grid.addWidget(status.row, row, 0)
            grid.addWidget(note.row, row, 1)
        self.column.addWidget(grid_box)

        care = self.card()
        self.add_subheading("Children's social care", care)
        self.social_care = self.add(StatusField(
            s, "needs.social_care_status.status", "Involvement of children's social care",
            [(None, NOT_RECORDED)] + [(st, fw.label("social_care_statuses", st)) for st in vocab.SOCIAL_CARE_STATUSES]),
            care)
        self.social_care_note = self.add(NeedNote(s, "needs.social_care_status.note", "Social care: note"), care)

        self.strengths = self.add(CheckListField(
            s, "strengths", "Strengths you saw or heard about",
            [(st, fw.label("strengths", st)) for st in vocab.STRENGTHS],
            hint="Strengths come first in every summary."))
        self.need_count = QLabel()
        self.need_count.setAccessibleName("Current needs")
        self.column.addWidget(self.need_count)
        self.after_refresh("")

    def after_refresh(self, path: str) -> None:
        current = [n for n in vocab.NEEDS if self.session.value(f"needs.{n}.status") == "current"]
        self.need_count.setText(f"Current needs recorded: {len(current)}.")
