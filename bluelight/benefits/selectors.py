"""Reads for benefits: the register turned into engine inputs (price-base pounds), and the summary.

`benefit_lines` reads a programme's whole register in a fixed number of queries.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

import numpy as np

from bluelight.benefits.models import Benefit, BenefitSettings, WorkstreamCost
from bluelight.benefits.valuation import gmca
from bluelight.benefits.valuation.appraisal import Appraisal, appraise
from bluelight.benefits.valuation.deflate import DeflatorSeries
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


class NotConfigured(Exception):
    """The programme has no benefits target or price base yet."""


def settings_of(programme: Programme) -> BenefitSettings:
    found = BenefitSettings.objects.filter(programme=programme).select_related("deflators").first()
    if found is None:
        raise NotConfigured(f"{programme.name} has no benefits target or price base year yet.")
    return found


def deflator_series(programme: Programme, settings: BenefitSettings) -> DeflatorSeries:
    """The series the programme values with: a published release it chose, else the years it entered itself."""
    if settings.deflators_id is not None:
        release = settings.deflators
        return DeflatorSeries(
            source=release.source, published=str(release), index={r.year: r.index for r in release.years.all()}
        )
    rows = list(programme.deflators.all())
    return DeflatorSeries(
        source=rows[0].source if rows else "none entered",
        published=rows[0].source if rows else "no GDP deflator series entered",
        index={r.year: r.index for r in rows},
    )


def benefits_of(programme: Programme, scope: Scope | None = None):
    """The programme's benefits that `scope` sees (everything, for the system)."""
    return (
        (scope or Scope.everything())
        .filter(Benefit.objects.filter(workstream__programme=programme))
        .select_related("workstream__section", "workstream__lead_organisation", "unit_cost")
        .prefetch_related("years", "gains__organisation", "payers", "actuals")
    )


@dataclass(frozen=True)
class Method:
    """What valuing a programme's benefits needs besides the benefits: price base, deflators, biases."""

    base_year: int
    series: DeflatorSeries
    bias: dict[int, Decimal]

    @classmethod
    def of(cls, programme: Programme, settings: BenefitSettings | None = None) -> Method:
        settings = settings or settings_of(programme)
        grades = {g.grade: g.optimism_bias for g in programme.confidence_grades.all()}
        return cls(settings.price_base_year, deflator_series(programme, settings), grades)

    def to_base(self, amount: Decimal, price_year: int) -> Decimal:
        if price_year == self.base_year:
            return amount
        return amount * self.series.factor(price_year, self.base_year)

    def unit_cost(self, benefit: Benefit) -> Decimal:
        return self.to_base(benefit.unit_cost.value, benefit.unit_cost.price_year)

    def adjustments(self, benefit: Benefit) -> gmca.Adjustments:
        return gmca.Adjustments(benefit.deadweight, benefit.attribution, self.bias[benefit.confidence_grade])

    def values(self, benefit: Benefit) -> dict[int, tuple[Decimal, Decimal, Decimal]]:
        """{year: (low, central, high)} in price-base pounds; dis-benefits count against the total."""
        sign = -1 if benefit.kind == Benefit.Kind.DISBENEFIT else 1
        rows = benefit.years.all()
        if benefit.method == Benefit.Method.VOLUME:
            unit, adjust = self.unit_cost(benefit), self.adjustments(benefit)
            return {r.year: tuple(sign * gmca.value(v, unit, adjust) for v in (r.low, r.central, r.high)) for r in rows}
        return {
            r.year: tuple(sign * self.to_base(v, benefit.price_year) for v in (r.low, r.central, r.high)) for r in rows
        }


def benefit_lines(programme: Programme, benefits=None, method: Method | None = None) -> list[BenefitLine]:
    method = method or Method.of(programme)
    lines = []
    for benefit in benefits if benefits is not None else benefits_of(programme):
        values = method.values(benefit)
        lines.append(
            BenefitLine(
                key=benefit.key,
                central={y: v[1] for y, v in values.items()},
                low={y: v[0] for y, v in values.items()},
                high={y: v[2] for y, v in values.items()},
                actuals={a.year: a.amount for a in benefit.actuals.all() if a.signed_off_at},
                gainers={g.organisation.short_code: g.share for g in benefit.gains.all()},
                payers=tuple(sorted(p.short_code for p in benefit.payers.all())),
                attributes={
                    "workstream": benefit.workstream.title,
                    "section": benefit.workstream.section.name,
                    "type": benefit.get_kind_display(),
                    "status": benefit.get_status_display(),
                    "grade": str(benefit.confidence_grade),
                    "health": "yes" if benefit.health else "no",
                },
            )
        )
    return lines


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


def benefit_evidence(workstream, as_at) -> dict:
    """The workstream's signed-off actuals against its profile for the same years, for the suggested
    rating (registered with status.evidence in BenefitsConfig.ready). Nothing before the programme
    has benefit settings, or where no year has an actual."""
    try:
        settings = settings_of(workstream.programme)
    except NotConfigured:
        return {}
    lines = benefit_lines(workstream.programme, benefits_of(workstream.programme).filter(workstream=workstream))
    actual, profiled = Decimal(0), Decimal(0)
    for line in lines:
        for year, amount in line.actuals.items():
            actual += amount
            profiled += line.central.get(year, Decimal(0))
    if not profiled:
        return {}
    return {"benefits_actual": actual, "benefits_profiled": profiled, "benefits_green_at": settings.green_at,
            "benefits_amber_at": settings.amber_at}  # fmt: skip


def report_section(programme: Programme, scope: Scope) -> Summary | None:
    """The annual report's benefits section (registered in BenefitsConfig.ready): None before the
    programme has a target."""
    try:
        return summary(programme, scope)
    except NotConfigured:
        return None
