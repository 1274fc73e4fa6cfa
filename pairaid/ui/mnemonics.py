"""Mnemonics (the underlined letter after "&" that Alt presses): the text without them, and the letter."""

from __future__ import annotations

import re

_MNEMONIC = re.compile(r"&(.)")


def plain_text(text: str) -> str:
    """The words a person reads and a screen reader says: "Pathway &browser" -> "Pathway browser" ("&&" is a
    literal "&")."""
    return _MNEMONIC.sub(lambda m: m.group(1), text)


def mnemonic(text: str) -> str | None:
    """The Alt letter of `text`, lower case, or None."""
    for match in _MNEMONIC.finditer(text):
        if match.group(1) != "&":
            return match.group(1).lower()
    return None
