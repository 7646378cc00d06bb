"""Monte Carlo simulation of a programme's benefits total.

Each benefit-year has a low, central (most likely) and high value. Each draw takes one uniform
number per benefit and reads every one of that benefit's years at that quantile of a triangular or
PERT distribution: a benefit that does well in one year does well in all (its years are perfectly
correlated), while benefits are independent of one another. The total of a draw is the sum.

Vectorised over draws (in chunks, to bound memory); seeded with NumPy's PCG64, so the same seed
gives the same answer. Rows whose yearly low/central/high are all proportional to the benefit's
totals are collapsed into one column, which is exact for both distributions (they scale linearly).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.special import betaincinv

CHUNK_ELEMENTS = 4_000_000  # draws x columns held at once (~32 MB of float64)


@dataclass(frozen=True)
class SimulationResult:
    draws: int
    seed: int
    distribution: str
    p10: float
    p50: float
    p90: float
    mean: float
    totals: np.ndarray
    lowest: float = 0.0  # the total with every benefit at its low: no draw can fall below it
    highest: float = 0.0  # the total with every benefit at its high: no draw can rise above it

    def probability_at_least(self, target: float) -> float:
        return float(np.mean(self.totals >= target))

    def reaching(self, target: float) -> int:
        """How many draws reach the target."""
        return int(np.count_nonzero(self.totals >= target))


def _columns(low: np.ndarray, central: np.ndarray, high: np.ndarray):
    """(benefit index, low, mode, high) per column, collapsing proportional benefits to one column."""
    totals = np.stack([low.sum(axis=1), central.sum(axis=1), high.sum(axis=1)], axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(totals[:, 1:2] != 0, central / totals[:, 1:2], 0.0)
    proportional = np.all(np.isclose(low, share * totals[:, 0:1], rtol=0, atol=1e-9), axis=1) & np.all(
        np.isclose(high, share * totals[:, 2:3], rtol=0, atol=1e-9), axis=1
    )
    idx = np.flatnonzero(proportional)
    rest = np.flatnonzero(~proportional)
    years = low.shape[1]
    benefit = np.concatenate([idx, np.repeat(rest, years)])
    a = np.concatenate([totals[idx, 0], low[rest].ravel()])
    c = np.concatenate([totals[idx, 1], central[rest].ravel()])
    b = np.concatenate([totals[idx, 2], high[rest].ravel()])
    return benefit, a, c, b


def triangular_quantile(u: np.ndarray, a: np.ndarray, c: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Inverse CDF of the triangular distribution (low a, mode c, high b); a where a == b."""
    width = b - a
    split = np.divide(c - a, width, out=np.zeros_like(width), where=width > 0)
    below = u < split
    root = np.sqrt(np.where(below, u * width * (c - a), (1 - u) * width * (b - c)))
    return np.where(below, a + root, b - root)


def pert_quantile(u: np.ndarray, a: np.ndarray, c: np.ndarray, b: np.ndarray) -> np.ndarray:
    width = b - a
    safe = np.where(width > 0, width, 1.0)
    alpha = 1 + 4 * (c - a) / safe
    beta = 1 + 4 * (b - c) / safe
    return np.where(width > 0, a + safe * betaincinv(alpha, beta, u), a)


QUANTILES = {"triangular": triangular_quantile, "pert": pert_quantile}


def simulate(low, central, high, *, draws: int, seed: int, distribution: str = "triangular") -> SimulationResult:
    """low, central, high: arrays of shape (benefits, years). Returns the percentiles of the total."""
    low, central, high = (np.asarray(x, dtype=np.float64) for x in (low, central, high))
    if low.shape != central.shape or central.shape != high.shape or low.ndim != 2:
        raise ValueError("low, central and high must be arrays of the same shape: (benefits, years)")
    if np.any(low > central) or np.any(central > high):
        raise ValueError("Each benefit-year needs low <= central <= high")
    if draws < 1:
        raise ValueError("The number of draws must be at least 1")
    quantile = QUANTILES[distribution]
    benefit, a, c, b = _columns(low, central, high)
    order = np.argsort(benefit, kind="stable")  # keeps collapsed benefits in their own order
    benefit, a, c, b = benefit[order], a[order], c[order], b[order]
    rng = np.random.Generator(np.random.PCG64(seed))
    n_benefits = low.shape[0]
    totals = np.empty(draws)
    chunk = max(1, CHUNK_ELEMENTS // max(1, benefit.size))
    for start in range(0, draws, chunk):
        stop = min(draws, start + chunk)
        u = rng.random((stop - start, n_benefits))
        if benefit.size != n_benefits or np.any(benefit != np.arange(n_benefits)):
            u = u[:, benefit]
        totals[start:stop] = quantile(u, a, c, b).sum(axis=1)
    p10, p50, p90 = np.percentile(totals, [10, 50, 90])
    return SimulationResult(draws, seed, distribution, float(p10), float(p50), float(p90), float(totals.mean()), totals,
                            float(a.sum()), float(b.sum()))  # fmt: skip
