"""What the benefits dashboard shows, as one dataclass: the summary, the profile against the target,
the chance of reaching it, the register filtered, and the totals by gainer, payer, grade and section.

The simulation is the slow part (20,000 draws); its figures depend only on the lines' values, the
target, the draws and the seed, so they are kept in the cache under a digest of exactly those and
worked out again only when one of them changes: the same answer, to the digit, without the wait.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from decimal import Decimal

from django.core.cache import cache

from bluelight.benefits import selectors
from bluelight.benefits.valuation import chances
from bluelight.benefits.valuation.profile import (
    BenefitLine,
    ProfilePoint,
    cumulative_profile,
    totals_by,
    totals_by_gainer,
    totals_by_payer,
)  # fmt: skip
from bluelight.core.years import label
from bluelight.programmes.models import Programme
from bluelight.programmes.scope import Scope

FILTERS = ("section", "type", "status", "organisation")
SIMULATION_DRAWS = 20_000
SEED = 1


@dataclass(frozen=True)
class Chance:
    """The simulation's answer: the chance of reaching the target and the spread of outcomes."""

    draws: int
    seed: int
    of_target: chances.Chance
    p10: int
    p50: int
    p90: int


@dataclass(frozen=True)
class Dashboard:
    summary: selectors.Summary
    points: list[tuple[str, ProfilePoint]]
    chance: Chance
    rows: list  # (benefit, line) pairs that pass the filters
    wanted: dict[str, str]
    options: dict[str, list[str]]
    by_gainer: list[tuple[str, Decimal]]
    by_payer: list[tuple[str, Decimal]]
    by_grade: list[tuple[str, Decimal]]
    by_section: list[tuple[str, Decimal]]


def _largest_first(groups: dict[str, Decimal]) -> list[tuple[str, Decimal]]:
    return sorted(groups.items(), key=lambda item: (-item[1], item[0]))


def _matches(line: BenefitLine, wanted: dict[str, str]) -> bool:
    for name, value in wanted.items():
        if name == "organisation":
            if value not in line.gainers:
                return False
        elif line.attributes.get(name) != value:
            return False
    return True


def _digest(lines: list[BenefitLine], target: Decimal, draws: int, seed: int) -> str:
    parts = [str(target), str(draws), str(seed)]
    for line in lines:
        parts += [str(sorted(line.low.items())), str(sorted(line.central.items())), str(sorted(line.high.items())),
                  str(sorted(line.actuals.items()))]  # fmt: skip
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def chance(programme: Programme, lines: list[BenefitLine], target: Decimal, draws: int = SIMULATION_DRAWS) -> Chance:
    key = f"bluelight:benefits:chance:v2:{_digest(lines, target, draws, SEED)}"
    kept = cache.get(key)
    if kept is not None:
        return kept
    result = selectors.simulation(programme, draws=draws, seed=SEED, lines=lines)
    stated = chances.state(result.reaching(float(target)), draws, target=float(target), lowest=result.lowest,
                           highest=result.highest)  # fmt: skip
    found = Chance(draws, SEED, stated, round(result.p10), round(result.p50), round(result.p90))
    cache.set(key, found, timeout=None)
    return found


def dashboard(programme: Programme, scope: Scope, query: dict[str, str]) -> Dashboard:
    """Raises lines.NotConfigured when the programme has no target or price base yet."""
    result = selectors.summary(programme, scope)
    lines = result.lines
    years = range(programme.cycle_start_year, programme.cycle_end_year + 1)
    wanted = {name: query[name] for name in FILTERS if query.get(name)}
    return Dashboard(
        summary=result,
        points=[(label(p.year), p) for p in cumulative_profile(lines, years)],
        chance=chance(programme, lines, result.settings.target),
        rows=[(b, line) for b, line in zip(result.benefits, lines, strict=True) if _matches(line, wanted)],
        wanted=wanted,
        options={
            "section": sorted({line.attributes["section"] for line in lines}),
            "type": sorted({line.attributes["type"] for line in lines}),
            "status": sorted({line.attributes["status"] for line in lines}),
            "organisation": sorted({code for line in lines for code in line.gainers}),
        },
        by_gainer=_largest_first(totals_by_gainer(lines)),
        by_payer=_largest_first(totals_by_payer(lines)),
        by_grade=sorted(totals_by(lines, "grade").items()),
        by_section=_largest_first(totals_by(lines, "section")),
    )
