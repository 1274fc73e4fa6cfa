"""`pairaid pathway check|schema|services|map|import-oruk|export-hsds`: pathway files for commissioners and
midwives."""

from __future__ import annotations

import argparse
import json
import sys


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

    imp = actions.add_parser("import-oruk", help="make a pathway file from an Open Referral UK file",
                             description="Import services from an ORUK 1.0 or 3.0 page, or one service. The "
                             "pathway details (levels, rules, front door, area) come from --base.")
    imp.add_argument("file", help="ORUK JSON file")
    imp.add_argument("-o", "--output", required=True, metavar="OUT.yaml", help="pathway file to write")
    imp.add_argument("--base", metavar="FILE", help="pathway giving everything but the services "
                     "(default: the bundled Birmingham pathway)")
    imp.add_argument("--default-level", default="targeted",
                     choices=["universal", "targeted", "specialist", "statutory"],
                     help="placeholder level for services without a pairaid-level-of-need term (they are "
                     "imported inactive, needing review)")
    imp.set_defaults(handler=run_import)

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
        details = [d for d in (contact.phone, contact.url, contact.email, contact.hours) if d]
        if details:
            print(f"    contact: {'; '.join(details)}")
        if service.status != "active":
            print("    INACTIVE")
    print(f"{len(listing.services)} service(s).")
    return 0


def run_import(args: argparse.Namespace) -> int:
    import datetime as dt
    from pathlib import Path

    from pairaid.commands.common import CliError, read_json
    from pairaid.pathway.check import check_text
    from pairaid.pathway.oruk import OrukError, import_services
    from pairaid.pathway.writing import pathway_yaml
    from pairaid.pathway.yamlread import read_yaml
    from pairaid.resources import default_pathway_path

    data = read_json(args.file, kind="oruk")
    try:
        kind, services = import_services(data, source=f"Open Referral UK file {Path(args.file).name}",
                                         default_level=args.default_level)
    except OrukError as exc:
        raise CliError(f"{args.file}: {exc}") from None
    base_file = Path(args.base) if args.base else default_pathway_path()
    base = check_text(_read(base_file), str(base_file))
    if not base.ok:
        raise CliError(f"{base_file}: the base pathway has errors; run pairaid pathway check on it")
    header_data, _ = read_yaml(_read(base_file))
    header = [
        f"Pathway made by `pairaid pathway import-oruk` on {dt.date.today().isoformat()}",
        f"from {Path(args.file).name} ({kind}, {len(services)} services); levels, rules, front door and area",
        f"from {base_file.name}. Services marked NEEDS REVIEW are inactive until a person sets their level",
        "and needs. Run `pairaid pathway check` on this file after editing it.",
    ]
    text = pathway_yaml(header, header_data, services)
    out = Path(args.output)
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise CliError(f"{out}: cannot write ({exc.strerror})") from None
    result = check_text(text, str(out))
    review = sum(1 for s in services if s.get("verified", {}).get("status") == "needs_review")
    print(f"{out}: {len(services)} service(s) imported from {kind}; {review} need review.")
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
