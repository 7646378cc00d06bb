"""Real terms: restate a value from its price year to the price base year by a GDP deflator index."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from bluelight.core.years import label


@dataclass(frozen=True)
class DeflatorSeries:
    """An index by financial year (start year -> index), with where it comes from."""

    source: str
    published: str
    index: Mapping[int, Decimal]

    def factor(self, price_year: int, base_year: int) -> Decimal:
        """What one pound in `price_year` prices is worth in `base_year` prices."""
        missing = [label(y) for y in (price_year, base_year) if y not in self.index]
        if missing:
            raise ValueError(f"The GDP deflator series ({self.published}) has no index for {', '.join(missing)}")
        return self.index[base_year] / self.index[price_year]


def to_price_base(value: Decimal, price_year: int, base_year: int, series: DeflatorSeries) -> Decimal:
    return value * series.factor(price_year, base_year)
