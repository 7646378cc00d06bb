"""HM Treasury Green Book discounting, from the appraisal year (year 0).

The standard schedule is 3.5% a year for years 0-30, then 3.0% to year 75, 2.5% to 125, 2.0% to 200,
1.5% to 300 and 1.0% after; the health schedule (for health effects, where chosen) starts at 1.5%
and declines in the same steps. Each year is discounted at the rate of the band it falls in:
DF(t) = DF(t - 1) / (1 + r(t)), DF(0) = 1.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
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
        raise ValueError("Discounting starts at year 0, the appraisal year")
    schedule = SCHEDULES[schedule_name]
    factor = Decimal(1)
    for t in range(1, year + 1):
        factor /= 1 + rate(t, schedule)
    return factor


def discount_factor(year: int, schedule: str = "standard") -> Decimal:
    """Year 0 is the appraisal year (factor 1)."""
    return _factor(year, schedule)


# What happens to values in years before year 0 (the appraisal year): left out of the present value
# (the Green Book's sunk costs and benefits already banked), or brought forward to year 0 at the same
# rates, as money banked earlier is worth more now.
EXCLUDE, COMPOUND = "exclude", "compound"
BEFORE_YEAR_0 = (EXCLUDE, COMPOUND)


def factor(year: int, schedule: str = "standard", before: str = EXCLUDE) -> Decimal:
    """The factor for a year counted from year 0: a discount factor from year 0 on; before it, the
    compounding factor (1 / DF(-year)) or 0 when such years are excluded."""
    if year >= 0:
        return discount_factor(year, schedule)
    if before not in BEFORE_YEAR_0:
        raise ValueError(f"Years before year 0 are either {EXCLUDE}d or {COMPOUND}ed, not {before!r}")
    return 1 / discount_factor(-year, schedule) if before == COMPOUND else Decimal(0)


def present_value(flows: Mapping[int, Decimal], schedule: str = "standard", before: str = EXCLUDE) -> Decimal:
    """Sum of flows (year counted from year 0 -> amount) times their factors; years before year 0 by `before`."""
    return sum((amount * factor(year, schedule, before) for year, amount in flows.items()), Decimal(0))


@dataclass(frozen=True)
class Discounted:
    """A present value with what it was worked from: year 0, the rule for earlier years and their sum."""

    present_value: Decimal
    year_0: int
    before: str  # EXCLUDE or COMPOUND
    earlier: Decimal  # the undiscounted sum of the years before year 0 (left out, or compounded in)

    def __add__(self, other: Discounted) -> Discounted:
        if (self.year_0, self.before) != (other.year_0, other.before):
            raise ValueError("Present values from different years 0 or rules cannot be added")
        return Discounted(self.present_value + other.present_value, self.year_0, self.before,
                          self.earlier + other.earlier)  # fmt: skip


def discounted(
    by_year: Mapping[int, Decimal], year_0: int, before: str = EXCLUDE, schedule: str = "standard"
) -> Discounted:
    """The present value at `year_0` of values by financial year (start year)."""
    pv = present_value({year - year_0: amount for year, amount in by_year.items()}, schedule, before)
    earlier = sum((amount for year, amount in by_year.items() if year < year_0), Decimal(0))
    return Discounted(pv, year_0, before, earlier)
