"""The chance of reaching a target, stated honestly.

A share of simulated draws is an estimate: 7 draws in 20,000 is "less than 1%", not "0%", when the
ranges allow the target to be reached. "0%" is said only when even every high together falls short
of the target, and "100%" only when every low together reaches it: then the ranges make it so, and
no draw could say otherwise. Between 1% and 99% the share is given to the whole per cent.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Chance:
    reaching: int  # draws at or above the target
    draws: int
    words: str  # "less than 1%", "93%", "more than 99%"; "0%" or "100%" only when the ranges make it so
    figure: str  # the share to 2 significant figures, or what the draws and ranges say where they give none
    certain: bool  # the ranges alone settle it, either way

    @property
    def share(self) -> float:
        return self.reaching / self.draws

    @property
    def detail(self) -> str:
        """The figure with the draws behind it, for a sentence or a table."""
        if self.certain or self.reaching in (0, self.draws):
            return self.figure
        return f"{self.reaching:,} of {self.draws:,} draws: {self.figure}"


def _two_figures(percent: float) -> str:
    """0.035 -> '0.035', 93.04 -> '93', 7.25 -> '7.3'."""
    value = Decimal(repr(percent))
    rounded = value.quantize(Decimal(1).scaleb(value.adjusted() - 1))
    return format(rounded.normalize() if rounded == rounded.to_integral_value() else rounded, "f")


def state(reaching: int, draws: int, *, target: float, lowest: float, highest: float) -> Chance:
    """The chance of reaching `target` from `reaching` of `draws` draws whose totals lie between `lowest`
    (every benefit at its low) and `highest` (every benefit at its high)."""
    if draws < 1:
        raise ValueError("A chance needs at least one draw")
    if highest < target:
        return Chance(0, draws, "0%", "0%: even with every benefit at its high the total falls short", True)
    if lowest >= target:
        return Chance(draws, draws, "100%", "100%: even with every benefit at its low the total reaches it", True)
    share = reaching / draws
    if share < 0.01:
        figure = f"none of {draws:,} draws" if reaching == 0 else f"{_two_figures(share * 100)}%"
        return Chance(reaching, draws, "less than 1%", figure, False)
    if share > 0.99:
        short = (draws - reaching) / draws * 100
        figure = f"all {draws:,} draws" if reaching == draws else f"{Decimal(100) - Decimal(_two_figures(short))}%"
        return Chance(reaching, draws, "more than 99%", figure, False)
    whole = min(99, max(1, round(share * 100)))
    return Chance(reaching, draws, f"{whole}%", f"{_two_figures(share * 100)}%", False)
