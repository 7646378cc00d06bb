"""A response-cover scenario, whole: the measures with the open stations (before), the candidates to
add chosen to cover the most demand within the standard (MCLP) or the fewest that reach a share, and
the measures with them (after). The result is plain data, ready to keep as JSON.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from bluelight.cover.engine import choose
from bluelight.cover.engine.measures import Standard, measures
from bluelight.cover.engine.sources import Incidents, Stations
from bluelight.cover.engine.travel import Estimate

METHOD_VERSION = "1"
MOST_POINTS_DRAWN = 4000
GREEDY_ABOVE = 5_000_000  # incidents × candidates above which "auto" takes greedy with swaps


@dataclass(frozen=True)
class Settings:
    standard: Standard = field(default_factory=Standard)
    estimate: Estimate = field(default_factory=Estimate)
    choose: int = 0  # candidates to add (MCLP); 0 for none
    share: float | None = None  # the fewest candidates that bring this share within the standard
    method: str = "auto"  # exact, greedy or auto

    def check(self) -> dict[str, str]:
        errors = dict(self.estimate.check())
        if not 1 <= self.standard.within_minutes <= 120:
            errors["within"] = "The standard must be between 1 and 120 minutes."
        if not 0 <= self.choose <= 100:
            errors["choose"] = "Choose between 0 and 100 stations to add."
        if self.share is not None and not 0 < self.share <= 1:
            errors["share"] = "The share to reach must be more than 0% and at most 100%."
        if self.method not in ("auto", "exact", "greedy"):
            errors["method"] = "The method must be exact, greedy or auto."
        return errors


def _plain(value):
    """JSON has no infinity or NaN: an incident never reached, or a measure of none, is None."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _choice(c: choose.Choice, names: list[str], total: float) -> dict:
    return {"chosen": [names[j] for j in c.chosen], "covered": c.covered, "share": c.covered / total if total else 0.0,
            "bound": c.bound, "gap": c.gap, "method": c.method}  # fmt: skip


def _points(before_ok, after_ok, incidents: Incidents) -> dict:
    every = max(1, math.ceil(len(incidents) / MOST_POINTS_DRAWN))
    state = np.where(before_ok, 1, np.where(after_ok, 2, 0))  # 0 outside, 1 within already, 2 newly within
    rows = [[round(float(incidents.lat[i]), 5), round(float(incidents.lon[i]), 5), int(state[i])]
            for i in range(0, len(incidents), every)]  # fmt: skip
    return {"every": every, "rows": rows}


def run(stations: Stations, incidents: Incidents, travel: np.ndarray, settings: Settings, progress=None) -> dict:
    """The scenario's result; `travel` is minutes [station, incident] (np.inf where not reached)."""
    progress = progress or (lambda step, percent: None)
    standard = settings.standard
    response = travel + stations.turnout[:, None]
    open_now = stations.role == "open"
    groups = {"district": incidents.district, "service": incidents.service}
    before = measures(travel, stations.turnout, open_now, standard, groups)
    progress("Measured cover with the open stations", 50)
    before_ok = before["response"] <= standard.within_minutes
    candidates = np.flatnonzero(stations.role == "candidate")
    names = [stations.name[j] for j in candidates]
    total = float(len(incidents))
    found = {"incidents": len(incidents), "stations": len(stations), "open": int(open_now.sum()),
             "candidates": len(candidates), "span_days": _span_days(incidents), "standard": standard.__dict__,
             "before": _summaries(before)}  # fmt: skip
    chosen_names: list[str] = []
    if len(candidates) and (settings.choose or settings.share):
        p = choose.problem((response[candidates] <= standard.within_minutes).T, np.ones(len(incidents)), before_ok)
        if settings.choose:
            greedy = settings.method == "greedy" or (settings.method == "auto" and p.cover.nnz > GREEDY_ABOVE)
            picked = choose.greedy(p, settings.choose) if greedy else choose.mclp_exact(p, settings.choose)
            found["choice"] = _choice(picked, names, total) | {"k": min(settings.choose, len(candidates))}
            chosen_names = found["choice"]["chosen"]
        if settings.share:
            fewest = choose.fewest_for(p, settings.share, total)
            found["fewest"] = _choice(fewest, names, total) | {"target": settings.share}
            chosen_names = chosen_names or found["fewest"]["chosen"]
        progress("Chose the stations to add", 80)
    after_ok, final = before_ok, before
    if chosen_names:
        with_chosen = open_now | np.isin(np.array(stations.name, dtype=object), chosen_names)
        after = measures(travel, stations.turnout, with_chosen, standard, groups)
        after_ok = after["response"] <= standard.within_minutes
        found["after"] = _summaries(after)
        found["newly_within"] = int(np.sum(after_ok & ~before_ok))
        final = after
    found["station_rows"] = [
        {"name": stations.name[s], "service": stations.service[s], "crewing": stations.crewing[s],
         "role": str(stations.role[s]), "turnout": float(stations.turnout[s]), "lat": float(stations.lat[s]),
         "lon": float(stations.lon[s]), "chosen": stations.name[s] in chosen_names,
         "first_before": _first_at(before, s), "first_after": _first_at(final, s)}
        for s in range(len(stations))
    ]  # fmt: skip
    found["points"] = _points(before_ok, after_ok, incidents)
    return _plain(found)


def _first_at(found: dict, station: int) -> int:
    """Incidents the station arrives at first (an incident no one reaches is no one's)."""
    return int(np.sum((found["first"] == station) & np.isfinite(found["response"])))


def _summaries(found: dict) -> dict:
    return {"overall": found["overall"], "district": found["district"], "service": found["service"]}


def _span_days(incidents: Incidents) -> int:
    """Days from the first incident to the last, both counted."""
    days = [w.date() for w in incidents.when]
    return (max(days) - min(days)).days + 1
