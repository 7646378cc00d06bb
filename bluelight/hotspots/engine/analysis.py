"""One hotspot analysis, end to end and pure: points in, cells with their Gi* class, district and
emerging pattern out, with a summary per district. The result is plain data (JSON-ready) and carries
its settings so every figure can be traced to its inputs and method."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass

import numpy as np
from scipy import ndimage

from bluelight.hotspots.engine import emerging as emerging_engine
from bluelight.hotspots.engine.gistar import class_name, gi_star
from bluelight.hotspots.engine.grid import Grid, to_bng, to_wgs84
from bluelight.hotspots.engine.sources import Points, month_range

METHOD_VERSION = "1"
FEWEST_MONTHS_FOR_TREND = 4
HOT = 95  # the confidence at which a cell counts as a hot spot in the district summary
AREA_BAND = 2000  # metres between LSOAs' places, by default


@dataclass(frozen=True)
class Settings:
    cell_size: int = 250  # metres
    band: int | None = None  # metres; None is 1.5 cells (the 8 cells around, and the cell itself)
    fdr: bool = True
    crime_types: tuple[str, ...] = ()  # none is every type
    months: tuple[str, ...] = ()  # none is every month
    first_month: str = ""  # "2025-01": none before it; "" is no bound
    last_month: str = ""  # "2025-12": none after it
    months_back: int = 1
    units: str = "grid"  # "grid": square cells; "lsoa": the LSOAs police.uk names

    @property
    def band_metres(self) -> float:
        if self.band:
            return float(self.band)
        return AREA_BAND if self.units == "lsoa" else 1.5 * self.cell_size

    def check(self) -> dict[str, str]:
        errors = {}
        if not 50 <= self.cell_size <= 5000:
            errors["cell_size"] = "The cell size must be between 50 and 5,000 metres."
        if self.units not in ("grid", "lsoa"):
            errors["units"] = "Count in grid cells or in LSOAs."
        elif self.units == "grid" and self.band is not None and not self.cell_size <= self.band <= 20 * self.cell_size:
            errors["band"] = "The distance band must be from one to twenty cell sizes."
        elif self.units == "lsoa" and self.band is not None and not 100 <= self.band <= 50_000:
            errors["band"] = "The distance band between LSOAs must be from 100 to 50,000 metres."
        return errors


def select(points: Points, settings: Settings) -> Points:
    keep = np.ones(len(points), dtype=bool)
    if settings.crime_types:
        keep &= np.isin(points.category, list(settings.crime_types))
    if settings.months:
        keep &= np.isin(points.month, list(settings.months))
    if settings.first_month:  # months are "YYYY-MM": their order as text is their order in time
        keep &= points.month.astype(str) >= settings.first_month
    if settings.last_month:
        keep &= points.month.astype(str) <= settings.last_month
    return points.where(keep)


def analyse(points: Points, settings: Settings = Settings(), progress: Callable[[str, int], None] | None = None) -> dict:
    """The analysis of `points`; `progress(step, percent)` is told as each step starts."""
    say = progress or (lambda step, percent: None)
    errors = settings.check()
    if errors:
        raise ValueError("; ".join(errors.values()))
    chosen = select(points, settings)
    if len(chosen) == 0:
        raise ValueError("no points are left once the crime types and months are chosen")
    if settings.units == "lsoa":
        from bluelight.hotspots.engine.by_area import analyse_areas  # it builds on this module

        return analyse_areas(chosen, settings, say)
    easting, northing = to_bng(chosen.lon, chosen.lat)
    band_cells = settings.band_metres / settings.cell_size
    grid = Grid.around(easting, northing, settings.cell_size, margin_cells=int(np.ceil(band_cells)) + 1)
    counts = grid.counts(easting, northing)
    say(f"Gi* over {grid.size:,} cells of {settings.cell_size} m", 40)
    stats = gi_star(counts, band_cells, fdr=settings.fdr)
    months = month_range(min(chosen.month), max(chosen.month))
    say(f"Emerging hot spots over {len(months)} months", 60)
    pattern = _patterns(grid, easting, northing, chosen.month, months, band_cells, settings.months_back)
    say("Districts and the table of cells", 85)
    districts = _districts(grid, easting, northing, chosen.district)
    cells = _cells(grid, counts, stats, districts, pattern)
    return {
        "settings": asdict(settings) | {"band_metres": settings.band_metres},
        "method_version": METHOD_VERSION,
        "grid": {"cell_size": grid.cell_size, "west": grid.west, "south": grid.south,
                 "columns": grid.columns, "rows": grid.rows, "cells": grid.size},  # fmt: skip
        "points": len(chosen),
        "months": months,
        "crime_types": dict(Counter(chosen.category.tolist()).most_common()),
        "cells": cells,
        "districts": district_summary(cells, chosen.district),
    }


def _patterns(grid, easting, northing, month_of, months, band_cells, months_back) -> np.ndarray | None:
    if len(months) < FEWEST_MONTHS_FOR_TREND:
        return None
    index = {m: i for i, m in enumerate(months)}
    step = np.array([index[m] for m in month_of])
    column, row = grid.cell_of(easting, northing)
    flat = (step * grid.rows + row) * grid.columns + column
    cube = np.bincount(flat, minlength=len(months) * grid.size).reshape(len(months), *grid.shape)
    return emerging_engine.emerging(cube, band_cells, months_back=months_back)["pattern"]


def _districts(grid: Grid, easting, northing, district_of_point) -> np.ndarray:
    """Each cell's district: the commonest among its points; an empty cell takes its nearest
    non-empty cell's."""
    column, row = grid.cell_of(easting, northing)
    names = sorted(set(district_of_point.tolist()))
    code = {n: i for i, n in enumerate(names)}
    flat = row * grid.columns + column
    tally = np.zeros((grid.size, len(names)), dtype=np.int32)
    np.add.at(tally, (flat, np.array([code[d] for d in district_of_point])), 1)
    best = tally.argmax(axis=1).reshape(grid.shape)
    empty = tally.sum(axis=1).reshape(grid.shape) == 0
    nearest = ndimage.distance_transform_edt(empty, return_distances=False, return_indices=True)
    best = best[nearest[0], nearest[1]]
    return np.array(names, dtype=object)[best]


def _cells(grid: Grid, counts, stats, districts, pattern) -> list[dict]:
    """The cells worth showing: those with points, and those classed hot or cold."""
    shown = (counts > 0) | (stats["class"] != 0)
    rows, columns = np.nonzero(shown)
    eastings, northings = grid.centres()
    lon, lat = to_wgs84(eastings[rows, columns], northings[rows, columns])
    cells = []
    for i, (r, c) in enumerate(zip(rows.tolist(), columns.tolist(), strict=True)):
        level = int(stats["class"][r, c])
        cells.append({
            "column": c, "row": r,
            "easting": float(eastings[r, c]), "northing": float(northings[r, c]),
            "centre_lat": round(float(lat[i]), 6), "centre_lon": round(float(lon[i]), 6),
            "district": str(districts[r, c]), "count": int(counts[r, c]),
            "z": float(stats["z"][r, c]), "p": float(stats["p"][r, c]), "q": float(stats["q"][r, c]),
            "class": class_name(level), "level": level,
            "pattern": emerging_engine.pattern_name(int(pattern[r, c])) if pattern is not None else None,
        })  # fmt: skip
    return cells


def district_summary(cells: list[dict], district_of_point) -> list[dict]:
    """Per district: points, hot cells (95% or more) and the points in them."""
    points = Counter(district_of_point.tolist())
    hot_cells, hot_points = Counter(), Counter()
    for cell in cells:
        if cell["level"] >= HOT:
            hot_cells[cell["district"]] += 1
            hot_points[cell["district"]] += cell["count"]
    names = sorted(set(points) | set(hot_cells))
    return [{"district": d, "points": points[d], "hot_cells": hot_cells[d], "points_in_hot_cells": hot_points[d]}
            for d in names]  # fmt: skip
