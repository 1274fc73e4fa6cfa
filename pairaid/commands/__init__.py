"""One module per headless command."""

# command name -> module in pairaid.commands. Here rather than in pairaid.cli so that `pairaid` with no command
# (the desktop app) can tell it is not a command without importing argparse and the commands' helpers.
COMMANDS: dict[str, str] = {
    "assess": "assess",
    "pathway": "pathway",
    "need": "need",
    "summary": "summary",
    "records": "records",
}
