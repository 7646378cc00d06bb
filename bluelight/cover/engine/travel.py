"""Travel times from stations to incidents, in minutes: from an origin–destination matrix a GIS team
supplies, or estimated as straight-line distance × a circuity factor at a stated speed.

The estimate is an assumption, and every result carries it in words (`Estimate.words`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

EARTH_RADIUS_KM = 6371.0088  # the mean radius (IUGG)


def great_circle_km(lat1, lon1, lat2, lon2) -> np.ndarray:
    """Haversine distance in km between every point 1 (rows) and every point 2 (columns)."""
    p1, l1 = np.radians(np.asarray(lat1, float))[:, None], np.radians(np.asarray(lon1, float))[:, None]
    p2, l2 = np.radians(np.asarray(lat2, float))[None, :], np.radians(np.asarray(lon2, float))[None, :]
    h = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin((l2 - l1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.minimum(h, 1.0)))


@dataclass(frozen=True)
class Estimate:
    speed_kmh: float = 48.0  # an emergency response's average on mixed roads
    circuity: float = 1.3  # road distance ÷ straight-line distance

    def check(self) -> dict[str, str]:
        errors = {}
        if not 5 <= self.speed_kmh <= 130:
            errors["speed"] = "The speed must be between 5 and 130 km/h."
        if not 1 <= self.circuity <= 3:
            errors["circuity"] = "The circuity factor must be between 1 and 3."
        return errors

    @property
    def words(self) -> str:
        return (f"Travel time estimated as straight-line distance × {self.circuity:g} (circuity) at "
                f"{self.speed_kmh:g} km/h; no road network was used.")  # fmt: skip

    def minutes(self, station_lat, station_lon, incident_lat, incident_lon) -> np.ndarray:
        km = great_circle_km(station_lat, station_lon, incident_lat, incident_lon)
        return km * self.circuity / self.speed_kmh * 60.0
