"""Gi* over areas (LSOAs) rather than grid cells: each area is placed at the mean of its points (for
police.uk, its snap points), and its neighbours are the areas whose places lie within the distance
band, itself included (binary weights). The same statistic as on the grid (gistar.standardised),
with the neighbourhood sums taken through a sparse matrix.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse
from scipy.spatial import cKDTree

from bluelight.hotspots.engine.gistar import standardised


def neighbours(easting: np.ndarray, northing: np.ndarray, band: float) -> sparse.csr_matrix:
    """The binary weights: 1 where two places lie within `band` metres (each place its own neighbour)."""
    places = np.column_stack([easting, northing])
    pairs = cKDTree(places).query_pairs(band, output_type="ndarray")
    n = len(places)
    rows = np.concatenate([pairs[:, 0], pairs[:, 1], np.arange(n)])
    columns = np.concatenate([pairs[:, 1], pairs[:, 0], np.arange(n)])
    return sparse.csr_matrix((np.ones(len(rows)), (rows, columns)), shape=(n, n))


def z_scores(counts: np.ndarray, weights: sparse.csr_matrix) -> np.ndarray:
    counts = np.asarray(counts, dtype=float)
    return standardised(counts, weights @ counts, np.asarray(weights.sum(axis=1)).ravel())


def space_time_z(cube: np.ndarray, weights: sparse.csr_matrix, months_back: int = 1) -> np.ndarray:
    """Gi* z of every [month, area] bin, its neighbourhood the neighbouring areas in this month and the
    `months_back` before it."""
    cube = np.asarray(cube, dtype=float)
    window = np.cumsum(cube, axis=0)
    window[months_back + 1 :] -= window[: -(months_back + 1)].copy()
    months_in = np.minimum(np.arange(cube.shape[0]) + 1, months_back + 1)[:, None]
    degree = np.asarray(weights.sum(axis=1)).ravel()[None, :]
    local = (weights @ window.T).T
    return standardised(cube, local, degree * months_in)
