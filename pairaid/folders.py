"""Where pairaid keeps its files on this computer: the data folder (records database, settings, log) and the
cache folder (checked pathways). One place says it, so the app, the store and the command line agree.

Order for each: a command-line value, then an environment variable, then the platform's own folder for
"pairaid" (platformdirs: ~/.local/share and ~/.cache on Linux, AppData on Windows, Library on macOS). Nothing
here creates a folder (pairaid.store.paths makes the data folder private when it first creates it), and nothing
here imports more than the standard library, so the window can know its folder before its first paint.
"""

from __future__ import annotations

import os
from pathlib import Path

DATA_DIR_ENV = "PAIRAID_DATA_DIR"
CACHE_DIR_ENV = "PAIRAID_CACHE_DIR"
APP_NAME = "pairaid"


def data_dir(cli_value: str | None = None) -> Path:
    """The data folder to use (absolute; it may not exist yet)."""
    if cli_value:
        folder = Path(cli_value).expanduser()
    elif os.environ.get(DATA_DIR_ENV):
        folder = Path(os.environ[DATA_DIR_ENV]).expanduser()
    else:
        from platformdirs import user_data_dir

        folder = Path(user_data_dir(APP_NAME, appauthor=False))
    return folder.resolve()


def pathway_cache_dir() -> Path:
    """The folder of checked pathways (it may not exist yet; everything in it can be rebuilt from the pathway
    files): $PAIRAID_CACHE_DIR as it is, else the platform's user cache folder for pairaid / pathways."""
    configured = os.environ.get(CACHE_DIR_ENV)
    if configured:
        return Path(configured).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP_NAME, appauthor=False)) / "pathways"
