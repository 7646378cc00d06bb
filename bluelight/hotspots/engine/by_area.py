"""A hotspot analysis over LSOAs instead of grid cells (police.uk files name each crime's LSOA).

Each LSOA is placed at the mean of its points and drawn there; its neighbours are the LSOAs within
the distance band (2,000 m by default). The result has the grid analysis's shape, each “cell” an
LSOA, with `column` and `row` giving its place on a grid of the cell size for the map.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict

import numpy as np

from bluelight.hotspots.engine import areas
from bluelight.hotspots.engine.analysis import FEWEST_MONTHS_FOR_TREND, METHOD_VERSION, Settings, district_summary
from bluelight.hotspots.engine.emerging import over_time, pattern_name
from bluelight.hotspots.engine.gistar import benjamini_hochberg, class_name, classes, two_sided_p
from bluelight.hotspots.engine.grid import Grid, to_bng, to_wgs84
from bluelight.hotspots.engine.sources import Points, month_range


def analyse_areas(chosen: Points, settings: Settings, say) -> dict:
    if chosen.area is None or not all(chosen.area):
        missing = len(chosen) if chosen.area is None else int(sum(1 for a in chosen.area if not a))
        have = "point has" if missing == 1 else "points have"
        raise ValueError(f"{missing:,} {have} no LSOA code: LSOAs need police.uk files; count in grid cells instead")
    easting, northing = to_bng(chosen.lon, chosen.lat)
    codes, which = np.unique(chosen.area.astype(str), return_inverse=True)
    counts = np.bincount(which, minlength=len(codes)).astype(float)
    east = np.bincount(which, weights=easting) / counts
    north = np.bincount(which, weights=northing) / counts
    say(f"Gi* over {len(codes):,} LSOAs, neighbours within {settings.band_metres:g} m", 40)
    weights = areas.neighbours(east, north, settings.band_metres)
    z = areas.z_scores(counts, weights)
    p = two_sided_p(z)
    q = benjamini_hochberg(p) if settings.fdr else p
    level = classes(z, q)
    months = month_range(min(chosen.month), max(chosen.month))
    pattern = None
    if len(months) >= FEWEST_MONTHS_FOR_TREND:
        say(f"Emerging hot spots over {len(months)} months", 60)
        step = np.searchsorted(np.array(months), chosen.month.astype(str))
        cube = np.bincount(step * len(codes) + which, minlength=len(months) * len(codes)).reshape(len(months), -1)
        pattern = over_time(areas.space_time_z(cube, weights, settings.months_back))["pattern"]
    district = [Counter() for _ in codes]
    for index, name in zip(which.tolist(), chosen.district.tolist(), strict=True):
        district[index][name] += 1
    grid = Grid.around(east, north, settings.cell_size)
    column, row = grid.cell_of(east, north)
    lon, lat = to_wgs84(east, north)
    cells = [{
        "lsoa": str(codes[i]), "column": int(column[i]), "row": int(row[i]),
        "easting": float(east[i]), "northing": float(north[i]),
        "centre_lat": round(float(lat[i]), 6), "centre_lon": round(float(lon[i]), 6),
        "district": district[i].most_common(1)[0][0], "count": int(counts[i]),
        "z": float(z[i]), "p": float(p[i]), "q": float(q[i]), "class": class_name(int(level[i])), "level": int(level[i]),
        "pattern": pattern_name(int(pattern[i])) if pattern is not None else None,
    } for i in range(len(codes))]  # fmt: skip
    return {
        "settings": asdict(settings) | {"band_metres": settings.band_metres},
        "method_version": METHOD_VERSION,
        "grid": {"units": "lsoa", "cell_size": grid.cell_size, "west": grid.west, "south": grid.south,
                 "columns": grid.columns, "rows": grid.rows, "cells": len(codes)},  # fmt: skip
        "points": len(chosen),
        "months": months,
        "crime_types": dict(Counter(chosen.category.tolist()).most_common()),
        "cells": cells,
        "districts": district_summary(cells, chosen.district),
    }
