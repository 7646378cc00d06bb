"""RAG scales and the changes between reporting periods. Pure Python: no Django.

A rating is a code ("green", "amber", ...) or NOT_GRADED. The change between a workstream's
rating in one period and its rating in the period before is derived here and never typed in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from bluelight.core.scales import NOT_GRADED, Scale


class Movement(StrEnum):
    NEW = "new"  # not reported in the previous period
    UNCHANGED = "unchanged"
    IMPROVED = "improved"
    WORSENED = "worsened"
    FIRST_GRADED = "first_graded"  # previously reported as not graded
    NO_LONGER_GRADED = "no_longer_graded"  # graded before, not graded now


@dataclass(frozen=True)
class Change:
    movement: Movement
    previous: str | None
    current: str
    label: str

    @property
    def moved(self) -> bool:
        return self.movement in (Movement.IMPROVED, Movement.WORSENED)


def derive_change(current: str, previous: str | None, scale: Scale) -> Change:
    """The change shown beside a rating: 'No change', 'Previously Green', 'Previously not graded', 'New'."""
    if previous is None:
        return Change(Movement.NEW, None, current, "New this period")
    if current == previous:
        return Change(Movement.UNCHANGED, previous, current, "No change")
    if previous == NOT_GRADED:
        return Change(Movement.FIRST_GRADED, previous, current, "Previously not graded")
    label = f"Previously {scale.label(previous)}"
    if current == NOT_GRADED:
        return Change(Movement.NO_LONGER_GRADED, previous, current, label)
    movement = Movement.IMPROVED if scale.rank(current) < scale.rank(previous) else Movement.WORSENED
    return Change(movement, previous, current, label)


@dataclass(frozen=True)
class NoLongerReported:
    key: str
    previous: str
    stage: str  # lifecycle stage now: closed, paused, business_as_usual, ...
    reason: str


@dataclass(frozen=True)
class PeriodComparison:
    """Everything the executive summary says about one period against the one before it."""

    reported: int
    counts: dict[str, int]  # rating code -> number, in scale order, only ratings in use
    changes: dict[str, Change]  # workstream key -> change
    previously_reported: int | None  # None when there is no previous period
    no_longer_reported: tuple[NoLongerReported, ...]

    def moved(self, movement: Movement) -> list[str]:
        return [key for key, change in self.changes.items() if change.movement is movement]


def compare_periods(
    current: Mapping[str, str],
    previous: Mapping[str, str] | None,
    scale: Scale,
    stages: Mapping[str, tuple[str, str]] | None = None,
) -> PeriodComparison:
    """Compare two periods' ratings, each a mapping of workstream key to rating code.

    `stages` gives, for workstreams that dropped out, their (lifecycle stage, reason), so the
    summary can say why they are no longer reported. Order of keys is kept as given.
    """
    stages = stages or {}
    tally = Counter(current.values())
    order = [code for code, _ in scale.ratings] + [NOT_GRADED]
    counts = {code: tally[code] for code in order if tally[code]}
    prior = previous or {}
    changes = {key: derive_change(rating, prior.get(key), scale) for key, rating in current.items()}
    gone = tuple(
        NoLongerReported(key, rating, *stages.get(key, ("unknown", "")))
        for key, rating in prior.items()
        if key not in current
    )
    return PeriodComparison(
        reported=len(current),
        counts=counts,
        changes=changes,
        previously_reported=None if previous is None else len(previous),
        no_longer_reported=gone,
    )
