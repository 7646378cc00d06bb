"""A square grid in metres on the British National Grid (EPSG:27700), placed over WGS84 points.

Cells are numbered by column (west to east) and row (south to north) from the grid's south-west
corner, which sits on a whole multiple of the cell size so that the same cell size always gives
the same cells for the same area.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from pyproj import Transformer


@lru_cache(maxsize=2)
def _transformer(inverse: bool) -> Transformer:
    source, target = ("EPSG:27700", "EPSG:4326") if inverse else ("EPSG:4326", "EPSG:27700")
    return Transformer.from_crs(source, target, always_xy=True)


def to_bng(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Eastings and northings (metres) of WGS84 longitudes and latitudes."""
    return _transformer(False).transform(np.asarray(lon, dtype=float), np.asarray(lat, dtype=float))


def to_wgs84(easting: np.ndarray, northing: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Longitudes and latitudes of eastings and northings."""
    return _transformer(True).transform(np.asarray(easting, dtype=float), np.asarray(northing, dtype=float))


@dataclass(frozen=True)
class Grid:
    cell_size: float  # metres
    west: float  # easting of the south-west corner
    south: float  # northing of the south-west corner
    columns: int
    rows: int

    @classmethod
    def around(cls, easting: np.ndarray, northing: np.ndarray, cell_size: float, margin_cells: int = 2) -> Grid:
        """The smallest grid on whole multiples of `cell_size` that holds every point, with a margin."""
        if cell_size <= 0:
            raise ValueError("the cell size must be more than 0 metres")
        if len(easting) == 0:
            raise ValueError("there are no points to place a grid over")
        west = (np.floor(np.min(easting) / cell_size) - margin_cells) * cell_size
        south = (np.floor(np.min(northing) / cell_size) - margin_cells) * cell_size
        columns = int(np.floor((np.max(easting) - west) / cell_size)) + 1 + margin_cells
        rows = int(np.floor((np.max(northing) - south) / cell_size)) + 1 + margin_cells
        return cls(float(cell_size), float(west), float(south), columns, rows)

    @property
    def shape(self) -> tuple[int, int]:
        return self.rows, self.columns

    @property
    def size(self) -> int:
        return self.rows * self.columns

    def cell_of(self, easting: np.ndarray, northing: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(column, row) of each point."""
        column = np.floor((np.asarray(easting) - self.west) / self.cell_size).astype(np.int64)
        row = np.floor((np.asarray(northing) - self.south) / self.cell_size).astype(np.int64)
        return column, row

    def counts(self, easting: np.ndarray, northing: np.ndarray) -> np.ndarray:
        """Points per cell as an array indexed [row, column]."""
        column, row = self.cell_of(easting, northing)
        flat = np.bincount(row * self.columns + column, minlength=self.size)
        return flat.reshape(self.shape)

    def centres(self) -> tuple[np.ndarray, np.ndarray]:
        """Eastings and northings of every cell's centre, each indexed [row, column]."""
        half = self.cell_size / 2
        eastings = self.west + half + self.cell_size * np.arange(self.columns)
        northings = self.south + half + self.cell_size * np.arange(self.rows)
        return np.meshgrid(eastings, northings)

    def corners(self, column: int, row: int) -> list[tuple[float, float]]:
        """The cell's corners as (easting, northing), anticlockwise from the south-west."""
        west, south = self.west + column * self.cell_size, self.south + row * self.cell_size
        east, north = west + self.cell_size, south + self.cell_size
        return [(west, south), (east, south), (east, north), (west, north)]
