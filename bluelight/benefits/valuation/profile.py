"""Benefit profiles: totals by any grouping, the cumulative profile against a target, the benefits RAG.

A BenefitLine holds one benefit's low, central and high values by financial year (start year),
already in price-base pounds, and any signed-off actuals. A signed-off actual replaces the central
forecast for its year in every total; low and high collapse to it too (it is no longer uncertain).

Three totals are read from the same lines (the `case` of `value` and `total`):
- "central", as profiled: the most likely value of each year;
- "expected": the mean of each year's low, central and high, the mean of the triangular range the
  simulation draws from, so it is what the simulation's draws average to;
- "risk_adjusted": the central value corrected by the benefit's optimism bias (`correction`: 1 minus
  the bias for a benefit, 1 plus it for a dis-benefit, 1 for a line already corrected in its chain).
An actual is measured, not forecast: it is the same in all three.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

ZERO = Decimal(0)


@dataclass(frozen=True)
class BenefitLine:
    key: str
    central: Mapping[int, Decimal]
    low: Mapping[int, Decimal] = field(default_factory=dict)
    high: Mapping[int, Decimal] = field(default_factory=dict)
    actuals: Mapping[int, Decimal] = field(default_factory=dict)  # signed off only
    gainers: Mapping[str, Decimal] = field(default_factory=dict)  # organisation -> share (sums to 1)
    payers: tuple[str, ...] = ()  # organisations that pay, each bearing an equal part
    attributes: Mapping[str, str] = field(default_factory=dict)  # workstream, section, type, status, grade ...
    correction: Decimal = Decimal(1)  # the factor for the risk-adjusted total (see the module's docstring)

    @property
    def years(self) -> set[int]:
        return set(self.central) | set(self.actuals)

    def value(self, year: int, case: str = "central") -> Decimal:
        if year in self.actuals:
            return self.actuals[year]
        central = self.central.get(year, ZERO)
        if case == "central":
            return central
        if case == "expected":
            return (self.low.get(year, central) + central + self.high.get(year, central)) / 3
        if case == "risk_adjusted":
            return central * self.correction
        source = self.low if case == "low" else self.high
        return source.get(year, central)

    def total(self, case: str = "central") -> Decimal:
        return sum((self.value(y, case) for y in self.years), ZERO)

    def is_actual(self, year: int) -> bool:
        return year in self.actuals


def total(lines: Iterable[BenefitLine], case: str = "central") -> Decimal:
    return sum((line.total(case) for line in lines), ZERO)


# The three totals every page shows side by side, in this order, with the words for each.
TOTALS = {"central": "As profiled", "expected": "Expected", "risk_adjusted": "Risk-adjusted"}
MEANINGS = {
    "central": "the central (most likely) value of every year",
    "expected": "the mean of each year's low, central and high, as the simulation draws them",
    "risk_adjusted": "every forecast corrected by its confidence grade's optimism bias",
}


def totals_by(lines: Iterable[BenefitLine], key: str | Callable[[BenefitLine], str]) -> dict[str, Decimal]:
    """Central totals grouped by an attribute name (e.g. 'section') or a function of the line."""
    get = key if callable(key) else (lambda line: line.attributes.get(key, ""))
    out: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for line in lines:
        out[get(line)] += line.total()
    return dict(out)


def totals_by_year(lines: Iterable[BenefitLine], case: str = "central") -> dict[int, Decimal]:
    out: dict[int, Decimal] = defaultdict(lambda: ZERO)
    for line in lines:
        for year in line.years:
            out[year] += line.value(year, case)
    return dict(sorted(out.items()))


def totals_by_gainer(lines: Iterable[BenefitLine]) -> dict[str, Decimal]:
    """Each benefit's central total split by the shares of the organisations that gain."""
    out: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for line in lines:
        amount = line.total()
        for organisation, share in line.gainers.items():
            out[organisation] += amount * share
    return dict(out)


def totals_by_payer(lines: Iterable[BenefitLine], unrecorded: str = "None recorded") -> dict[str, Decimal]:
    """Each benefit's central total split equally between the organisations that pay for it."""
    out: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for line in lines:
        payers = line.payers or (unrecorded,)
        for payer in payers:
            out[payer] += line.total() / len(payers)
    return dict(out)


@dataclass(frozen=True)
class ProfilePoint:
    year: int
    annual: Decimal
    cumulative: Decimal
    actual_share: Decimal  # how much of the year's figure is signed-off actuals


def cumulative_profile(lines: list[BenefitLine], years: Iterable[int]) -> list[ProfilePoint]:
    running, points = ZERO, []
    for year in years:
        annual = sum((line.value(year) for line in lines), ZERO)
        actual = sum((line.actuals[year] for line in lines if line.is_actual(year)), ZERO)
        running += annual
        points.append(ProfilePoint(year, annual, running, actual))
    return points


@dataclass(frozen=True)
class TargetStatus:
    amount: Decimal  # the total compared: as profiled, expected or risk-adjusted
    target: Decimal
    ratio: Decimal  # amount / target, to 3 places
    rag: str  # green | amber | red


def against_target(
    amount: Decimal, target: Decimal, green_at: Decimal = Decimal("1.00"), amber_at: Decimal = Decimal("0.90")
) -> TargetStatus:
    """Green at `green_at` of the target or more, Amber at `amber_at` or more, otherwise Red."""
    if target <= 0:
        raise ValueError("The target must be more than £0")
    exact = amount / target
    rag = "green" if exact >= green_at else "amber" if exact >= amber_at else "red"
    return TargetStatus(amount, target, exact.quantize(Decimal("0.001"), rounding=ROUND_HALF_UP), rag)
