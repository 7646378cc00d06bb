"""The Mann–Kendall trend test with the correction for ties, for many series at once.

Mann (1945), Kendall (1975); as in Hipel and McLeod (1994) §23.3 and pymannkendall's original_test:
S = Σ_{k<j} sign(x_j − x_k); Var(S) = [n(n−1)(2n+5) − Σ_g t_g(t_g−1)(2t_g+5)] / 18 over the groups g
of tied values; z = (S − sign(S)) / √Var(S); two-sided p from the normal.
"""

from __future__ import annotations

import numpy as np

from bluelight.hotspots.engine.gistar import two_sided_p

CHUNK = 131_072  # series at a time, to keep memory flat


def mann_kendall(series: np.ndarray) -> dict[str, np.ndarray]:
    """S, its variance, z and p for each row of `series` (rows are series, columns are times)."""
    series = np.atleast_2d(np.asarray(series, dtype=float))
    rows, n = series.shape
    s = np.empty(rows)
    ties = np.empty(rows)
    for start in range(0, rows, CHUNK):
        block = series[start : start + CHUNK]
        s[start : start + CHUNK] = _s(block)
        ties[start : start + CHUNK] = _tie_term(block)
    variance = (n * (n - 1) * (2 * n + 5) - ties) / 18.0
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(variance > 0, (s - np.sign(s)) / np.sqrt(variance), 0.0)
    return {"s": s, "variance": variance, "z": z, "p": two_sided_p(z)}


def _s(block: np.ndarray) -> np.ndarray:
    s = np.zeros(len(block))
    for k in range(block.shape[1] - 1):
        s += np.sign(block[:, k + 1 :] - block[:, k : k + 1]).sum(axis=1)
    return s


def _tie_term(block: np.ndarray) -> np.ndarray:
    """Σ_g t(t−1)(2t+5) over each row's groups of equal values, found as runs of the sorted row."""
    ordered = np.sort(block, axis=1)
    total = np.zeros(len(block))
    run = np.ones(len(block))
    for k in range(1, ordered.shape[1]):
        same = ordered[:, k] == ordered[:, k - 1]
        ended = ~same
        total += np.where(ended, run * (run - 1) * (2 * run + 5), 0.0)
        run = np.where(same, run + 1, 1.0)
    return total + run * (run - 1) * (2 * run + 5)
