"""Risk scores, their movement between meetings, and the 5×5 heat map. Pure Python: no Django.

Likelihood and impact are each 1 (very low) to 5 (very high); the score is their product, 1 to 25.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from html import escape

LIKELIHOOD = {1: "Rare", 2: "Unlikely", 3: "Possible", 4: "Likely", 5: "Almost certain"}
IMPACT = {1: "Negligible", 2: "Minor", 3: "Moderate", 4: "Major", 5: "Severe"}

# (lowest score, band, fill, text colour); a band's words appear in every table and tag beside the colour.
BANDS = [(15, "High", "#d4351c", "#ffffff"), (5, "Medium", "#f47738", "#0b0c0c"), (1, "Low", "#85994b", "#0b0c0c")]


def score(likelihood: int, impact: int) -> int:
    if likelihood not in LIKELIHOOD or impact not in IMPACT:
        raise ValueError(f"likelihood and impact are each 1 to 5, not {likelihood} and {impact}")
    return likelihood * impact


def band(value: int) -> str:
    return next(name for lowest, name, _fill, _text in BANDS if value >= lowest)


def _colours(value: int) -> tuple[str, str]:
    return next((fill, text) for lowest, _name, fill, text in BANDS if value >= lowest)


@dataclass(frozen=True)
class Movement:
    """How a risk's score has moved since an earlier date (e.g. the last meeting)."""

    previous: int | None  # None: the risk did not exist then
    current: int

    @property
    def direction(self) -> str:
        if self.previous is None:
            return "new"
        if self.current > self.previous:
            return "up"
        if self.current < self.previous:
            return "down"
        return "unchanged"

    @property
    def words(self) -> str:
        return {
            "new": "New since the last meeting",
            "up": f"Up from {self.previous}",
            "down": f"Down from {self.previous}",
            "unchanged": "No change",
        }[self.direction]


def heat_map_counts(positions: Iterable[tuple[int, int]]) -> dict[tuple[int, int], int]:
    """Count risks in each (likelihood, impact) cell; every one of the 25 cells is present."""
    counts = {(lk, im): 0 for lk in LIKELIHOOD for im in IMPACT}
    for likelihood, impact in positions:
        score(likelihood, impact)  # refuses a position off the grid
        counts[(likelihood, impact)] += 1
    return counts


@dataclass(frozen=True)
class HeatMap:
    """Counts by (likelihood, impact), drawn as SVG and laid out as the table beside it."""

    counts: dict[tuple[int, int], int]
    title: str

    @property
    def rows(self) -> list[tuple[int, str, list[int]]]:
        """Likelihood 5 first, each with its counts by impact 1 to 5."""
        return [
            (lk, LIKELIHOOD[lk], [self.counts[(lk, im)] for im in IMPACT]) for lk in sorted(LIKELIHOOD, reverse=True)
        ]

    @property
    def impacts(self) -> list[tuple[int, str]]:
        return list(IMPACT.items())

    @property
    def svg(self) -> str:
        return heat_map_svg(self.counts, self.title)


def heat_map_svg(counts: dict[tuple[int, int], int], title: str, cell: int = 56) -> str:
    """A 5×5 grid, likelihood up the side and impact along the bottom, each cell showing its count."""
    left, bottom, top = 120, 70, 10
    width, height = left + 5 * cell + 10, top + 5 * cell + bottom
    total = sum(counts.values())
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="heat-title heat-desc" class="bl-heat-map" font-family="Arial, sans-serif" font-size="13">',
        f'<title id="heat-title">{escape(title)}</title>',
        f'<desc id="heat-desc">{total} risks by likelihood and impact; the table beside it gives the same counts.'
        "</desc>",
    ]
    for likelihood in range(5, 0, -1):
        y = top + (5 - likelihood) * cell
        parts.append(
            f'<text x="{left - 8}" y="{y + cell / 2 + 4:g}" text-anchor="end">{likelihood} {LIKELIHOOD[likelihood]}</text>'
        )
        for impact in range(1, 6):
            x = left + (impact - 1) * cell
            fill, ink = _colours(likelihood * impact)
            count = counts[(likelihood, impact)]
            parts.append(
                f'<rect x="{x}" y="{y}" width="{cell}" height="{cell}" fill="{fill}" stroke="#ffffff" stroke-width="2"/>'
            )
            parts.append(
                f'<text x="{x + cell / 2:g}" y="{y + cell / 2 + 6:g}" text-anchor="middle" font-size="18" '
                f'font-weight="bold" fill="{ink}">{count}</text>'
            )
    for impact in range(1, 6):
        x = left + (impact - 1) * cell + cell / 2
        parts.append(f'<text x="{x:g}" y="{top + 5 * cell + 18}" text-anchor="middle">{impact}</text>')
        parts.append(
            f'<text x="{x:g}" y="{top + 5 * cell + 34}" text-anchor="middle" font-size="11">{IMPACT[impact]}</text>'
        )
    parts.append(
        f'<text x="{left + 5 * cell / 2:g}" y="{height - 8}" text-anchor="middle" font-weight="bold">Impact</text>'
    )
    parts.append(
        f'<text x="14" y="{top + 5 * cell / 2:g}" text-anchor="middle" font-weight="bold" '
        f'transform="rotate(-90 14 {top + 5 * cell / 2:g})">Likelihood</text>'
    )
    parts.append("</svg>")
    return "".join(parts)
