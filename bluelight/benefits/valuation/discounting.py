"""HM Treasury Green Book discounting.

The standard schedule is 3.5% a year for years 0-30, then 3.0% to year 75, 2.5% to 125, 2.0% to 200,
1.5% to 300 and 1.0% after; the health schedule (for health effects, where chosen) starts at 1.5%
and declines in the same steps. Each year is discounted at the rate of the band it falls in:
DF(t) = DF(t - 1) / (1 + r(t)), DF(0) = 1.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from functools import lru_cache

# (last year of the band, rate); the final band runs on.
STANDARD = ((30, Decimal("0.035")), (75, Decimal("0.030")), (125, Decimal("0.025")), (200, Decimal("0.020")),
            (300, Decimal("0.015")), (None, Decimal("0.010")))  # fmt: skip
HEALTH = ((30, Decimal("0.015")), (75, Decimal("0.0129")), (125, Decimal("0.0107")), (200, Decimal("0.0086")),
          (300, Decimal("0.0064")), (None, Decimal("0.0043")))  # fmt: skip
SCHEDULES = {"standard": STANDARD, "health": HEALTH}


def rate(year: int, schedule=STANDARD) -> Decimal:
    for last, r in schedule:
        if last is None or year <= last:
            return r
    raise AssertionError("unreachable: the last band is open-ended")


@lru_cache(maxsize=4096)
def _factor(year: int, schedule_name: str) -> Decimal:
    if year < 0:
        raise ValueError("Discounting starts at year 0, the price base year")
    schedule = SCHEDULES[schedule_name]
    factor = Decimal(1)
    for t in range(1, year + 1):
        factor /= 1 + rate(t, schedule)
    return factor


def discount_factor(year: int, schedule: str = "standard") -> Decimal:
    """Year 0 is the price base year (factor 1)."""
    return _factor(year, schedule)


def present_value(flows: Mapping[int, Decimal], schedule: str = "standard") -> Decimal:
    """Sum of flows (year index from the base year -> amount) times their discount factors."""
    return sum((amount * discount_factor(year, schedule) for year, amount in flows.items()), Decimal(0))
