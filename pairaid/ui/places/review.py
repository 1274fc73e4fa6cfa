"""Supervisor review: open a `.pairaid` bundle or a local record, read it, agree or challenge the level with
a comment, and sign off. Reviews are saved through the store (`Store.add_review`), so the practitioner's
app shows them on the record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from pairaid.core import vocab
from pairaid.core.framework import Framework, load_framework
from pairaid.core.pathway import Pathway
from pairaid.store.errors import BundleError, StoreError
from pairaid.store.models import Record, RecordInfo
from pairaid.ui.places.common import DownScrollArea, PlaceView, labelled, level_name, long_date
from pairaid.ui.places.record_html import record_html
from pairaid.ui.style import compact_combo
from pairaid.ui.wheel_guard import guard_wheel

RECORD_ROLE = Qt.ItemDataRole.UserRole
BUNDLE_FILTER = "pairaid bundles (*.pairaid)"
TrustSender = Callable[[QWidget, Path], object | None]  # the key trusted, or None when cancelled
Resolve = Callable[[QWidget, str], Record | None]  # the record as kept, or None when the user decides later


def finalised_records(store: Any) -> list[RecordInfo]:
    return [r for r in store.search(status="final", limit=100_000) if r.status == "final"]


def awaiting_review(store: Any, finalised: list[RecordInfo] | None = None) -> list[RecordInfo]:
    """Finalised records with no sign-off yet, newest visit first."""
    records = finalised_records(store) if finalised is None else finalised
    waiting = [r for r in records if not r.signed_off]
    return sorted(waiting, key=lambda r: (r.visit_date or "", r.updated_at), reverse=True)


def empty_queue_text(finalised: int) -> str:
    """What an empty queue means: with no finalised record at all, nothing has been signed off either."""
    if finalised == 0:
        return ("Nothing is waiting: no record has been finalised yet. A record appears here when it is "
                "finalised on this computer, or when you open a bundle sent for supervision.")
    if finalised == 1:
        return "Nothing is waiting: the one finalised record has been signed off."
    return f"Nothing is waiting: all {finalised} finalised records have been signed off."


class ReviewView(PlaceView):
    """Read one record at a time and record the supervisor's review of its level."""

    title = "Supervisor review"

    def __init__(
        self,
        store: Any,
        pathway: Pathway,
        framework: Framework | None = None,
        reviewer: str = "",
        today: dt.date | None = None,
        parent: QWidget | None = None,
        trust_sender: TrustSender | None = None,
        resolve: Resolve | None = None,
    ) -> None:
        """`trust_sender(parent, bundle_path)` and `resolve(parent, copy_id)` are the window's dialogs for the
        bundle's key and a conflicting copy (each returns None when the user cancels)."""
        super().__init__(parent)
        self.store = store
        self.pathway = pathway
        self.framework = framework or load_framework()
        self._today = today
        self._trust_sender = trust_sender
        self._resolve = resolve
        self.record: Record | None = None
        self.setAccessibleName(self.title)

        layout = QVBoxLayout(self)
        header = self._header("Supervisor review")
        self.open_button = QPushButton("&Open bundle…")
        self.open_button.setAccessibleName("Open bundle")
        self.open_button.setToolTip("Open a .pairaid file sent for supervision (Ctrl+O)")
        # clicked(bool) would hand its `checked` to open_bundle as the path: the lambda asks for the file.
        self.open_button.clicked.connect(lambda: self.open_bundle())
        header.addWidget(self.open_button)
        self.send_button = QPushButton("Save bundle to send bac&k…")
        self.send_button.setAccessibleName("Save bundle to send back")
        self.send_button.setToolTip("Write this record with your review as a .pairaid file for the practitioner")
        self.send_button.clicked.connect(lambda: self.send_back())
        header.addWidget(self.send_button)
        QShortcut(QKeySequence.StandardKey.Open, self, self.open_bundle).setContext(
            Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        layout.addLayout(header)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_queue())
        self.reader = QTextBrowser()
        self.reader.setOpenLinks(False)
        self.reader.setAccessibleDescription("Read only: the level, reasons, observations, parent's words, services")
        reading = QWidget()
        reading_column = QVBoxLayout(reading)
        reading_column.setContentsMargins(0, 0, 0, 0)
        reading_column.addWidget(labelled("Re&cord (read only):", self.reader, "Record being reviewed"))
        reading_column.addWidget(self.reader, 1)
        splitter.addWidget(reading)
        # The form scrolls when it needs more height than the window has (large text sizes).
        splitter.addWidget(DownScrollArea(self._build_form(reviewer)))
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setStretchFactor(2, 3)
        splitter.setSizes([280, 640, 420])
        layout.addWidget(splitter, 1)

        status_row = QHBoxLayout()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Review status")
        status_row.addWidget(self.status, 1)
        # Shown after opening a bundle: its sender is not trusted yet, or it brought a conflicting copy.
        self.trust_button = QPushButton("T&rust this sender…")
        self.trust_button.setAccessibleName("Trust this sender")
        self.trust_button.setToolTip("Trust the key that sealed this bundle, once its owner reads you the "
                                     "fingerprint aloud: their reviews then count as sign-off")
        self.trust_button.clicked.connect(lambda: self.trust_sender())
        status_row.addWidget(self.trust_button)
        self.conflict_button = QPushButton("Com&pare the two copies…")
        self.conflict_button.setAccessibleName("Compare the two copies")
        self.conflict_button.setToolTip("See what differs between this computer's copy and the bundle's, and keep one")
        self.conflict_button.clicked.connect(lambda: self.resolve_conflict())
        status_row.addWidget(self.conflict_button)
        layout.addLayout(status_row)
        self._bundle: Path | None = None  # the bundle opened last (to trust its sender)
        self._conflict_copy: str | None = None  # the copy that bundle brought, while in conflict
        self._show_bundle_actions(trust=False, conflict=False)

        self.set_first_input(self.queue)
        self.refresh_queue()
        self._show(None)

    def showEvent(self, event: QShowEvent) -> None:
        # Records may have been finalised or reviewed elsewhere while this view was hidden.
        super().showEvent(event)
        self.refresh_queue()

    # -- building ------------------------------------------------------------------------------------------

    def _build_queue(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.queue = QListWidget()
        self.queue.setSpacing(3)
        self.queue.setWordWrap(True)
        column.addWidget(labelled("Awai&ting review:", self.queue, "Records awaiting review"))
        column.addWidget(self.queue, 1)
        self.queue.itemActivated.connect(lambda item: self.open_record(item.data(RECORD_ROLE)))
        self.queue_empty = QLabel()
        self.queue_empty.setWordWrap(True)
        column.addWidget(self.queue_empty)
        return box

    def _build_form(self, reviewer: str) -> QWidget:
        box = QGroupBox("Your review")
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)

        verdicts = QWidget()
        row = QVBoxLayout(verdicts)  # one above the other: the review column stays narrow at large text
        row.setContentsMargins(0, 0, 0, 0)
        self.agree = QRadioButton("&Agree with the level")
        self.challenge = QRadioButton("C&hallenge the level")
        self.agree.setAccessibleName("Agree with the level")
        self.challenge.setAccessibleName("Challenge the level")
        self.verdict = QButtonGroup(self)
        self.verdict.addButton(self.agree)
        self.verdict.addButton(self.challenge)
        self.agree.setChecked(True)
        verdict_label = QLabel("The &level:")
        verdict_label.setBuddy(self.agree)
        row.addWidget(verdict_label)
        row.addWidget(self.agree)
        row.addWidget(self.challenge)
        form.addRow(verdicts)

        self.suggested_level = guard_wheel(compact_combo(QComboBox()))
        for level in vocab.LEVELS:
            self.suggested_level.addItem(level_name(self.pathway, level), level)
        form.addRow(labelled("Level you &suggest:", self.suggested_level, "Level you suggest"), self.suggested_level)
        self.comment = QPlainTextEdit()
        self.comment.setTabChangesFocus(True)
        self.comment.setPlaceholderText("What you agree with, or what you would do differently and why")
        form.addRow(labelled("Co&mment:", self.comment, "Comment"), self.comment)
        self.reviewer = QLineEdit(reviewer)
        form.addRow(labelled("Your &name:", self.reviewer, "Reviewer's name"), self.reviewer)
        self.date_label = QLabel()
        self.date_label.setAccessibleName("Date of review")
        form.addRow(QLabel("Date:"), self.date_label)
        self.sign_off = QCheckBox("S&ign off this record")
        self.sign_off.setAccessibleName("Sign off this record")
        form.addRow(self.sign_off)
        self.save_button = QPushButton("Save revie&w")
        self.save_button.setAccessibleName("Save review")
        self.save_button.clicked.connect(self.save_review)
        form.addRow(self.save_button)
        self.form_problem = QLabel()
        self.form_problem.setProperty("role", "problem")
        self.form_problem.setWordWrap(True)
        self.form_problem.setAccessibleName("Problem with the review")
        form.addRow(self.form_problem)

        self.challenge.toggled.connect(self._verdict_changed)
        self._verdict_changed(False)
        self.form = box
        return box

    def _verdict_changed(self, challenging: bool) -> None:
        self.suggested_level.setEnabled(challenging)

    # -- the queue and opening -----------------------------------------------------------------------------

    def refresh_queue(self) -> None:
        self.queue.clear()
        finalised = finalised_records(self.store)
        for info in awaiting_review(self.store, finalised):
            name = info.baby_name or "Name not included"
            level = self.pathway.levels.get(info.final_level).label if info.final_level in vocab.LEVELS else "no level"
            item = QListWidgetItem(f"{name}\n{long_date(info.visit_date) or 'No visit date'} · {level}")
            item.setData(RECORD_ROLE, info.id)
            self.queue.addItem(item)
        empty = self.queue.count() == 0
        self.queue_empty.setVisible(empty)
        self.queue_empty.setText(empty_queue_text(len(finalised)) if empty else "")
        if not empty and self.queue.currentRow() < 0:
            self.queue.setCurrentRow(0)

    def queue_ids(self) -> list[str]:
        return [self.queue.item(i).data(RECORD_ROLE) for i in range(self.queue.count())]

    def open_record(self, record_id: str) -> None:
        try:
            record = self.store.load(record_id)
        except StoreError as exc:
            QMessageBox.warning(self, "The record could not be opened", str(exc))
            return
        self._show(record)

    def open_bundle(self, path: Path | None = None) -> Record | None:
        """Import a bundle (asking for the file when `path` is None) and show its record."""
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(self, "Open a bundle for review", str(Path.home()), BUNDLE_FILTER)
            if not chosen:
                return None
            path = Path(chosen)
        try:
            sender = self.store.bundle_sender(path)  # who sealed it: an unverified sender's reviews never sign off
            imported = self.store.import_bundle(path)
        except BundleError as exc:
            QMessageBox.warning(
                self,
                "This bundle was refused",
                f"{path.name} could not be opened: {exc}\n\n"
                "The file has been changed or damaged since it was exported, so it cannot be trusted. "
                "Nothing was imported. Ask the practitioner to export the record again and send you the new file.",
            )
            self.status.setText(f"{path.name} was refused: nothing was imported.")
            return None
        except (OSError, StoreError) as exc:
            QMessageBox.warning(self, "The bundle could not be opened", f"{path.name}: {exc}")
            return None
        record_id = imported if isinstance(imported, str) else getattr(imported, "id", None)
        record = self.store.load(record_id)
        self.refresh_queue()
        self._show(record)
        said = [f"Opened {path.name}: {sender.why[:1].upper()}{sender.why[1:]}."]
        can_trust = not sender.verified and sender.fingerprint is not None and self._trust_sender is not None
        if not sender.verified:
            said.append("Its reviews do not count as a sign-off until you trust the sender's key"
                        + (" (Trust this sender…, after comparing fingerprints aloud)." if can_trust else "."))
        conflict = getattr(imported, "conflict_of", None) is not None
        if conflict:
            said.append("This record was changed here too since it was last sent: the bundle's copy is kept beside "
                        "it, nothing was overwritten. Compare the two copies and keep one.")
        elif self._settled_before(record.id):
            said.append("Its copy was set aside before, when you kept this computer's copy in a conflict: "
                        "nothing changed.")
        self._bundle = path
        self._conflict_copy = record_id if conflict else None
        self._show_bundle_actions(trust=can_trust, conflict=conflict and self._resolve is not None)
        self.status.setText(" ".join(said))
        return record

    def _settled_before(self, record_id: str) -> bool:
        events = self.store.audit(record_id)
        last = next((e for e in reversed(events) if e.kind == "imported"), None)
        return last is not None and last.detail.get("source") == "conflict_resolved_before"

    def _show_bundle_actions(self, *, trust: bool, conflict: bool) -> None:
        self.trust_button.setVisible(trust)
        self.conflict_button.setVisible(conflict)

    def trust_sender(self) -> bool:
        """Trust the key that sealed the bundle opened last, then open it again so its reviews count."""
        if self._bundle is None or self._trust_sender is None:
            return False
        if self._trust_sender(self, self._bundle) is None:
            return False
        self.open_bundle(self._bundle)  # the same bundle again: the reviews it brought now count as verified
        return True

    def resolve_conflict(self) -> Record | None:
        """Compare the bundle's copy with this computer's record and keep one."""
        if self._conflict_copy is None or self._resolve is None:
            return None
        kept = self._resolve(self, self._conflict_copy)
        if kept is None:
            return None
        self._conflict_copy = None
        self._show_bundle_actions(trust=self.trust_button.isVisible(), conflict=False)
        self.refresh_queue()
        self._show(kept)
        self.status.setText("Conflict resolved: one copy kept, the other removed from this computer.")
        return kept

    def send_back(self, path: Path | None = None) -> Path | None:
        """Export the open record with its reviews, so the practitioner's app shows them once imported.
        A de-identified record stays de-identified."""
        if self.record is None:
            return None
        if path is None:
            suggested = str(Path.home() / f"reviewed-{self.record.id[:8]}.pairaid")
            chosen, _ = QFileDialog.getSaveFileName(self, "Save bundle to send back", suggested, BUNDLE_FILTER)
            if not chosen:
                return None
            path = Path(chosen)
        try:
            written = self.store.export_bundle(self.record.id, path, supervision=self.record.deidentified)
        except (OSError, StoreError) as exc:
            QMessageBox.warning(self, "The bundle could not be saved", f"{path}: {exc}")
            return None
        self.status.setText(f"Saved {written.name}: send it to the practitioner, who opens it to see your review.")
        return written

    def _show(self, record: Record | None) -> None:
        self.record = record
        self.send_button.setEnabled(record is not None)
        self.form.setEnabled(record is not None)
        self.form_problem.clear()
        self.date_label.setText(long_date(self._today or dt.date.today()))
        if record is None:
            self.reader.setHtml("<p>Choose a record from the list (Enter opens it), or open a bundle.</p>")
            return
        self.reader.setHtml(record_html(record, self.pathway, self.framework))
        final = record.final_level if record.final_level in vocab.LEVELS else None
        if final:
            self.suggested_level.setCurrentIndex(self.suggested_level.findData(final))
        self.agree.setChecked(True)
        self.comment.clear()
        self.sign_off.setChecked(False)

    # -- saving --------------------------------------------------------------------------------------------

    def save_review(self) -> bool:
        """Check the form and save the review; returns True when saved."""
        if self.record is None:
            return False
        reviewer = self.reviewer.text().strip()
        comment = self.comment.toPlainText().strip()
        challenging = self.challenge.isChecked()
        problem = ""
        if not reviewer:
            problem = "Enter your name: a review must say who made it."
        elif challenging and not comment:
            problem = "Say why you challenge the level in the comment."
        if problem:
            self.form_problem.setText(problem)
            (self.reviewer if not reviewer else self.comment).setFocus()
            return False
        try:
            self.store.add_review(
                self.record.id,
                reviewer=reviewer,
                verdict="challenge" if challenging else "agree",
                comment=comment,
                suggested_level=self.suggested_level.currentData() if challenging else None,
                signed_off=self.sign_off.isChecked(),
            )
        except StoreError as exc:
            QMessageBox.warning(self, "The review could not be saved", str(exc))
            return False
        signed = self.sign_off.isChecked()
        self.status.setText(("Review saved and signed off." if signed else "Review saved.") + " The practitioner "
                            "sees it on the record.")
        self._show(self.store.load(self.record.id))
        self.refresh_queue()
        return True
