"""The benefits register read as engine inputs: the programme's settings and deflator series, its benefits as
far as a scope sees, and each benefit as price-base pounds by year (low, central, high).

`benefit_lines` reads a programme's whole register in a fixed number of queries.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from bluelight.benefits.models import Benefit, BenefitSettings
from bluelight.benefits.valuation import gmca
from bluelight.benefits.valuation.deflate import DeflatorSeries
from bluelight.benefits.valuation.profile import (
    BenefitLine,
)  # fmt: skip
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

    def correction(self, benefit: Benefit) -> Decimal:
        """The risk-adjusted total's factor: optimism bias by confidence grade on every stated amount (a
        dis-benefit grows by it, as a cost would); a volume line has had it in its chain already."""
        if benefit.method == Benefit.Method.VOLUME:
            return Decimal(1)
        bias = self.bias[benefit.confidence_grade]
        return 1 + bias if benefit.kind == Benefit.Kind.DISBENEFIT else 1 - bias

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
                    "value_kind": Benefit.ValueKind(benefit.kind_of_value).label,
                    "transfer": "yes" if benefit.transfer else "no",
                },
                correction=method.correction(benefit),
            )
        )
    return lines


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
