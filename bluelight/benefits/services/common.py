"""What the benefit services share: the fields each record's history follows, a year of a profile, and
the programme's cycle."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from bluelight.benefits import rules
from bluelight.programmes.models import Programme

SETTINGS_FIELDS = ["target", "price_base_year", "appraisal_year", "before_year_0", "target_basis", "green_at",
                   "amber_at"]  # fmt: skip


BENEFIT_FIELDS = [
    "title", "kind", "value_kind", "transfer", "owner", "measure", "baseline", "status", "confidence_grade", "method", "unit_cost",
    "price_year", "deadweight", "attribution", "adjustments_justification", "evidence", "health", "illustrative",
    "marking",
]  # fmt: skip


@dataclass(frozen=True)
class YearValues:
    year: int
    low: Decimal
    central: Decimal
    high: Decimal


def in_cycle(programme: Programme, year: int) -> dict[str, str]:
    return rules.in_cycle(year, programme.cycle_start_year, programme.cycle_end_year)
