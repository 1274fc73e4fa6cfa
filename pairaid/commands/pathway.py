"""`pairaid pathway check|schema|services|map|import-oruk|refresh|export-hsds`: pathway files for commissioners and
midwives."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "pathway",
        help="check, list, import and export pathway files",
        description="Work with pathway files (pairaid.pathway/1): check one, print its JSON Schema, list its "
        "services, or convert from and to Open Referral UK.",
    )
    parser.set_defaults(handler=lambda args: _help(parser))
    actions = parser.add_subparsers(dest="action", metavar="ACTION")

    check = actions.add_parser("check", help="list every problem in a pathway file",
                               description="Check a pathway file: errors (exit 1) and warnings (exit 0).")
    check.add_argument("file", help="pathway YAML file")
    check.add_argument("--json", action="store_true", help="print the problems as JSON")
    check.set_defaults(handler=run_check)

    schema = actions.add_parser("schema", help="print the JSON Schema of the pathway format",
                                description="Print the JSON Schema of pathway files, for editors.")
    schema.set_defaults(handler=run_schema)

    services = actions.add_parser("services", help="list the services a pathway holds",
                                  description="List the pathway's active services, filtered.")
    services.add_argument("--level", choices=["universal", "targeted", "specialist", "statutory"])
    services.add_argument("--need", metavar="NEED", help="need tag, e.g. perinatal_mental_health")
    services.add_argument("--stage", choices=["antenatal", "0-5", "6-30"])
    services.add_argument("--age-months", type=int, metavar="M", help="baby's age in completed months")
    services.add_argument("--postcode", metavar="P", help="family's postcode or district, e.g. B15 2TT")
    services.add_argument("--all", action="store_true", help="include inactive services")
    services.add_argument("--pathway", metavar="FILE", help="pathway file (default: the bundled Birmingham one)")
    services.add_argument("--json", action="store_true", help="print the services as JSON")
    services.set_defaults(handler=run_services)

    map_ = actions.add_parser("map", help="print the map of services as a PDF",
                              description="Write a one- or two-page A4 map of the pathway's services by level, "
                              "with the safeguarding front door first.")
    map_.add_argument("-o", "--output", required=True, metavar="OUT.pdf", help="PDF file to write")
    map_.add_argument("--pathway", metavar="FILE", help="pathway file (default: the bundled Birmingham one)")
    map_.set_defaults(handler=run_map)

    imp = actions.add_parser("import-oruk", help="make a pathway file from an Open Referral UK feed",
                             description="Import services from the files of one ORUK feed: ORUK 1.0 pages, "
                             "ORUK 3.0 list pages and /services/{id} bodies, in any mix (a list item and a body "
                             "with the same id are merged, the body winning). Nothing is guessed: services the "
                             "feed retired, and services with a fault, are skipped and reported. The pathway "
                             "details (levels, rules, front door, area) come from --base.")
    imp.add_argument("files", nargs="+", metavar="FILE", help="ORUK JSON files of one feed")
    imp.add_argument("-o", "--output", required=True, metavar="OUT.yaml", help="pathway file to write")
    imp.add_argument("--base", metavar="FILE", help="pathway giving everything but the services "
                     "(default: the bundled Birmingham pathway)")
    imp.add_argument("--report", metavar="REPORT.json", help="write every decision (read, imported, skipped "
                     "and why, warnings) as JSON")
    imp.add_argument("--default-level", default="targeted",
                     choices=["universal", "targeted", "specialist", "statutory"],
                     help="placeholder level for services without a pairaid-level-of-need term (they are "
                     "imported inactive, needing review)")
    imp.set_defaults(handler=run_import)

    ref = actions.add_parser("refresh", help="bring a pathway up to date from its council's ORUK feed",
                             description="Match the pathway's services to the feed (by their recorded ORUK id, "
                             "else by name and provider) and write a new pathway: changed names and contact "
                             "details updated, services the feed retired made inactive, new services added "
                             "inactive and services gone from the feed flagged, each marked `review` with what "
                             "changed. Levels, needs, ages and eligibility are never changed.")
    ref.add_argument("pathway", metavar="PATHWAY.yaml", help="the pathway to refresh (not changed)")
    ref.add_argument("files", nargs="+", metavar="FEED", help="ORUK JSON files of the feed")
    ref.add_argument("-o", "--output", required=True, metavar="NEW.yaml", help="refreshed pathway file to write")
    ref.add_argument("--report", metavar="REPORT.json", help="write the changes as JSON")
    ref.add_argument("--default-level", default="targeted",
                     choices=["universal", "targeted", "specialist", "statutory"],
                     help="placeholder level for new services without a pairaid-level-of-need term")
    ref.set_defaults(handler=run_refresh)

    exp = actions.add_parser("export-hsds", help="write the services as an ORUK 3.0 service page",
                             description="Export the pathway's services as an Open Referral UK 3.0 /services "
                             "page; the level of need travels as a pairaid-level-of-need taxonomy term.")
    exp.add_argument("file", help="pathway YAML file")
    exp.add_argument("-o", "--output", required=True, metavar="OUT.json", help="JSON file to write (- for stdout)")
    exp.set_defaults(handler=run_export)


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 0


def run_check(args: argparse.Namespace) -> int:
    from pairaid.pathway.check import check_file

    result = check_file(args.file)
    if args.json:
        print(json.dumps({
            "file": result.file,
            "ok": result.ok,
            "errors": len(result.errors),
            "warnings": len(result.warnings),
            "problems": [p.__dict__ for p in result.problems],
        }, indent=2, ensure_ascii=False))
        return 0 if result.ok else 1
    for problem in result.errors:
        print(problem)
    for problem in result.warnings:
        print(problem)
    services = len(result.pathway.services) if result.pathway else 0
    errors, warnings = len(result.errors), len(result.warnings)
    if result.ok:
        print(f"{result.file}: usable: {services} services, {warnings} warning(s), no errors.")
        return 0
    print(f"{result.file}: {errors} error(s), {warnings} warning(s). Fix the errors; the file cannot be used "
          "until then.", file=sys.stderr)
    return 1


def run_schema(args: argparse.Namespace) -> int:
    from pairaid.pathway.schema import schema_text

    sys.stdout.write(schema_text())
    return 0


def run_services(args: argparse.Namespace) -> int:
    from pairaid.commands.common import CliError, load_pathway_for_cli
    from pairaid.core import vocab
    from pairaid.core.eligibility_text import eligibility_text
    from pairaid.pathway.listing import ages_text, list_services

    if args.need and args.need not in vocab.SERVICE_NEEDS:
        raise CliError(f"--need: '{args.need}' is not a need tag; use one of {', '.join(vocab.SERVICE_NEEDS)}")
    if args.age_months is not None and args.age_months < 0:
        raise CliError("--age-months: give the baby's age in completed months, 0 or more")
    pathway = load_pathway_for_cli(args.pathway)
    listing = list_services(pathway, level=args.level, need=args.need, stage=args.stage,
                            age_months=args.age_months, postcode=args.postcode, include_inactive=args.all)
    if args.json:
        print(json.dumps({"warnings": listing.warnings,
                          "services": [s.model_dump(mode="json") for s in listing.services]},
                         indent=2, ensure_ascii=False))
        return 0
    for warning in listing.warnings:
        print(f"Note: {warning}")
    if not listing.services:
        print("No service in this pathway matches.")
        return 0
    for service in listing.services:
        check = "" if service.is_verified else "  [check before referring]"
        print(f"{service.name} [{service.id}] - {pathway.levels.get(service.level).label}{check}")
        print(f"    needs: {', '.join(service.needs) or '-'}")
        print(f"    ages: {ages_text(service)}" + (f"; areas: {', '.join(service.areas)}" if service.areas else ""))
        if (eligible := eligibility_text(service)) is not None:
            print(f"    for: {eligible}")
        routes = [r for r, ok in (("self", service.referral.self),
                                  ("professional", service.referral.professional)) if ok]
        print(f"    refer: {' or '.join(routes) or 'nobody listed'}"
              + (f". {service.referral.how}" if service.referral.how else ""))
        contact = service.contact
        details = [d for d in (*contact.numbers(), contact.url, contact.email, contact.hours) if d]
        if details:
            print(f"    contact: {'; '.join(details)}")
        if service.status != "active":
            print("    INACTIVE")
    print(f"{len(listing.services)} service(s).")
    return 0


def _read_feed(files: list[str], default_level: str) -> tuple[Any, Any]:
    from pathlib import Path

    from pairaid.commands.common import CliError
    from pairaid.pathway.oruk_feed import OrukFileError, read_feed
    from pairaid.pathway.oruk_import import import_feed

    try:
        feed = read_feed([Path(f) for f in files])
    except OrukFileError as exc:
        raise CliError(f"{exc}\nNothing was written.") from None
    names = ", ".join(Path(f).name for f in files[:3]) + (f" and {len(files) - 3} more" if len(files) > 3 else "")
    return feed, import_feed(feed, source=f"Open Referral UK feed ({names})", default_level=default_level)


def _write(path: str, text: str) -> None:
    from pathlib import Path

    from pairaid.atomic import write_text_atomically
    from pairaid.commands.common import CliError

    target = Path(path)
    if not target.parent.is_dir():
        raise CliError(f"{path}: the folder {target.parent} does not exist; create it or choose another")
    try:
        write_text_atomically(target, text)
    except OSError as exc:
        raise CliError(f"{path}: cannot write ({exc.strerror or exc})") from None


def _report_json(report: dict[str, Any]) -> str:
    return json.dumps(report, indent=2, ensure_ascii=False, default=str) + "\n"


def run_import(args: argparse.Namespace) -> int:
    import datetime as dt
    from pathlib import Path

    from pairaid.commands.common import CliError
    from pairaid.pathway.check import check_text
    from pairaid.pathway.oruk_report import import_lines, import_report
    from pairaid.pathway.writing import pathway_yaml
    from pairaid.pathway.yamlread import read_yaml
    from pairaid.resources import default_pathway_path

    feed, imported = _read_feed(args.files, args.default_level)
    base_file = Path(args.base) if args.base else default_pathway_path()
    base = check_text(_read(base_file), str(base_file))
    if not base.ok:
        raise CliError(f"{base_file}: the base pathway has errors; run pairaid pathway check on it")
    header_data, _ = read_yaml(_read(base_file))
    report = import_report(feed, imported, output=args.output)
    summary = report["summary"]
    header = [
        f"Pathway made by `pairaid pathway import-oruk` on {dt.date.today().isoformat()} from "
        f"{len(feed.files)} Open Referral UK file(s):",
        *(f"  {f.file} ({f.kind}, {len(f.items)} services)" for f in feed.files),
        f"{summary['imported']} imported; {summary['skipped']} skipped as retired by the feed and {summary['fault']} "
        "skipped for a fault (see the import report).",
        f"Levels, rules, front door and area from {base_file.name}. Services marked NEEDS REVIEW are inactive",
        "until a person sets their level and needs. Run `pairaid pathway check` on this file after editing it.",
        *(f"WARNING: {w}" for w in feed.warnings),
    ]
    return _write_checked(pathway_yaml(header, header_data, imported.services), args, report, import_lines(report))


def run_refresh(args: argparse.Namespace) -> int:
    import datetime as dt
    from pathlib import Path

    from pairaid.commands.common import CliError
    from pairaid.pathway.check import check_text
    from pairaid.pathway.oruk_refresh import refresh
    from pairaid.pathway.oruk_report import refresh_lines, refresh_report
    from pairaid.pathway.writing import pathway_yaml
    from pairaid.pathway.yamlread import read_yaml

    source = _read(args.pathway)
    checked = check_text(source, args.pathway)
    if not checked.ok:
        raise CliError(f"{args.pathway}: the pathway has errors; run `pairaid pathway check` on it and fix them "
                       "before refreshing it")
    if Path(args.output).resolve() == Path(args.pathway).resolve():
        raise CliError(f"{args.output}: write the refreshed pathway to a new file, so the two can be compared")
    data, _ = read_yaml(source)
    feed, imported = _read_feed(args.files, args.default_level)
    today = dt.date.today()
    refreshed = refresh(list(data.get("services") or []), feed, imported, today=today)
    report = refresh_report(feed, imported, refreshed, pathway=args.pathway, output=args.output)
    s = report["summary"]
    header = [
        f"Pathway {Path(args.pathway).name} refreshed by `pairaid pathway refresh` on {today.isoformat()} from "
        f"{len(feed.files)} Open Referral UK file(s).",
        f"{s['updated']} updated, {s['retired']} retired by the feed, {s['gone']} gone from the feed, {s['added']} "
        "added (inactive): each is marked with a `review` block saying what changed.",
        "Check each one, then delete its `review` block. Levels, needs, ages and eligibility were not changed.",
        "Comments of the original file are not carried over: compare the two files before replacing it.",
    ]
    return _write_checked(pathway_yaml(header, data, refreshed.services), args, report, refresh_lines(report))


def _write_checked(text: str, args: argparse.Namespace, report: Any, lines: list[str]) -> int:
    """Write a made pathway (and its report), say what was done, then check the file as written: exit 1 when
    the new pathway has errors a person must fix before it can be used."""
    from pairaid.pathway.check import check_text

    _write(args.output, text)
    if args.report:
        _write(args.report, _report_json(report))
    result = check_text(text, args.output)
    for line in lines:
        print(line)
    for problem in result.errors:
        print(problem)
    return 0 if result.ok else 1


def _read(path: object) -> str:
    from pathlib import Path

    from pairaid.commands.common import read_text

    return read_text(str(Path(str(path))), kind="pathway")


def run_export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from pairaid.commands.common import CliError, load_pathway_for_cli
    from pairaid.pathway.oruk import export_page

    pathway = load_pathway_for_cli(args.file)
    text = json.dumps(export_page(pathway), indent=2, ensure_ascii=False) + "\n"
    if args.output == "-":
        sys.stdout.write(text)
        return 0
    try:
        Path(args.output).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise CliError(f"{args.output}: cannot write ({exc.strerror})") from None
    print(f"{args.output}: {len(pathway.services)} service(s) written as an ORUK 3.0 service page.")
    return 0


def run_map(args: argparse.Namespace) -> int:
    from pathlib import Path

    from pairaid.commands.common import CliError, load_pathway_for_cli
    from pairaid.report import ReportError, render_service_map

    pathway = load_pathway_for_cli(args.pathway)
    try:
        out = render_service_map(pathway, Path(args.output))
    except ReportError as exc:
        raise CliError(str(exc)) from None
    print(f"{out}: map of {len(pathway.services)} service(s) written.")
    return 0
