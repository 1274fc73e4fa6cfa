"""Shared by the commands: reading input files with messages that name the file, line and field."""

from __future__ import annotations

import argparse
from typing import Any


class CliError(Exception):
    """A problem the user can fix; printed without a traceback."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def store_problem(exc: Exception, *, one_line: bool = False) -> str:
    """A store error as commands say it: for a problem with the database file, first what was found in the
    same words as the app's dialog title ("The disk is full"), then the file and what to do."""
    title = getattr(exc, "title", None)
    if not isinstance(title, str):
        return str(exc)
    return f"{title}: {exc}" if one_line else f"{title}.\n{exc}"


def read_text(path: str, *, kind: str) -> str:
    """Text of a file, or of stdin for "-", size- and kind-checked (pairaid.core.input_files)."""
    from pairaid.core.input_files import InputFileError
    from pairaid.core.input_files import read_text as read_input_text

    try:
        return read_input_text(path, kind=kind)
    except InputFileError as exc:
        raise CliError(str(exc)) from None


def read_json(path: str, *, kind: str) -> Any:
    """Decoded JSON, bounded in size and depth, with the line and column of a syntax error."""
    from pairaid.core.input_files import InputFileError
    from pairaid.core.input_files import read_json as read_input_json

    try:
        return read_input_json(path, kind=kind)
    except InputFileError as exc:
        raise CliError(str(exc)) from None


def load_assessment_file(path: str) -> Any:
    """Read and validate an assessment file; every problem listed, each naming its field."""
    from pydantic import ValidationError

    from pairaid.core.assessment import parse_assessment
    from pairaid.core.errors import format_validation_error
    from pairaid.core.input_files import InputFileError, read_assessment_data

    try:
        data = read_assessment_data(path)
    except InputFileError as exc:
        raise CliError(str(exc)) from None
    try:
        return parse_assessment(data)
    except ValidationError as exc:
        lines = format_validation_error(exc)
        raise CliError(f"{path}: the assessment has {len(lines)} problem(s):\n  " + "\n  ".join(lines)) from None


def load_pathway_for_cli(path: str | None) -> Any:
    """The checked pathway for a command: the bundled Birmingham pathway by default; errors as CliError."""
    from pathlib import Path

    from pairaid.pathway.loading import PathwayError, load_pathway
    from pairaid.resources import default_pathway_path

    try:
        return load_pathway(Path(path) if path else default_pathway_path())
    except PathwayError as exc:
        raise CliError(f"{exc}\nRun `pairaid pathway check FILE` after fixing them.") from None


def add_visit_arguments(parser: argparse.ArgumentParser) -> None:
    """The assessment file and the pathway, as every command about one visit takes them."""
    parser.add_argument("file", help="assessment JSON file, or - for standard input")
    parser.add_argument("--pathway", metavar="FILE", help="pathway file (default: the bundled Birmingham pathway)")


def assess_visit(args: argparse.Namespace) -> tuple[Any, Any, Any]:
    """(assessment, pathway, outcome) for the file and pathway named; every problem as a CliError."""
    from pairaid.core.assess import assess_with_pathway
    from pairaid.core.engine import OverrideError

    assessment = load_assessment_file(args.file)
    pathway = load_pathway_for_cli(args.pathway)
    try:
        outcome = assess_with_pathway(assessment, pathway)
    except OverrideError as exc:
        raise CliError(f"{args.file}: {exc}") from None
    return assessment, pathway, outcome
