"""The places shown beside a visit, each built on first use (its module is imported then, keeping start-up
lean)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from pairaid.ui.main_window import MainWindow, PlaceFactories


def place_factories() -> PlaceFactories:
    """The places, built on first use (their modules are imported then, keeping start-up lean)."""

    def browser(window: MainWindow) -> QWidget:
        from pairaid.report import render_service_map
        from pairaid.ui.places.browser import PathwayBrowserView

        return PathwayBrowserView(window.pathway, render_service_map, window.framework)

    def reviews(window: MainWindow) -> QWidget:
        from pairaid.ui.keys_dialog import trust_bundle_sender
        from pairaid.ui.places.review import ReviewView

        store = window.store
        return ReviewView(store, window.pathway, window.framework,
                          trust_sender=lambda parent, bundle: trust_bundle_sender(parent, store, bundle),
                          resolve=lambda _parent, copy_id: window.resolve_conflict(copy_id))

    def population(window: MainWindow) -> QWidget:
        from pairaid.ui.places.population import PopulationView

        return PopulationView(window.pathway, window.store)

    factories: dict[str, tuple[str, Callable[[MainWindow], QWidget] | None]] = {
        "browser": ("Pathway &browser", browser),
        "reviews": ("Revie&ws", reviews),
        "population": ("Pop&ulation need", population),
    }
    return factories
