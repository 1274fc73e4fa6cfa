"""Section "Decision": the suggested and final level, changing it (with the rules of §7 shown live), the
services chosen, next steps, the review date, and "Finalise…"."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton

from pairaid.core import vocab
from pairaid.core.engine import override_problem
from pairaid.core.finalising import needs_action_taken
from pairaid.core.outcome import Outcome
from pairaid.core.written_reason import written_reason_problem
from pairaid.ui.level_names import level_name
from pairaid.ui.sections.fields import ComboField, DateField, LineField, NoteField, RadioField
from pairaid.ui.sections.page import SectionPage
from pairaid.ui.sections.service_list import ServiceList

NEEDED = " (needed to finalise)"


class DecisionPage(SectionPage):
    section_id = "decision"
    title = "Decision"
    finalise_requested = Signal()

    def build(self) -> None:
        s = self.session
        pathway = s.pathway
        levels = self.card()
        self.suggested = QLabel()
        self.suggested.setWordWrap(True)
        self.suggested.setAccessibleName("Suggested level")
        self.final = QLabel()
        self.final.setWordWrap(True)
        self.final.setAccessibleName("Final level")
        font = self.final.font()
        font.setBold(True)
        self.final.setFont(font)
        levels.addWidget(self.suggested)
        levels.addWidget(self.final)
        self.override = self.add(ComboField(
            s, "decision.override_level", "Change the level",
            [(None, "Keep the suggested level")] + [(lv, level_name(pathway, lv)) for lv in vocab.LEVELS],
            hint="You may raise the level freely. Lowering it needs a written reason. A statutory level set by "
                 "a safeguarding indicator cannot be lowered."), levels)
        self.override_message = self.override.problem  # the rules of §7, said live in the line kept for it
        self.reason = self.add(NoteField(s, "decision.override_reason", "Reason for changing the level",
                                         hint="Needed when you lower the level: what you know that the "
                                              "suggestion does not."), levels)
        self.override_by = self.add(LineField(s, "decision.override_by", "Who changed the level",
                                              hint="Your name, or who agreed the change in supervision."), levels)

        self.add_subheading("Services")
        self.add_text("Tick the services you will refer to or tell the family about.")
        self.suggested_services = self.add(ServiceList(s, "decision.selected_services", "Suggested services"))
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Type part of a name or need")
        self.filter.setAccessibleName("Filter all services")
        self.filter.setClearButtonEnabled(True)
        filter_label = QLabel("Find another service in the pathway")
        filter_label.setBuddy(self.filter)
        self.column.addWidget(filter_label)
        self.column.addWidget(self.filter)
        self.all_services = self.add(ServiceList(s, "decision.selected_services", "All services in the pathway",
                                                 one_line=True))
        self.filter.textChanged.connect(self.all_services.set_filter)
        self._all_listed = False  # the whole pathway is listed when the page is first shown

        self._build_consent()
        today = self.card()
        self.add_subheading("What you did, and why the level stands", today)
        self.action_taken = self.add(NoteField(
            s, "decision.action_taken", "What you did today",
            hint="Who you contacted, when, and what was agreed. Needed to finalise an urgent or statutory outcome.",
            lines=3), today)
        self.provisional_reason = self.add(NoteField(
            s, "decision.provisional_reason", "Why this provisional level can be relied on now",
            hint="Needed to finalise while too few areas were observed: what you know that the observations do not, "
                 "or observe more first.", lines=3), today)
        self.next_steps = self.add(NoteField(s, "decision.next_steps", "Next steps",
                                             hint="What you will do, what the family will do, and by when.", lines=4))
        self.review_date = self.add(DateField(s, "decision.review_date", "Review date"))
        self.finalise = QPushButton("Finalise…")
        self.finalise.setAccessibleName("Finalise the record")
        self.finalise.setAccessibleDescription("Check the record and make it read-only.")
        self.finalise.clicked.connect(self.finalise_requested)
        self.action_buttons.append(self.finalise)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.finalise)
        self.column.addLayout(row)

        self._suggested_ids: list[str] = []
        s.outcome_changed.connect(self.show_outcome)
        self.show_outcome(s.outcome())

    def _build_consent(self) -> None:
        """Consent to a referral and the basis for sharing are recorded apart: safeguarding sharing does not rest
        on consent (domain.md)."""
        s = self.session
        consent = self.card()
        self.add_subheading("Consent and sharing", consent)
        self.family_agrees = self.add(RadioField(
            s, "consent.family_agrees", "Does the family agree to the referral?",
            [(a, self.framework.label("wants_help", a)) for a in ("yes", "no", "not_asked")],
            hint="Their agreement to the services you chose."), consent)
        self.sharing_basis = self.add(RadioField(
            s, "consent.sharing_basis", "Basis for sharing information",
            [("consent", "Consent"), ("safeguarding", "Safeguarding (does not rest on consent)"),
             ("other", "Other"), (None, "Not recorded")],
            hint="Consent to a service and the basis for sharing are different things."), consent)
        self.family_told = self.add(RadioField(
            s, "consent.family_told", "Did you tell the family what will be shared, and with whom?",
            [(True, "Yes"), (False, "No"), (None, "Not recorded")]), consent)

    def _service_item(self, service_id: str, why: list[str], verified: bool = True) -> tuple[str, str]:
        service = self.session.pathway.service(service_id)
        name = service.name if service else service_id
        level = self.framework.label("levels", service.level) if service else ""
        lines = [f"{name} — {level}" if level else name]
        lines += [f"  • {w}" for w in why]
        if not verified or (service is not None and not service.is_verified):
            lines.append("  Check before referring: contact details not confirmed.")
        return service_id, "\n".join(lines)

    def list_all_services(self) -> None:
        """Fill the whole-pathway list (once; a national pathway holds thousands of services)."""
        if self._all_listed:
            return
        self._all_listed = True
        active = [svc for svc in self.session.pathway.services if svc.status == "active"]
        rows = []
        for svc in active:
            text = f"{svc.name} — {self.framework.label('levels', svc.level)}"
            if not svc.is_verified:
                text += " (check before referring)"
            rows.append((svc.id, text))
        self.all_services.set_items(
            rows, {svc.id: " ".join([*svc.needs, *(self.framework.label("service_needs", n) for n in svc.needs)])
                   for svc in active})

    def showEvent(self, event: QShowEvent) -> None:
        self.list_all_services()
        super().showEvent(event)

    def show_outcome(self, outcome: Outcome | None) -> None:
        pathway = self.session.pathway
        if outcome is None:
            self.suggested.setText("Suggested level: not yet — fill in the required fields first.")
            self.final.setText("")
            suggestions: list[tuple[str, str]] = []
        else:
            flags = [outcome.provisional_text() or ""] if outcome.provisional else []
            flags += ["urgent"] if outcome.urgent else []
            extra = f" ({'; '.join(flags)})" if flags else ""
            self.suggested.setText(f"Suggested level: {level_name(pathway, outcome.level)}{extra}")
            self.final.setText(f"Final level: {level_name(pathway, outcome.final_level)}")
            suggestions = [self._service_item(sug.id, sug.why, sug.verified) for sug in outcome.services]
        ids = [i for i, _ in suggestions]
        if ids != self._suggested_ids or not ids:
            self._suggested_ids = ids
            self.suggested_services.set_items(suggestions)
        self.suggested_services.set_description(
            f"{len(ids)} suggested" if ids else "No services suggested yet")
        self._check_override(outcome)
        self._check_finalise_fields(outcome)

    def _check_override(self, outcome: Outcome | None) -> None:
        message = None
        if outcome is not None:
            problem = override_problem(outcome.level, self.session.value("decision.override_level"),
                                       self.session.value("decision.override_reason"), outcome.safeguarding)
            if problem is not None:
                message = problem.sentence()
                if problem.kind == "no_reason":
                    message = message.rstrip(".") + " (write it in the box below)."
        self.override.set_local_problem(message)
        lowering = bool(outcome and self.session.value("decision.override_level")
                        and vocab.LEVEL_RANK[self.session.value("decision.override_level")]
                        < vocab.LEVEL_RANK[outcome.level])
        self.reason.label.setText("Reason for changing the level" + (" (required)" if lowering else ""))
        who = self.session.value("decision.override_by")
        self.override_by.set_local_problem(
            "Write who lowered the level: you, or who agreed it in supervision." if lowering and not who else None)

    def _check_finalise_fields(self, outcome: Outcome | None) -> None:
        """Say beside each reason box when finalising will need it, and what is wrong with a weak reason."""
        action_needed = outcome is not None and needs_action_taken(outcome)
        provisional = outcome is not None and outcome.provisional
        for field, text, needed in ((self.action_taken, "What you did today", action_needed),
                                    (self.provisional_reason, "Why this provisional level can be relied on now",
                                     provisional)):
            field.label.setText(text + (NEEDED if needed else ""))
            field.editor.setAccessibleName(field.label.text())
        reason = self.session.value("decision.provisional_reason")
        weak = written_reason_problem(reason) if provisional and reason else None
        self.provisional_reason.set_local_problem(weak[0].upper() + weak[1:] if weak else None)

    def after_refresh(self, path: str) -> None:
        if not path or path.startswith("decision"):
            self._check_override(self.session.outcome())
            self._check_finalise_fields(self.session.outcome())
