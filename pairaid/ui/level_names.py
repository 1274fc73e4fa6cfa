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

