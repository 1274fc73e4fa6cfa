"""The live panel beside every section: the suggested level, its flags, what to do now, each reason, and
the services suggested with why. It follows `outcome_changed` directly (no timer), so it is never a frame
behind. Before a level can be worked out it says which required fields are missing."""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from pairaid.core.framework import Framework
from pairaid.core.outcome import NOT_ENOUGH_OBSERVED, Outcome
from pairaid.ui.level_names import level_name
from pairaid.ui.session import VisitSession
from pairaid.ui.style import LEVEL_COLOURS, PALE_YELLOW, WHITE, heading_font
from pairaid.ui.text_size import follow_font

# The required fields, in the order they appear, with the words used for them.
REQUIRED_FIELDS: tuple[tuple[str, str], ...] = (
    ("contact.date", "the date of the visit (The visit)"),
    ("contact.type", "the type of contact (The visit)"),
    ("family.baby", "the baby's date of birth, or the due date (Baby and family)"),
)


# Field names that can appear in the engine's messages, in the words the screen uses.
_FIELD_WORDS = {"decision.override_reason": "the reason box (Decision)",
                "decision.override_level": "the level (Decision)",
                "decision.provisional_reason": "the box for why a provisional level can be relied on (Decision)",
                "decision.action_taken": "What you did today (Decision)",
                "family.baby.gestation_weeks": "the gestation at birth (Baby and family)"}


def plain(text: str) -> str:
    for path, words in _FIELD_WORDS.items():
        text = text.replace(path, words)
    return text


def missing_fields(session: VisitSession) -> list[str]:
    """Plain words for each required field that is empty or not right yet."""
    problems = session.problems()
    out = []
    for path, words in REQUIRED_FIELDS:
        if path == "family.baby":
            empty = not (session.value("family.baby.date_of_birth") or session.value("family.baby.due_date"))
            wrong = any(p in problems for p in ("family.baby", "family.baby.date_of_birth"))
        else:
            empty = not session.value(path)
            wrong = path in problems
        if empty or wrong:
            out.append(words)
    return out


def _list(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>"


class LivePanel(QWidget):
    """The level on top; everything else in one read-only text view (one layout pass per change: a column
    of word-wrapped rich-text labels took over a frame to lay out on every edit)."""

    def __init__(self, session: VisitSession, framework: Framework, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.framework = framework
        self._outcome: Outcome | None = None
        self._colour = ""
        self.setObjectName("live-panel")
        # Fifteen wide letters of the text in use: at 200% on a 1366 px screen that leaves the section beside it
        # the room its rows of options need (22 left it too little once the width followed the text).
        follow_font(self, lambda: self.setMinimumWidth(self.fontMetrics().horizontalAdvance("m") * 15))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(6)
        self.caption = QLabel("Suggested level")
        self.caption.setProperty("role", "hint")
        self.level = QLabel()
        self.level.setFont(heading_font(self.level.font(), 1.5))
        self.level.setWordWrap(True)
        self.level.setMargin(6)
        # Beside the level: how much was observed when it is provisional, and the suggestion after an override.
        self.provisional_note = QLabel()
        self.provisional_note.setWordWrap(True)
        self.provisional_note.setFont(heading_font(self.provisional_note.font(), 1.0))
        self.provisional_note.setStyleSheet(f"background: {PALE_YELLOW}; padding: 4px;")
        self.suggested_note = QLabel()
        self.suggested_note.setWordWrap(True)
        self.details_label = QLabel("Why, and what to do next")
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        self.details.setAccessibleName("Why this level, and what to do next")
        self.details_label.setBuddy(self.details)
        for widget in (self.caption, self.level, self.provisional_note, self.suggested_note, self.details_label):
            layout.addWidget(widget)
        layout.addWidget(self.details, 1)
        session.outcome_changed.connect(self.show_outcome)
        session.problems_changed.connect(self._problems_changed)
        self.show_outcome(session.outcome())

    def outcome(self) -> Outcome | None:
        """The outcome on show (None while required fields are missing)."""
        return self._outcome

    def _problems_changed(self, _: dict) -> None:
        if self._outcome is None:
            self.show_outcome(None)

    def show_outcome(self, outcome: Outcome | None) -> None:
        self._outcome = outcome
        if outcome is None:
            self._show_missing()
        else:
            self._show(outcome)
        self.setAccessibleName(self.level.accessibleName())
        QAccessible.updateAccessibility(QAccessibleEvent(self.level, QAccessible.Event.NameChanged))

    def _set_colour(self, colour: str) -> None:
        if colour != self._colour:
            self._colour = colour
            self.level.setStyleSheet(f"background: {colour}; color: {WHITE};" if colour else "")

    def _show_missing(self) -> None:
        self.caption.setText("Suggested level")
        self.level.setText("Not yet")
        self._set_colour("")
        self.provisional_note.hide()
        self.suggested_note.hide()
        self.level.setAccessibleName("Suggested level: not yet")
        missing = missing_fields(self.session)
        html = ("<p><b>A level is suggested once these are filled in:</b></p>" + _list(missing) if missing else
                "<p><b>A level is suggested once the problems shown beside the fields are put right.</b></p>")
        self.details.setHtml(html)
        self.level.setAccessibleDescription(self.details.toPlainText())

    def _show(self, outcome: Outcome) -> None:
        pathway = self.session.pathway
        changed = outcome.override is not None
        name = NOT_ENOUGH_OBSERVED if outcome.nothing_observed and not changed else level_name(
            pathway, outcome.final_level)
        self.caption.setText("Final level (changed by you)" if changed else "Suggested level")
        self.level.setText(name)
        self._set_colour("" if name == NOT_ENOUGH_OBSERVED else LEVEL_COLOURS.get(outcome.final_level, "#425563"))
        provisional = outcome.provisional_text() or ""
        self.provisional_note.setText(provisional)
        self.provisional_note.setVisible(bool(provisional))
        suggested = level_name(pathway, outcome.level)
        self.suggested_note.setText(f"Suggested level: {suggested}" if changed else "")
        self.suggested_note.setVisible(changed)

        flags = ["<b>Urgent</b>: act today."] if outcome.urgent else []
        if outcome.provisional:
            flags.append("Observe more before relying on this level.")
        parts = [f"<p>{'<br>'.join(flags)}</p>"] if flags else []
        if outcome.prompts:
            parts.append("<p><b>Act now</b></p>" + _list(outcome.prompts))
        parts.append("<p><b>Why</b></p>" + _list([r.text for r in outcome.reasons]))
        if outcome.warnings:
            parts.append("<p><b>Notes</b></p>" + _list([plain(w) for w in outcome.warnings]))
        parts.append(self._services_html(outcome))
        self.details.setHtml("".join(parts))

        spoken = [f"{self.caption.text()}: {name}"]
        if outcome.urgent:
            spoken.append("urgent")
        if provisional:
            spoken.append(provisional)
        if changed:
            spoken.append(f"suggested level: {suggested}")
        self.level.setAccessibleName(", ".join(spoken))
        self.level.setAccessibleDescription(" ".join(outcome.prompts + [r.text for r in outcome.reasons]))

    def _services_html(self, outcome: Outcome) -> str:
        if not outcome.services:
            return "<p><b>Services</b><br>No local services match yet.</p>"
        items = []
        for suggestion in outcome.services:
            service = self.session.pathway.service(suggestion.id)
            name = service.name if service else suggestion.id
            level = self.framework.label("levels", suggestion.level)
            # the reasons for the level are listed just above: each service says what it is for, not them again
            why = "".join(f"<br>{escape(w)}" for w in (suggestion.brief or suggestion.why))
            check = ""
            if not suggestion.verified or (service is not None and not service.is_verified):
                check = "<br><i>Check before referring: contact details not confirmed.</i>"
            urgent = "<b>Urgent</b> " if suggestion.urgent else ""
            items.append(f"<li>{urgent}<b>{escape(name)}</b> ({escape(level)}){why}{check}</li>")
        return "<p><b>Suggested services</b></p><ul>" + "".join(items) + "</ul>"

    def text(self) -> str:
        """Everything on show as plain text (for tests and copying)."""
        notes = [n.text() for n in (self.provisional_note, self.suggested_note) if not n.isHidden()]
        return "\n".join([self.caption.text(), self.level.text(), *notes, self.details.toPlainText()])
