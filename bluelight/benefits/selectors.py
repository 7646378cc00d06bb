"""Reads for benefits: the summary against the target, the simulation, and what benefits give the
suggested rating and the annual report (the register as engine inputs is lines.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

import numpy as np

from bluelight.benefits.lines import Method, NotConfigured, benefit_lines, benefits_of, settings_of
from bluelight.benefits.models import Benefit, BenefitSettings, WorkstreamCost
from bluelight.benefits.valuation.appraisal import Appraisal, appraise
from bluelight.benefits.valuation.discounting import present_value
from bluelight.benefits.valuation.profile import (
    BenefitLine,
    against_target,
    total,
    totals_by,
    totals_by_gainer,
    totals_by_year,
)  # fmt: skip
from bluelight.benefits.valuation.simulation import SimulationResult, simulate
from bluelight.core.years import label
from bluelight.programmes.models import Programme
from bluelight.programmes.scope import Scope


def _money(value: Decimal) -> int | float:
    """Pounds for JSON: a whole number where there are no pence (exact at any programme's scale)."""
    pence = value.quantize(Decimal("0.01"))
    return int(pence) if pence == pence.to_integral_value() else float(pence)


@dataclass
class Summary:
    programme: Programme
    settings: BenefitSettings
    lines: list[BenefitLine]
    benefits: list[Benefit] = field(default_factory=list)
    costs: list[WorkstreamCost] = field(default_factory=list)
    deflators: str = "no GDP deflator series entered"  # the series and release values are restated by

    @cached_property
    def profiled(self) -> Decimal:
        return total(self.lines)

    @cached_property
    def by_year(self) -> dict[int, Decimal]:
        """Central value by financial year, actuals where signed off, in year order."""
        return totals_by_year(self.lines)

    @cached_property
    def status(self):
        return against_target(self.profiled, self.settings.target, self.settings.green_at, self.settings.amber_at)

    @cached_property
    def present_value(self) -> Decimal:
        """Central profile discounted to the price base year at the Green Book rate (health benefits at 1.5%)."""
        base = self.settings.price_base_year
        total_pv = Decimal(0)
        for line in self.lines:
            flows = {year - base: line.value(year) for year in line.years if year >= base}
            total_pv += present_value(flows, "health" if line.attributes.get("health") == "yes" else "standard")
        return total_pv

    def appraisal(self) -> Appraisal | None:
        """PV, NPV, BCR and payback of the central profile against recorded costs (None if no costs)."""
        if not self.costs:
            return None
        base = self.settings.price_base_year
        benefits = {year - base: amount for year, amount in self.by_year.items()}
        costs: dict[int, Decimal] = {}
        for cost in self.costs:
            costs[cost.year - base] = costs.get(cost.year - base, Decimal(0)) + cost.amount
        return appraise({t: v for t, v in benefits.items() if t >= 0}, {t: v for t, v in costs.items() if t >= 0})

    def appraisal_dict(self) -> dict | None:
        result = self.appraisal()
        if result is None:
            return None
        return {
            "pv_benefits": _money(result.pv_benefits),
            "pv_costs": _money(result.pv_costs),
            "npv": _money(result.npv),
            "bcr": None if result.bcr is None else float(round(result.bcr, 2)),
            "payback_year": None
            if result.payback_year is None
            else label(self.settings.price_base_year + result.payback_year),
        }

    @property
    def forecast(self) -> Decimal:
        return self.profiled - self.realised

    def unit_cost_sources(self) -> list[str]:
        return sorted({b.unit_cost.source for b in self.benefits if b.unit_cost_id})

    @cached_property
    def realised(self) -> Decimal:
        return sum((amount for line in self.lines for amount in line.actuals.values()), Decimal(0))

    @property
    def price_base(self) -> str:
        return label(self.settings.price_base_year)

    def as_dict(self) -> dict:
        return self._as_dict

    @cached_property
    def _as_dict(self) -> dict:
        status = self.status
        return {
            "programme": self.programme.slug,
            "price_base": label(self.settings.price_base_year),
            "deflators": self.deflators,
            "target": _money(self.settings.target),
            "profiled_total": _money(self.profiled),
            "ratio": float(status.ratio),
            "rag": status.rag.capitalize(),
            "realised_to_date": _money(self.realised),
            "present_value": _money(self.present_value),
            "appraisal": self.appraisal_dict(),
            "benefits": len(self.lines),
            "by_section": {k: _money(v) for k, v in totals_by(self.lines, "section").items()},
            "by_type": {k: _money(v) for k, v in totals_by(self.lines, "type").items()},
            "by_organisation_gaining": {k: _money(v) for k, v in totals_by_gainer(self.lines).items()},
            "by_financial_year": {label(y): _money(v) for y, v in self.by_year.items()},
        }


def summary(programme: Programme, scope: Scope | None = None) -> Summary:
    """Totals of just the benefits and costs `scope` sees: a partner's dashboard never counts what it may not see."""
    scope = scope or Scope.everything()
    benefits = list(benefits_of(programme, scope))
    costs = list(scope.filter(WorkstreamCost.objects.filter(workstream__programme=programme)))
    settings = settings_of(programme)
    method = Method.of(programme, settings)
    return Summary(
        programme, settings, benefit_lines(programme, benefits, method), benefits, costs, method.series.published
    )


def simulation(
    programme: Programme,
    draws: int,
    seed: int,
    distribution: str = "triangular",
    lines: list[BenefitLine] | None = None,
) -> SimulationResult:
    lines = benefit_lines(programme) if lines is None else lines
    years = sorted({y for line in lines for y in line.years})
    shape = (len(lines), len(years))
    low, central, high = np.zeros(shape), np.zeros(shape), np.zeros(shape)
    for i, line in enumerate(lines):
        for j, year in enumerate(years):
            # A dis-benefit's "low" is its largest loss: order each triple so low <= central <= high.
            trio = sorted(float(line.value(year, case)) for case in ("low", "central", "high"))
            low[i, j], central[i, j], high[i, j] = trio
    return simulate(low, central, high, draws=draws, seed=seed, distribution=distribution)


def report_section(programme: Programme, scope: Scope) -> Summary | None:
    """The annual report's benefits section (registered in BenefitsConfig.ready): None before the
    programme has a target."""
    try:
        return summary(programme, scope)
    except NotConfigured:
        return None
