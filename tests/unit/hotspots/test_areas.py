"""Gi* over LSOAs: equal to esda with binary distance-band weights on scattered places; space-time
over areas equal to the grid's when the areas are a grid; planted hotspots found by LSOA too."""

import json
import warnings

import numpy as np
import pytest
from esda.getisord import G_Local
from libpysal.weights import DistanceBand

from bluelight.hotspots.engine import areas, emerging, synthetic
from bluelight.hotspots.engine.analysis import Settings, analyse
from bluelight.hotspots.engine.sources import files_in, read


@pytest.mark.parametrize("seed, band", [(1, 800.0), (2, 1500.0), (3, 3000.0)])
def test_gi_star_over_areas_equals_esda_to_1e_9(seed, band):
    rng = np.random.default_rng(seed)
    east, north = rng.uniform(0, 10_000, 300), rng.uniform(0, 10_000, 300)
    counts = rng.poisson(3.0, 300).astype(float)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        w = DistanceBand(np.column_stack([east, north]), threshold=band, binary=True, silence_warnings=True)
        theirs = G_Local(counts, w, transform="B", star=True, permutations=0).Zs
    ours = areas.z_scores(counts, areas.neighbours(east, north, band))
    assert np.max(np.abs(ours - theirs)) < 1e-9


def test_space_time_over_areas_laid_out_as_a_grid_equals_the_grids():
    cube = np.random.default_rng(4).poisson(1.5, (6, 12, 15)).astype(float)
    rows, columns = np.mgrid[0:12, 0:15]
    weights = areas.neighbours(columns.ravel() * 100.0, rows.ravel() * 100.0, 150.0)  # 1.5 cells of 100 m
    by_area = areas.space_time_z(cube.reshape(6, -1), weights, months_back=2)
    by_grid = emerging.space_time_z(cube, 1.5, months_back=2).reshape(6, -1)
    assert np.max(np.abs(by_area - by_grid)) < 1e-9


def test_planted_hotspots_are_hot_lsoas_and_incidents_are_refused_lsoas(tmp_path):
    synthetic.write(tmp_path, seed=5, months=6, background=1200)
    planted = json.loads((tmp_path / "planted.json").read_text())["planted"]
    result = analyse(read(files_in(tmp_path)), Settings(units="lsoa"))
    assert result["grid"]["units"] == "lsoa"
    hot = [c for c in result["cells"] if c["level"] >= 95]
    for plant in planted:  # an LSOA hot at 95% or more within 500 m of every planted centre
        near = [c for c in hot if abs(c["centre_lat"] - plant["lat"]) < 0.0045 and abs(c["centre_lon"] - plant["lon"]) < 0.0075]
        assert near, plant
    (tmp_path / "fires.csv").write_text("Date,Latitude,Longitude,Category\n2025-03-02,51.57,0.47,Deliberate fire\n")
    with pytest.raises(ValueError, match="1 point has no LSOA code: LSOAs need police.uk files"):
        analyse(read(files_in(tmp_path / "fires.csv")), Settings(units="lsoa"))
