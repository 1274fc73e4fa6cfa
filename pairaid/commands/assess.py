"""`pairaid assess FILE [--json] [--pathway FILE]`: the suggested level of need for one visit."""

from __future__ import annotations

import argparse
import json

from pairaid.commands.common import add_visit_arguments, assess_visit


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "assess",
        help="suggest a level of need for one visit",
        description="Suggest a level of need for one assessment file (pairaid.assessment/1), with a reason "
        "for every rule that matched.",
    )
    add_visit_arguments(parser)
    parser.add_argument("--json", action="store_true", help="print the outcome as JSON")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from pairaid.commands.outcome_text import outcome_text

    assessment, pathway, outcome = assess_visit(args)
    if args.json:
        print(json.dumps(outcome.contract_dict(), indent=2, ensure_ascii=False))
    else:
        print(outcome_text(assessment, outcome, pathway))
    return 0
