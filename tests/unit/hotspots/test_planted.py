"""Synthetic police.uk data with planted hotspots, analysed as a user would from the files written."""

import json

import numpy as np
import pytest

from bluelight.hotspots.engine import synthetic
from bluelight.hotspots.engine.analysis import Settings, analyse
from bluelight.hotspots.engine.grid import Grid, to_bng
from bluelight.hotspots.engine.sources import NO_COORDINATES, files_in, read

FAR_METRES = 1500  # a cell further than this from every planted centre is “away from the plants”


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_every_planted_centre_is_hot_at_95_and_few_cells_away_are(tmp_path, seed):
    synthetic.write(tmp_path, seed=seed, months=8, background=1200)
    planted = json.loads((tmp_path / "planted.json").read_text())["planted"]
    points = read(files_in(tmp_path))
    result = analyse(points, Settings(cell_size=250))
    g = result["grid"]
    grid = Grid(g["cell_size"], g["west"], g["south"], g["columns"], g["rows"])
    level = {(c["column"], c["row"]): c["level"] for c in result["cells"]}
    for plant in planted:
        e, n = to_bng(plant["lon"], plant["lat"])
        column, row = grid.cell_of(e, n)
        assert level.get((int(column), int(row)), 0) >= 95, plant
    east, north = grid.centres()
    pe, pn = to_bng(np.array([p["lon"] for p in planted]), np.array([p["lat"] for p in planted]))
    distance = np.min(np.hypot(east[..., None] - pe, north[..., None] - pn), axis=-1)
    hot = np.zeros(grid.shape, dtype=bool)
    for c in result["cells"]:
        hot[c["row"], c["column"]] = c["level"] > 0
    far = distance > FAR_METRES
    assert hot[far].mean() < 0.05
    assert far.sum() > 10_000  # the test means something: most of the county is far from the plants


def test_rows_without_coordinates_are_counted_not_dropped(tmp_path):
    synthetic.write(tmp_path, seed=9, months=2, background=800)
    files = files_in(tmp_path)
    rows = sum(len(data.decode().strip().splitlines()) - 1 for _, data in files)
    points = read(files)
    assert points.skipped[NO_COORDINATES] > 0
    assert len(points) + points.skipped[NO_COORDINATES] == rows


def test_the_synthetic_files_say_they_are_synthetic(tmp_path):
    synthetic.write(tmp_path, seed=1, months=1, background=50)
    text = (tmp_path / "2025-01" / "2025-01-essex-street.csv").read_text()
    assert text.splitlines()[0].startswith("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location")
    assert all("SYNTHETIC" in line for line in text.splitlines()[1:])
    assert "None of these rows is a real crime" in (tmp_path / "README.txt").read_text()
