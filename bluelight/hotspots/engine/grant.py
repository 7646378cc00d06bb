"""A grant spread fairly across districts: a floor for every district, the rest in proportion to need,
in whole pounds that add up exactly to the grant (the largest-remainder method: every district gets
the whole pounds of its exact share, and the pounds left over go one each to the largest fractions,
ties to the greater need, then by name). Decimal throughout.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal


@dataclass(frozen=True)
class Share:
    district: str
    need: Decimal
    floor: int
    exact: Decimal  # floor + the district's exact share of the rest
    pounds: int  # what it is given
    all_need: Decimal  # every district's need added up
    rest: int  # the grant less every district's floor

    @property
    def working(self) -> str:
        return (f"£{self.floor:,} + {self.need:,} ÷ {self.all_need:,} × £{self.rest:,} = £{self.exact:,.4f} "
                f"→ £{self.pounds:,}")  # fmt: skip


def allocate(total: int, need: dict[str, Decimal | int | float], floor: int = 0) -> list[Share]:
    """The grant `total` (whole pounds) across the districts of `need` (any measure, none negative),
    each given `floor` first. Raises ValueError naming what is wrong."""
    if total < 0 or int(total) != total:
        raise ValueError("the grant must be a whole number of pounds, 0 or more")
    if floor < 0 or int(floor) != floor:
        raise ValueError("the floor must be a whole number of pounds, 0 or more")
    if not need:
        raise ValueError("there are no districts to spread the grant across")
    needs = {d: Decimal(str(v)) for d, v in need.items()}
    negative = sorted(d for d, v in needs.items() if v < 0)
    if negative:
        raise ValueError(f"need cannot be negative: {', '.join(negative)}")
    rest = Decimal(total) - Decimal(floor) * len(needs)
    if rest < 0:
        raise ValueError(f"the grant £{total:,} is less than the floor £{floor:,} for each of {len(needs)} districts")
    all_need = sum(needs.values())
    if all_need == 0 and rest > 0:
        raise ValueError("every district's need is 0: there is nothing to spread the grant in proportion to")
    exact = {d: (rest * v / all_need if all_need else Decimal(0)) for d, v in needs.items()}
    whole = {d: int(e.to_integral_value(rounding=ROUND_FLOOR)) for d, e in exact.items()}
    left = int(rest) - sum(whole.values())
    order = sorted(needs, key=lambda d: (-(exact[d] - whole[d]), -needs[d], d))
    for district in order[:left]:
        whole[district] += 1
    return [Share(d, needs[d], floor, floor + exact[d], floor + whole[d], all_need, int(rest)) for d in sorted(needs)]
