"""The files a response-cover scenario reads: stations, incidents and, when a GIS team has made one, an
origin–destination matrix of travel minutes. Each is taken whole or refused whole (evidence.rows):
every bad row is named with its column and reason.

Stations: Service, Name, Latitude, Longitude, Crewing (wholetime, on-call, day-crewed or standby),
Turnout minutes, and Role: open (responding now, the default) or candidate (a site that could be
added, such as a fire station hosting co-responders or an ambulance standby point).

Incidents: Date (a date, or a date and time), Latitude, Longitude, Category, Service, and optionally
Reference (needed with a matrix) and District. An incident without coordinates is counted under
“no coordinates”, not refused: it cannot be placed.

Matrix: Origin (a station's Name), Destination (an incident's Reference), Minutes. A pair the matrix
leaves out is beyond its cut-off: that station does not reach that incident.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

import numpy as np

from bluelight.evidence.rows import ROW, Column, Loaded, Refusal, decimal, latitude, longitude, read_rows, text, when
from bluelight.evidence.rows import FileRefused as Refused

NO_COORDINATES = "no coordinates"
CREWING = {"wholetime": "wholetime", "on-call": "on-call", "on call": "on-call", "retained": "on-call",
           "day-crewed": "day-crewed", "day crewed": "day-crewed", "standby": "standby"}  # fmt: skip
ROLES = ("open", "candidate")



def _crewing(raw: str) -> str:
    try:
        return CREWING[raw.lower()]
    except KeyError:
        raise ValueError(f"“{raw}” is not a crewing: wholetime, on-call, day-crewed or standby") from None


def _role(raw: str) -> str:
    if raw.lower() not in ROLES:
        raise ValueError(f"“{raw}” is not a role: open or candidate")
    return raw.lower()


def _turnout(raw: str) -> float:
    value = decimal(raw)
    if not 0 <= value <= 60:
        raise ValueError(f"“{raw}” is not a turnout time in minutes (0 to 60)")
    return float(value)


def _minutes(raw: str) -> float:
    value = decimal(raw)
    if not 0 <= value <= 1440:
        raise ValueError(f"“{raw}” is not a travel time in minutes (0 to 1,440)")
    return float(value)


STATIONS = [Column("Service", text), Column("Name", text), Column("Latitude", latitude), Column("Longitude", longitude),
            Column("Crewing", _crewing), Column("Turnout minutes", _turnout), Column("Role", _role, required=False)]  # fmt: skip
INCIDENTS = [Column("Date", when), Column("Latitude", latitude, required=False),
             Column("Longitude", longitude, required=False), Column("Category", text), Column("Service", text),
             Column("Reference", text, required=False), Column("District", text, required=False)]  # fmt: skip
MATRIX = [Column("Origin", text), Column("Destination", text), Column("Minutes", _minutes)]


@dataclass
class Stations:
    name: list[str]
    service: list[str]
    crewing: list[str]
    role: np.ndarray  # "open" or "candidate"
    lat: np.ndarray
    lon: np.ndarray
    turnout: np.ndarray

    def __len__(self) -> int:
        return len(self.name)


@dataclass
class Incidents:
    when: list[datetime.datetime]
    lat: np.ndarray
    lon: np.ndarray
    category: np.ndarray
    service: np.ndarray
    district: np.ndarray
    reference: list[str | None]
    skipped: dict = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.when)


def _read(name: str, data: bytes, columns, **options) -> Loaded:
    loaded = read_rows(data, columns, **options)
    if not loaded.ok:
        raise Refused(name, loaded.refused)
    return loaded


def read_stations(name: str, data: bytes) -> Stations:
    rows = _read(name, data, STATIONS).rows
    seen, refusals = {}, []
    for row in rows:
        number = row[ROW]
        if row["Name"] in seen:
            refusals.append(Refusal(number, "Name", f"“{row['Name']}” is on row {seen[row['Name']]} too: "
                                                    "each station's name must be different"))  # fmt: skip
        seen.setdefault(row["Name"], number)
    if not rows:
        refusals.append(Refusal(1, None, "there are no stations in the file"))
    elif not any((r["Role"] or "open") == "open" for r in rows):
        refusals.append(Refusal(1, "Role", "no station is open: mark the stations responding now as open"))
    if refusals:
        raise Refused(name, refusals)
    return Stations(
        name=[r["Name"] for r in rows], service=[r["Service"] for r in rows], crewing=[r["Crewing"] for r in rows],
        role=np.array([r["Role"] or "open" for r in rows]),
        lat=np.array([float(r["Latitude"]) for r in rows]), lon=np.array([float(r["Longitude"]) for r in rows]),
        turnout=np.array([r["Turnout minutes"] for r in rows]),
    )  # fmt: skip


def _no_coordinates(row: dict) -> str | None:
    return NO_COORDINATES if row["Latitude"] is None or row["Longitude"] is None else None


def read_incidents(name: str, data: bytes, *, need_reference: bool = False) -> Incidents:
    loaded = _read(name, data, INCIDENTS, skip=_no_coordinates)
    rows, refusals, seen = loaded.rows, [], {}
    if need_reference:
        for row in rows:
            number, reference = row[ROW], row["Reference"]
            if reference is None:
                refusals.append(Refusal(number, "Reference", "is blank: with a travel matrix every incident needs "
                                                             "the reference the matrix uses"))  # fmt: skip
            elif reference in seen:
                refusals.append(Refusal(number, "Reference", f"“{reference}” is on row {seen[reference]} too"))
            else:
                seen[reference] = number
    if not rows:
        refusals.append(Refusal(1, None, "there are no incidents with coordinates in the file"))
    if refusals:
        raise Refused(name, refusals[:100])
    return Incidents(
        when=[r["Date"] for r in rows], lat=np.array([float(r["Latitude"]) for r in rows]),
        lon=np.array([float(r["Longitude"]) for r in rows]), category=np.array([r["Category"] for r in rows]),
        service=np.array([r["Service"] for r in rows]), district=np.array([r["District"] or "Unknown" for r in rows]),
        reference=[r["Reference"] for r in rows], skipped=dict(loaded.skipped),
    )  # fmt: skip


def read_matrix(name: str, data: bytes, stations: Stations, incidents: Incidents) -> np.ndarray:
    """Travel minutes [station, incident] from the matrix; infinity where it has no pair."""
    rows = _read(name, data, MATRIX).rows
    station_at = {n: i for i, n in enumerate(stations.name)}
    incident_at = {r: i for i, r in enumerate(incidents.reference)}
    travel = np.full((len(stations), len(incidents)), np.inf)
    refusals = []
    for row in rows:
        number = row[ROW]
        origin, destination = station_at.get(row["Origin"]), incident_at.get(row["Destination"])
        if origin is None:
            refusals.append(Refusal(number, "Origin", f"“{row['Origin']}” is not a station in the stations file"))
        if destination is None:
            refusals.append(Refusal(number, "Destination", f"“{row['Destination']}” is not an incident reference "
                                                           "in the incidents file"))  # fmt: skip
        if origin is not None and destination is not None:
            travel[origin, destination] = row["Minutes"]
        if len(refusals) >= 100:
            break
    if refusals:
        raise Refused(name, refusals)
    return travel
