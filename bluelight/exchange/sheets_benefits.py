"""The benefits sheets: confidence grades, deflators, unit costs, benefits and their gains, years, actuals
and costs."""

from __future__ import annotations

from bluelight.benefits.models import (
    Benefit,
    BenefitActual,
    BenefitGain,
    BenefitYear,
    ConfidenceGrade,
    DeflatorIndex,
    UnitCost,
    WorkstreamCost,
)
from bluelight.exchange import cells
from bluelight.exchange.columns import (
    _scoped,
    _set_programme,
    fields,
)
from bluelight.exchange.schema import Many, Ref, SheetSpec

BENEFIT_SHEETS = [
    SheetSpec(
        "Confidence grades", "confidence grade", ConfidenceGrade, ("Grade",),
        fields(ConfidenceGrade, ("Grade", "grade"), ("Optimism bias", "optimism_bias"), ("Description", "description")),
        records=_scoped(ConfidenceGrade, "programme"), scope=_set_programme,
    ),
    SheetSpec(
        "Deflators", "deflator year", DeflatorIndex, ("Year",),
        fields(DeflatorIndex, ("Year", "year"), ("Index", "index"), ("Source", "source")),
        records=_scoped(DeflatorIndex, "programme"), scope=_set_programme,
    ),
    SheetSpec(
        "Unit costs", "unit cost", UnitCost, ("Unit cost",),
        fields(UnitCost, ("Unit cost", "name"), ("Category", "category"), ("Unit", "unit"), ("Value", "value"),
               ("Price year", "price_year"), ("Source", "source"), name=cells.key),
        records=_scoped(UnitCost, "programme"), scope=_set_programme,
    ),
    SheetSpec(
        "Benefits", "benefit", Benefit, ("Benefit",),
        [
            *fields(Benefit, ("Benefit", "key")),
            Ref(("Workstream",), "workstream", "Workstreams", required=True),
            *fields(Benefit, ("Title", "title"), ("Kind", "kind"), ("Kind of value", "value_kind"),
                    ("Transfer", "transfer"), ("Owner", "owner"), ("Measure", "measure"),
                    ("Baseline", "baseline"), ("Status", "status"), ("Confidence grade", "confidence_grade"),
                    ("Method", "method")),
            Ref(("Unit cost",), "unit_cost", "Unit costs"),
            *fields(Benefit, ("Price year", "price_year"), ("Deadweight", "deadweight"),
                    ("Attribution", "attribution"), ("Adjustments justification", "adjustments_justification"),
                    ("Health", "health")),
            Many("Payers", "payers", "Organisations"),
            *fields(Benefit, ("Illustrative", "illustrative"), ("Marking", "marking")),
        ],
        records=_scoped(Benefit, "workstream__programme", "workstream", "unit_cost"),
    ),
    SheetSpec(
        "Benefit gains", "share of a benefit", BenefitGain, ("Benefit", "Organisation"),
        [
            Ref(("Benefit",), "benefit", "Benefits", required=True),
            Ref(("Organisation",), "organisation", "Organisations", required=True),
            *fields(BenefitGain, ("Share", "share")),
        ],
        records=_scoped(BenefitGain, "benefit__workstream__programme", "benefit", "organisation"),
    ),
    SheetSpec(
        "Benefit years", "benefit year", BenefitYear, ("Benefit", "Year"),
        [
            Ref(("Benefit",), "benefit", "Benefits", required=True),
            *fields(BenefitYear, ("Year", "year"), ("Low", "low"), ("Central", "central"), ("High", "high")),
        ],
        records=_scoped(BenefitYear, "benefit__workstream__programme", "benefit"),
    ),
    SheetSpec(
        "Benefit actuals", "benefit actual", BenefitActual, ("Benefit", "Year"),
        [
            Ref(("Benefit",), "benefit", "Benefits", required=True),
            *fields(BenefitActual, ("Year", "year"), ("Amount", "amount"), ("Note", "note"),
                    ("Signed off at", "signed_off_at")),
        ],
        records=_scoped(BenefitActual, "benefit__workstream__programme", "benefit"),
    ),
    SheetSpec(
        "Costs", "workstream cost", WorkstreamCost, ("Workstream", "Year"),
        [
            Ref(("Workstream",), "workstream", "Workstreams", required=True),
            *fields(WorkstreamCost, ("Year", "year"), ("Amount", "amount"), ("Description", "description")),
        ],
        records=_scoped(WorkstreamCost, "workstream__programme", "workstream"),
    ),
]  # fmt: skip
