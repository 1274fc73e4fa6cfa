"""`pairaid records add|list|show|export|import|review|audit`: the records database without a screen.

For supervisors and tests: `--data-dir DIR` works before the command (global) or after it.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from pairaid.commands.common import CliError, store_problem

LEVELS = ("universal", "targeted", "specialist", "statutory")
MAX_LIMIT = 1_000_000


def _limit(text: str) -> int:
    """--limit: a whole number of records (argparse turns the ValueError into a usage message)."""
    if not text.strip().isdigit() or not 1 <= int(text) <= MAX_LIMIT:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number from 1 to {MAX_LIMIT:,}")
    return int(text)


def _data_dir_option(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: when not given here, the global `pairaid --data-dir DIR records ...` value stays.
    parser.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS,
                        help="folder of the records database (default: $PAIRAID_DATA_DIR or the user data folder)")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("records", help="list, show, export, import, review and audit saved records",
                            description="Work with the records database without opening the app.")
    _data_dir_option(parser)
    actions = parser.add_subparsers(dest="records_command", metavar="ACTION", required=True)

    p = actions.add_parser("list", help="search the history (newest change first)")
    p.add_argument("--text", help="part of the baby's name or NHS number")
    p.add_argument("--level", choices=LEVELS, help="final level")
    p.add_argument("--status", choices=("draft", "final", "amended"))
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="visits on or after this date")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="visits on or before this date")
    p.add_argument("--limit", type=_limit, default=200, help=f"at most this many records (1 to {MAX_LIMIT:,})")
    p.add_argument("--json", action="store_true")

    p = actions.add_parser("show", help="show one record with its reviews")
    p.add_argument("id", help="record id (the first 8 characters are enough)")
    p.add_argument("--json", action="store_true", help="the whole record as JSON")

    p = actions.add_parser("add", help="save an assessment file as a record (a draft, or finalised)")
    p.add_argument("file", help="assessment JSON file (pairaid.assessment/1), or - for standard input")
    p.add_argument("--finalise", action="store_true",
                   help="finalise it through the same checks as the app (the ask and what was done today when "
                   "urgent or statutory, the reason for a provisional level, consent and the basis for sharing)")
    p.add_argument("--pathway", metavar="FILE", help="pathway file (default: the bundled Birmingham pathway)")

    p = actions.add_parser("export", help="write a .pairaid bundle of one record")
    p.add_argument("id")
    p.add_argument("file", help="bundle file to write (.pairaid is added when missing)")
    p.add_argument("--supervision", action="store_true",
                   help="leave out identifiers: initials for names, ages instead of dates, no NHS number, postcode, "
                   "address, phone number or email")
    p.add_argument("--also-remove", action="append", default=[], metavar="WORD",
                   help="with --supervision: a word or name to remove too (a neighbour, a relative); repeat for each")

    p = actions.add_parser("import", help="read a .pairaid bundle (checks its seal, and says who signed it)")
    p.add_argument("file")

    actions.add_parser("conflicts", help="copies from bundles that diverged from a record here, waiting for a choice")

    p = actions.add_parser("resolve", help="end a conflict: keep this computer's record or take the bundle's copy")
    p.add_argument("copy", help="the bundle's copy (its id from `pairaid records conflicts`)")
    p.add_argument("--keep", required=True, choices=("this-computer", "bundle"),
                   help="this-computer: the copy is removed; bundle: its content replaces the draft here")

    p = actions.add_parser("review", help="record a supervisor's review of a final record")
    p.add_argument("id")
    p.add_argument("--reviewer", required=True, help="the reviewer's name")
    p.add_argument("--verdict", required=True, choices=("agree", "challenge"))
    p.add_argument("--comment", default="")
    p.add_argument("--level", choices=LEVELS, help="the level the reviewer suggests (with challenge)")
    p.add_argument("--sign-off", action="store_true", help="sign the record off")

    p = actions.add_parser("key", help="this computer's signing key and its fingerprint, to give to colleagues, "
                           "and the colleagues trusted here")

    p = actions.add_parser("trust", help="trust a colleague's signing key, after comparing fingerprints aloud")
    p.add_argument("key", help="the colleague's public key (from `pairaid records key`), their key file, or a bundle "
                   "they signed")
    p.add_argument("--name", required=True, help="the colleague's name, as their bundles will show it")
    p.add_argument("--fingerprint", default="",
                   help="the fingerprint the colleague read aloud from their own `pairaid records key`")

    p = actions.add_parser("untrust", help="stop trusting a colleague's key (a lost computer, a colleague who left)")
    p.add_argument("fingerprint", help="the key's fingerprint, as `pairaid records key` lists it")

    p = actions.add_parser("audit", help="what happened to a record")
    p.add_argument("id")
    p.add_argument("--json", action="store_true")

    for action in actions.choices.values():
        _data_dir_option(action)
    parser.set_defaults(handler=run)


def _nhs(digits: str | None) -> str:
    return f"{digits[:3]} {digits[3:6]} {digits[6:]}" if digits and len(digits) == 10 else (digits or "")


def _info_dict(info: Any) -> dict[str, Any]:
    from dataclasses import asdict

    out = asdict(info)
    for key in ("created_at", "updated_at", "finalised_at", "at"):
        if out.get(key) is not None:
            out[key] = out[key].isoformat()
    for review in out.get("reviews", []):
        review["at"] = review["at"].isoformat()
    return out


def run(args: argparse.Namespace) -> int:
    from pairaid.store import Store, StoreCorruptError, StoreError, resolve_data_dir

    try:
        data_dir = resolve_data_dir(getattr(args, "data_dir", None))
    except OSError as exc:
        raise CliError(f"cannot use the data folder: {exc}") from None
    try:
        store = Store.open(data_dir)
    except StoreCorruptError as exc:
        offer = "the app offers to set it aside and start afresh" if exc.can_set_aside else "nothing was changed"
        raise CliError(f"{store_problem(exc)}\n(the file was left as it is; {offer})") from None
    except StoreError as exc:
        raise CliError(store_problem(exc)) from None
    try:
        return _ACTIONS[args.records_command](store, args)
    except StoreError as exc:
        raise CliError(store_problem(exc)) from None
    except ValueError as exc:
        raise CliError(str(exc)) from None
    finally:
        store.close()


def _record_id(store: Any, text: str) -> str:
    from pairaid.store import RecordNotFound

    try:
        return store.resolve_id(text)
    except RecordNotFound:
        raise CliError(f"no record with id {text}; `pairaid records list` shows the ids") from None


def _list(store: Any, args: argparse.Namespace) -> int:
    infos = store.search(text=args.text, level=args.level, status=args.status, date_from=args.date_from,
                         date_to=args.date_to, limit=args.limit)
    if args.json:
        print(json.dumps([_info_dict(i) for i in infos], indent=2, ensure_ascii=False))
        return 0
    if not infos:
        print("No records.")
        return 0
    print(f"{'ID':<8}  {'STATUS':<7}  {'VISIT':<10}  {'LEVEL':<10}  {'NHS NUMBER':<12}  BABY")
    for i in infos:
        flags = (" [urgent]" if i.urgent else "") + (" [signed off]" if i.signed_off else "")
        print(f"{i.id[:8]:<8}  {i.status:<7}  {i.visit_date or '':<10}  {i.final_level or '':<10}  "
              f"{_nhs(i.nhs_number):<12}  {i.baby_name or '(no name yet)'}{flags}")
    return 0


def _show(store: Any, args: argparse.Namespace) -> int:
    record = store.load(_record_id(store, args.id))
    if args.json:
        print(json.dumps(_info_dict(record), indent=2, ensure_ascii=False))
        return 0
    lines = [
        f"Record {record.id} (version {record.version}, {record.status})",
        f"Baby: {record.baby_name or '(no name)'}   NHS number: {_nhs(record.nhs_number) or '(none)'}",
        f"Visit: {record.visit_date or '(no date)'} {record.contact_type or ''}",
        f"Level: {record.final_level or '(not yet)'}" + (
            f" (suggested {record.suggested_level})" if record.suggested_level != record.final_level else ""),
    ]
    if record.amendment_of:
        lines.append(f"Amends: {record.amendment_of}")
    if record.amended_by:
        lines.append(f"Amended by: {record.amended_by}")
    if record.deidentified:
        lines.append("De-identified supervision copy (read-only)")
    for review in record.reviews:
        level = f", suggests {review.suggested_level}" if review.suggested_level else ""
        signed = ", signed off" if review.signed_off else ""
        lines.append(f"Review {review.at:%Y-%m-%d} by {review.reviewer}: {review.verdict}{level}{signed}"
                     + (f" - {review.comment}" if review.comment else ""))
    print("\n".join(lines))
    return 0


def _add(store: Any, args: argparse.Namespace) -> int:
    """Save a file as a draft, or finalise it through the checks the app makes."""
    from pairaid.commands.common import load_assessment_file, load_pathway_for_cli
    from pairaid.core.assess import assess_with_pathway
    from pairaid.core.finalising import finalise_problems
    from pairaid.store import RecordSummary

    assessment = load_assessment_file(args.file)
    pathway = load_pathway_for_cli(args.pathway)
    outcome = assess_with_pathway(assessment, pathway, strict=False)
    if args.finalise:
        problems = finalise_problems(assessment, outcome)
        if problems:
            raise CliError(f"{args.file}: not finalised; put these right first (nothing was saved):\n  "
                           + "\n  ".join(problems))
    data = assessment.model_dump(mode="json")
    info = store.create_draft(data, summary=RecordSummary.from_draft(data, outcome))
    if not args.finalise:
        print(f"Saved as a draft: record {info.id}")
        return 0
    store.finalise(info.id, info.version, assessment, assess_with_pathway(assessment, pathway),
                   pathway_id=pathway.pathway.id, pathway_version=pathway.pathway.version)
    print(f"Saved and finalised: record {info.id}")
    return 0


def _export(store: Any, args: argparse.Namespace) -> int:
    if args.also_remove and not args.supervision:
        raise CliError("--also-remove is for a supervision bundle; add --supervision")
    path = store.export_bundle(_record_id(store, args.id), args.file, supervision=args.supervision,
                               also_remove=args.also_remove)
    print(f"Wrote {path}" + (" (supervision copy, no identifiers)" if args.supervision else ""))
    return 0


def _import(store: Any, args: argparse.Namespace) -> int:
    sender = store.bundle_sender(args.file)
    record = store.import_bundle(args.file)
    if record.conflict_of:
        print(f"Kept as a conflict: record {record.conflict_of} changed on this computer and in the bundle since "
              f"they last met. The bundle's copy is {record.id}; nothing was overwritten. Compare the two with "
              f"`pairaid records show`, then choose with `pairaid records resolve {record.id} --keep ...`.")
    else:
        print(f"Imported record {record.id} (version {record.version}, {record.status}, "
              f"{len(record.reviews)} review(s))")
    print(f"Sender: {sender}" + ("" if sender.verified else " - its reviews do not count as sign-off"))
    return 0


def _conflicts(store: Any, args: argparse.Namespace) -> int:
    found = store.conflicts()
    if not found:
        print("No conflicts: no bundle's copy is waiting beside a record of this computer.")
        return 0
    for info in found:
        print(f"{info.id}  bundle's copy of {info.conflict_of}  ({info.visit_date or 'no visit date'}, "
              f"version {info.version}, {info.status})")
    print("Compare each with `pairaid records show`, then `pairaid records resolve COPY --keep this-computer|bundle`.")
    return 0


def _resolve(store: Any, args: argparse.Namespace) -> int:
    keep = "this_computer" if args.keep == "this-computer" else "bundle"
    record = store.resolve_conflict(_record_id(store, args.copy), keep)
    kept = "this computer's record" if keep == "this_computer" else "the bundle's content"
    print(f"Resolved: record {record.id} keeps {kept} (version {record.version}, {record.status}).")
    return 0


def _key(store: Any, args: argparse.Namespace) -> int:
    print(f"This computer's key fingerprint: {store.own_fingerprint()}")
    print(f"Public key: {store.own_public_key()}")
    print("Give the public key to a colleague, then read the fingerprint aloud to them (in person or by phone) "
          "while they run `pairaid records trust`.")
    trusted = store.trusted_keys()
    print("Colleagues trusted here:" if trusted else "No colleague's key is trusted here yet.")
    for key in trusted:
        print(f"  {key.fingerprint}  {key.name}  (trusted since {key.added_at[:10]})")
    return 0


def _trust(store: Any, args: argparse.Namespace) -> int:
    from pathlib import Path

    from pairaid.store.signing import fingerprint, read_public_key_file

    given = Path(args.key)
    if given.suffix == ".pairaid":
        key = store.bundle_public_key(given)
    elif given.is_file() or given.name.endswith(".pairaid-key"):
        key = read_public_key_file(given)
    else:
        key = args.key
    fingerprint(key)  # a key that is not one is refused here, before anyone reads anything aloud
    if not args.fingerprint.strip():
        # The key's own fingerprint is not shown: one copied from the screen would trust a forged file. Only the
        # fingerprint the colleague reads from their own computer proves the key is theirs (as in the app).
        print(f"Ask {args.name} to read their fingerprint aloud from their own computer (`pairaid records key`, or "
              f"Record → Keys and trusted colleagues in the app), then run this again with --fingerprint "
              f"\"…\" as they read it. Nothing was trusted yet.")
        return 1
    trusted = store.trust_key(key, name=args.name, fingerprint_said=args.fingerprint)
    print(f"Trusted {trusted.name}'s key {trusted.fingerprint}: bundles they sign now show as verified.")
    return 0


def _untrust(store: Any, args: argparse.Namespace) -> int:
    removed = store.remove_trusted_key(args.fingerprint)
    print(f"No longer trusted: {removed.name}'s key {removed.fingerprint}. Bundles it signs show as from an "
          "unverified sender from now on; reviews already brought in keep the standing they had.")
    return 0


def _review(store: Any, args: argparse.Namespace) -> int:
    review = store.add_review(_record_id(store, args.id), reviewer=args.reviewer, verdict=args.verdict,
                              comment=args.comment, suggested_level=args.level, signed_off=args.sign_off)
    print(f"Review {review.id} recorded" + (" and signed off" if review.signed_off else ""))
    return 0


def _audit(store: Any, args: argparse.Namespace) -> int:
    events = store.audit(_record_id(store, args.id))
    if args.json:
        print(json.dumps([{"at": e.at.isoformat(), "kind": e.kind, "detail": e.detail} for e in events],
                         indent=2))
        return 0
    for e in events:
        detail = " ".join(f"{k}={v}" for k, v in sorted(e.detail.items()))
        print(f"{e.at:%Y-%m-%d %H:%M:%S}  {e.kind:<16} {detail}")
    return 0


_ACTIONS = {"add": _add, "list": _list, "show": _show, "export": _export, "import": _import, "review": _review,
            "audit": _audit, "key": _key, "trust": _trust, "untrust": _untrust, "conflicts": _conflicts,
            "resolve": _resolve}
