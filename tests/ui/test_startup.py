"""Start-up choices that keep behaviour plain: the app's options are argparse's, and the Fusion style is chosen
from the command line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pairaid import app as app_module

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("argv", "data_dir", "pathway"), [
    ([], None, None),
    (["--data-dir", "D"], "D", None),
    (["--pathway=P.yaml", "--data-dir=D"], "D", "P.yaml"),
    (["--data-dir", "with=equals"], "with=equals", None),
])
def test_the_options_are_read(argv: list[str], data_dir: str | None, pathway: str | None) -> None:
    args = app_module.parse_args(argv)
    assert (args.data_dir, args.pathway) == (data_dir, pathway)


@pytest.mark.parametrize("argv", [["--bogus"], ["--data-dir"], ["--data-dir", "A", "extra"]])
def test_a_mistake_in_the_arguments_gets_argparse_s_message(argv: list[str], capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        app_module.parse_args(argv)
    assert exit_info.value.code == 2 and "usage: pairaid" in capsys.readouterr().err


def test_the_command_line_chooses_fusion_even_over_the_environment() -> None:
    child = ("from PySide6.QtWidgets import QApplication\nfrom pairaid.ui.style import STYLE_ARGUMENTS\n"
             "app = QApplication(['pairaid', *STYLE_ARGUMENTS])\nprint(app.style().name())\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_STYLE_OVERRIDE": "windows", "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, env=env, cwd=ROOT,
                         check=True)
    assert out.stdout.strip().lower() == "fusion"
