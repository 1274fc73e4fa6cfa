"""Section "Decision": the suggested and final level, changing it (with the rules of §7 shown live), the
services chosen, next steps, the review date, and "Finalise…"."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton

from pairaid.core import vocab
from pairaid.core.engine import check_override
from pairaid.core.outcome import Outcome
from pairaid.ui.sections.fields import Binding, ComboField, DateField, LineField, NoteField
from pairaid.ui.sections.page import SectionPage

SERVICE_ID = Qt.ItemDataRole.UserRole
LIST_KEYS = frozenset({Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown, Qt.Key.Key_Home,
                       Qt.Key.Key_End})


def level_name(pathway: Any, level: str) -> str:
    info = pathway.levels.get(level)
    return f"{info.label} — {info.local_name}" if info.local_name else info.label


class ServiceList(Binding):
    """Services as tick items in a list (scales to a national pathway); the value is the list of ids ticked.
    Ids ticked in other lists bound to the same path are kept."""

    read_only_keys = LIST_KEYS  # moving through the list still works on a read-only record; ticking does not

    def __init__(self, session: Any, path: str, label: str, **kwargs: Any) -> None:
        self._ids: list[str] = []
        super().__init__(session, path, label, **kwargs)

    def _make_editor(self) -> QListWidget:
        widget = QListWidget()
        widget.setWordWrap(True)
        widget.setMinimumHeight(widget.fontMetrics().lineSpacing() * 8)
        widget.itemChanged.connect(self._item_changed)
        return widget

    def set_items(self, items: list[tuple[str, str, str]]) -> None:
        """(service id, text, accessible text) for each row."""
        self._updating = True
        try:
            self.editor.clear()
            self._ids = [i for i, _, _ in items]
            chosen = set(self.session.value(self.path) or [])
            for service_id, text, description in items:
                item = QListWidgetItem(text)
                item.setData(SERVICE_ID, service_id)
                item.setToolTip(description)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                              | Qt.ItemFlag.ItemIsSelectable)
                item.setCheckState(Qt.CheckState.Checked if service_id in chosen else Qt.CheckState.Unchecked)
                self.editor.addItem(item)
        finally:
            self._updating = False

    def _item_changed(self, _: QListWidgetItem) -> None:
        self._commit()

    def widget_value(self) -> Any:
        mine = {self.editor.item(i).data(SERVICE_ID): self.editor.item(i).checkState() == Qt.CheckState.Checked
                for i in range(self.editor.count())}
        stored = self.session.value(self.path) or []
        kept = [s for s in stored if s not in mine or mine[s]]
        return kept + [s for s, on in mine.items() if on and s not in kept]

    def _show_value(self, value: Any) -> None:
        chosen = set(value or [])
        for i in range(self.editor.count()):
            item = self.editor.item(i)
            state = Qt.CheckState.Checked if item.data(SERVICE_ID) in chosen else Qt.CheckState.Unchecked
            if item.checkState() != state:
                item.setCheckState(state)

    def refresh(self) -> None:
        self._updating = True
        try:
            self._show_value(self.session.value(self.path))
        finally:
            self._updating = False

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.editor.viewport().removeEventFilter(self._read_only_filter)
        if read_only:
            self.editor.viewport().installEventFilter(self._read_only_filter)


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
        self.override_message = QLabel()
        self.override_message.setProperty("role", "problem")
        self.override_message.setWordWrap(True)
        self.override_message.setAccessibleName("Problem with changing the level")
        self.override_message.hide()
        levels.addWidget(self.override_message)
        self.reason = self.add(NoteField(s, "decision.override_reason", "Reason for changing the level",
                                         hint="Needed when you lower the level: what you know that the "
                                              "suggestion does not."), levels)
        self.override_by = self.add(LineField(s, "decision.override_by", "Changed by",
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
        self.all_services = self.add(ServiceList(s, "decision.selected_services", "All services in the pathway"))
        self.filter.textChanged.connect(self._filter_services)
        self.all_services.set_items([self._service_item(svc.id, []) for svc in pathway.services
                                     if svc.status == "active"])

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

    def _service_item(self, service_id: str, why: list[str], verified: bool = True) -> tuple[str, str, str]:
        service = self.session.pathway.service(service_id)
        name = service.name if service else service_id
        level = self.framework.label("levels", service.level) if service else ""
        lines = [f"{name} — {level}" if level else name]
        lines += [f"  • {w}" for w in why]
        if not verified or (service is not None and not service.is_verified):
            lines.append("  Check before referring: contact details not confirmed.")
        text = "\n".join(lines)
        return service_id, text, text

    def _filter_services(self, text: str) -> None:
        needle = text.strip().casefold()
        for i in range(self.all_services.editor.count()):
            item = self.all_services.editor.item(i)
            service = self.session.pathway.service(item.data(SERVICE_ID))
            haystack = " ".join([item.text(), *(service.needs if service else [])]).casefold()
            item.setHidden(bool(needle) and needle not in haystack)

    def show_outcome(self, outcome: Outcome | None) -> None:
        pathway = self.session.pathway
        if outcome is None:
            self.suggested.setText("Suggested level: not yet — fill in the required fields first.")
            self.final.setText("")
            suggestions: list[tuple[str, str, str]] = []
        else:
            flags = [w for w, on in (("provisional", outcome.provisional), ("urgent", outcome.urgent)) if on]
            extra = f" ({', '.join(flags)})" if flags else ""
            self.suggested.setText(f"Suggested level: {level_name(pathway, outcome.level)}{extra}")
            self.final.setText(f"Final level: {level_name(pathway, outcome.final_level)}")
            suggestions = [self._service_item(sug.id, sug.why, sug.verified) for sug in outcome.services]
        ids = [i for i, _, _ in suggestions]
        if ids != self._suggested_ids or not ids:
            self._suggested_ids = ids
            self.suggested_services.set_items(suggestions)
        self.suggested_services.editor.setAccessibleDescription(
            f"{len(ids)} suggested" if ids else "No services suggested yet")
        self._check_override(outcome)

    def _check_override(self, outcome: Outcome | None) -> None:
        message = None
        if outcome is not None:
            message = check_override(outcome.level, self.session.value("decision.override_level"),
                                     self.session.value("decision.override_reason"), outcome.safeguarding)
        if message:
            message = message.split(": ", 1)[1]
            message = message.replace("in decision.override_reason", "(write it in the box below)")
            message = message[0].upper() + message[1:]
        self.override_message.setText(message or "")
        self.override_message.setVisible(bool(message))
        self.override.editor.setAccessibleDescription(
            " ".join(p for p in (f"Problem: {message}" if message else "", self.override.hint.text()) if p))
        lowering = bool(outcome and self.session.value("decision.override_level")
                        and vocab.LEVEL_RANK[self.session.value("decision.override_level")]
                        < vocab.LEVEL_RANK[outcome.level])
        self.reason.label.setText("Reason for changing the level" + (" (required)" if lowering else ""))

    def after_refresh(self, path: str) -> None:
        if not path or path.startswith("decision"):
            self._check_override(self.session.outcome())
