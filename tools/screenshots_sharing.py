"""Screenshots of trusting a colleague's key and of a conflict between two copies of a record, for the guides:
run under a virtual X display (tools/screenshots.py runs it too, after the other screens).

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tools/screenshots_sharing.py [OUT_DIR]

Two synthetic computers (fresh temporary data folders, made-up people): a health visitor's and a colleague's.
The colleague changes a visit the health visitor changed too, and the health visitor opens their bundle.
"""

from __future__ import annotations

import copy
import sys
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parent.parent
SIZE = QSize(1366, 768)

VISIT: dict[str, Any] = {
    "format": "pairaid.assessment/1",
    "contact": {"date": "2026-11-20", "type": "six_to_eight_weeks", "setting": "home",
                "practitioner": {"name": "Şükrü Öztürk", "role": "health_visitor", "phone": "0121 496 0123"}},
    "family": {"baby": {"name": "Zoë Brontë", "date_of_birth": "2026-10-01", "nhs_number": "943 476 5919"},
               "carers": [{"name": "Nguyễn Thị Minh Khai", "relationship": "mother", "language": "Vietnamese"}],
               "postcode": "B16 8AB"},
    "observations": {"noticing_cues": {"rating": "some_concern", "note": "Missed quieter hunger cues twice."},
                     "warmth": {"rating": "strength"}, "responding": {"rating": "no_concern"}},
    "parent_voice": {"asked": True, "words": "I love her but I feel so tired.", "wants_help": "yes"},
    "strengths": ["supportive_partner"],
}


def _changed(data: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    out = copy.deepcopy(data)
    node = out
    keys = path.split(".")
    for key in keys[:-1]:
        node = node.setdefault(key, {})
    node[keys[-1]] = value
    return out


def _snap(app: QApplication, widget: QWidget, path: Path, size: QSize | None = None) -> None:
    if size is not None:
        widget.resize(size)
    widget.show()
    for _ in range(5):
        app.processEvents()
    widget.grab().save(str(path))
    print(path)


def conflict_between(store: Any, colleague: Any, folder: Path) -> Path:
    """A draft exchanged once, then changed on both computers; returns the colleague's newer bundle."""
    from pairaid.store import RecordSummary

    info = store.create_draft(VISIT, summary=RecordSummary.from_draft(VISIT))
    colleague.import_bundle(store.export_bundle(info.id, folder / "first"))
    theirs = _changed(_changed(VISIT, "observations.noticing_cues", {"rating": "no_concern"}),
                      "strengths", ["supportive_partner", "family_network"])
    colleague.save_draft(info.id, {**theirs, "id": info.id}, 1, summary=RecordSummary.from_draft(theirs))
    ours = _changed(VISIT, "needs.housing", {"status": "current", "note": "One damp room; moving in January."})
    store.save_draft(info.id, {**ours, "id": info.id}, info.version, summary=RecordSummary.from_draft(ours))
    return colleague.export_bundle(info.id, folder / "from-colleague")


def take(app: QApplication, window: Any, out: Path, folder: Path) -> None:
    """The screens, with `window` (the real main window, shown) on a fresh data folder."""
    from pairaid.store import Store
    from pairaid.ui.conflict_dialog import ConflictDialog
    from pairaid.ui.keys_dialog import KeysDialog, TrustDialog

    store = window.store
    with Store.open(folder / "colleague") as colleague, Store.open(folder / "supervisor") as supervisor:
        store.trust_key(supervisor.own_public_key(), name="Nguyễn Thị Minh Khai",
                        fingerprint_said=supervisor.own_fingerprint())
        keys = KeysDialog(store, window)
        _snap(app, keys, out / "50-keys.png")
        keys.close()

        trust = TrustDialog(store, colleague.own_public_key(), "the file sukru.pairaid-key", "Şükrü Öztürk", window)
        trust.fingerprint_edit.setText("3F2A 91C0 7B4E 0D12 AA5C")
        trust.trust()  # a fingerprint that is not this key's: the dialog says so and trusts nothing
        _snap(app, trust, out / "51-trust-wrong-fingerprint.png")
        trust.close()

        bundle = conflict_between(store, colleague, folder)
        window.show_place("reviews")
        view = window.stack.currentWidget()
        view.open_bundle(bundle)
        _snap(app, window, out / "52-reviews-unverified-conflict.png", SIZE)

        window.go_home()
        _snap(app, window, out / "53-home-conflict.png", SIZE)

        [waiting] = store.conflicts()
        dialog = ConflictDialog(store, window.pathway, window.framework, waiting.id, parent=window)
        _snap(app, dialog, out / "54-conflict.png")
        dialog.close()


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    from pairaid.app import build_window
    from pairaid.ui.app_identity import set_up_identity
    from pairaid.ui.style import apply_style

    apply_style(app)
    set_up_identity(app)
    with tempfile.TemporaryDirectory() as folder:
        window = build_window(Path(folder) / "health-visitor")
        assert window is not None
        window.resize(SIZE)
        window.show()
        window.ensure_loaded()
        take(app, window, out, Path(folder))
        window.close()
        window.store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
