"""Emerging hot spots: space-time Gi* over monthly grids, a Mann–Kendall trend in each cell's z-scores,
and a pattern for each cell from the rules written in docs/method-hotspots.md.

The space-time neighbourhood of a cell in month t is the spatial stencil in months t − months_back
to t (never later months): a hot spot this month is judged by what was near it, now and just before.
Bins are significant at `alpha` (90% confidence by default) on Benjamini–Hochberg q-values taken over
the whole cube, and the trend at the same level.
"""

from __future__ import annotations

import numpy as np

from bluelight.hotspots.engine.gistar import benjamini_hochberg, stencil, two_sided_p, z_scores
from bluelight.hotspots.engine.trend import mann_kendall

MOSTLY = 0.9  # “at least 90 per cent of the months”

PATTERNS = (
    "New", "Consecutive", "Intensifying", "Persistent", "Diminishing", "Sporadic", "Oscillating", "Historical",
)  # fmt: skip
NO_PATTERN = "No pattern"


def footprint(band_cells: float, months_back: int) -> np.ndarray:
    """The space-time stencil [month, row, column]: the spatial stencil in this month and the
    `months_back` before it; zero for the months after."""
    spatial = stencil(band_cells)
    cube = np.zeros((2 * months_back + 1, *spatial.shape))
    cube[: months_back + 1] = spatial  # correlate reads index k as offset k − months_back
    return cube


def space_time_z(cube: np.ndarray, band_cells: float, months_back: int = 1) -> np.ndarray:
    """Gi* z-score of every bin of `cube` [month, row, column]."""
    return z_scores(cube, footprint(band_cells, months_back))


def patterns_of(hot: np.ndarray, cold: np.ndarray, trend_z: np.ndarray, trend_significant: np.ndarray) -> np.ndarray:
    """The pattern of each cell as a code from its significant hot and cold months ([cell, month],
    booleans), the sign of its trend and whether the trend is significant: k > 0 is PATTERNS[k − 1]
    as a hot spot, −k the same as a cold spot, 0 no pattern. A cell whose last month is cold reads
    the rules on its cold months; any other cell on its hot months."""
    last_cold = cold[:, -1] & ~hot[:, -1]
    as_hot = _patterns(hot, cold, trend_z, trend_significant)
    as_cold = _patterns(cold, hot, -trend_z, trend_significant)
    return np.where(last_cold, -as_cold, as_hot).astype(np.int8)


def pattern_name(code: int) -> str:
    if code == 0:
        return NO_PATTERN
    return f"{PATTERNS[abs(code) - 1]} {'hot' if code > 0 else 'cold'} spot"


def _patterns(flags: np.ndarray, other: np.ndarray, rising: np.ndarray, significant: np.ndarray) -> np.ndarray:
    last = flags[:, -1]
    share = flags.mean(axis=1)
    earlier = flags[:, :-1].any(axis=1)
    run = _final_run(flags)
    before_run = flags.sum(axis=1) > run
    mostly = share >= MOSTLY
    ever_other = other.any(axis=1)
    found = np.zeros(flags.shape[0], dtype=np.int8)
    rules = [
        ("Historical", mostly & ~last),
        ("Oscillating", last & ~mostly & ever_other),
        ("Sporadic", last & ~mostly & earlier & ~ever_other),
        ("Persistent", mostly & last),
        ("Diminishing", mostly & last & significant & (rising < 0)),
        ("Intensifying", mostly & last & significant & (rising > 0)),
        ("Consecutive", last & ~mostly & (run >= 2) & ~before_run),
        ("New", last & ~earlier),
    ]
    for name, where in rules:  # later rules are the more particular: they overwrite
        found[where] = PATTERNS.index(name) + 1
    return found


def _final_run(flags: np.ndarray) -> np.ndarray:
    """How many months in a row, ending with the last, each row is flagged."""
    unflagged = ~flags[:, ::-1]
    first_gap = np.where(unflagged.any(axis=1), unflagged.argmax(axis=1), flags.shape[1])
    return first_gap


def emerging(cube: np.ndarray, band_cells: float, *, months_back: int = 1, alpha: float = 0.10) -> dict[str, np.ndarray]:  # fmt: skip
    """For a cube of counts [month, row, column]: the space-time z of every bin, and for every cell
    [row, column] the trend (Mann–Kendall z and p of its z-scores over the months) and its pattern."""
    months, rows, columns = cube.shape
    z = space_time_z(cube, band_cells, months_back)
    found = over_time(z.reshape(months, -1), alpha=alpha)
    return {"z": z, **{k: v.reshape(rows, columns) for k, v in found.items()}}


def over_time(z: np.ndarray, *, alpha: float = 0.10) -> dict[str, np.ndarray]:
    """From space-time z-scores [month, place] (grid cells or areas): each place's trend and pattern."""
    q = benjamini_hochberg(two_sided_p(z))
    significant = q < alpha
    hot = (significant & (z > 0)).T
    cold = (significant & (z < 0)).T
    trend = mann_kendall(z.T)
    pattern = patterns_of(hot, cold, trend["z"], trend["p"] < alpha)
    return {"trend_z": trend["z"], "trend_p": trend["p"], "pattern": pattern}
