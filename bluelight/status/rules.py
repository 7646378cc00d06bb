"""What periods and ratings must be. Pure: plain values in, {field: reason} out (empty when they pass).

The status services raise these as ValidationErrors and the workbook import reports them by row and
column, so every door refuses the same things in the same words.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from bluelight.core.scales import Scale, rationale_required


def period_dates(starts_on: datetime.date | None, ends_on: datetime.date | None) -> dict[str, str]:
    if starts_on and ends_on and ends_on < starts_on:
        return {"ends_on": "The period must end on or after the day it starts."}
    return {}


def period_overlap(
    starts_on: datetime.date, ends_on: datetime.date, others: Iterable[tuple[str, datetime.date, datetime.date]]
) -> dict[str, str]:
    """`others` are the programme's other periods as (label, starts on, ends on)."""
    for label, other_starts, other_ends in others:
        if other_starts <= ends_on and other_ends >= starts_on:
            return {"starts_on": f"The period overlaps the {label} period."}
    return {}


def rating(scale: Scale, code: str | None, rationale: str | None) -> dict[str, str]:
    if not scale.allows(code):
        codes = ", ".join(value for value, _ in scale.choices())
        return {"rating": f"“{code}” is not on the programme's {scale.name} scale ({codes})."}
    if rationale_required(code) and not (rationale or "").strip():
        return {
            "rationale": f"Enter the rationale for the {scale.label(code)} rating: every rating but Green needs one."
        }
    return {}


def correction_reason(reason: str | None) -> dict[str, str]:
    if not (reason or "").strip():
        return {"correction_reason": "Enter why the published rating is being corrected."}
    return {}
