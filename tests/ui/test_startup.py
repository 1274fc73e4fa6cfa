"""What keeps start-up fast without changing behaviour: the app's own argument reading agrees with argparse,
PySide6's per-import check gives the same answers faster, the Fusion style is chosen from the command line,
and fontconfig is warmed in the background."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pairaid import app as app_module
from pairaid.ui import qt_import_hook
from pairaid.ui.font_warmup import start_font_warmup

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("argv", [
    [],
    ["--data-dir", "D"],
    ["--data-dir=D"],
    ["--pathway", "P.yaml", "--data-dir", "D"],
    ["--pathway=P.yaml"],
    ["--data-dir", "with=equals"],
    ["--data-dir", "-starts-with-a-dash"],  # argparse refuses it as an option; so must the fast path
    ["--data-dir="],
])
def test_the_fast_path_reads_arguments_as_argparse_does(argv: list[str], capsys) -> None:
    try:
        expected: object = app_module._parse_with_argparse(argv)
    except SystemExit as exc:
        expected = ("exit", exc.code)
    try:
        got: object = app_module.parse_args(argv)
    except SystemExit as exc:
        got = ("exit", exc.code)
    assert got == expected


@pytest.mark.parametrize("argv", [["--bogus"], ["--data-dir"], ["--data-dir", "A", "--data-dir", "B", "extra"]])
def test_a_mistake_in_the_arguments_gets_argparse_s_message(argv: list[str], capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        app_module.parse_args(argv)
    assert exit_info.value.code == 2 and "usage: pairaid" in capsys.readouterr().err


def test_pyside_s_import_check_answers_as_before(qapp) -> None:
    """Installed over PySide6's own check (which reads the source with inspect) and agrees with it."""
    import json

    import pairaid.core.vocab
    import pairaid.ui.home

    assert qt_import_hook.install()
    feature = sys.modules[qt_import_hook.FEATURE_MODULE]
    faster = feature._mod_uses_pyside
    original = faster.pairaid_original
    for module in (pairaid.ui.home, pairaid.core.vocab, json, sys, os, qt_import_hook):
        assert faster(module) == original(module), module.__name__
    assert faster(pairaid.ui.home) and not faster(pairaid.core.vocab)
    assert qt_import_hook.install() and feature._mod_uses_pyside is faster  # installed once


def test_the_command_line_chooses_fusion_even_over_the_environment() -> None:
    child = ("from PySide6.QtWidgets import QApplication\nfrom pairaid.ui.style import STYLE_ARGUMENTS\n"
             "app = QApplication(['pairaid', *STYLE_ARGUMENTS])\nprint(app.style().name())\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_STYLE_OVERRIDE": "windows", "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, env=env, cwd=ROOT,
                         check=True)
    assert out.stdout.strip().lower() == "fusion"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fontconfig is the font system on Linux only")
def test_the_font_warm_up_finishes_quietly() -> None:
    thread = start_font_warmup()
    assert thread is not None and thread.daemon
    thread.join(timeout=10)
    assert not thread.is_alive()
