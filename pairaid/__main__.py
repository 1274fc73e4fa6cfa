"""`pairaid`: with a command, the headless command line; with none, the desktop app."""

from __future__ import annotations

import sys

from pairaid.commands import COMMANDS


def wants_cli(argv: list[str]) -> bool:
    """A command name, help or a global action means the command line; otherwise the app."""
    return any(arg in COMMANDS or arg in ("-h", "--help", "--version", "--self-test") for arg in argv)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if wants_cli(args):
        from pairaid.cli import main as cli_main

        return cli_main(args)
    from pairaid.app import main as app_main

    return app_main(args)


if __name__ == "__main__":
    sys.exit(main())
