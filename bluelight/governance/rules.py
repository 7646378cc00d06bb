"""What risks and decisions must be. Pure: plain values in, {field: reason} out (empty when they pass),
raised by the governance services and reported by the workbook import."""

from __future__ import annotations

import calendar
import datetime


def residual_not_above_inherent(
    inherent_likelihood: int | None, inherent_impact: int | None,
    residual_likelihood: int | None, residual_impact: int | None,
) -> dict[str, str]:  # fmt: skip
    errors = {}
    for part, inherent, residual in (
        ("likelihood", inherent_likelihood, residual_likelihood), ("impact", inherent_impact, residual_impact)
    ):  # fmt: skip
        if inherent and residual and residual > inherent:
            errors[f"residual_{part}"] = (
                f"Residual {part} cannot be higher than inherent: mitigation does not add risk."
            )
    return errors


def conditions_stated(with_conditions: bool, conditions: str | None) -> dict[str, str]:
    if with_conditions and not (conditions or "").strip():
        return {"conditions": "Enter the conditions of the approval."}
    return {}


MONTHS_APART = {"monthly": 1, "bimonthly": 2, "quarterly": 3, "twice_yearly": 6, "annual": 12}


def _months_on(day: datetime.date, months: int) -> datetime.date:
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_meeting(last: datetime.date, cadence: str, today: datetime.date) -> datetime.date | None:
    """The first date on or after `today` at the board's cadence from its last meeting (the same day of
    the month, or the month's last day); None for a board that meets as needed."""
    months = MONTHS_APART.get(cadence)
    if months is None:
        return None
    step = 1
    while (proposed := _months_on(last, months * step)) < today:
        step += 1
    return proposed


def decided_after_meeting(held_on: datetime.date, cancelled: bool, today: datetime.date, meeting: str) -> dict[str, str]:
    """A decision is recorded only for a meeting that has taken place."""
    if cancelled:
        return {"outcome": f"The {meeting} was cancelled: record the decision at the meeting that took it."}
    if held_on > today:
        return {"outcome": f"The {meeting} has not taken place yet: record its decisions on or after "
                           f"{held_on:%-d %B %Y}."}  # fmt: skip
    return {}
