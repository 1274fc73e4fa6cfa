"""The Record menu's files: export the open record for supervision (after the preview of what leaves), export
a full bundle, and add a `pairaid.assessment/1` file as a draft. Each says what went wrong in plain words and
changes nothing when it fails or is cancelled."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from pairaid.ui import dialogs

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStatusBar, QWidget

    from pairaid.core.pathway import Pathway
    from pairaid.store.models import Record, RecordInfo
    from pairaid.store.store import Store

BUNDLE_FILTER = "pairaid bundles (*.pairaid)"
ASSESSMENT_FILTER = "Assessment files (*.json);;All files (*)"
# The supervision preview: the words the practitioner marked to remove as well, or None when cancelled.
Preview = Callable[["QWidget | None", "Record"], "list[str] | None"]


class Window(Protocol):
    """What the Record menu's flows use of the main window."""

    supervision_preview: Preview

    def record_id(self) -> str | None: ...
    def on_visit(self) -> bool: ...
    def flush(self) -> None: ...
    def ensure_loaded(self) -> bool: ...
    def open_record(self, record_id: str, quiet: bool = False) -> None: ...
    def statusBar(self) -> QStatusBar: ...
    def window(self) -> QWidget: ...
    @property
    def store(self) -> Store: ...
    @property
    def pathway(self) -> Pathway: ...


class AssessmentFileError(Exception):
    """An assessment file that cannot be added: the message names the file and what to put right."""


def read_assessment_file(path: Path, pathway: Pathway) -> tuple[dict[str, Any], Any]:
    """(data, outcome) of a valid assessment file: the data as the store keeps a draft, and the outcome for
    the home list's columns. Any problem is an AssessmentFileError listing every field at fault."""
    from pydantic import ValidationError

    from pairaid.core.assess import assess_with_pathway
    from pairaid.core.assessment import FORMAT, parse_assessment
    from pairaid.core.engine import OverrideError
    from pairaid.core.errors import format_validation_error
    from pairaid.core.input_files import InputFileError, read_assessment_data

    try:
        raw = read_assessment_data(path)
    except InputFileError as exc:
        raise AssessmentFileError(str(exc)) from None
    if raw.get("format") != FORMAT:
        found = raw.get("format")
        said = f'its "format" is {found!r}' if found is not None else 'it has no "format"'
        raise AssessmentFileError(f'{path.name}: this is not a pairaid assessment file: {said}, where '
                                  f'"{FORMAT}" is expected. Choose a file saved by pairaid or written in its '
                                  "assessment format.")
    try:
        assessment = parse_assessment(raw)
    except ValidationError as exc:
        lines = format_validation_error(exc)
        raise AssessmentFileError(f"{path.name}: the assessment has {len(lines)} problem(s):\n  "
                                  + "\n  ".join(lines)) from None
    try:
        outcome = assess_with_pathway(assessment, pathway, strict=False)
    except OverrideError as exc:  # not expected with strict=False; said plainly if it ever is
        raise AssessmentFileError(f"{path.name}: {exc}") from None
    return assessment.model_dump(mode="json"), outcome


def add_assessment_file(parent: QWidget | None, store: Store, pathway: Pathway,
                        path: Path | None = None) -> RecordInfo | None:
    """Ask for a file (when `path` is None), check it and save it as a new draft; None when cancelled or
    refused (a dialog has said why; nothing was saved)."""
    from pairaid.store.errors import StoreError
    from pairaid.store.models import RecordSummary

    if path is None:
        chosen = dialogs.open_file(parent, "Add an assessment file", str(Path.home()), ASSESSMENT_FILTER)
        if not chosen:
            return None
        path = Path(chosen)
    try:
        data, outcome = read_assessment_file(path, pathway)
        return store.create_draft(data, summary=RecordSummary.from_draft(data, outcome))
    except AssessmentFileError as exc:
        dialogs.error(parent, "The assessment file was not added", f"{exc}\n\nNothing was added.")
    except StoreError as exc:
        dialogs.error(parent, "The assessment file was not added", f"{path.name}: {exc}.\n\nNothing was added.")
    return None


def export_bundle(parent: QWidget | None, store: Store, record: Record, *, supervision: bool,
                  preview: Preview | None = None, path: Path | None = None) -> Path | None:
    """Write the record as a `.pairaid` bundle. For supervision the preview comes first (what leaves, with the
    practitioner's own extra removals); a full bundle carries identifiers, and the question says so."""
    from pairaid.core.deidentify import short_reference
    from pairaid.store.errors import StoreError

    also_remove: list[str] = []
    if supervision:
        if preview is None:
            raise ValueError("a supervision export needs its preview")
        marked = preview(parent, record)
        if marked is None:
            return None
        also_remove = marked
        suggested = f"supervision-{short_reference(record.id)}.pairaid"
        title = "Export for supervision"
    else:
        if not dialogs.confirm(
                parent, "Export the full record?",
                "A full bundle holds the family's names, NHS number, address and every note: it is "
                "OFFICIAL-SENSITIVE. Use it to move the record to another pairaid, and send it only by a secure "
                "route. For supervision, use Export for supervision instead: it leaves identifiers out.",
                "Export full bundle"):
            return None
        suggested = f"record-{short_reference(record.id)}.pairaid"
        title = "Export full bundle"
    if path is None:
        chosen = dialogs.save_file(parent, title, str(Path.home() / suggested), BUNDLE_FILTER)
        if not chosen:
            return None
        path = Path(chosen)
    try:
        return store.export_bundle(record.id, path, supervision=supervision, also_remove=also_remove)
    except (OSError, StoreError) as exc:
        dialogs.error(parent, "The bundle was not saved", f"{path}: {exc}.\n\nNothing was written.")
        return None


def supervision_preview(parent: QWidget | None, record: Record) -> list[str] | None:
    """The preview dialog of what leaves for supervision; the words marked to remove as well, or None."""
    from pairaid.ui.supervision_preview import SupervisionPreview

    dialog = SupervisionPreview(record.data, parent=parent)
    if not dialog.exec():
        return None
    return list(dialog.also_remove())


def export_open_record(window: Window, *, supervision: bool) -> Path | None:
    """The window's open record, as last saved (the latest keystroke included), exported as a bundle."""
    record_id = window.record_id()
    if not window.on_visit() or record_id is None:
        return None
    window.flush()
    record = window.store.load(record_id)
    written = export_bundle(window.window(), window.store, record, supervision=supervision,
                            preview=window.supervision_preview if supervision else None)
    if written is not None:
        what = "for supervision (no identifiers)" if supervision else "(the full record)"
        window.statusBar().showMessage(f"Saved {written.name} {what}.", 8000)
    return written


def add_and_open(window: Window, path: Path | None = None) -> str | None:
    """Add an assessment file as a draft and open it in the window; its id, or None."""
    if not window.ensure_loaded():
        return None
    window.flush()
    info = add_assessment_file(window.window(), window.store, window.pathway, path)
    if info is None:
        return None
    window.open_record(info.id)
    window.statusBar().showMessage("The assessment file was added as a draft.", 8000)
    return info.id
