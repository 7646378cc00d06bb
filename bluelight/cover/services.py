"""A benefit line from a response-cover scenario: incidents newly within the standard a year × a stated
outcome uplift × a unit value from the programme's unit-cost library, into the benefits register as a
draft (Identified), with the working in its evidence and the scenario attached to it."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from bluelight.benefits import services as benefit_services
from bluelight.benefits.models import Benefit, UnitCost
from bluelight.benefits.services.common import YearValues
from bluelight.core.history import Actor
from bluelight.core.models import Organisation
from bluelight.core.templatetags.bluelight import pounds
from bluelight.core.years import label
from bluelight.evidence import services as evidence_services
from bluelight.evidence.models import Analysis
from bluelight.programmes.models import Workstream

CENTS = Decimal("0.01")


def incidents_a_year(result: dict) -> Decimal:
    """Incidents newly within the standard in the data, scaled to a year by the days the data covers."""
    newly = Decimal(result.get("newly_within") or 0)
    return (newly * 365 / Decimal(result["span_days"])).quantize(CENTS, ROUND_HALF_UP)


@dataclass(frozen=True)
class Assumptions:
    incidents_a_year: Decimal  # newly within the standard
    uplift_low: Decimal  # share of them with a better outcome, e.g. 0.02
    uplift_central: Decimal
    uplift_high: Decimal
    unit_cost: UnitCost
    first_year: int
    last_year: int

    def check(self) -> dict[str, str]:
        errors = {}
        if self.incidents_a_year < 0:
            errors["incidents_a_year"] = "The incidents a year cannot be negative."
        if not 0 <= self.uplift_low <= self.uplift_central <= self.uplift_high <= 1:
            errors["uplift_central"] = "The uplifts must be from 0% to 100%, with low ≤ central ≤ high."
        if self.last_year < self.first_year:
            errors["last_year"] = "The last year must be the same as or after the first."
        return errors

    def volume(self, uplift: Decimal) -> Decimal:
        return (self.incidents_a_year * uplift).quantize(Decimal("0.0001"), ROUND_HALF_UP)

    def working(self, analysis: Analysis) -> str:
        result = analysis.result
        standard = result["standard"]["within_minutes"]
        u = self.unit_cost
        return (
            f"From the response-cover scenario “{analysis.title}” (analysis {analysis.pk}): "
            f"{result.get('newly_within', 0):,} incidents brought within {standard:g} minutes in {result['span_days']} "
            f"days of data, × 365 ÷ {result['span_days']} = {self.incidents_a_year} a year; × an outcome uplift of "
            f"{_percent(self.uplift_central)} (low {_percent(self.uplift_low)}, high {_percent(self.uplift_high)}) = "
            f"{self.volume(self.uplift_central)} better outcomes a year; valued at “{u.name}”, {pounds(u.value)} {u.unit} "
            f"({label(u.price_year)} prices; {u.source}). {result['travel']}"
        )


def _percent(share: Decimal) -> str:
    return f"{(share * 100).normalize():f}%"


def _free_key(workstream: Workstream, title: str) -> str:
    base = slugify(title)[:70] or "cover-benefit"
    taken = set(Benefit.objects.filter(workstream__programme=workstream.programme, key__startswith=base)
                .values_list("key", flat=True))  # fmt: skip
    key, n = base, 2
    while key in taken:
        key, n = f"{base}-{n}", n + 1
    return key


@transaction.atomic
def benefit_from_scenario(*, actor: Actor, analysis: Analysis, workstream: Workstream, title: str,
                          assumptions: Assumptions, gains: Organisation, confidence_grade: int,
                          kind: str = Benefit.Kind.SOCIAL) -> Benefit:  # fmt: skip
    """A draft volume benefit from the scenario, the analysis attached to it as its evidence."""
    errors = assumptions.check()
    if analysis.status != Analysis.Status.DONE or analysis.kind != Analysis.Kind.COVER:
        errors["analysis"] = "Only a finished response-cover scenario can give a benefit line."
    elif not analysis.result.get("newly_within"):
        errors["analysis"] = "The scenario brings no incident within the standard: add stations to it first."
    if assumptions.unit_cost.programme_id != workstream.programme_id:
        errors["unit_cost"] = "Choose a unit cost from this programme's library."
    if errors:
        raise ValidationError(errors)
    working = assumptions.working(analysis)
    years = [YearValues(y, assumptions.volume(assumptions.uplift_low), assumptions.volume(assumptions.uplift_central),
                        assumptions.volume(assumptions.uplift_high))
             for y in range(assumptions.first_year, assumptions.last_year + 1)]  # fmt: skip
    benefit = benefit_services.benefit_create(
        actor=actor, workstream=workstream, key=_free_key(workstream, title), title=title, kind=kind,
        confidence_grade=confidence_grade, status=Benefit.Status.IDENTIFIED, method=Benefit.Method.VOLUME,
        unit_cost=assumptions.unit_cost, price_year=assumptions.unit_cost.price_year,
        measure=f"Incidents brought within {analysis.result['standard']['within_minutes']:g} minutes × outcome uplift",
        evidence=working, marking=analysis.marking, gains=[(gains, Decimal(1))], years=years,
    )  # fmt: skip
    evidence_services.analysis_attach(actor=actor, analysis=analysis, benefit=benefit,
                                      note=f"The benefit line was worked out from this scenario. {working}")  # fmt: skip
    return benefit
