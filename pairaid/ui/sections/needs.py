"""Section "Other needs and strengths": the family's competing needs (Think Family), social care, strengths."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from pairaid.core import vocab
from pairaid.ui.sections.fields import CheckListField, ComboField, LineField
from pairaid.ui.sections.page import SectionPage

NOT_RECORDED = "Not recorded"
NOTED_STATUSES = ("current", "past", "not_known")  # a note is asked for once one of these is chosen


class StatusField(ComboField):
    """A need's status; choosing "not recorded" removes the whole entry (note too) in one undo step."""

    def write(self, value: Any) -> None:
        if value is None:
            self.session.set_value(self.path.rsplit(".", 1)[0], None, text=self.undo_text)
        else:
            self.session.set_value(self.path, value, text=self.undo_text)


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
                      "Record what is happening now, what happened in the past, what you asked about and is not "
                      "so (No), and what you do not know.")
        self.mark_no = QPushButton("Mark unrecorded needs as No")
        self.mark_no.setProperty("role", "secondary")
        self.mark_no.setAccessibleName("Mark unrecorded needs as No")
        self.mark_no.setAccessibleDescription("For when you asked about all of them: change any that apply after.")
        self.mark_no.clicked.connect(self.mark_remaining_no)
        self.action_buttons.append(self.mark_no)
        row = QHBoxLayout()
        row.addWidget(self.mark_no)
        row.addStretch(1)
        self.column.addLayout(row)

        statuses = [(None, NOT_RECORDED)] + [(st, fw.label("need_statuses", st)) for st in vocab.NEED_STATUSES]
        self.status: dict[str, StatusField] = {}
        self.notes: dict[str, NeedNote] = {}
        grid_box = QWidget()
        grid = QGridLayout(grid_box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        grid.setColumnStretch(1, 1)
        # One control a need: its note appears beside it only once there is something to note, so Tab passes
        # the whole list in one stop a need.
        for row_index, need in enumerate(vocab.NEEDS):
            label = fw.needs[need]
            status = StatusField(s, f"needs.{need}.status", label.label, statuses, hint=label.hint)
            note = NeedNote(s, f"needs.{need}.note", f"{label.label}: note")
            self.status[need] = status
            self.notes[need] = note
            self.bindings += [status, note]
            grid.addWidget(status.row, row_index, 0)
            grid.addWidget(note.row, row_index, 1)
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

    def mark_remaining_no(self) -> None:
        """Every need with no status yet becomes "No" (asked, not so), in one undo step."""
        changes = {f"needs.{n}.status": "no" for n in vocab.NEEDS if self.session.value(f"needs.{n}.status") is None}
        if changes:
            self.session.set_values(changes, text="marking the needs not yet recorded as No")

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.after_refresh("")

    def after_refresh(self, path: str) -> None:
        statuses = {n: self.session.value(f"needs.{n}.status") for n in vocab.NEEDS}
        for need, note in self.notes.items():
            wanted = statuses[need] in NOTED_STATUSES or bool(self.session.value(note.path))
            if note.row.isHidden() == wanted:
                note.row.setVisible(wanted)
        current = [n for n, status in statuses.items() if status == "current"]
        self.need_count.setText(f"Current needs recorded: {len(current)}.")
        self.mark_no.setEnabled(not self.session.is_read_only() and None in statuses.values())
