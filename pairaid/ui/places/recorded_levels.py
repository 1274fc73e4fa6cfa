"""The levels actually recorded in this store: final levels of finalised records, as counts and shares."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pairaid.core import vocab


@dataclass(frozen=True)
class RecordedLevels:
    counts: dict[str, int]  # every level, 0 when none

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def share(self, level: str) -> float | None:
        """Proportion 0..1 of finalised records at `level`; None when nothing is recorded."""
        return self.counts[level] / self.total if self.total else None


def recorded_levels(store: Any) -> RecordedLevels:
    """Count final levels of records finalised in `store` (an amendment replaces the record it corrects,
    so superseded records are not counted twice)."""
    counts = dict.fromkeys(vocab.LEVELS, 0)
    for info in store.search(status="final"):
        if info.status == "final" and info.final_level in counts:
            counts[info.final_level] += 1
    return RecordedLevels(counts)
