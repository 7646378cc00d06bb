"""Synthetic street-level crime for Essex's districts in police.uk's format, with planted hotspots,
for the demo, the tests and the benches. Every row says it is synthetic; none is a real crime.

The districts' centres are approximate town centres, good enough to place points; background crime
is spread evenly over the county's bounding box and takes the district of the nearest centre;
each planted hotspot is a round cluster (normal, 120 m spread) around a point near a town centre.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bluelight.hotspots.engine.sources import month_range

DISTRICTS = {  # name: (latitude, longitude) of an approximate centre
    "Basildon": (51.5761, 0.4887), "Braintree": (51.8783, 0.5530), "Brentwood": (51.6215, 0.3050),
    "Castle Point": (51.5530, 0.5860), "Chelmsford": (51.7356, 0.4685), "Colchester": (51.8892, 0.9042),
    "Epping Forest": (51.6980, 0.1110), "Harlow": (51.7727, 0.1060), "Maldon": (51.7318, 0.6769),
    "Rochford": (51.5820, 0.7070), "Southend-on-Sea": (51.5380, 0.7140), "Tendring": (51.7890, 1.1550),
    "Thurrock": (51.4800, 0.3300), "Uttlesford": (52.0220, 0.2400),
}  # fmt: skip
BOX = {"south": 51.45, "north": 52.05, "west": 0.05, "east": 1.25}
CRIME_TYPES = (
    "Violence and sexual offences", "Anti-social behaviour", "Public order", "Criminal damage and arson",
    "Burglary", "Vehicle crime", "Shoplifting", "Other theft",
)  # fmt: skip
HEADER = ["Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude", "Location", "LSOA code",
          "LSOA name", "Crime type", "Last outcome category", "Context"]  # fmt: skip
LABEL = "SYNTHETIC: made by `bluelight hotspots synthetic`; not a real crime"
METRES_PER_DEGREE_LAT = 111_320.0


@dataclass(frozen=True)
class Plant:
    district: str
    lat: float
    lon: float
    per_month: int
    first_month: int  # index of the month it starts in

    @property
    def kind(self) -> str:
        return "steady" if self.first_month == 0 else "new"


def plants(rng: np.random.Generator, months: int, how_many: int = 5) -> list[Plant]:
    names = sorted(DISTRICTS)
    chosen = rng.choice(len(names), size=how_many, replace=False)
    found = []
    for i, index in enumerate(sorted(chosen)):
        lat, lon = DISTRICTS[names[index]]
        lat += rng.uniform(-0.01, 0.01)
        lon += rng.uniform(-0.015, 0.015)
        first = max(0, months - 4) if i == how_many - 1 and months >= 6 else 0
        found.append(Plant(names[index], round(lat, 6), round(lon, 6), 30 if first == 0 else 80, first))
    return found


def nearest_district(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    names = sorted(DISTRICTS)
    centres = np.array([DISTRICTS[n] for n in names])
    scale = np.cos(np.radians(51.75))
    d = (lat[:, None] - centres[None, :, 0]) ** 2 + ((lon[:, None] - centres[None, :, 1]) * scale) ** 2
    return np.array(names, dtype=object)[d.argmin(axis=1)]


def month_points(rng: np.random.Generator, planted: list[Plant], month_index: int, background: int):
    lat = rng.uniform(BOX["south"], BOX["north"], background)
    lon = rng.uniform(BOX["west"], BOX["east"], background)
    district = nearest_district(lat, lon)
    lats, lons, districts = [lat], [lon], [district]
    for plant in planted:
        if month_index < plant.first_month:
            continue
        spread = 120.0 / METRES_PER_DEGREE_LAT
        n = rng.poisson(plant.per_month)
        lats.append(rng.normal(plant.lat, spread, n))
        lons.append(rng.normal(plant.lon, spread / np.cos(np.radians(plant.lat)), n))
        districts.append(np.full(n, plant.district, dtype=object))
    return np.concatenate(lats), np.concatenate(lons), np.concatenate(districts)


def month_csv(rng: np.random.Generator, month: str, lat, lon, district, *, no_coordinates: float = 0.01) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    types = rng.choice(len(CRIME_TYPES), size=len(lat), p=[0.3, 0.25, 0.1, 0.1, 0.07, 0.07, 0.06, 0.05])
    # an LSOA is a patch of about 2 km: the same place always falls in the same one
    lsoa = (np.floor(np.asarray(lat) / 0.018).astype(int) * 131 + np.floor(np.asarray(lon) / 0.029).astype(int)) % 997 + 1
    blank = rng.random(len(lat)) < no_coordinates
    for i in range(len(lat)):
        crime = CRIME_TYPES[types[i]]
        crime_id = "" if crime == "Anti-social behaviour" else f"{rng.integers(0, 2**63):016x}"
        if blank[i]:
            place = ["", "", "No Location", "", ""]
        else:
            name = f"{district[i]} {lsoa[i]:03d}{'ABCDE'[lsoa[i] % 5]}"
            code = f"E0{zlib.crc32(name.encode()) % 10**7:07d}"
            place = [f"{lon[i]:.6f}", f"{lat[i]:.6f}", "On or near Synthetic Street", code, name]
        writer.writerow([crime_id, month, "Essex Police (synthetic)", "Essex Police", *place, crime,
                         "Under investigation", LABEL])  # fmt: skip
    return out.getvalue()


def write(out: Path, *, seed: int = 1, first: str = "2025-01", months: int = 12, background: int = 1500) -> dict:
    """Writes out/YYYY-MM/YYYY-MM-essex-street.csv for each month, out/planted.json and out/README.txt;
    returns what planted.json holds."""
    rng = np.random.default_rng(seed)
    start = datetime.date.fromisoformat(first + "-01")
    last = (start + datetime.timedelta(days=31 * (months - 1))).strftime("%Y-%m")
    names = month_range(first, last)[:months]
    planted = plants(rng, months)
    out = Path(out)
    for index, month in enumerate(names):
        lat, lon, district = month_points(rng, planted, index, background)
        folder = out / month
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{month}-essex-street.csv").write_text(month_csv(rng, month, lat, lon, district), encoding="utf-8")
    record = {
        "synthetic": True, "seed": seed, "months": names,
        "planted": [{"district": p.district, "lat": p.lat, "lon": p.lon, "per_month": p.per_month,
                     "from_month": names[p.first_month], "kind": p.kind} for p in planted],
    }  # fmt: skip
    (out / "planted.json").write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    (out / "README.txt").write_text(
        "Synthetic street-level crime for Essex in police.uk's CSV format, made by "
        f"`bluelight hotspots synthetic --seed {seed}`.\nNone of these rows is a real crime. "
        "planted.json lists the planted hotspots.\n",
        encoding="utf-8",
    )
    return record
