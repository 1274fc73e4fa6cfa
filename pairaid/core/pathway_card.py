"""The few facts about a pathway that home shows (title, version, dates, area, level names), as plain data.

Home is filled from this card straight after the window's first paint; the full pathway (pydantic models,
about 100 ms to import and read) loads a moment later. The card is kept as JSON beside the cached pathway
(pairaid.pathway.cache) and read without pydantic.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    import datetime as dt

    from pairaid.core.pathway import Pathway


class PathwayCard(NamedTuple):
    title: str
    version: str
    area: str
    published: dt.date | None
    review_by: dt.date | None
    levels: dict[str, str]  # level id -> the pathway's label for it

    @classmethod
    def of(cls, pathway: Pathway) -> PathwayCard:
        from pairaid.core.vocab import LEVELS

        info = pathway.pathway
        levels = {level: pathway.levels.get(level).label for level in LEVELS}
        return cls(info.title, info.version, info.area.name, info.published, info.review_by, levels)

    def level_label(self, level: str) -> str:
        return self.levels.get(level, "")

    def to_json(self) -> str:
        data: dict[str, Any] = self._asdict()
        for day in ("published", "review_by"):
            data[day] = data[day].isoformat() if data[day] else None
        return json.dumps(data, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> PathwayCard:
        """ValueError when the text is not a card (a damaged cache file): the caller loads the pathway."""
        import datetime as dt

        data = json.loads(text)
        if not isinstance(data, dict) or set(data) != set(cls._fields):
            raise ValueError("not a pathway card")
        levels = data["levels"]
        if not isinstance(levels, dict) or not all(isinstance(v, str) for v in levels.values()):
            raise ValueError("not a pathway card")
        if not all(data[day] is None or isinstance(data[day], str) for day in ("published", "review_by")):
            raise ValueError("not a pathway card")
        days = {day: dt.date.fromisoformat(data[day]) if data[day] else None for day in ("published", "review_by")}
        title, version, area = (data[name] for name in ("title", "version", "area"))
        if not all(isinstance(value, str) for value in (title, version, area)):
            raise ValueError("not a pathway card")
        return cls(title, version, area, days["published"], days["review_by"], dict(levels))
