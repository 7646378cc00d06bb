"""An analysis's cells as files for other tools: CSV (every cell shown, formula-safe) and GeoJSON (each
cell as its square, in WGS84 longitude/latitude as RFC 7946 asks)."""

from __future__ import annotations

import csv
import io
import json

from bluelight.hotspots.engine.grid import Grid, to_wgs84

COLUMNS = ("lsoa", "column", "row", "centre_lat", "centre_lon", "easting", "northing", "district", "count", "z", "p", "q",
           "class", "pattern")  # fmt: skip


def _safe(value):
    """A text cell that a spreadsheet would take as a formula is given a leading apostrophe."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def cells_csv(result: dict, marking: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([marking])
    writer.writerow(COLUMNS)
    for cell in result["cells"]:
        writer.writerow([_safe(cell.get(k)) if cell.get(k) is not None else "" for k in COLUMNS])
    return out.getvalue()


def cells_geojson(result: dict, title: str, marking: str) -> str:
    g = result["grid"]
    grid = Grid(g["cell_size"], g["west"], g["south"], g["columns"], g["rows"])
    corners = [corner for cell in result["cells"] for corner in grid.corners(cell["column"], cell["row"])]
    lon, lat = to_wgs84([e for e, _ in corners], [n for _, n in corners])  # every corner in one transform
    features = []
    for i, cell in enumerate(result["cells"]):
        ring = [[round(float(lon[j]), 6), round(float(lat[j]), 6)] for j in range(4 * i, 4 * i + 4)]
        features.append({
            "type": "Feature",
            "geometry": {"type": "Polygon", "coordinates": [ring + [ring[0]]]},
            "properties": {k: cell.get(k) for k in COLUMNS},
        })  # fmt: skip
    return json.dumps({"type": "FeatureCollection", "name": title, "marking": marking, "features": features})
