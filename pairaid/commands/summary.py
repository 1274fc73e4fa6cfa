"""`pairaid summary (FILE | --record ID) -o OUT.pdf [--copy referral|parent|supervision] [--recipient TEXT]
[--safe-to-take-home] [--also-remove WORD]... [--pathway FILE]`.

A summary of a file, or of a draft, is marked DRAFT on every page; only a finalised record (`--record ID`)
gives an unmarked copy.
"""

from __future__ import annotations

import argparse
from typing import Any

from pairaid.commands.common import CliError, assess_visit, store_problem

COPIES = ("referral", "parent", "supervision")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "summary",
        help="write the referral, parent or supervision copy of a visit as an A4 PDF",
        description="Write one copy of the summary of a visit as an A4 PDF: the referral copy to send, the parent "
        "copy for the family, or the de-identified supervision copy. A copy made from a file or a draft says "
        "DRAFT on every page; a finalised record (--record ID) gives an unmarked copy.",
    )
    parser.add_argument("file", nargs="?", help="assessment JSON file (pairaid.assessment/1), or - for standard input")
    parser.add_argument("--record", metavar="ID", help="a saved record instead of a file (the first 8 characters of "
                        "its id are enough; `pairaid records list` shows them)")
    parser.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS,
                        help="folder of the records database, with --record")
    parser.add_argument("--pathway", metavar="FILE", help="pathway file (default: the bundled Birmingham pathway)")
    parser.add_argument("-o", "--output", required=True, metavar="PDF", help="PDF file to write")
    parser.add_argument("--copy", choices=COPIES, default="referral", help="which copy (default: referral)")
    parser.add_argument("--recipient", metavar="TEXT",
                        help="who the referral copy is for; printed on every page (the parent copy is always "
                        "addressed to the family, the supervision copy to no one)")
    parser.add_argument("--safe-to-take-home", action="store_true",
                        help="you have checked that the parent copy is safe for this parent to take home (needed "
                        "when domestic abuse is current or a safeguarding indicator is recorded)")
    parser.add_argument("--also-remove", action="append", default=[], metavar="WORD",
                        help="a word or name to remove from the supervision copy as well (a neighbour, a relative); "
                        "repeat for each")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from pairaid.core.summary_content import ParentRefused
    from pairaid.report import ReportError, render_summary

    if (args.file is None) == (args.record is None):
        raise CliError("give either an assessment FILE or --record ID (one of them)")
    if args.also_remove and args.copy != "supervision":
        raise CliError("--also-remove is for the supervision copy; add --copy supervision")
    if args.record is not None:
        assessment, pathway, outcome, final = _saved_record(args)
    else:
        assessment, pathway, outcome = assess_visit(args)
        final = False
    try:
        written = render_summary(assessment, outcome, pathway, args.copy, Path(args.output),
                                 recipient=args.recipient, final=final,
                                 safe_to_take_home=args.safe_to_take_home, also_remove=args.also_remove)
    except ParentRefused as exc:
        raise CliError(f"{exc} Check that it is safe, then add --safe-to-take-home; or give the family nothing "
                       "in writing today.") from None
    except ReportError as exc:
        raise CliError(str(exc)) from None
    if args.record is not None and args.copy == "parent" and args.safe_to_take_home:
        _record_confirmation(args, args.record_id)
    state = "" if final else " (marked DRAFT: not a finalised record)"
    print(f"Wrote the {args.copy} copy to {written}{state}")
    return 0


def _open_store(args: argparse.Namespace) -> Any:
    from pairaid.store import Store, StoreError, resolve_data_dir

    try:
        return Store.open(resolve_data_dir(getattr(args, "data_dir", None)))
    except OSError as exc:
        raise CliError(f"cannot open the records database: {exc}") from None
    except StoreError as exc:
        raise CliError(store_problem(exc)) from None


def _saved_record(args: argparse.Namespace) -> tuple[Any, Any, Any, bool]:
    """(assessment, pathway, outcome, final) of a saved record, its outcome recomputed with the pathway."""
    from pydantic import ValidationError

    from pairaid.commands.common import load_pathway_for_cli
    from pairaid.core.assess import assess_with_pathway
    from pairaid.core.assessment import parse_assessment
    from pairaid.core.errors import format_validation_error
    from pairaid.store import RecordNotFound, StoreError

    store = _open_store(args)
    try:
        try:
            record = store.load(store.resolve_id(args.record))
        except RecordNotFound:
            raise CliError(f"no record with id {args.record}; `pairaid records list` shows the ids") from None
        except StoreError as exc:
            raise CliError(store_problem(exc)) from None
    finally:
        store.close()
    if record.deidentified:
        raise CliError(f"record {record.id[:8]} is a de-identified supervision copy: it holds no identifiers to "
                       "make a summary from; ask the practitioner for the copy you need")
    try:
        assessment = parse_assessment(record.data, today=(record.finalised_at or record.updated_at).date())
    except ValidationError as exc:
        lines = "\n  ".join(format_validation_error(exc))
        raise CliError(f"record {record.id[:8]} is not complete enough for a summary yet:\n  {lines}") from None
    pathway = load_pathway_for_cli(args.pathway)
    outcome = assess_with_pathway(assessment, pathway, strict=False)
    args.record_id = record.id
    if record.status == "amended":
        print(f"Note: record {record.id[:8]} was corrected by {str(record.amended_by)[:8]}; this copy is of the "
              "earlier version.")
    return assessment, pathway, outcome, record.status in ("final", "amended")


def _record_confirmation(args: argparse.Namespace, record_id: str) -> None:
    """The practitioner's answer goes into the record's history (an audit event: ids and flags only)."""
    from pairaid.store import StoreError

    store = _open_store(args)
    try:
        store.log_event(record_id, "safe_to_take_home", {"copy": "parent"})
    except StoreError as exc:  # the copy is written; the note that it was checked could not be saved
        raise CliError(f"{store_problem(exc)}\nThe parent copy was written, but your answer was not recorded in "
                       "the record's history: run the command again once this is put right.") from None
    finally:
        store.close()
