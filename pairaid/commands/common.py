"""Shared by the commands: reading input files with messages that name the file, line and field."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


class CliError(Exception):
    """A problem the user can fix; printed without a traceback."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def read_text(path: str) -> str:
    """Text of a file, or of stdin for "-"."""
    if path == "-":
        return sys.stdin.read()
    file = Path(path)
    try:
        return file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CliError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise CliError(f"{path}: is a folder, not a file") from None
    except PermissionError:
        raise CliError(f"{path}: permission denied") from None
    except UnicodeDecodeError:
        raise CliError(f"{path}: is not UTF-8 text; save it as UTF-8 JSON") from None


def read_json(path: str) -> Any:
    """Decoded JSON, with the line and column of a syntax error."""
    text = read_text(path)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise CliError(f"{path}: line {exc.lineno}, column {exc.colno}: not valid JSON ({exc.msg})") from None


def load_assessment_file(path: str) -> Any:
    """Read and validate an assessment file; every problem listed, each naming its field."""
    from pydantic import ValidationError

    from pairaid.core.assessment import parse_assessment
    from pairaid.core.errors import format_validation_error

    data = read_json(path)
    if not isinstance(data, dict):
        raise CliError(f"{path}: an assessment file is a JSON object {{...}}")
    try:
        return parse_assessment(data)
    except ValidationError as exc:
        lines = format_validation_error(exc)
        raise CliError(f"{path}: the assessment has {len(lines)} problem(s):\n  " + "\n  ".join(lines)) from None


def add_visit_arguments(parser: argparse.ArgumentParser) -> None:
    """The assessment file and the pathway, as every command about one visit takes them."""
    parser.add_argument("file", help="assessment JSON file, or - for standard input")
    parser.add_argument("--pathway", metavar="FILE", help="pathway file (default: the bundled Birmingham pathway)")


def assess_visit(args: argparse.Namespace) -> tuple[Any, Any, Any]:
    """(assessment, pathway, outcome) for the file and pathway named; every problem as a CliError."""
    from pairaid.core.engine import OverrideError
    from pairaid.pathway.loading import assess_with_pathway, load_pathway_for_cli

    assessment = load_assessment_file(args.file)
    pathway = load_pathway_for_cli(args.pathway)
    try:
        outcome = assess_with_pathway(assessment, pathway)
    except OverrideError as exc:
        raise CliError(f"{args.file}: {exc}") from None
    return assessment, pathway, outcome
