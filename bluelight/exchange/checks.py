"""The rules an import checks across a row's cells or across rows, as the pages' services do.

Each check takes a sheet's plan and the import's context and yields (row number, column, reason).
Rows already found wrong are skipped, so one mistake is reported once.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from bluelight.benefits.valuation.gmca import percent
from bluelight.benefits.valuation.years import label
from bluelight.status.rag import SCALES, rationale_required


def _rows(sheet):
    return [r for r in sheet.rows if r.ok]


def _programme_value(context, header: str, attr: str):
    """A programme setting from the workbook's Programme sheet, or else from the programme in Bluelight."""
    plan = context["plan"]
    for sheet in plan.sheets:
        if sheet.spec.name == "Programme" and sheet.rows and header in sheet.rows[0].values:
            return sheet.rows[0].values[header]
    return getattr(plan.programme, attr, None) if plan.programme else None


def programme_cycle(sheet, context):
    for row in _rows(sheet):
        start, end = row.values.get("Cycle starts"), row.values.get("Cycle ends")
        if start and end and end < start:
            yield row.number, "Cycle ends", "The cycle must end in or after the year it starts."


def period_dates(sheet, context):
    for row in _rows(sheet):
        starts, ends = row.values.get("Starts on"), row.values.get("Ends on")
        if starts and ends and ends < starts:
            yield row.number, "Ends on", "A period must end on or after the day it starts."


def thresholds(sheet, context):
    for row in _rows(sheet):
        green, amber = row.values.get("Green at"), row.values.get("Amber at")
        if green is not None and amber is not None and amber > green:
            yield row.number, "Amber at", "The Amber threshold must not be above the Green threshold."
        if row.values.get("Target") is not None and row.values["Target"] <= 0:
            yield row.number, "Target", "Enter a target of more than £0."


def ratings(sheet, context):
    scale = SCALES.get(_programme_value(context, "RAG scale", "rag_scale") or "three_point")
    periods = context["existing"]["Periods"]
    for row in _rows(sheet):
        rating = row.values.get("Rating")
        if rating is not None and not scale.allows(rating):
            allowed = ", ".join(code for code, _ in scale.choices())
            yield row.number, "Rating", f"“{rating}” is not on the programme's {scale.name} scale ({allowed})."
            continue
        if rating and rationale_required(rating) and not (row.values.get("Rationale") or "").strip():
            yield row.number, "Rationale", f"A {scale.label(rating)} rating needs its rationale."
        period = periods.get((row.values.get("Period"),))
        if period is not None and period.is_published:
            existing = context["existing"][sheet.spec.name].get(row.key)
            current = sheet.spec.row_of(existing) if existing is not None else None
            if current is None or any(current.get(h) != v for h, v in row.values.items()):
                yield (
                    row.number,
                    "Period",
                    (
                        f"Period {period.label} is published, so its ratings cannot be changed by import; "
                        "correct the rating on the workstream's page, with a reason."
                    ),
                )


def shares(sheet, context):
    totals, first = defaultdict(Decimal), {}
    for row in _rows(sheet):
        benefit = row.values.get("Benefit")
        totals[benefit] += row.values.get("Share") or 0
        first.setdefault(benefit, row.number)
    for benefit, total in totals.items():
        if total != 1:
            yield (
                first[benefit],
                "Share",
                (f"The shares of benefit “{benefit}” add up to {percent(total)}; they must add up to 100%."),
            )


def profile_years(sheet, context):
    start = _programme_value(context, "Cycle starts", "cycle_start_year")
    end = _programme_value(context, "Cycle ends", "cycle_end_year")
    for row in _rows(sheet):
        year = row.values.get("Year")
        if start and end and year is not None and not start <= year <= end:
            yield (
                row.number,
                "Year",
                f"{label(year)} is outside the programme's cycle ({label(start)} to {label(end)}).",
            )
        low, central, high = (row.values.get(h) for h in ("Low", "Central", "High"))
        if None in (low, central, high):
            continue
        if min(low, central, high) < 0:
            yield row.number, "Low", "A profile value cannot be negative (record a dis-benefit as its own benefit)."
        elif not low <= central <= high:
            yield row.number, "Central", "Low, central and high must be in that order (low ≤ central ≤ high)."


def volume_needs_unit_cost(sheet, context):
    for row in _rows(sheet):
        if row.values.get("Method") == "volume" and not row.values.get("Unit cost"):
            yield row.number, "Unit cost", "A benefit valued by volume needs the unit cost it is valued at."


def residual_not_above_inherent(sheet, context):
    for row in _rows(sheet):
        for part in ("likelihood", "impact"):
            inherent = row.values.get(f"Inherent {part}")
            residual = row.values.get(f"Residual {part}")
            if inherent is not None and residual is not None and residual > inherent:
                yield (
                    row.number,
                    f"Residual {part}",
                    (f"Residual {part} cannot be higher than inherent: mitigation does not add risk."),
                )


def conditions(sheet, context):
    for row in _rows(sheet):
        if row.values.get("Outcome") == "approved_with_conditions" and not (row.values.get("Conditions") or "").strip():
            yield row.number, "Conditions", "An approval with conditions needs its conditions."


CHECKS = {
    "Programme": [programme_cycle],
    "Benefit settings": [thresholds],
    "Periods": [period_dates],
    "Ratings": [ratings],
    "Overall ratings": [ratings],
    "Benefits": [volume_needs_unit_cost],
    "Benefit gains": [shares],
    "Benefit years": [profile_years],
    "Risks": [residual_not_above_inherent],
    "Risk reviews": [residual_not_above_inherent],
    "Decisions": [conditions],
}
