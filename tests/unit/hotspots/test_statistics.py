"""The hotspot statistics against the libraries that are their oracles: esda's Gi* and pymannkendall."""

import warnings

import numpy as np
import pymannkendall
import pytest
from esda.getisord import G_Local
from libpysal.weights import DistanceBand

from bluelight.hotspots.engine.gistar import benjamini_hochberg, classes, gi_star, stencil, z_scores
from bluelight.hotspots.engine.trend import mann_kendall


def _esda_z(counts: np.ndarray, band: float) -> np.ndarray:
    rows, columns = counts.shape
    r, c = np.mgrid[0:rows, 0:columns]
    points = np.column_stack([c.ravel(), r.ravel()]).astype(float)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        w = DistanceBand(points, threshold=band, binary=True, silence_warnings=True)
        g = G_Local(counts.ravel().astype(float), w, transform="B", star=True, permutations=0)
    return g.Zs.reshape(rows, columns)


@pytest.mark.parametrize("seed, band", [(1, 1.5), (2, 1.0), (3, 2.5), (4, 3.2)])
def test_gi_star_equals_esda_to_1e_9(seed, band):
    counts = np.random.default_rng(seed).poisson(2.0, size=(23, 31))
    ours = z_scores(counts, stencil(band))
    assert np.max(np.abs(ours - _esda_z(counts, band))) < 1e-9


def test_the_stencil_of_one_and_a_half_cells_is_the_cell_and_its_eight_neighbours():
    assert stencil(1.5).tolist() == [[1, 1, 1], [1, 1, 1], [1, 1, 1]]
    assert stencil(1.0).tolist() == [[0, 1, 0], [1, 1, 1], [0, 1, 0]]


def test_gi_star_by_hand_on_a_row_of_five_cells():
    # counts 0 0 6 0 0, neighbours within 1 cell (left, self, right): n = 5, mean 1.2, s² = 36/5 − 1.44 = 5.76
    # centre: W = 3, local sum 6: z = (6 − 3.6) / (2.4 √((15 − 9)/4)) = 2.4 / (2.4 × √1.5) = 1/√1.5
    # edge cell 0: W = 2 (cell 1 and itself), local 0: z = (0 − 2.4) / (2.4 √((10 − 4)/4)) = −1/√1.5
    z = z_scores(np.array([[0, 0, 6, 0, 0]]), stencil(1.0)[1:2])
    assert z[0, 2] == pytest.approx(1 / np.sqrt(1.5), abs=1e-12)
    assert z[0, 0] == pytest.approx(-1 / np.sqrt(1.5), abs=1e-12)


def test_benjamini_hochberg_by_hand():
    # m = 4, sorted p 0.01 0.02 0.03 0.5 → p·m/rank 0.04 0.04 0.04 0.5, running minimum from the top
    assert benjamini_hochberg(np.array([0.03, 0.5, 0.01, 0.02])).tolist() == pytest.approx([0.04, 0.5, 0.04, 0.04])
    # a larger p with a smaller p·m/rank lowers those below it: 0.02·3/1 = 0.06 > 0.03·3/3 = 0.03
    assert benjamini_hochberg(np.array([0.02, 0.025, 0.03])).tolist() == pytest.approx([0.03, 0.03, 0.03])


def test_classes_are_signed_confidences():
    z = np.array([3.0, 2.0, 1.7, 0.5, -2.0, -3.0])
    q = np.array([0.005, 0.04, 0.09, 0.5, 0.03, 0.001])
    assert classes(z, q).tolist() == [99, 95, 90, 0, -95, -99]


def test_a_flat_grid_has_no_hot_spots():
    result = gi_star(np.full((10, 10), 3), 1.5)
    assert not result["class"].any()


@pytest.mark.parametrize("seed", [5, 6, 7])
def test_mann_kendall_equals_pymannkendall_with_ties(seed):
    series = np.random.default_rng(seed).integers(0, 4, size=(40, 24)).astype(float)  # many ties
    series[0] = np.arange(24)  # a clean rise
    series[1] = 2.0  # all tied: no trend
    ours = mann_kendall(series)
    for i, row in enumerate(series):
        theirs = pymannkendall.original_test(row)
        assert ours["s"][i] == theirs.s
        assert ours["variance"][i] == pytest.approx(theirs.var_s, abs=1e-9)
        assert ours["z"][i] == pytest.approx(theirs.z, abs=1e-12)
        assert ours["p"][i] == pytest.approx(theirs.p, abs=1e-12)


def test_mann_kendall_by_hand():
    # 1 3 2 2: pairs (1,3)+ (1,2)+ (1,2)+ (3,2)− (3,2)− (2,2)0 → S = 1; one tie group of 2:
    # Var = (4·3·13 − 2·1·9)/18 = (156 − 18)/18 = 7.666…; z = (1 − 1)/√Var = 0
    result = mann_kendall(np.array([[1, 3, 2, 2]]))
    assert result["s"][0] == 1
    assert result["variance"][0] == pytest.approx(138 / 18)
    assert result["z"][0] == 0
