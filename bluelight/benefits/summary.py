"""A programme's benefits summed up: the three totals against the target, the present value from the
appraisal year, the appraisal against costs and the totals by kind of value, as pages, documents and
JSON give them. Read through selectors.summary."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from bluelight.benefits.models import Benefit, BenefitActual, BenefitSettings, WorkstreamCost
from bluelight.benefits.valuation.appraisal import Appraisal, appraise
from bluelight.benefits.valuation.discounting import Discounted, discounted
from bluelight.benefits.valuation.profile import (
    MEANINGS,
    TOTALS,
    BenefitLine,
    TargetStatus,
    against_target,
    total,
    totals_by,
    totals_by_gainer,
    totals_by_year,
)  # fmt: skip
from bluelight.core.years import label
from bluelight.programmes.models import Programme


def _money(value: Decimal) -> int | float:
    """Pounds for JSON: a whole number where there are no pence (exact at any programme's scale)."""
    pence = value.quantize(Decimal("0.01"))
    return int(pence) if pence == pence.to_integral_value() else float(pence)


# The totals by the names users and settings give them -> the case of the lines each adds up.
CASES = {"profiled": "central", "expected": "expected", "risk_adjusted": "risk_adjusted"}


@dataclass
class Summary:
    programme: Programme
    settings: BenefitSettings
    lines: list[BenefitLine]
    benefits: list[Benefit] = field(default_factory=list)
    costs: list[WorkstreamCost] = field(default_factory=list)
    deflators: str = "no GDP deflator series entered"  # the series and release values are restated by

    @cached_property
    def totals(self) -> dict[str, Decimal]:
        """As profiled ("central"), expected and risk-adjusted: see valuation.profile."""
        return {name: total(self.lines, case) for name, case in CASES.items()}

    @property
    def profiled(self) -> Decimal:
        return self.totals["profiled"]

    @cached_property
    def statuses(self) -> dict[str, TargetStatus]:
        """Each of the three totals against the target."""
        s = self.settings
        return {name: against_target(amount, s.target, s.green_at, s.amber_at) for name, amount in self.totals.items()}

    def total_rows(self) -> list[tuple[str, str, TargetStatus, bool]]:
        """(name, what it adds up, against the target, whether the rating uses it) for each total."""
        basis = self.settings.target_basis
        return [(TOTALS[CASES[name]], MEANINGS[CASES[name]], found, name == basis)
                for name, found in self.statuses.items()]  # fmt: skip

    def document_parts(self, scale) -> dict:
        """The sentences and tables the board pack and annual report documents print (reports cannot import
        benefits, so they ask the section for them)."""
        from bluelight.benefits import document_parts as parts

        return {"rating": parts.rating_sentence(self, scale), "totals": parts.totals_table(self, scale),
                "kinds": parts.kinds_table(self)}  # fmt: skip

    @property
    def present_value_words(self) -> str:
        """The present value with its year 0 and the rule for earlier years, as reports state it."""
        from bluelight.benefits import document_parts as parts

        return parts.present_value_words(self)

    @property
    def method_notes(self) -> list[str]:
        """How the expected and risk-adjusted totals are worked out, for a report's method."""
        from bluelight.benefits import document_parts as parts

        return [parts.RISK_ADJUSTED, parts.EXPECTED]

    @property
    def basis(self) -> str:
        """Which total the benefits rating uses, in words ("As profiled")."""
        return TOTALS[CASES[self.settings.target_basis]]

    @cached_property
    def by_kind_of_value(self) -> dict[str, Decimal]:
        """Totals by the GMCA kinds of value, every kind listed (£0 where none)."""
        found = totals_by(self.lines, "value_kind")
        return {kind.label: found.get(kind.label, Decimal(0)) for kind in Benefit.ValueKind}

    @cached_property
    def transfers(self) -> Decimal:
        return total(line for line in self.lines if line.attributes.get("transfer") == "yes")

    @property
    def economic_value(self) -> Decimal:
        """Every kind of value with transfers (a capital receipt) left out: what the economy gains."""
        return self.profiled - self.transfers

    @cached_property
    def by_year(self) -> dict[int, Decimal]:
        """Central value by financial year, actuals where signed off, in year order."""
        return totals_by_year(self.lines)

    @property
    def status(self) -> TargetStatus:
        """The benefits rating: the total the programme chose (target_basis) against the target."""
        return self.statuses[self.settings.target_basis]

    @cached_property
    def discounting(self) -> Discounted:
        """The central profile discounted to year 0, the appraisal year, at the Green Book rate (health
        benefits at the health rate); earlier years excluded or compounded as the programme chose."""
        year_0, before = self.settings.year_0, self.settings.before_year_0
        found = Discounted(Decimal(0), year_0, before, Decimal(0))
        for line in self.lines:
            schedule = "health" if line.attributes.get("health") == "yes" else "standard"
            found += discounted({year: line.value(year) for year in line.years}, year_0, before, schedule)
        return found

    @property
    def present_value(self) -> Decimal:
        return self.discounting.present_value

    @property
    def year_0(self) -> str:
        return label(self.settings.year_0)

    def appraisal(self) -> Appraisal | None:
        """PV, NPV, BCR and payback of the central profile against recorded costs (None if no costs)."""
        if not self.costs:
            return None
        year_0 = self.settings.year_0
        benefits = {year - year_0: amount for year, amount in self.by_year.items()}
        costs: dict[int, Decimal] = {}
        for cost in self.costs:
            costs[cost.year - year_0] = costs.get(cost.year - year_0, Decimal(0)) + cost.amount
        return appraise(benefits, costs, before=self.settings.before_year_0)

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
            else label(self.settings.year_0 + result.payback_year),
        }

    def finance_words(self) -> str:
        """The benefits against what the workstreams cost, in a sentence for the reports."""
        from bluelight.core.templatetags.bluelight import pounds

        found = self.appraisal()
        if found is None:
            return "No costs are recorded yet, so there is no net present value or benefit-cost ratio."
        ratio = "" if found.bcr is None else f" and the benefit-cost ratio {found.bcr:.2f}"
        payback = (f"it pays back in {label(self.settings.year_0 + found.payback_year)}" if found.payback_year is not None
                   else "it does not pay back within the cycle")  # fmt: skip
        return (f"Against costs of {pounds(found.pv_costs)} (present value), the net present value is "
                f"{pounds(found.npv)}{ratio}; {payback}.")

    @property
    def forecast(self) -> Decimal:
        return self.profiled - self.realised

    @cached_property
    def measured_actuals(self) -> list[BenefitActual]:
        """Actuals worked out from a measure of activity, with their working, for the benefits counted."""
        return list(BenefitActual.objects.filter(benefit__in=self.benefits, measured=True)
                    .select_related("benefit").order_by("benefit__title", "year"))  # fmt: skip

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
        status, pv = self.status, self.discounting
        return {
            "programme": self.programme.slug,
            "price_base": label(self.settings.price_base_year),
            "deflators": self.deflators,
            "target": _money(self.settings.target),
            "profiled_total": _money(self.profiled),
            "expected_total": _money(self.totals["expected"]),
            "risk_adjusted_total": _money(self.totals["risk_adjusted"]),
            "totals": {
                name: {"total": _money(found.amount), "ratio": float(found.ratio), "rag": found.rag.capitalize()}
                for name, found in self.statuses.items()
            },
            "target_basis": self.settings.target_basis,
            "ratio": float(status.ratio),
            "rag": status.rag.capitalize(),
            "realised_to_date": _money(self.realised),
            "appraisal_year": label(pv.year_0),
            "years_before_appraisal_year": {"rule": pv.before, "amount": _money(pv.earlier)},
            "present_value": _money(pv.present_value),
            "appraisal": self.appraisal_dict(),
            "by_kind_of_value": {k: _money(v) for k, v in self.by_kind_of_value.items()},
            "transfers": _money(self.transfers),
            "economic_value": _money(self.economic_value),
            "benefits": len(self.lines),
            "by_section": {k: _money(v) for k, v in totals_by(self.lines, "section").items()},
            "by_type": {k: _money(v) for k, v in totals_by(self.lines, "type").items()},
            "by_organisation_gaining": {k: _money(v) for k, v in totals_by_gainer(self.lines).items()},
            "by_financial_year": {label(y): _money(v) for y, v in self.by_year.items()},
        }


