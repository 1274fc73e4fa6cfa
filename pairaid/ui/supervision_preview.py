"""The supervision preview: the record's notes as they will go out in the supervision copy or bundle, each
removal highlighted, with a way to mark more words to remove (a neighbour's or a relative's name the record
does not know). Both the PDF and the bundle use the same `pairaid.core.deidentify.Deidentifier`, so what is
shown here is what leaves.

Use::

    dialog = SupervisionPreview(record.data, parent=window)
    if dialog.exec():
        store.export_bundle(record_id, path, supervision=True, also_remove=dialog.also_remove())
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from pairaid.core.deidentify import Deidentifier, known_names
from pairaid.core.framework import load_framework
from pairaid.ui.text_size import follow_font

HIGHLIGHT = "#ffe08a"
# Free-text fields of the record, in the order the supervision copy prints them, with their labels on screen.
_FIELDS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("decision", "action_taken"), "What was done today"),
    (("decision", "provisional_reason"), "Why the level is provisional"),
    (("decision", "override_reason"), "Reason for changing the level"),
    (("safeguarding", "note"), "Safeguarding note"),
    (("safeguarding", "discussed_with"), "Safeguarding discussed with"),
    (("parent_voice", "words"), "The parent's own words"),
    (("needs", "social_care_status", "note"), "Social care involvement"),
    (("decision", "next_steps"), "Next steps"),
)


def _dig(data: Mapping[str, Any], keys: Sequence[str]) -> Any:
    value: Any = data
    for key in keys:
        value = value.get(key) if isinstance(value, Mapping) else None
    return value


def free_texts(data: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    """(label, text) for every free-text note of an assessment dict, labelled in plain words."""
    fw = load_framework()
    observations = data.get("observations")
    if isinstance(observations, Mapping):
        for domain, entry in observations.items():
            note = entry.get("note") if isinstance(entry, Mapping) else None
            if isinstance(note, str) and note.strip():
                try:
                    title = fw.domain_title(domain)
                except KeyError:
                    title = domain.replace("_", " ").capitalize()
                yield title, note
    needs = data.get("needs")
    if isinstance(needs, Mapping):
        for need, entry in needs.items():
            note = entry.get("note") if isinstance(entry, Mapping) else None
            if need != "social_care_status" and isinstance(note, str) and note.strip():
                try:
                    label = fw.label("needs", need)
                except KeyError:
                    label = need.replace("_", " ").capitalize()
                yield label, note
    for keys, label in _FIELDS:
        text = _dig(data, keys)
        if isinstance(text, str) and text.strip():
            yield label, text
    household = _dig(data, ("family", "household"))
    for member in household if isinstance(household, list) else []:
        if isinstance(member, Mapping):
            words = ", ".join(str(member[k]) for k in ("name", "relationship", "age") if member.get(k))
            if words:
                yield "Living there", words


def highlighted(deid: Deidentifier, text: str) -> str:
    """`text` as HTML: each removal shown struck through, highlighted, with what replaces it."""
    parts: list[str] = []
    at = 0
    for r in deid.removals(text):
        parts.append(escape(text[at:r.start]))
        parts.append(f'<span style="background:{HIGHLIGHT}"><s>{escape(text[r.start:r.end])}</s> '
                     f"→ <b>{escape(r.replacement)}</b></span>")
        at = r.end
    parts.append(escape(text[at:]))
    return "".join(parts).replace("\n", "<br>")


class SupervisionPreview(QDialog):
    """Shows a record's notes as the supervision copy and bundle will carry them; `also_remove()` returns the
    words the practitioner marked (pass them to the PDF and the bundle alike)."""

    def __init__(self, data: Mapping[str, Any], parent: QWidget | None = None, *,
                 also_remove: Sequence[str] = (), recipient: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Check the supervision copy")
        self.setAccessibleName("Check the supervision copy")
        self._data = data
        self._recipient = recipient
        self._words: list[str] = [w for w in dict.fromkeys(w.strip() for w in also_remove) if w]
        column = QVBoxLayout(self)
        intro = QLabel("These are the record's notes as they will go out for supervision. Each highlighted "
                       "word is removed or replaced. Add any other word that could identify the family, such as "
                       "a neighbour's or a relative's name.")
        intro.setWordWrap(True)
        column.addWidget(intro)
        self.preview = QTextBrowser()
        self.preview.setAccessibleName("Notes as they will go out")
        self.preview.setOpenLinks(False)
        preview_label = QLabel("&Notes as they will go out:")
        preview_label.setBuddy(self.preview)
        column.addWidget(preview_label)
        column.addWidget(self.preview, 1)

        row = QHBoxLayout()
        self.word_edit = QLineEdit()
        self.word_edit.setAccessibleName("Another word to remove")
        self.word_edit.setPlaceholderText("e.g. a neighbour's name")
        word_label = QLabel("&Also remove:")
        word_label.setBuddy(self.word_edit)
        self.add_button = QPushButton("&Add")
        self.add_button.setAccessibleName("Add the word to remove")
        self.add_button.clicked.connect(self._add_word)
        self.word_edit.returnPressed.connect(self._add_word)
        row.addWidget(word_label)
        row.addWidget(self.word_edit, 1)
        row.addWidget(self.add_button)
        column.addLayout(row)
        self.word_list = QListWidget()
        self.word_list.setAccessibleName("Words marked to remove")
        follow_font(self.word_list, lambda: self.word_list.setMaximumHeight(  # six words tall, at any text size
            self.word_list.fontMetrics().lineSpacing() * 6 + 2 * self.word_list.frameWidth() + 4))
        column.addWidget(self.word_list)
        self.remove_button = QPushButton("Stop removing the selected word")
        self.remove_button.setAccessibleName("Stop removing the selected word")
        self.remove_button.clicked.connect(self._drop_word)
        column.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.addButton("Make the supervision copy", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setAccessibleName("Make the supervision copy")
        self.ok_button.setAutoDefault(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        column.addWidget(self.buttons)
        self.resize(720, 560)
        self._refresh()

    def also_remove(self) -> list[str]:
        """The words marked by hand, in the order they were added."""
        return list(self._words)

    def deidentifier(self) -> Deidentifier:
        return Deidentifier.for_record(self._data, recipient=self._recipient, also_remove=self._words)

    def add_word(self, word: str) -> None:
        word = " ".join(word.split())
        if word and word.casefold() not in {w.casefold() for w in self._words}:
            self._words.append(word)
            self._refresh()

    def _add_word(self) -> None:
        self.add_word(self.word_edit.text())
        self.word_edit.clear()
        self.word_edit.setFocus()

    def _drop_word(self) -> None:
        row = self.word_list.currentRow()
        if 0 <= row < len(self._words):
            del self._words[row]
            self._refresh()

    def _refresh(self) -> None:
        deid = self.deidentifier()
        self.word_list.clear()
        self.word_list.addItems(self._words)
        self.remove_button.setEnabled(bool(self._words))
        names = "".join(f"<li>{escape(name)} → <b>{escape(deid.text(name))}</b></li>"
                        for name in known_names(self._data))
        parts = [f"<h3>Names in the record</h3><ul>{names}</ul>"] if names else []
        notes = [f"<p><b>{escape(label)}:</b> {highlighted(deid, text)}</p>" for label, text in free_texts(self._data)]
        parts += ["<h3>Notes</h3>", *(notes or ["<p>No notes are written in this record.</p>"])]
        scroll = self.preview.verticalScrollBar().value()
        self.preview.setHtml("".join(parts))
        self.preview.verticalScrollBar().setValue(scroll)
