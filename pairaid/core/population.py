"""Population need (pathway.md): the needs assessment's proportions applied to a number of children under two.

Rounding rule: each route's count is rounded half up on its own (0.5 goes up), using exact decimal
arithmetic; totals are sums of the rounded routes, so they may differ from the population by one or two.
For Birmingham's 30,672: 15,336 / 6,134 / 3,987 / 2,454 / 613 / 2,147; 2,760 need specialist PAIR help;
2,420 after the 340 seen by the perinatal mental health service.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from pydantic import BaseModel, Field

from pairaid.core import vocab
from pairaid.core.pathway import Prevalence

ROUNDING = "each route's count is rounded half up on its own (exact decimals); totals add the rounded counts"
# The proportions are of children under two (two years of births); the needs assessment calls its specialist
# figure "a year". Say both wherever the figure is shown, so no one plans a year's services on two years' need.
BASIS = "children under two (about two years of births)"
A_YEAR_FOOTNOTE = (
    "* The needs assessment calls this figure \"families a year\". Its proportions are applied to all children "
    "under two, which is about two years of births, so one year's births would give roughly half. The perinatal "
    "service's figure is a yearly count, so the figure left after it mixes the two."
)


class PopulationRow(BaseModel):
    route_id: str
    label: str
    level: vocab.Level | None
    proportion: float
    count: int
    specialist_pair: bool = False


class PopulationEstimate(BaseModel):
    under_twos: int
    rows: list[PopulationRow]
    total: int = Field(description="sum of the rounded route counts")
    specialist_pair: int = Field(
        description="children under two (about two years of births) needing specialist PAIR help; the needs "
        "assessment calls it 'a year'"
    )
    seen_by_perinatal_service: int | None = None
    after_perinatal: int | None = Field(default=None, description="specialist PAIR need not seen by perinatal MH")
    rounding: str = ROUNDING
    source: str | None = None
    basis: str = BASIS
    note: str = A_YEAR_FOOTNOTE

    def summary_sentence(self) -> str:
        """The estimate in one sentence, with the footnote mark where the needs assessment says "a year"."""
        text = (f"Of {self.under_twos:,} {BASIS}, about {self.specialist_pair:,} families need specialist "
                "parent-infant relationship (PAIR) help (\"a year\" in the needs assessment*)")
        if self.seen_by_perinatal_service is not None:
            text += (f"; about {self.seen_by_perinatal_service:,} are seen by the perinatal mental health service, "
                     f"leaving {self.not_seen:,}")
        return text + "."

    @property
    def routes(self) -> list[PopulationRow]:
        return self.rows

    @property
    def not_seen(self) -> int | None:
        return self.after_perinatal

    def level_share(self, level: str) -> float:
        """Share of children (0..1) whose route sits at `level`."""
        return sum(row.proportion for row in self.rows if row.level == level)

    def level_count(self, level: str) -> int:
        return sum(row.count for row in self.rows if row.level == level)


def round_half_up(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def estimate(
    under_twos: int, prevalence: Prevalence, seen_by_perinatal_service: int | None = None
) -> PopulationEstimate:
    """Children by route for `under_twos`; `seen_by_perinatal_service` overrides the pathway's figure."""
    if under_twos < 0:
        raise ValueError("the number of children under two cannot be negative")
    rows = [
        PopulationRow(
            route_id=route.id,
            label=route.label,
            level=route.level,
            proportion=route.proportion,
            # str() keeps the proportion as written (0.13, not 0.130000000000000004)
            count=round_half_up(Decimal(str(route.proportion)) * under_twos),
            specialist_pair=route.specialist_pair,
        )
        for route in prevalence.routes
    ]
    specialist = sum(row.count for row in rows if row.specialist_pair)
    seen = seen_by_perinatal_service if seen_by_perinatal_service is not None else prevalence.seen_by_perinatal_service
    return PopulationEstimate(
        under_twos=under_twos,
        rows=rows,
        total=sum(row.count for row in rows),
        specialist_pair=specialist,
        seen_by_perinatal_service=seen,
        after_perinatal=max(specialist - seen, 0) if seen is not None else None,
        source=prevalence.source,
    )
