"""`pairaid summary FILE -o OUT.pdf [--copy referral|parent|supervision] [--recipient TEXT] [--pathway FILE]`."""

from __future__ import annotations

import argparse

from pairaid.commands.common import CliError, add_visit_arguments, assess_visit

COPIES = ("referral", "parent", "supervision")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "summary",
        help="write the referral, parent or supervision copy of a visit as an A4 PDF",
        description="Write one copy of the summary of a visit (pairaid.assessment/1) as an A4 PDF: the referral "
        "copy to send, the parent copy for the family, or the de-identified supervision copy.",
    )
    add_visit_arguments(parser)
    parser.add_argument("-o", "--output", required=True, metavar="PDF", help="PDF file to write")
    parser.add_argument("--copy", choices=COPIES, default="referral", help="which copy (default: referral)")
    parser.add_argument("--recipient", metavar="TEXT", help="who the copy is for; printed on every page")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from pairaid.report import ReportError, render_summary

    assessment, pathway, outcome = assess_visit(args)
    try:
        written = render_summary(assessment, outcome, pathway, args.copy, Path(args.output), recipient=args.recipient)
    except ReportError as exc:
        raise CliError(str(exc)) from None
    print(f"Wrote the {args.copy} copy to {written}")
    return 0
