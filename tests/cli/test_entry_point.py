"""The installed `pairaid` script opens the app with no command (what `make run` relies on)."""

from __future__ import annotations

import tomllib
from pathlib import Path


def test_console_script_dispatches_between_app_and_commands() -> None:
    pyproject = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["scripts"]["pairaid"] == "pairaid.__main__:main"


def test_no_arguments_means_the_app_and_a_command_means_the_cli() -> None:
    from pairaid.__main__ import wants_cli

    assert not wants_cli([])
    assert not wants_cli(["--data-dir", "/tmp/x"])
    assert wants_cli(["assess", "visit.json"])
    assert wants_cli(["--version"])
