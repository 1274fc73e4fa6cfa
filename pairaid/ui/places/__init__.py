"""The places a practitioner visits beside a visit: the pathway browser, supervisor review, population need.

Each is a QWidget with a `title` and a `back_requested` signal, built by constructor from what it needs.
"""

from pairaid.ui.places.browser import PathwayBrowserView

__all__ = ["PathwayBrowserView"]
