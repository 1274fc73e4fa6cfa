"""The one place that knows where bundled files live (source checkout or PyInstaller bundle)."""

from __future__ import annotations

import sys
from pathlib import Path


def app_root() -> Path:
    """Folder holding `resources/` and `pathways/`: the checkout, or the unpacked PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """Path of a file under `resources/`."""
    return app_root().joinpath("resources", *parts)


def pathways_dir() -> Path:
    """Folder of the bundled pathway files."""
    return app_root() / "pathways"


def default_pathway_path() -> Path:
    """The pathway used when none is named: Birmingham's."""
    return pathways_dir() / "birmingham.yaml"
