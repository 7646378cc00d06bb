"""Getis–Ord Gi* on a square grid with binary distance weights, the cell itself included.

Ord, J. K. and Getis, A. (1995) “Local spatial autocorrelation statistics: distributional issues and
an application”, Geographical Analysis 27(4), eq. 14 (the standardised Gi*). For cell i with
neighbours j (every cell whose centre lies within the distance band of i's centre, i included),
binary weights w_ij = 1, n cells in all, mean x̄ and standard deviation s of all n counts:

    z_i = (Σ_j x_j − x̄ W_i) / (s √((n W_i − W_i²) / (n − 1))),   W_i = Σ_j w_ij

On a regular grid every cell's neighbours are the same stencil of offsets, so Σ_j x_j is a
correlation of the counts with the stencil (cells beyond the edge of the grid are not neighbours,
so W_i is the same correlation of ones). That is what makes it fast.
"""

from __future__ import annotations

import numpy as np
from scipy import ndimage
from scipy.special import ndtr

CONFIDENCES = (99, 95, 90)  # the classes, strongest first


def stencil(band_cells: float) -> np.ndarray:
    """The offsets (as a 0/1 array centred on the cell) whose centres lie within `band_cells` cell
    widths of a cell's centre."""
    reach = int(np.floor(band_cells))
    offsets = np.arange(-reach, reach + 1)
    dx, dy = np.meshgrid(offsets, offsets)
    return (dx * dx + dy * dy <= band_cells * band_cells + 1e-9).astype(float)


def z_scores(values: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Gi* z-score of every cell of `values` (any number of dimensions) for the binary neighbourhood
    `weights`, an array of 0/1 of the same number of dimensions centred on the cell."""
    values = np.asarray(values, dtype=float)
    local = ndimage.correlate(values, weights, mode="constant", cval=0.0)
    w = ndimage.correlate(np.ones_like(values), weights, mode="constant", cval=0.0)
    return standardised(values, local, w)


def standardised(values: np.ndarray, local: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Gi* z from the values, each one's neighbourhood sum `local` and its number of neighbours `w`
    (itself included), by the formula above."""
    values = np.asarray(values, dtype=float)
    n = values.size
    mean = values.mean()
    spread = np.sqrt(max((values * values).mean() - mean * mean, 0.0))
    if spread == 0:
        return np.zeros_like(values)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = (local - mean * w) / (spread * np.sqrt((n * w - w * w) / (n - 1)))
    return np.nan_to_num(z, nan=0.0, posinf=0.0, neginf=0.0)


def two_sided_p(z: np.ndarray) -> np.ndarray:
    """The normal two-sided p-value of each z."""
    return 2.0 * ndtr(-np.abs(z))


def benjamini_hochberg(p: np.ndarray) -> np.ndarray:
    """Benjamini–Hochberg q-values (adjusted p-values) of `p`, of the same shape: the smallest false
    discovery rate at which each test would be called significant."""
    flat = np.asarray(p, dtype=float).ravel()
    m = flat.size
    order = np.argsort(flat, kind="stable")
    ranked = flat[order] * m / np.arange(1, m + 1)
    ranked = np.minimum.accumulate(ranked[::-1])[::-1]
    q = np.empty(m)
    q[order] = np.minimum(ranked, 1.0)
    return q.reshape(np.shape(p))


def classes(z: np.ndarray, significance: np.ndarray) -> np.ndarray:
    """Each cell's class as a signed confidence: 99, 95 or 90 for a hot spot (z > 0) significant at
    that level, −99, −95, −90 for a cold spot, 0 when not significant at 90%."""
    level = np.zeros(np.shape(z), dtype=np.int16)
    for confidence in reversed(CONFIDENCES):  # 90, then overwrite with 95, then 99
        level[significance < (100 - confidence) / 100] = confidence
    return np.where(np.asarray(z) > 0, level, -level).astype(np.int16)


def class_name(level: int) -> str:
    if level == 0:
        return "Not significant"
    return f"{'Hot' if level > 0 else 'Cold'} spot, {abs(level)}% confidence"


def gi_star(counts: np.ndarray, band_cells: float, *, fdr: bool = True) -> dict[str, np.ndarray]:
    """z, p, q and class of every cell of a 2-D grid of counts. With `fdr` the classes come from the
    Benjamini–Hochberg q-values; without, from the p-values."""
    z = z_scores(counts, stencil(band_cells))
    p = two_sided_p(z)
    q = benjamini_hochberg(p) if fdr else p
    return {"z": z, "p": p, "q": q, "class": classes(z, q)}
