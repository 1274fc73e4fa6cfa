"""Walk-through speed (issue 6): one edit that changes the suggested level, through the session and every
section page, the live panel and the decision page's service lists, against the same edit through the session
alone (the floor, measured in the same run). Also with a national-scale pathway of 10,000 services.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_walkthrough.py
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication

from bench.common import median_seconds, report
from pairaid.core.framework import load_framework
from pairaid.core.pathway import Pathway, Service
from pairaid.pathway.loading import load_pathway
from pairaid.resources import default_pathway_path
from pairaid.ui.session import VisitSession

DRAFT = {
    "contact": {"date": "2026-11-20", "type": "six_to_eight_weeks"},
    "family": {"baby": {"date_of_birth": "2026-10-01"}, "postcode": "B15 2TT"},
    "needs": {"housing": {"status": "current"}},
}
NEEDS = ["parent_infant_relationship", "parenting", "housing", "perinatal_mental_health", "social_isolation"]
LEVELS = ["universal", "targeted", "specialist"]


def national(base: Pathway, count: int) -> Pathway:
    services = [Service.model_validate({
        "id": f"svc-{i}", "name": f"Example service {i}", "level": LEVELS[i % 3], "needs": [NEEDS[i % 5]],
        "ages": {"antenatal": True, "min_months": 0}, "areas": [f"B{i % 40 + 1}"],
        "verified": {"status": "verified" if i % 2 else "unverified"}}) for i in range(count)]
    return base.model_copy(update={"services": base.services + services})


def measure(app: QApplication, pathway: Pathway, label: str, repeat: int) -> None:
    from pairaid.ui.walkthrough import WalkthroughView

    def toggler(session: VisitSession):
        state = {"i": 0}

        def edit() -> None:
            state["i"] += 1
            rating = "significant_concern" if state["i"] % 2 else "no_concern"
            session.set_value("observations.warmth.rating", rating)
            app.processEvents()
        return edit

    alone = VisitSession(pathway)
    alone.load(DRAFT)
    floor = median_seconds(toggler(alone), repeat=repeat)

    session = VisitSession(pathway)
    session.load(DRAFT)
    start = time.perf_counter()
    view = WalkthroughView(session, load_framework())
    view.resize(1366, 768)
    view.show()
    app.processEvents()
    built = time.perf_counter() - start
    view.go_to("decision")
    figure = median_seconds(toggler(session), repeat=repeat)
    report(f"{label}: one level-changing edit with the whole walk-through", figure,
           "the same edit through the session alone", floor)
    print(f"{label}: building the walk-through (8 pages, live panel): {built * 1000:.1f} ms; "
          f"services suggested: {len(session.outcome().services)}")
    page = view.page("decision")
    words = ["housing", "parenting", ""]
    state = {"i": 0}

    def filter_once() -> None:
        state["i"] += 1
        page.filter.setText(words[state["i"] % 3])
        app.processEvents()

    filtered = median_seconds(filter_once, repeat=max(10, repeat // 10), warmup=2)
    report(f"{label}: filtering the whole-pathway service list (one keystroke)", filtered,
           "the same level-changing edit through the session alone", floor)
    view.close()


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    birmingham = load_pathway(default_pathway_path())
    measure(app, birmingham, f"Birmingham ({len(birmingham.services)} services)", 200)
    measure(app, national(birmingham, 10_000), "national (10,000 more services)", 40)


if __name__ == "__main__":
    main()
