"""Cover measures for a scenario (a set of open stations): for each incident the first-arriving
station and its response time (turnout + travel), the mean and 90th centile of response, and the
share within the standard, overall and by group (district, service).

The 90th centile is the nearest-rank centile: the smallest response time that at least 90% of
incidents meet, as ambulance and fire response statistics are reported. An incident no open station
reaches (a travel matrix with a cut-off leaves the pair out) is counted as unreached: outside the
standard, in the centile as infinitely late, and out of the mean, which is of the incidents reached.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from bluelight.evidence.stats import centile


@dataclass(frozen=True)
class Standard:
    within_minutes: float = 8.0  # the target the share is counted against
    mean_minutes: float | None = 7.0  # ambulance Category 1: mean 7 minutes
    centile_minutes: float | None = 15.0  # ... and 90th centile 15 minutes

    @property
    def words(self) -> str:
        parts = [f"within {self.within_minutes:g} minutes"]
        if self.mean_minutes is not None:
            parts.append(f"mean {self.mean_minutes:g} minutes or less")
        if self.centile_minutes is not None:
            parts.append(f"90th centile {self.centile_minutes:g} minutes or less")
        return ", ".join(parts)


def first_arrivals(travel: np.ndarray, turnout: np.ndarray, open_stations: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(station index, response minutes) of the first to arrive at each incident, from the open
    stations only; travel is [station, incident] minutes, turnout per station."""
    response = np.where(open_stations[:, None], travel + turnout[:, None], np.inf)
    first = np.argmin(response, axis=0)
    return first, response[first, np.arange(travel.shape[1])]


def summary(response: np.ndarray, standard: Standard) -> dict:
    n = int(response.size)
    within = int(np.sum(response <= standard.within_minutes))
    reached = np.isfinite(response)
    mean = float(np.mean(response[reached])) if reached.any() else float("nan")
    p90 = centile(response)
    return {
        "incidents": n, "within": within, "share_within": within / n if n else 0.0,
        "mean": mean, "centile_90": p90, "unreached": int(n - reached.sum()),
        "meets_mean": None if standard.mean_minutes is None else bool(mean <= standard.mean_minutes),
        "meets_centile": None if standard.centile_minutes is None else bool(p90 <= standard.centile_minutes),
    }  # fmt: skip


def measures(travel, turnout, open_stations, standard: Standard, groups: dict[str, np.ndarray] | None = None) -> dict:
    """The scenario's measures overall and by each grouping ({"district": labels, "service": labels})."""
    first, response = first_arrivals(np.asarray(travel, float), np.asarray(turnout, float),
                                     np.asarray(open_stations, bool))  # fmt: skip
    found = {"overall": summary(response, standard), "first": first, "response": response}
    for name, labels in (groups or {}).items():
        by = defaultdict(list)
        for label, minutes in zip(np.asarray(labels).tolist(), response.tolist(), strict=True):
            by[label].append(minutes)
        found[name] = {label: summary(np.array(values), standard) for label, values in sorted(by.items())}
    return found
