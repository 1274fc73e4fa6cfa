"""Render the three places at 1366x768 with the Birmingham pathway and synthetic records, for docs/screenshots.

Run: xvfb-run -a .venv/bin/python -m tests.ui.places.screenshots [out_dir]
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from pairaid.pathway.loading import load_pathway
from pairaid.report import render_service_map
from pairaid.resources import default_pathway_path
from pairaid.store import Store
from pairaid.ui.app_identity import register_script_fonts
from pairaid.ui.places import PathwayBrowserView, PopulationView, ReviewView
from pairaid.ui.style import apply_style
from tests.ui.places.records import assessment, finalise

SIZE = (1366, 768)


def _records(store: Store, pathway) -> list[str]:
    quiet = {"parent_voice": {"asked": True, "wants_help": "no"}, "mood": {}, "needs": {},
             "observations": {d: {"rating": "no_concern"} for d in ("noticing_cues", "warmth", "responding")}}
    concern = {"observations": {"noticing_cues": {"rating": "significant_concern", "note": "Looked away when "
                                                  "the baby cried; did not pick her up for several minutes."},
                                "warmth": {"rating": "some_concern", "note": "Flat voice throughout."},
                                "responding": {"rating": "some_concern"}},
               "mood": {"subject": "mother", "epds": {"total": 15, "self_harm_item": 0}}}
    ids = [finalise(store, pathway, assessment("Łukasz Wójcik", dt.date(2026, 11, 12), **quiet))]
    ids.append(finalise(store, pathway, assessment("রহমান চক্রবর্তী", dt.date(2026, 11, 16), **concern)))
    ids.append(finalise(store, pathway, assessment("Zoë Brontë", dt.date(2026, 11, 18))))
    ids.append(finalise(store, pathway, assessment(None, dt.date(2026, 11, 20))))
    ids.append(finalise(store, pathway, assessment("Şükrü Öztürk", dt.date(2026, 11, 9), **quiet)))
    return ids


def main(out_dir: Path) -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    apply_style(app)
    register_script_fonts()  # as the app does: Bengali names render on a machine with DejaVu alone
    pathway = load_pathway(default_pathway_path())
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder)) as store:
        ids = _records(store, pathway)
        store.add_review(ids[4], reviewer="Ann Example", verdict="agree", comment="Agreed.", signed_off=True)

        browser = PathwayBrowserView(pathway, render_service_map)
        browser.postcode.setText("B15 2TT")
        browser.select_service("acacia")
        review = ReviewView(store, pathway, reviewer="Łukasz Wójcik")
        review.open_record(ids[3])
        review.challenge.setChecked(True)
        review.suggested_level.setCurrentIndex(review.suggested_level.findData("specialist"))
        review.comment.setPlainText("Low mood with missed cues: I would ask the perinatal team for advice.")
        population = PopulationView(pathway, store)
        for name, view in (("browser", browser), ("review", review), ("population", population)):
            view.resize(*SIZE)
            view.show()
            for _ in range(5):
                app.processEvents()
            view.grab().save(str(out_dir / f"places-{name}.png"))
            view.close()
        # Delete the views while the store is still open and Qt is still running (not at interpreter exit).
        for view in (browser, review, population):
            view.deleteLater()
        app.processEvents()
        del browser, review, population


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots"))
