"""Benefits records: how a programme values them (method.py) and the register itself (register.py)."""

from bluelight.benefits.models.method import (
    MONEY,
    SHARE,
    BenefitSettings,
    ConfidenceGrade,
    DeflatorIndex,
    DeflatorRelease,
    DeflatorReleaseYear,
    UnitCost,
)  # fmt: skip
from bluelight.benefits.models.register import Benefit, BenefitActual, BenefitGain, BenefitYear, WorkstreamCost

__all__ = [
    "MONEY", "SHARE", "Benefit", "BenefitActual", "BenefitGain", "BenefitSettings", "BenefitYear", "ConfidenceGrade",
    "DeflatorIndex", "DeflatorRelease", "DeflatorReleaseYear", "UnitCost", "WorkstreamCost",
]  # fmt: skip
