"""Summary: preview of the referral, parent and supervision copies, save as PDF, print, and the reviews.

Every PDF made and every print is a disclosure: it is recorded in the audit trail with the copy and the
recipient's role (a role, never a name). reportlab is imported only when a PDF is made.

What belongs to one record and one copy stays with it: the recipient typed for the referral copy (the parent
copy is addressed to the family, the supervision copy to no one), the safe-to-take-home answer (recorded in the
record's history) and the words marked in the supervision preview. Opening another record starts afresh.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from pairaid.core.pathway import Pathway
from pairaid.core.summary_content import ParentRefused, SummaryDocument, build_summary, needs_safe_to_take_home
from pairaid.ui import dialogs
from pairaid.ui.crash import log_failure
from pairaid.ui.sections.option_row import OptionRow
from pairaid.ui.session import VisitSession
from pairaid.ui.style import compact_combo, make_heading
from pairaid.ui.summary_html import summary_html
from pairaid.ui.wheel_guard import guard_wheel

log = logging.getLogger(__name__)

COPY_CHOICES: list[tuple[str, str]] = [
    ("referral", "Referral (to a service)"),
    ("parent", "Parent copy (for the family)"),
    ("supervision", "Supervision (no identifiers)"),
]
# Who a copy goes to, as recorded in the audit trail (roles only: never a person's name).
RECIPIENT_ROLES: list[tuple[str, str]] = [
    ("specialist_service", "Specialist or targeted service"),
    ("gp", "GP"),
    ("social_care", "Children's social care / front door"),
    ("perinatal_mental_health", "Perinatal mental health team"),
    ("health_visiting_team", "Health visiting team"),
    ("family", "The family"),
    ("supervisor", "Supervisor"),
    ("other", "Other"),
]
DEFAULT_ROLE = {"referral": "specialist_service", "parent": "family", "supervision": "supervisor"}
EventRecorder = Callable[[str, dict[str, Any]], None]


def _labelled(text: str, widget: QWidget, name: str) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    widget.setAccessibleName(name)
    return label


def _under_label(text: str, widget: QWidget, name: str) -> QWidget:
    """A drop-down list under its label, as one piece of a row."""
    piece = QWidget()
    column = QVBoxLayout(piece)
    column.setContentsMargins(0, 0, 0, 0)
    column.addWidget(_labelled(text, widget, name))
    column.addWidget(widget)
    return piece


def safe_file_stem(document: SummaryDocument) -> str:
    """A file name without personal data: the copy and the first part of the record id."""
    return re.sub(r"[^a-z0-9-]", "", f"pairaid-{document.copy_kind}-{document.record_id[:8]}")


class SummaryPage(QWidget):
    """The walk-through's extra "summary" section."""

    pdf_saved = Signal(str, str)  # copy, path
    printed = Signal(str)  # copy

    def __init__(self, session: VisitSession, pathway: Pathway, record_event: EventRecorder,
                 today: Callable[[], dt.date] = dt.date.today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("section-summary")
        self.setAccessibleName("Summary")
        self.session = session
        self.pathway = pathway
        self.record_event = record_event
        self._today = today
        self._document: SummaryDocument | None = None
        self._record_key: str | None = None  # the record the per-record answers below belong to
        self._copy: str = "referral"
        self._recipients: dict[str, str] = {}  # copy -> recipient typed for it, this record only
        self._safe_to_take_home = False
        self._awaiting_answer = False
        self._also_remove: list[str] = []
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 12, 16, 12)
        heading = QLabel("Summary")
        make_heading(heading)
        column.addWidget(heading)

        self.review_strip = QFrame()
        self.review_strip.setProperty("role", "warning")
        strip = QVBoxLayout(self.review_strip)
        self.review_label = QLabel("")
        self.review_label.setWordWrap(True)
        self.review_label.setTextFormat(Qt.TextFormat.PlainText)
        self.review_label.setAccessibleName("Supervisor reviews")
        strip.addWidget(self.review_label)
        self.review_strip.setVisible(False)
        column.addWidget(self.review_strip)

        self.copy_combo = guard_wheel(compact_combo(QComboBox(), 14))
        for value, text in COPY_CHOICES:
            self.copy_combo.addItem(text, value)
        self.recipient_edit = QLineEdit()
        self.recipient_edit.setPlaceholderText("e.g. Perinatal mental health team, Dr Ahmed's surgery")
        self.role_combo = guard_wheel(compact_combo(QComboBox(), 14))
        for value, text in RECIPIENT_ROLES:
            self.role_combo.addItem(text, value)
        # The two lists side by side while they fit, one under the other when they do not (at 200% text in the
        # app's first-start window they made the page scroll sideways); the recipient's name has a line of its own.
        self.choices = OptionRow([_under_label("&Copy:", self.copy_combo, "Copy to preview"),
                                  _under_label("Recipient i&s:", self.role_combo, "Recipient role")], fill=True)
        column.addWidget(self.choices)
        column.addWidget(_labelled("Recipien&t (printed on the copy):", self.recipient_edit, "Recipient"))
        column.addWidget(self.recipient_edit)
        QWidget.setTabOrder(self.copy_combo, self.role_combo)  # Tab follows the rows as they read
        QWidget.setTabOrder(self.role_combo, self.recipient_edit)
        self.safe_check = QCheckBox("I have checked that this copy is safe for this parent to take home")
        self.safe_check.setAccessibleName("Safe for this parent to take home")
        self.safe_check.setAccessibleDescription(
            "Domestic abuse is current or a safeguarding indicator is recorded: the parent copy leaves out the "
            "partner, but only you can judge whether a paper copy is safe in this home.")
        self.safe_check.setVisible(False)
        self.safe_check.toggled.connect(self._safe_answered)
        column.addWidget(self.safe_check)

        self.preview = QTextBrowser()
        self.preview.setAccessibleName("Summary preview")
        self.preview.setOpenLinks(False)
        column.addWidget(_labelled("Previe&w of this copy:", self.preview, "Summary preview"))
        column.addWidget(self.preview, 1)

        buttons = QHBoxLayout()
        self.status_label = QLabel("")
        self.status_label.setProperty("role", "hint")
        self.status_label.setWordWrap(True)
        buttons.addWidget(self.status_label, 1)
        self.pdf_button = QPushButton("Save as P&DF…")
        self.pdf_button.setAccessibleName("Save as PDF")
        self.pdf_button.setToolTip("Save this copy as a PDF (Ctrl+S)")
        self.pdf_button.clicked.connect(self.save_pdf)
        self.print_button = QPushButton("Pr&int…")
        self.print_button.setAccessibleName("Print")
        self.print_button.setToolTip("Print this copy (Ctrl+P)")
        self.print_button.setProperty("role", "secondary")
        self.print_button.clicked.connect(self.print_copy)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.print_button)
        column.addLayout(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.refresh)
        self.copy_combo.currentIndexChanged.connect(self._copy_changed)
        self.recipient_edit.textChanged.connect(self._recipient_typed)
        session.outcome_changed.connect(self._schedule)
        session.data_changed.connect(self._schedule)
        self._copy_changed()

    # Preview ---------------------------------------------------------------------------------------

    def current_copy(self) -> str:
        return str(self.copy_combo.currentData())

    def set_copy(self, copy: str) -> None:
        self.copy_combo.setCurrentIndex(self.copy_combo.findData(copy))

    def _copy_changed(self) -> None:
        copy = self.current_copy()
        self._copy = copy
        self.role_combo.setCurrentIndex(self.role_combo.findData(DEFAULT_ROLE[copy]))
        # Only the referral copy is addressed to a professional: the parent copy to the family, the
        # supervision copy to no one. Each copy keeps its own recipient, never another's.
        self.recipient_edit.blockSignals(True)
        self.recipient_edit.setText(self._recipients.get(copy, ""))
        self.recipient_edit.blockSignals(False)
        self.recipient_edit.setEnabled(copy == "referral")
        self.recipient_edit.setPlaceholderText(
            {"referral": "e.g. Perinatal mental health team, Dr Ahmed's surgery",
             "parent": "Addressed to the family", "supervision": "Names no one"}[copy])
        self.refresh()

    def _recipient_typed(self, text: str) -> None:
        self._recipients[self._copy] = text
        self._timer.start()

    def _follow_record(self) -> str:
        """The open record's key; when it is another record, forget what belonged to the last one."""
        key = str(self.session.value("id") or "")
        if key != self._record_key:
            self._record_key = key
            self._recipients = {}
            self._also_remove = []
            self._safe_to_take_home = False
            self.safe_check.blockSignals(True)
            self.safe_check.setChecked(False)
            self.safe_check.blockSignals(False)
            self.recipient_edit.blockSignals(True)
            self.recipient_edit.clear()
            self.recipient_edit.blockSignals(False)
        return key

    def _safe_answered(self, checked: bool) -> None:
        self._safe_to_take_home = checked
        if checked:  # the answer goes into the record's history
            self._audit_event("safe_to_take_home", {"copy": "parent"})
        self.refresh()

    def _schedule(self, *_args: object) -> None:
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.refresh()

    def document(self) -> SummaryDocument | None:
        """The copy as it would be saved now; None until the visit has its required fields."""
        self._follow_record()
        assessment, outcome = self.session.assessment(), self.session.outcome()
        if assessment is None or outcome is None:
            self.safe_check.setVisible(False)
            return None
        copy = self.current_copy()
        asked = copy == "parent" and needs_safe_to_take_home(assessment) is not None
        self.safe_check.setVisible(asked)
        # The practitioner reads the parent copy before answering; nothing is saved or printed until they have.
        self._awaiting_answer = asked and not self._safe_to_take_home
        return build_summary(assessment, outcome, self.pathway, copy,  # type: ignore[arg-type]
                             self._recipients.get(copy, ""), made_on=self._today(),
                             final=self.session.is_read_only(), safe_to_take_home=asked,
                             also_remove=self._also_remove)

    def refresh(self) -> None:
        self._timer.stop()
        try:
            self._document = self.document()
        except ParentRefused as exc:  # the safe-to-take-home answer is still missing: say why, make nothing
            self._document = None
            self.preview.setPlainText(str(exc))
        except Exception as exc:  # a content bug must not hide the rest of the app; say what to do
            log_failure(log, "building the summary failed", exc)
            self._document = None
            self.preview.setPlainText("The summary could not be prepared. Check the record's sections for "
                                      "problems, then try again.")
        else:
            if self._document is None:
                self.preview.setPlainText(
                    "The summary appears here once the visit date, the type of contact and the baby's date of "
                    "birth (or due date) are recorded."
                )
            else:
                scroll = self.preview.verticalScrollBar().value()
                self.preview.setHtml(summary_html(self._document))
                self.preview.verticalScrollBar().setValue(scroll)
        ready = self.ready()
        self.pdf_button.setEnabled(ready)
        self.print_button.setEnabled(ready)
        if self._awaiting_answer:
            self.status_label.setText("Read the parent copy, then tick the box above if it is safe for this parent "
                                      "to take home.")
        elif self.status_label.text().startswith("Read the parent copy"):
            self.status_label.setText("")

    def ready(self) -> bool:
        """A copy can be saved or printed: it is built, and any safe-to-take-home question is answered."""
        return self._document is not None and not self._awaiting_answer

    def set_reviews(self, reviews: Sequence[Any]) -> None:
        """Show the supervisors' reviews of this record (newest last)."""
        lines = []
        for review in reviews:
            verdict = "agrees with the level" if review.verdict == "agree" else "challenges the level"
            if review.suggested_level:
                verdict += f" (suggests {self.pathway.levels.get(review.suggested_level).label})"
            signed = "; signed off" if review.signed_off else ""
            lines.append(f"{review.reviewer}, {review.at:%d/%m/%Y}: {verdict}{signed}. {review.comment}".strip())
        self.review_label.setText("Supervisor reviews:\n" + "\n".join(lines) if lines else "")
        self.review_strip.setVisible(bool(lines))

    # Output ----------------------------------------------------------------------------------------

    def _audit(self, kind: str) -> None:
        self._audit_event(kind, {"copy": self.current_copy(), "recipient_role": str(self.role_combo.currentData())})

    def _audit_event(self, kind: str, detail: dict[str, Any]) -> None:
        try:
            self.record_event(kind, detail)
        except Exception as exc:
            log_failure(log, "recording the audit event failed", exc)
            dialogs.error(self, "Not recorded in the audit trail",
                          "The copy was made but could not be recorded in the audit trail. Note who it went "
                          "to in the record, and tell your IT service desk.")

    def check_supervision_copy(self) -> bool:
        """The supervision preview before a supervision copy leaves; False when the practitioner cancels."""
        if self.current_copy() != "supervision":
            return True
        words = dialogs.check_supervision_copy(self, self.session.data(), list(self._also_remove),
                                               self._recipients.get("supervision") or None)
        if words is None:
            return False
        self._also_remove = list(words)
        return True

    def save_pdf(self) -> Path | None:
        self.refresh()
        if not self.ready() or not self.check_supervision_copy():
            return None
        self.refresh()
        document = self._document
        if document is None:
            return None
        chosen = dialogs.save_file(self, "Save the summary as PDF", f"{safe_file_stem(document)}.pdf",
                                   "PDF files (*.pdf)")
        if not chosen:
            return None
        path = Path(chosen) if chosen.lower().endswith(".pdf") else Path(chosen + ".pdf")
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self.status_label.setText("Making the PDF…")
        self.status_label.repaint()
        try:
            from pairaid.report import render_document  # reportlab: only now, never at start-up

            render_document(document, path)
        except Exception as exc:
            QGuiApplication.restoreOverrideCursor()
            self.status_label.setText("")
            log.error("making a PDF failed: %s", type(exc).__name__)
            dialogs.error(self, "The PDF was not saved",
                          f"The PDF could not be written to {path}. Check that the folder exists, that you "
                          "may write there and that the file is not open in another program, then try again.",
                          details=f"{type(exc).__name__}: {exc}")
            return None
        QGuiApplication.restoreOverrideCursor()
        self._audit("pdf_made")
        self.status_label.setText(f"Saved {path.name}.")
        self.pdf_saved.emit(document.copy_kind, str(path))
        return path

    def text_document(self) -> QTextDocument | None:
        """The copy as a QTextDocument, as printed."""
        if self._document is None:
            return None
        text = QTextDocument()
        text.setDefaultFont(self.preview.font())
        text.setHtml(summary_html(self._document))
        return text

    def print_copy(self) -> bool:
        self.refresh()
        if not self.ready() or not self.check_supervision_copy():
            return False
        self.refresh()
        document = self.text_document()
        if document is None:
            return False
        printer = dialogs.choose_printer(self)
        if printer is None:
            return False
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            document.print_(printer)
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._audit("printed")
        self.status_label.setText("Sent to the printer.")
        self.printed.emit(self.current_copy())
        return True
