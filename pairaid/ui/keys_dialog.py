"""Record → Keys and trusted colleagues: this computer's fingerprint to read aloud, its public key to give to a
colleague, the colleagues whose bundles count as verified here, and trusting or removing one.

A key is trusted only after the user types the fingerprint the colleague reads aloud from their own screen (in
person or by phone): the dialog never shows the fingerprint of the key being trusted, so it cannot be copied from
the file or the bundle that might be the forgery (TrustDialog). The store does the comparing and the keeping.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pairaid.store.errors import StoreError
from pairaid.store.keys import TrustedKey
from pairaid.store.signing import KEY_FILE_SUFFIX, read_public_key_file, same_fingerprint, squeeze_fingerprint
from pairaid.ui import dialogs
from pairaid.ui.dialog_fit import open_within_screen, scrolling_body
from pairaid.ui.places.common import labelled, long_date
from pairaid.ui.style import make_heading

KEY_FILTER = f"pairaid public keys (*{KEY_FILE_SUFFIX});;All files (*)"
# A bundle the colleague signed carries their public key too.
TRUST_FILTER = f"pairaid public keys or signed bundles (*{KEY_FILE_SUFFIX} *.pairaid);;All files (*)"
FINGERPRINT_LENGTH = 20  # hex digits, shown in five groups of four
WHERE_THEIRS_IS = "Record → Keys and trusted colleagues"


class KeyStore(Protocol):
    """What these dialogs ask of the records store."""

    def own_fingerprint(self) -> str: ...
    def save_public_key(self, path: Path) -> Path: ...
    def trusted_keys(self) -> list[TrustedKey]: ...
    def trust_key(self, public_key: str, *, name: str, fingerprint_said: str) -> TrustedKey: ...
    def remove_trusted_key(self, fingerprint: str) -> TrustedKey: ...
    def bundle_public_key(self, path: Path) -> str: ...


def fingerprint_problem(said: str, public_key: str) -> str:
    """What is wrong with the fingerprint typed for `public_key`, in words ("" when it matches). The right
    fingerprint is never echoed: the user would copy it instead of checking with the colleague."""
    typed = squeeze_fingerprint(said)
    if not typed:
        return "Type the fingerprint your colleague reads aloud from their own screen."
    if len(typed) != FINGERPRINT_LENGTH:
        return (f"A fingerprint is {FINGERPRINT_LENGTH} letters and digits in five groups of four (you typed "
                f"{len(typed)}). Ask your colleague to read it again, slowly.")
    if not same_fingerprint(said, public_key):
        return ("That fingerprint is not this key's, so nothing was trusted. The key may not be your colleague's: "
                "check with them in person or by phone, and ask them to read the fingerprint shown under "
                f"{WHERE_THEIRS_IS} on their computer.")
    return ""


class TrustDialog(QDialog):
    """Trust one public key under a colleague's name, once the fingerprint they read aloud is typed in."""

    def __init__(self, store: KeyStore, public_key: str, source: str, name: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Trust a colleague's key")
        self.store = store
        self.public_key = public_key
        self.trusted: TrustedKey | None = None
        outer = QVBoxLayout(self)
        # The dialog grows when a problem is shown, rather than squeezing the fields it is about; when the screen
        # has no more room (200% text), the text and fields scroll.
        outer.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self._scroll, column = scrolling_body(outer)
        self._column = column
        intro = QLabel(
            f"The key comes from {source}. Anyone can make a key, so check it with its owner: ask them to read "
            f"aloud the fingerprint on their own screen ({WHERE_THEIRS_IS}), in person or by phone, and type it "
            "below. Their bundles then count as from a verified sender, and their sign-offs count.")
        intro.setWordWrap(True)
        column.addWidget(intro)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.name_edit = QLineEdit(name)
        self.name_edit.setPlaceholderText("As you want to see it on their bundles")
        form.addRow(labelled("Colleague's &name:", self.name_edit, "Colleague's name"), self.name_edit)
        self.fingerprint_edit = QLineEdit()
        self.fingerprint_edit.setPlaceholderText("Five groups of four, e.g. 3F2A 91C0 7B4E 0D12 AA5C")
        form.addRow(labelled("&Fingerprint they read aloud:", self.fingerprint_edit, "Fingerprint they read aloud"),
                    self.fingerprint_edit)
        column.addLayout(form)
        self.problem = QLabel()
        self.problem.setProperty("role", "problem")
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName("Problem with trusting the key")
        column.addWidget(self.problem)
        buttons = QDialogButtonBox()
        self.trust_button = buttons.addButton("&Trust this key", QDialogButtonBox.ButtonRole.AcceptRole)
        self.trust_button.setAccessibleName("Trust this key")
        self.cancel_button = buttons.addButton("Cancel", QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setAccessibleName("Cancel")
        buttons.accepted.connect(self.trust)
        buttons.rejected.connect(self.reject)
        # Enter goes from the name to the fingerprint, then checks it; no button is pressed by Enter behind the
        # user's back (which one is "default" would change with where the focus had been).
        for button in (self.trust_button, self.cancel_button):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.name_edit.returnPressed.connect(self.fingerprint_edit.setFocus)
        self.fingerprint_edit.returnPressed.connect(self.trust)
        outer.addWidget(buttons)
        open_within_screen(self, QSize(560, 0), self._scroll)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # focus set before the dialog is shown goes to its default button instead
        (self.fingerprint_edit if self.name_edit.text() else self.name_edit).setFocus()

    def trust(self) -> bool:
        """Check the name and the fingerprint, then trust the key; True when trusted (the dialog closes)."""
        name = self.name_edit.text().strip()
        problem = "" if name else "Type your colleague's name, as you will want to see it on their bundles."
        problem = problem or fingerprint_problem(self.fingerprint_edit.text(), self.public_key)
        if not problem:
            try:
                self.trusted = self.store.trust_key(self.public_key, name=name,
                                                    fingerprint_said=self.fingerprint_edit.text())
            except StoreError as exc:
                problem = f"Nothing was trusted: {exc}."
        if problem:
            self.problem.setText(problem)
            self._column.activate()  # the message's lines count in the size asked for, now
            self._scroll.updateGeometry()  # not at the body's next layout request
            open_within_screen(self, self.size(), self._scroll)  # room for them; the fields keep their height
            (self.name_edit if not name else self.fingerprint_edit).setFocus()
            return False
        self.accept()
        return True


def trust_bundle_sender(parent: QWidget | None, store: KeyStore, bundle: Path) -> TrustedKey | None:
    """Reviews → "Trust this sender…": trust the key that sealed `bundle`, after the fingerprint check."""
    try:
        key = store.bundle_public_key(bundle)
    except StoreError as exc:
        dialogs.error(parent, "This sender cannot be trusted", f"{exc}. Nothing was trusted.")
        return None
    return dialogs.ask_trust(parent, store, key, f"the bundle {bundle.name}")


class KeysDialog(QDialog):
    """This computer's key and the colleagues trusted here."""

    def __init__(self, store: KeyStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keys and trusted colleagues")
        self.store = store
        outer = QVBoxLayout(self)
        scroll, column = scrolling_body(outer)  # at 200% text it scrolls rather than squeezing the key or the list
        heading = QLabel("Keys and trusted colleagues")
        make_heading(heading, 1.3)
        column.addWidget(heading)
        explain = QLabel("Bundles made here are signed with this computer's key. A colleague's reviews and "
                         "sign-offs count only when their bundle is signed by a key you trusted here.")
        explain.setWordWrap(True)
        column.addWidget(explain)
        column.addWidget(self._own_key_box())
        column.addWidget(self._trusted_box(), 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Keys status")
        column.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName("Close")
        outer.addWidget(buttons)
        open_within_screen(self, QSize(720, 560), scroll)
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.save_button.setFocus()

    def _own_key_box(self) -> QGroupBox:
        box = QGroupBox("This computer")
        column = QVBoxLayout(box)
        said = QLabel("Its fingerprint, to read aloud to a colleague who is trusting you:")
        said.setWordWrap(True)
        column.addWidget(said)
        fingerprint = self.store.own_fingerprint()
        self.fingerprint_label = QLabel(fingerprint)
        self.fingerprint_label.setObjectName("ownFingerprint")
        make_heading(self.fingerprint_label, 1.5)
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                                       | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.fingerprint_label.setAccessibleName("This computer's fingerprint")
        # A screen reader says the groups one by one, as they are read aloud.
        self.fingerprint_label.setAccessibleDescription(", ".join(" ".join(g) for g in fingerprint.split()))
        column.addWidget(self.fingerprint_label)
        row = QHBoxLayout()
        self.save_button = QPushButton("&Save my public key…")
        self.save_button.setAccessibleName("Save my public key")
        self.save_button.setToolTip("A small file to give to a colleague (it holds no secret)")
        self.save_button.clicked.connect(lambda: self.save_public_key())
        row.addWidget(self.save_button)
        row.addStretch(1)
        column.addLayout(row)
        return box

    def _trusted_box(self) -> QGroupBox:
        box = QGroupBox("Colleagues you trust")
        column = QVBoxLayout(box)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["Name", "Fingerprint", "Trusted since"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        column.addWidget(labelled("&Trusted colleagues:", self.table, "Trusted colleagues"))
        column.addWidget(self.table, 1)
        self.empty_label = QLabel("No colleague's key is trusted yet.")
        self.empty_label.setProperty("role", "hint")
        column.addWidget(self.empty_label)
        row = QHBoxLayout()
        self.add_button = QPushButton("&Add from a key file…")
        self.add_button.setAccessibleName("Add from a key file")
        self.add_button.setToolTip(f"Open a {KEY_FILE_SUFFIX} file a colleague saved for you, or a bundle they signed")
        self.add_button.clicked.connect(lambda: self.add_from_file())
        row.addWidget(self.add_button)
        self.remove_button = QPushButton("&Remove…")
        self.remove_button.setAccessibleName("Remove the selected colleague")
        self.remove_button.setToolTip("Stop trusting the selected colleague's key (a lost computer, someone who left)")
        self.remove_button.clicked.connect(lambda: self.remove_selected())
        row.addWidget(self.remove_button)
        row.addStretch(1)
        column.addLayout(row)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        return box

    # Behaviour -------------------------------------------------------------------------------------

    def refresh(self) -> None:
        keys = self.store.trusted_keys()
        self._keys = keys
        self.table.setRowCount(len(keys))
        for row, key in enumerate(keys):
            for col, text in enumerate((key.name, key.fingerprint, long_date(key.added_at))):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.empty_label.setVisible(not keys)
        if keys:
            self.table.selectRow(0)
        self._update_buttons()

    def trusted_names(self) -> list[str]:
        return [key.name for key in self._keys]

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self._selected() is not None)

    def _selected(self) -> TrustedKey | None:
        row = self.table.currentRow()
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return self._keys[row] if row in rows and 0 <= row < len(self._keys) else None

    def save_public_key(self, path: Path | None = None) -> Path | None:
        if path is None:
            chosen = dialogs.save_file(self, "Save my public key", str(Path.home() / f"my-key{KEY_FILE_SUFFIX}"),
                                       KEY_FILTER)
            if not chosen:
                return None
            path = Path(chosen)
        try:
            written = self.store.save_public_key(path)
        except StoreError as exc:
            dialogs.error(self, "The key could not be saved", f"{exc}.")
            return None
        self.status.setText(f"Saved {written.name}. Give it to your colleague (email or memory stick is fine: it holds "
                            "no secret), then read your fingerprint aloud to them while they trust it.")
        return written

    def add_from_file(self, path: Path | None = None) -> TrustedKey | None:
        if path is None:
            chosen = dialogs.open_file(self, "Trust a colleague's key file", str(Path.home()), TRUST_FILTER)
            if not chosen:
                return None
            path = Path(chosen)
        bundle = path.suffix == ".pairaid"
        try:
            key = self.store.bundle_public_key(path) if bundle else read_public_key_file(path)
        except StoreError as exc:
            dialogs.error(self, "This key file cannot be used", f"{exc}.")
            return None
        source = f"the bundle {path.name}" if bundle else f"the file {path.name}"
        return self._trusted(dialogs.ask_trust(self, self.store, key, source))

    def _trusted(self, key: TrustedKey | None) -> TrustedKey | None:
        if key is not None:
            self.refresh()
            self.status.setText(f"Trusted {key.name}'s key: bundles they sign now show as from a verified sender.")
        return key

    def remove_selected(self) -> TrustedKey | None:
        key = self._selected()
        if key is None:
            return None
        if not dialogs.confirm(
                self, "Stop trusting this key?",
                f"Stop trusting {key.name}'s key ({key.fingerprint})? Bundles it signs will show as from an "
                "unverified sender, and their sign-offs will not count. Reviews already brought in stay as they "
                "are. You can trust the key again later, after checking its fingerprint with them.",
                "Stop trusting"):
            return None
        try:
            removed = self.store.remove_trusted_key(key.fingerprint)
        except StoreError as exc:
            dialogs.error(self, "The key could not be removed", f"{exc}.")
            return None
        self.refresh()
        self.status.setText(f"{removed.name}'s key is no longer trusted.")
        return removed
