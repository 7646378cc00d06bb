"""The rules an import checks across a row's cells or across rows: the services' own rules
(`programmes.rules`, `status.rules`, `benefits.rules`, `governance.rules`), reported by row and column.

Each check takes a sheet's plan and the import's context and yields (row number, column, reason).
Rows already found wrong are skipped, so one mistake is reported once.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from bluelight.benefits import rules as benefit_rules
from bluelight.core.scales import SCALES
from bluelight.governance import rules as governance_rules
from bluelight.programmes import rules as programme_rules
from bluelight.programmes.models import Workstream
from bluelight.status import rules as status_rules


def _rows(sheet):
    return [r for r in sheet.rows if r.ok]


def _reasons(sheet, row, errors: dict[str, str], headers: dict[str, str] | None = None):
    """A rule's {field: reason} as (row, column, reason), the column named as the sheet names it."""
    if not errors:  # the common case: no lookup for a row that passes
        return
    by_attr = {v.attr: v.header for v in sheet.spec.values}
    for attr, message in errors.items():
        yield row.number, (headers or {}).get(attr) or by_attr.get(attr), message


def _value(sheet, row, context, header: str):
    """The row's value, or, where the sheet leaves the column out, the record's value in Bluelight."""
    if header in row.values:
        return row.values[header]
    record = context["existing"][sheet.spec.name].get(row.key)
    return sheet.spec.row_of(record).get(header) if record is not None else None


def _programme_value(context, header: str, attr: str):
    """A programme setting from the workbook's Programme sheet, or else from the programme in Bluelight."""
    plan = context["plan"]
    for sheet in plan.sheets:
        if sheet.spec.name == "Programme" and sheet.rows and header in sheet.rows[0].values:
            return sheet.rows[0].values[header]
    return getattr(plan.programme, attr, None) if plan.programme else None


def programme_cycle(sheet, context):
    for row in _rows(sheet):
        yield from _reasons(
            sheet, row, programme_rules.cycle(row.values.get("Cycle starts"), row.values.get("Cycle ends"))
        )


def stopped_workstreams(sheet, context):
    for row in _rows(sheet):
        stage = _value(sheet, row, context, "Stage")
        if stage not in Workstream.STOPPED_STAGES:
            continue
        yield from _reasons(sheet, row, programme_rules.stopped_stage(
            True, Workstream.Stage(stage).label, _value(sheet, row, context, "Stage changed on"),
            _value(sheet, row, context, "Stage reason"),
        ))  # fmt: skip


def periods(sheet, context):
    in_workbook = {row.key for row in sheet.rows}
    others = [(p.label, p.starts_on, p.ends_on) for key, p in context["existing"]["Periods"].items()
              if key not in in_workbook]  # the programme's periods the workbook leaves alone  # fmt: skip
    for row in _rows(sheet):
        starts, ends = row.values.get("Starts on"), row.values.get("Ends on")
        wrong = status_rules.period_dates(starts, ends)
        if starts and ends:
            if not wrong:
                wrong = status_rules.period_overlap(starts, ends, others)
            others.append((row.values["Period"], starts, ends))  # the rows above, for the rows below
        yield from _reasons(sheet, row, wrong)


def settings(sheet, context):
    for row in _rows(sheet):
        yield from _reasons(sheet, row, benefit_rules.settings(
            row.values.get("Target"), row.values.get("Green at"), row.values.get("Amber at")
        ))  # fmt: skip


def optimism_bias(sheet, context):
    for row in _rows(sheet):
        bias = row.values.get("Optimism bias")
        if bias is not None:
            yield from _reasons(sheet, row, benefit_rules.optimism_bias(row.values.get("Grade"), bias),
                                {f"grade_{row.values.get('Grade')}": "Optimism bias"})  # fmt: skip


def ratings(sheet, context):
    scale = SCALES.get(_programme_value(context, "RAG scale", "rag_scale") or "three_point")
    periods = context["existing"]["Periods"]
    for row in _rows(sheet):
        wrong = status_rules.rating(scale, row.values.get("Rating"), row.values.get("Rationale"))
        if wrong:
            yield from _reasons(sheet, row, wrong)
            continue
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
    by_benefit, first = defaultdict(list), {}
    for row in _rows(sheet):
        benefit = row.values.get("Benefit")
        by_benefit[benefit].append((row.values.get("Organisation"), row.values.get("Share") or Decimal(0)))
        first.setdefault(benefit, row)
    for benefit, gains in by_benefit.items():
        wrong = benefit_rules.shares([s for _, s in gains], [o for o, _ in gains])
        yield from _reasons(sheet, first[benefit], wrong, {"gains": "Share"})


def profile_years(sheet, context):
    start = _programme_value(context, "Cycle starts", "cycle_start_year")
    end = _programme_value(context, "Cycle ends", "cycle_end_year")
    for row in _rows(sheet):
        year = row.values.get("Year")
        if year is None:
            continue
        low, central, high = (row.values.get(h) for h in ("Low", "Central", "High"))
        wrong = benefit_rules.in_cycle(year, start, end)
        if not wrong and None not in (low, central, high):
            wrong = benefit_rules.profile_values(year, low, central, high)
        yield from _reasons(sheet, row, wrong, {"year": "Year", "low": "Low", "central": "Central"})


def volume_needs_unit_cost(sheet, context):
    for row in _rows(sheet):
        by_volume = _value(sheet, row, context, "Method") == "volume"
        wrong = benefit_rules.volume_needs_unit_cost(by_volume, bool(_value(sheet, row, context, "Unit cost")))
        yield from _reasons(sheet, row, wrong, {"unit_cost": "Unit cost"})


def residual_not_above_inherent(sheet, context):
    for row in _rows(sheet):
        yield from _reasons(sheet, row, governance_rules.residual_not_above_inherent(
            *(row.values.get(h) for h in ("Inherent likelihood", "Inherent impact", "Residual likelihood",
                                          "Residual impact"))
        ))  # fmt: skip


def conditions(sheet, context):
    for row in _rows(sheet):
        wrong = governance_rules.conditions_stated(
            row.values.get("Outcome") == "approved_with_conditions", row.values.get("Conditions")
        )
        yield from _reasons(sheet, row, wrong)


CHECKS = {
    "Programme": [programme_cycle],
    "Benefit settings": [settings],
    "Periods": [periods],
    "Workstreams": [stopped_workstreams],
    "Ratings": [ratings],
    "Overall ratings": [ratings],
    "Confidence grades": [optimism_bias],
    "Benefits": [volume_needs_unit_cost],
    "Benefit gains": [shares],
    "Benefit years": [profile_years],
    "Risks": [residual_not_above_inherent],
    "Risk reviews": [residual_not_above_inherent],
    "Decisions": [conditions],
}
