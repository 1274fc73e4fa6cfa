"""Headless commands. Each command lives in `pairaid/commands/<name>.py` with `register(subparsers)`;
heavy imports happen inside the command so `pairaid assess` starts fast."""

from __future__ import annotations

import argparse
import importlib
import sys

from pairaid.commands import COMMANDS
from pairaid.commands.common import CliError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pairaid",
        description="Offline decision aid for parent-infant relationship support. "
        "Run with no command to open the desktop app.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and the bundled pathways")
    parser.add_argument("--self-test", action="store_true", help="check the installation end to end")
    parser.add_argument(
        "--data-dir", metavar="DIR", help="folder for the records database (default: the user data folder, "
        "or $PAIRAID_DATA_DIR)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in COMMANDS.values():
        try:
            module = importlib.import_module(f"pairaid.commands.{module_name}")
        except ModuleNotFoundError as exc:  # a command still being built is simply absent
            if exc.name != f"pairaid.commands.{module_name}":
                raise
            continue
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.version:
            from pairaid.commands.version import run_version

            return run_version(args)
        if args.self_test:
            from pairaid.commands.selftest import run_self_test

            return run_self_test(args)
        if not getattr(args, "handler", None):
            parser.print_help()
            return 0
        return int(args.handler(args) or 0)
    except CliError as exc:
        print(f"pairaid: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
