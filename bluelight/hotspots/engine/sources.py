"""The files a hotspot analysis reads: police.uk street-level crime CSVs as published (one per force
per month, often many months in a zip or a folder), or a simple incidents CSV (date, latitude,
longitude, category) such as a fire service's deliberate fires.

A file is taken whole or refused whole (evidence.rows). A crime without coordinates is published by
police.uk when its location could not be mapped: it is counted under “no coordinates” and shown with
the result, never dropped in silence.
"""

from __future__ import annotations

import datetime
import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from bluelight.evidence.rows import Column, Refusal, day, latitude, longitude, month, read_rows, text
from bluelight.evidence.rows import FileRefused as Refused

NO_COORDINATES = "no coordinates"

POLICE_UK = [
    Column("Crime ID", text, required=False),
    Column("Month", month),
    Column("Reported by", text, required=False),
    Column("Falls within", text, required=False),
    Column("Longitude", longitude, required=False),
    Column("Latitude", latitude, required=False),
    Column("Location", text, required=False),
    Column("LSOA code", text, required=False),
    Column("LSOA name", text, required=False),
    Column("Crime type", text),
    Column("Last outcome category", text, required=False),
    Column("Context", text, required=False),
]
POLICE_UK_MARKS = ("crime id", "crime type", "falls within", "lsoa code")  # headers only police.uk's files carry

INCIDENTS = [
    Column("Date", day),
    Column("Latitude", latitude, required=False),
    Column("Longitude", longitude, required=False),
    Column("Category", text),
    Column("District", text, required=False),
]

_LSOA_SUFFIX = re.compile(r"\s+\d{3}[A-Z]$")



@dataclass
class Points:
    """Every point taken, as parallel arrays, with what was read and set aside per file."""

    lon: np.ndarray
    lat: np.ndarray
    month: np.ndarray  # “2024-03” strings
    category: np.ndarray
    district: np.ndarray
    files: list[dict] = field(default_factory=list)
    area: np.ndarray | None = None  # LSOA code of each point ("" for an incidents file)

    def __len__(self) -> int:
        return len(self.lon)

    @property
    def skipped(self) -> Counter:
        total = Counter()
        for f in self.files:
            total.update(f["skipped"])
        return total

    def where(self, keep: np.ndarray) -> Points:
        return Points(self.lon[keep], self.lat[keep], self.month[keep], self.category[keep], self.district[keep],
                      self.files, None if self.area is None else self.area[keep])  # fmt: skip


def district_of(lsoa_name: str | None) -> str:
    """The district (Community Safety Partnership) of an LSOA from its name: “Basildon 016C” → Basildon."""
    if not lsoa_name:
        return "Unknown"
    return _LSOA_SUFFIX.sub("", lsoa_name.strip()) or "Unknown"


def _no_coordinates(row: dict) -> str | None:
    return NO_COORDINATES if row.get("Longitude") is None or row.get("Latitude") is None else None


def read_file(name: str, data: bytes) -> tuple[list[dict], dict]:
    """The rows of one CSV as (lon, lat, month, category, district) dicts and the file's record;
    raises Refused. The kind of file is told by its header."""
    first_line = data[:4096].split(b"\n", 1)[0].decode("utf-8-sig", errors="replace").lower()
    police = any(mark in first_line for mark in POLICE_UK_MARKS)
    loaded = read_rows(data, POLICE_UK if police else INCIDENTS, skip=_no_coordinates)
    if not loaded.ok:
        raise Refused(name, loaded.refused)
    if police:
        rows = [{"lon": float(r["Longitude"]), "lat": float(r["Latitude"]), "month": r["Month"].strftime("%Y-%m"),
                 "category": r["Crime type"], "district": district_of(r["LSOA name"]), "area": r["LSOA code"] or ""}
                for r in loaded.rows]  # fmt: skip
    else:
        rows = [{"lon": float(r["Longitude"]), "lat": float(r["Latitude"]), "month": r["Date"].strftime("%Y-%m"),
                 "category": r["Category"], "district": r["District"] or "Unknown", "area": ""} for r in loaded.rows]  # fmt: skip
    record = {"name": name, "format": "police.uk street-level crime" if police else "incidents",
              "taken": len(rows), "skipped": dict(loaded.skipped)}  # fmt: skip
    return rows, record


def files_in(path: Path) -> list[tuple[str, bytes]]:
    """(name, bytes) of every CSV in a file, a zip or a folder (and its subfolders), in name order."""
    path = Path(path)
    if path.is_dir():
        return [(str(p.relative_to(path)), p.read_bytes()) for p in sorted(path.rglob("*.csv"))]
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            names = sorted(n for n in archive.namelist() if n.lower().endswith(".csv"))
            return [(n, archive.read(n)) for n in names]
    return [(path.name, path.read_bytes())]


def read(files: list[tuple[str, bytes]]) -> Points:
    """Every point in `files`; refuses the lot at the first file that cannot be read."""
    if not files:
        raise Refused("the upload", [Refusal(1, None, "there is no CSV file in it")])
    rows, records = [], []
    for name, data in files:
        taken, record = read_file(name, data)
        rows.extend(taken)
        records.append(record)
    return Points(
        lon=np.fromiter((r["lon"] for r in rows), float, len(rows)),
        lat=np.fromiter((r["lat"] for r in rows), float, len(rows)),
        month=np.array([r["month"] for r in rows], dtype=object),
        category=np.array([r["category"] for r in rows], dtype=object),
        district=np.array([r["district"] for r in rows], dtype=object),
        files=records,
        area=np.array([r["area"] for r in rows], dtype=object),
    )


def month_range(first: str, last: str) -> list[str]:
    """Every month from `first` to `last` inclusive, as “2024-03”."""
    start = datetime.date.fromisoformat(first + "-01")
    end = datetime.date.fromisoformat(last + "-01")
    months = []
    while start <= end:
        months.append(start.strftime("%Y-%m"))
        start = (start.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return months
