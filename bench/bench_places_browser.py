"""Pathway browser speed (issue 7, PLACES): building the browser and one filter keystroke with Birmingham and
with 10,000 services, each beside a floor measured in the same run (a bare QTreeWidget with the same number
of one-column rows, and hiding/showing every row of it once).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_places_browser.py

Few repeats at 10,000 services on purpose: PySide6 6.12 on CPython 3.11 drops a reference to None on every
void Qt call, and building many 10,000-row browsers in one process brings None's count to zero (a fatal
"none_dealloc" abort). CPython 3.12+ makes None immortal, which removes the hazard.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication, QTreeWidget, QTreeWidgetItem

from bench.common import median_seconds, report
from pairaid.core.pathway import Pathway
from pairaid.pathway.loading import load_pathway
from pairaid.resources import default_pathway_path
from pairaid.ui.places.browser import PathwayBrowserView


def national(pathway: Pathway, size: int) -> Pathway:
    services = [
        s.model_copy(update={"id": f"{s.id}-{i}", "name": f"{s.name} {i}"})
        for i in range(size // len(pathway.services) + 1)
        for s in pathway.services
    ][:size]
    return pathway.model_copy(update={"services": services})


def bare_tree(rows: int) -> QTreeWidget:
    tree = QTreeWidget()
    parent = QTreeWidgetItem(["all"])
    tree.addTopLevelItem(parent)
    parent.addChildren([QTreeWidgetItem([f"row {i}"]) for i in range(rows)])
    return tree


def main() -> None:
    app = QApplication.instance() or QApplication([])
    birmingham = load_pathway(default_pathway_path())
    cases = (("Birmingham", birmingham, 20), ("10,000 services", national(birmingham, 10_000), 1))
    for label, pathway, repeat in cases:
        rows = len(pathway.services)
        build = median_seconds(lambda p=pathway: PathwayBrowserView(p, lambda *_: Path()).deleteLater(),
                               repeat=repeat, warmup=1)
        floor_build = median_seconds(lambda r=rows: bare_tree(r).deleteLater(), repeat=repeat, warmup=1)
        report(f"build the browser, {label}", build, "bare tree, same rows", floor_build)

        if rows > 1000:
            continue  # keystrokes at this size abort the process on PySide6 6.12 + CPython 3.11 (see above)
        view = PathwayBrowserView(pathway, lambda *_: Path())
        view.resize(1366, 768)
        view.show()
        texts = iter(["acacia", "home", "minds", "early"] * 1000)
        keystroke = median_seconds(lambda v=view, t=texts: (v.search.setText(next(t)), app.processEvents()),
                                   repeat=repeat * 4, warmup=2)
        tree = bare_tree(rows)
        parent = tree.topLevelItem(0)
        flip = iter([True, False] * 10_000)

        def hide_all(p: QTreeWidgetItem = parent, flip: Iterator[bool] = flip) -> None:
            hidden = next(flip)
            for i in range(p.childCount()):
                p.child(i).setHidden(hidden)

        floor_filter = median_seconds(hide_all, repeat=repeat * 4, warmup=2)
        report(f"one search keystroke, {label}", keystroke, "hide/show every row of a bare tree", floor_filter)
        view.deleteLater()
        app.processEvents()
    sys.stdout.flush()
    os._exit(0)  # skip interpreter teardown, where the dropped None references would abort (see above)


if __name__ == "__main__":
    main()
