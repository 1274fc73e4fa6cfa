"""Section "Observations": the relationship domains for the baby's stage, grouped, each with its question, a
rating, guidance at hand and a note asking for what was seen or heard."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QToolButton, QVBoxLayout, QWidget

from pairaid.core import vocab
from pairaid.core.framework import GROUPS, Domain
from pairaid.ui.sections.derived import age_text, draft_stage, draft_stage_months
from pairaid.ui.sections.fields import NoteField, RadioField
from pairaid.ui.sections.page import SectionPage

FRIGHTENING_ORDER = ("no_concern", "some_concern", "significant_concern", "not_observed")


class DomainBox(QFrame):
    """One observation domain: question, rating, guidance (shown on demand) and note."""

    def __init__(self, page: ObservationsPage, domain: Domain) -> None:
        super().__init__()
        self.domain = domain
        self.setProperty("role", "card")
        fw = page.framework
        s = page.session
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        self.title = QLabel(domain.title)
        self.title.setProperty("role", "heading")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)
        self.question = QLabel(domain.question)
        self.question.setWordWrap(True)
        layout.addWidget(self.question)
        order = FRIGHTENING_ORDER if domain.id == vocab.FRIGHTENING else vocab.RATINGS
        options = [(r, fw.rating_label(domain.id, r)) for r in order]
        self.guidance_text = self._guidance_text(page)
        self.rating = RadioField(s, f"observations.{domain.id}.rating", f"Rating for {domain.title}", options)
        self.rating.set_description(f"{domain.question} {self.guidance_text}")
        layout.addWidget(self.rating.row)

        self.toggle = QToolButton()
        self.toggle.setCheckable(True)
        self.toggle.setText("Show guidance")
        self.toggle.setAccessibleName(f"Show guidance for {domain.title}")
        self.toggle.toggled.connect(self._toggle_guidance)
        layout.addWidget(self.toggle)
        self.guidance = QLabel(self.guidance_text)
        self.guidance.setWordWrap(True)
        self.guidance.setProperty("role", "hint")
        self.guidance.setAccessibleName(f"Guidance for {domain.title}")
        self.guidance.hide()
        layout.addWidget(self.guidance)

        self.note = NoteField(s, f"observations.{domain.id}.note", f"{domain.title}: what you saw or heard",
                              hint=domain.guidance.what_to_note)  # the hint above says it; no placeholder
        layout.addWidget(self.note.row)

    def _guidance_text(self, page: ObservationsPage) -> str:
        g = self.domain.guidance
        fw = page.framework
        first = fw.rating_label(self.domain.id, "no_concern" if self.domain.id == vocab.FRIGHTENING else "strength")
        return "\n\n".join([
            f"{first}: {g.strength}",
            f"{fw.rating_label(self.domain.id, 'some_concern')}: {g.some_concern}",
            f"{fw.rating_label(self.domain.id, 'significant_concern')}: {g.significant_concern}",
            f"What to note: {g.what_to_note}",
        ])

    def _toggle_guidance(self, shown: bool) -> None:
        self.guidance.setVisible(shown)
        self.toggle.setText("Hide guidance" if shown else "Show guidance")

    def set_stage(self, stage: str, months: int | None = None) -> None:
        """Show the domain when it applies at this stage and (corrected) age in whole months."""
        question = self.domain.question_for(stage)
        self.question.setText(question)
        self.rating.set_description(f"{question} {self.guidance_text}")
        self.setVisible(vocab.domain_applies(self.domain.id, stage, months))


class ObservationsPage(SectionPage):
    section_id = "observations"
    title = "Observations"

    def build(self) -> None:
        fw = self.framework
        self.stage_label = self.add_text("")
        self.coverage = QLabel()
        self.coverage.setWordWrap(True)
        self.coverage.setAccessibleName("Observations recorded")
        self.column.addWidget(self.coverage)
        self.add_text("Rate what you saw at this visit. \"Not observed\" is never the same as \"no concern\": "
                      "it means there was no chance to see it.")
        self.boxes: dict[str, DomainBox] = {}
        self.group_headings: dict[str, QWidget] = {}
        for group in GROUPS:
            heading = self.add_subheading(fw.label("groups", group))
            self.group_headings[group] = heading
            for domain in fw.domains:
                if domain.group != group:
                    continue
                box = DomainBox(self, domain)
                self.boxes[domain.id] = box
                self.bindings += [box.rating, box.note]
                self.column.addWidget(box)
        self._stage: tuple[str, int | None] = ("", None)
        self.after_refresh("")

    def after_refresh(self, path: str) -> None:
        stage = draft_stage(self.session)
        months = draft_stage_months(self.session) if stage != "antenatal" else None
        if (stage, months) != self._stage:
            self._stage = (stage, months)
            for box in self.boxes.values():
                box.set_stage(stage, months)
            for group, heading in self.group_headings.items():
                heading.setVisible(any(b.domain.group == group and not b.isHidden() for b in self.boxes.values()))
        age = f" ({age_text(self.session)})" if months is not None else ""
        self.stage_label.setText(f"Stage: {self.framework.label('stages', stage)}{age}. "
                                 "Only the areas that apply at this age are shown.")
        applicable = [d for d in vocab.DOMAINS if vocab.domain_applies(d, stage, months)]
        seen = [d for d in applicable
                if (self.session.value(f"observations.{d}.rating") or "not_observed") != "not_observed"]
        self.coverage.setText(f"Observed {len(seen)} of {len(applicable)} areas for this stage.")

    def visible_domains(self) -> list[str]:
        return [d for d, box in self.boxes.items() if not box.isHidden()]
