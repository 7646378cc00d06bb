"""Present value, net present value, benefit-cost ratio and payback year of a stream of benefits and costs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from bluelight.benefits.valuation.discounting import EXCLUDE, factor, present_value


@dataclass(frozen=True)
class Appraisal:
    pv_benefits: Decimal
    pv_costs: Decimal
    npv: Decimal
    bcr: Decimal | None  # None when there are no costs
    payback_year: (
        int | None
    )  # first year (from year 0), once money is spent, when discounted benefits to date cover costs to date


def appraise(
    benefits: Mapping[int, Decimal], costs: Mapping[int, Decimal], schedule: str = "standard", before: str = EXCLUDE
) -> Appraisal:
    """Flows by year counted from year 0; years before it are excluded or compounded (`before`)."""
    pv_b = present_value(benefits, schedule, before)
    pv_c = present_value(costs, schedule, before)
    years = sorted(y for y in set(benefits) | set(costs) if y >= 0 or before != EXCLUDE)
    running, spent, payback = Decimal(0), False, None
    for year in years:
        cost = costs.get(year, Decimal(0))
        spent = spent or cost > 0
        running += (benefits.get(year, Decimal(0)) - cost) * factor(year, schedule, before)
        if spent and running >= 0:
            payback = year
            break
    return Appraisal(pv_b, pv_c, pv_b - pv_c, (pv_b / pv_c) if pv_c else None, payback)
