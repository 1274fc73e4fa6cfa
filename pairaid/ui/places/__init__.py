"""The places a practitioner visits beside a visit: the pathway browser, supervisor review, population need.

Each is a QWidget with a `title` and a `back_requested` signal (Esc, Alt+Left or its Back button), built by
constructor from what it needs:

    PathwayBrowserView(pathway, map_renderer)      # map_renderer = pairaid.report.render_service_map
    ReviewView(store, pathway, reviewer="")         # store = pairaid.store.Store
    PopulationView(pathway, store)
"""

from pairaid.ui.places.browser import PathwayBrowserView
from pairaid.ui.places.population import PopulationView
from pairaid.ui.places.review import ReviewView

__all__ = ["PathwayBrowserView", "PopulationView", "ReviewView"]
