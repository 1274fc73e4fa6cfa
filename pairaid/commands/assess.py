"""`pairaid assess FILE [--json] [--pathway FILE]`: the suggested level of need for one visit."""

from __future__ import annotations

import argparse
import json

from pairaid.commands.common import CliError, load_assessment_file


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "assess",
        help="suggest a level of need for one visit",
        description="Suggest a level of need for one assessment file (pairaid.assessment/1), with a reason "
        "for every rule that matched.",
    )
    parser.add_argument("file", help="assessment JSON file, or - for standard input")
    parser.add_argument("--json", action="store_true", help="print the outcome as JSON")
    parser.add_argument("--pathway", metavar="FILE", help="pathway file (default: the bundled Birmingham pathway)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from pairaid.commands.outcome_text import outcome_text
    from pairaid.core.engine import OverrideError
    from pairaid.pathway.loading import assess_with_pathway, load_pathway_for_cli

    assessment = load_assessment_file(args.file)
    pathway = load_pathway_for_cli(args.pathway)
    try:
        outcome = assess_with_pathway(assessment, pathway)
    except OverrideError as exc:
        raise CliError(f"{args.file}: {exc}") from None
    if args.json:
        print(json.dumps(outcome.contract_dict(), indent=2, ensure_ascii=False))
    else:
        print(outcome_text(assessment, outcome, pathway))
    return 0
