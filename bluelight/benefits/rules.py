"""What benefit settings, benefits and their profiles must be. Pure: plain values in, {field: reason}
out (empty when they pass), raised by the benefit services and reported by the workbook import."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from bluelight.benefits.valuation.gmca import percent
from bluelight.core.years import label


def settings(target: Decimal | None, green_at: Decimal | None, amber_at: Decimal | None) -> dict[str, str]:
    errors = {}
    if target is not None and target <= 0:
        errors["target"] = "Enter a target of more than £0."
    if green_at is not None and amber_at is not None and amber_at > green_at:
        errors["amber_at"] = "The Amber threshold must not be above the Green threshold."
    return errors


def appraisal_year(year: int | None, cycle_end: int | None) -> dict[str, str]:
    """Year 0 of discounting: any year up to the end of the programme's cycle (None: the price base year)."""
    if year is not None and cycle_end is not None and year > cycle_end:
        return {"appraisal_year": f"The appraisal year cannot be after the programme's last year ({label(cycle_end)})."}
    return {}


def transfer_is_fiscal(transfer: bool, value_kind: str) -> dict[str, str]:
    """A transfer (a capital receipt) is fiscal value to the body that receives it, never economic or social."""
    if transfer and not value_kind.startswith("fiscal"):
        return {"transfer": "A transfer such as a capital receipt is fiscal value: choose Fiscal: cashable or "
                "Fiscal: non-cashable as its kind of value."}  # fmt: skip
    return {}


def optimism_bias(grade: int, bias: Decimal) -> dict[str, str]:
    if not Decimal(0) <= bias <= Decimal(1):
        return {f"grade_{grade}": "Enter an optimism bias between 0% and 100%."}
    return {}


def shares(values: Sequence[Decimal], organisations: Sequence[object]) -> dict[str, str]:
    """The organisations that gain from a benefit and their shares: each once, adding up to 100%."""
    total = sum(values, Decimal(0))
    if not values:
        return {"gains": "Enter at least one organisation that gains, with its share."}
    if total != 1:
        return {
            "gains": f"The shares of the organisations that gain add up to {percent(total)}; they must add up to 100%."
        }
    if len(set(organisations)) != len(organisations):
        return {"gains": "Each organisation that gains can appear once."}
    return {}


def volume_needs_unit_cost(by_volume: bool, has_unit_cost: bool) -> dict[str, str]:
    if by_volume and not has_unit_cost:
        return {"unit_cost": "Choose the unit cost the volumes are valued at."}
    return {}


def in_cycle(year: int, start: int | None, end: int | None) -> dict[str, str]:
    if start is not None and end is not None and not start <= year <= end:
        return {"year": f"{label(year)} is outside the programme's cycle ({label(start)} to {label(end)})."}
    return {}


def profile_values(year: int, low: Decimal, central: Decimal, high: Decimal, noun: str = "value") -> dict[str, str]:
    """One year of a benefit's profile: nothing negative, and low ≤ central ≤ high."""
    if min(low, central, high) < 0:
        return {"low": f"{label(year)}: a {noun} cannot be negative (record a dis-benefit as its own benefit)."}
    if not low <= central <= high:
        return {"central": f"{label(year)}: low, central and high must be in that order (low ≤ central ≤ high)."}
    return {}


def second_person(required: bool, entered_by: object, signing: object, year_label: str) -> dict[str, str]:
    """Two-person sign-off: the one who entered or last changed an actual cannot also sign it off."""
    if required and entered_by is not None and entered_by == signing:
        return {"signed_off_by": f"You entered the {year_label} actual, so someone else in the programme office "
                                 "must sign it off (two-person sign-off)."}  # fmt: skip
    return {}


def realised_needs_actual(becoming_realised: bool, has_signed_off_actual: bool) -> dict[str, str]:
    if becoming_realised and not has_signed_off_actual:
        return {"status": "A benefit is Realised only once one of its actuals is signed off: enter the actual "
                          "and have it signed off, and the status follows."}  # fmt: skip
    return {}
