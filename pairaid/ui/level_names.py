"""How a level of need is named on screen: the pathway's label with its local name, never the same word twice
("Universal (Right Help, Right Time)", not "Universal — Universal (Right Help, Right Time)")."""

from __future__ import annotations

from pairaid.core.pathway import Pathway


def level_name(pathway: Pathway, level: str) -> str:
    info = pathway.levels.get(level)
    if info.local_name and info.local_name.startswith(info.label):
        return info.local_name
    if info.local_name:
        return f"{info.label} — {info.local_name}"
    return info.label


def provisional_text(coverage: int, applicable: int) -> str:
    """Said beside every provisional level, so it is never shown bare (assessment.md §7)."""
    return f"Provisional: {coverage} of {applicable} areas observed"


NOT_ENOUGH_OBSERVED = "Not enough observed yet"  # shown in place of a provisional level when nothing was observed
