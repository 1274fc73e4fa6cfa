"""Every modal question the shell asks, in one place, so tests patch one module (`monkeypatch.setattr(
dialogs, "confirm", ...)`) and callers always write `dialogs.confirm(...)`, never a bare import."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the dialog classes are imported when a dialog is shown, not at start-up
    import datetime as dt

    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QWidget

    from pairaid.core.framework import Framework
    from pairaid.core.pathway import Pathway
    from pairaid.store.keys import TrustedKey
    from pairaid.store.models import Record
    from pairaid.ui.conflict_dialog import ConflictStore
    from pairaid.ui.keys_dialog import KeyStore


def error(parent: QWidget | None, title: str, text: str, details: str | None = None) -> None:
    """A problem and what to do about it."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setDetailedText(details)
    box.exec()


def info(parent: QWidget | None, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.information(parent, title, text)


def confirm(parent: QWidget | None, title: str, text: str, yes: str, no: str = "Cancel") -> bool:
    """A question with verbs on the buttons ("Finalise", "Cancel"); the safe choice is the default."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no_button)
    box.exec()
    return box.clickedButton() is yes_button


def save_file(parent: QWidget | None, title: str, suggested: str, file_filter: str) -> str | None:
    """A path to write, or None when cancelled."""
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    return path or None


def open_file(parent: QWidget | None, title: str, folder: str, file_filter: str) -> str | None:
    """A file to read, or None when cancelled."""
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getOpenFileName(parent, title, folder, file_filter)
    return path or None


def choose_printer(parent: QWidget | None) -> QPrinter | None:
    """The system print dialog; the chosen printer, or None when cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print the summary")
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return None
    return printer


def check_supervision_copy(parent: QWidget | None, data: dict[str, Any], also_remove: list[str],
                           recipient: str | None = None) -> list[str] | None:
    """The supervision preview (notes as they go out, removals highlighted, more words to mark); the words
    marked by hand when the practitioner goes on, None when cancelled."""
    from pairaid.ui.supervision_preview import SupervisionPreview

    dialog = SupervisionPreview(data, parent, also_remove=also_remove, recipient=recipient)
    return dialog.also_remove() if dialog.exec() else None


def ask_trust(parent: QWidget | None, store: KeyStore, public_key: str, source: str,
              name: str = "") -> TrustedKey | None:
    """Trust `public_key` once the fingerprint its owner reads aloud is typed in; the key trusted, or None when
    cancelled. `source` says where the key came from ("the file ann.pairaid-key")."""
    from pairaid.ui.keys_dialog import TrustDialog

    dialog = TrustDialog(store, public_key, source, name, parent)
    dialog.exec()
    return dialog.trusted


def show_keys(parent: QWidget | None, store: KeyStore) -> None:
    """Record → Keys and trusted colleagues."""
    from pairaid.store.errors import StoreError
    from pairaid.ui.keys_dialog import KeysDialog

    try:
        dialog = KeysDialog(store, parent)
    except StoreError as exc:  # the signing key file cannot be read or made
        error(parent, "The keys cannot be shown", f"{exc}.")
        return
    dialog.exec()


def resolve_conflict(parent: QWidget | None, store: ConflictStore, pathway: Pathway, framework: Framework,
                     copy_id: str, today: dt.date | None = None) -> Record | None:
    """The two copies of a record in conflict, compared; the record as kept, or None when the user decides later."""
    from pairaid.store.errors import StoreError
    from pairaid.ui.conflict_dialog import ConflictDialog

    try:
        dialog = ConflictDialog(store, pathway, framework, copy_id, today, parent)
    except StoreError as exc:  # resolved meanwhile in another window, or the database cannot be read
        error(parent, "The two copies cannot be compared", f"{exc}.")
        return None
    dialog.exec()
    return dialog.resolved
