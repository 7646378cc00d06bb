"""The GMCA (New Economy) cost-benefit chain for a public-service outcome.

value = volume x unit cost x (1 - deadweight) x attribution x (1 - optimism bias), where the optimism
bias comes from the benefit's confidence grade. Each step is kept so a page can show the working.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

# Optimism-bias correction by confidence grade (1 = strongest evidence). Configurable per programme;
# these defaults follow the GMCA Research Team's cost-benefit analysis guidance, which corrects
# values by confidence grade from 0% (grade 1) to 60% (grade 6). Check them against the edition
# your programme uses.
DEFAULT_OPTIMISM_BIAS = {1: Decimal("0"), 2: Decimal("0.10"), 3: Decimal("0.20"), 4: Decimal("0.30"),
                         5: Decimal("0.40"), 6: Decimal("0.60")}  # fmt: skip


@dataclass(frozen=True)
class Adjustments:
    deadweight: Decimal  # share that would have happened anyway, 0 to 1
    attribution: Decimal  # share due to this work, 0 to 1
    optimism_bias: Decimal  # correction for the confidence grade, 0 to 1

    def __post_init__(self):
        for name in ("deadweight", "attribution", "optimism_bias"):
            value = getattr(self, name)
            if not Decimal(0) <= value <= Decimal(1):
                raise ValueError(f"{name.replace('_', ' ')} must be between 0% and 100%, not {percent(value)}")


def percent(share: Decimal) -> str:
    """0.2 -> '20%', 0.125 -> '12.5%'."""
    text = f"{share * 100:f}"
    return (text.rstrip("0").rstrip(".") if "." in text else text) + "%"


def _plain(number: Decimal) -> str:
    """20.0000 -> '20', 12.5 -> '12.5', 8420 -> '8,420'."""
    text = f"{number:,f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _money(amount: Decimal) -> str:
    pence = amount.quantize(Decimal("0.01"))
    return f"£{pence:,.0f}" if pence == pence.to_integral_value() else f"£{pence:,.2f}"


@dataclass(frozen=True)
class Step:
    description: str
    value: Decimal


def working(volume: Decimal, unit_cost: Decimal, adjustments: Adjustments) -> list[Step]:
    """The chain, line by line; the last step's value is the benefit."""
    if volume < 0:
        raise ValueError("The volume cannot be negative")
    gross = volume * unit_cost
    after_deadweight = gross * (1 - adjustments.deadweight)
    attributed = after_deadweight * adjustments.attribution
    final = attributed * (1 - adjustments.optimism_bias)
    return [
        Step(f"{_plain(volume)} x {_money(unit_cost)} unit cost", gross),
        Step(f"less {percent(adjustments.deadweight)} deadweight", after_deadweight),
        Step(f"x {percent(adjustments.attribution)} attribution", attributed),
        Step(f"less {percent(adjustments.optimism_bias)} optimism bias", final),
    ]


def value(volume: Decimal, unit_cost: Decimal, adjustments: Adjustments) -> Decimal:
    return working(volume, unit_cost, adjustments)[-1].value
