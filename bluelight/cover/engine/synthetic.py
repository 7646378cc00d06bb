"""Synthetic inputs for a response-cover scenario in Essex, for the demo, the tour and the tests.

The incidents are SYNTHETIC: made here with a fixed seed, clustered round the county's towns in
proportion to a rough size of each, with a thin scatter across the countryside. The station points
are ILLUSTRATIVE: each is put at its town's centre, not at a station's address, and which towns
have an ambulance station (open) or a fire station that could host co-responders (candidate) is
chosen for the demonstration, not taken from either service's estate.
"""

from __future__ import annotations

import csv
import datetime
import io

import numpy as np

# town, district, latitude, longitude, weight (a rough size), ambulance station open here
TOWNS = [
    ("Chelmsford", "Chelmsford", 51.7356, 0.4685, 11, True),
    ("Colchester", "Colchester", 51.8959, 0.8919, 12, True),
    ("Southend", "Southend-on-Sea", 51.5459, 0.7077, 12, True),
    ("Basildon", "Basildon", 51.5761, 0.4886, 10, True),
    ("Harlow", "Harlow", 51.7727, 0.1023, 8, True),
    ("Grays", "Thurrock", 51.4754, 0.3250, 9, True),
    ("Clacton", "Tendring", 51.7898, 1.1535, 6, True),
    ("Braintree", "Braintree", 51.8781, 0.5529, 5, False),
    ("Brentwood", "Brentwood", 51.6214, 0.3050, 5, False),
    ("Epping", "Epping Forest", 51.6994, 0.1107, 3, False),
    ("Loughton", "Epping Forest", 51.6494, 0.0735, 4, False),
    ("Maldon", "Maldon", 51.7318, 0.6758, 3, False),
    ("Witham", "Braintree", 51.8007, 0.6401, 3, False),
    ("Harwich", "Tendring", 51.9417, 1.2836, 2, False),
    ("Saffron Walden", "Uttlesford", 52.0226, 0.2395, 2, False),
    ("Great Dunmow", "Uttlesford", 51.8729, 0.3617, 2, False),
    ("Burnham-on-Crouch", "Maldon", 51.6296, 0.8136, 1, False),
    ("Rayleigh", "Rochford", 51.5857, 0.6049, 4, False),
    ("Canvey Island", "Castle Point", 51.5230, 0.5800, 4, False),
    ("Halstead", "Braintree", 51.9449, 0.6388, 2, False),
    ("Tiptree", "Colchester", 51.8116, 0.7510, 1, False),
    ("Billericay", "Basildon", 51.6280, 0.4185, 4, False),
    ("South Woodham Ferrers", "Chelmsford", 51.6470, 0.6140, 2, False),
    ("Frinton-on-Sea", "Tendring", 51.8300, 1.2450, 1, False),
]
HEADER_STATIONS = ["Service", "Name", "Latitude", "Longitude", "Crewing", "Turnout minutes", "Role"]
HEADER_INCIDENTS = ["Reference", "Date", "Latitude", "Longitude", "Category", "Service", "District"]


def _csv(header: list[str], rows: list[list]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def stations_csv() -> bytes:
    """Ambulance stations open in the larger towns; fire stations everywhere as candidates to host
    co-responders (on-call outside the largest towns, so a longer turnout)."""
    rows = []
    for town, _, lat, lon, weight, ambulance in TOWNS:
        if ambulance:
            rows.append(["Ambulance", f"{town} ambulance station (illustrative)", lat, lon, "wholetime", "1", "open"])
        crewing, turnout = ("wholetime", "2") if weight >= 8 else ("on-call", "5")
        rows.append(["Fire", f"{town} fire station (illustrative)", lat + 0.004, lon + 0.006, crewing, turnout,
                     "candidate"])  # fmt: skip
    return _csv(HEADER_STATIONS, rows)


def incidents_csv(*, seed: int = 2025, count: int = 3000, year: int = 2025) -> bytes:
    """`count` Category 1 incidents over the year, round the towns and across the countryside."""
    rng = np.random.default_rng(seed)
    weights = np.array([t[4] for t in TOWNS], float)
    town = rng.choice(len(TOWNS), size=count, p=weights / weights.sum())
    rural = rng.random(count) < 0.15
    spread = np.where(rural, 0.07, 0.015)  # degrees: a wide scatter for the countryside
    lat = np.array([TOWNS[t][2] for t in town]) + rng.normal(0, 1, count) * spread
    lon = np.array([TOWNS[t][3] for t in town]) + rng.normal(0, 1.6, count) * spread
    start = datetime.datetime(year, 1, 1)
    minutes = np.sort(rng.integers(0, 365 * 24 * 60, count))
    rows = [[f"SYN-{year}-{i + 1:05d}", (start + datetime.timedelta(minutes=int(minutes[i]))).isoformat(" ", "minutes"),
             f"{lat[i]:.5f}", f"{lon[i]:.5f}", "Category 1", "Ambulance", TOWNS[town[i]][1]]
            for i in range(count)]  # fmt: skip
    return _csv(HEADER_INCIDENTS, rows)
