"""`pairaid need --under-twos N [--pathway FILE] [--json]`: the needs assessment's population estimate."""

from __future__ import annotations

import argparse
import json
import textwrap


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "need",
        help="estimate population need for parent-infant relationship help",
        description="Apply the pathway's prevalence (the needs assessment's proportions) to a number of children "
        "under two (about two years of births). Each route's count is rounded half up on its own.",
    )
    parser.add_argument("--under-twos", type=int, metavar="N",
                        help="children under two in the area (default: the pathway's own figure)")
    parser.add_argument("--seen-by-perinatal", type=int, metavar="N",
                        help="families a year seen by the perinatal mental health service (default: the pathway's)")
    parser.add_argument("--pathway", metavar="FILE", help="pathway file (default: the bundled Birmingham pathway)")
    parser.add_argument("--json", action="store_true", help="print the estimate as JSON")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from pairaid.commands.common import CliError, load_pathway_for_cli
    from pairaid.core.population import estimate

    pathway = load_pathway_for_cli(args.pathway)
    if pathway.prevalence is None:
        raise CliError(f"the pathway '{pathway.pathway.id}' has no prevalence section, so no estimate can be made; "
                       "add one (see pathways/birmingham.yaml)")
    under_twos = args.under_twos if args.under_twos is not None else pathway.pathway.under_twos
    if under_twos is None:
        raise CliError("give the number of children under two: --under-twos N")
    if under_twos < 0:
        raise CliError(f"--under-twos: {under_twos} is negative; give the number of children under two")
    if args.seen_by_perinatal is not None and args.seen_by_perinatal < 0:
        raise CliError("--seen-by-perinatal: give a number of families, 0 or more")
    result = estimate(under_twos, pathway.prevalence, args.seen_by_perinatal)
    if args.json:
        print(json.dumps(result.model_dump(mode="json"), indent=2, ensure_ascii=False))
        return 0
    print(f"Population need for {under_twos:,} children under two, about two years of births "
          f"({pathway.pathway.title})")
    if result.source:
        print(f"Model: {result.source}")
    print()
    width = max(len(row.label) for row in result.rows)
    for row in result.rows:
        level = pathway.levels.get(row.level).label if row.level else "-"
        print(f"  {row.label:<{width}}  {row.proportion * 100:5.1f}%  {row.count:>8,}  {level}")
    print(f"  {'Total':<{width}}  {sum(r.proportion for r in result.rows) * 100:5.1f}%  {result.total:>8,}")
    print()
    print(f"Families needing specialist PAIR help (\"a year\" in the needs assessment*): {result.specialist_pair:,}")
    if result.seen_by_perinatal_service is not None:
        print(f"Seen by the perinatal mental health service a year: {result.seen_by_perinatal_service:,}")
        print(f"Needing specialist PAIR help and not seen by it: {result.after_perinatal:,}")
    print()
    print(f"Rounding: {result.rounding}.")
    print(textwrap.fill(result.note, width=100))
    return 0
