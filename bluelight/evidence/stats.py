"""Statistics every evidence engine reports the same way. Pure: numpy only."""

from __future__ import annotations

import math

import numpy as np


def centile(values, percent: float = 90.0) -> float:
    """Nearest rank, as ambulance and fire response statistics are reported: the ⌈p/100 × n⌉-th
    smallest value, the smallest that at least p% of the values meet. NaN when there are none."""
    ordered = np.sort(np.asarray(values, float))
    if ordered.size == 0:
        return float("nan")
    return float(ordered[max(math.ceil(percent / 100.0 * ordered.size), 1) - 1])
