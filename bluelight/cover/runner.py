"""The response-cover engine as the evidence app runs it: the stations, incidents and (optional) travel
matrix files in, the scenario and its method statement out (bluelight.evidence.engines)."""

from __future__ import annotations

import numpy as np

from bluelight.cover.engine import scenario, sources
from bluelight.cover.engine.measures import Standard
from bluelight.cover.engine.travel import Estimate
from bluelight.evidence.engines import Outcome, Refused

NAME = "Response cover: first arrival, response measures and maximal covering"
ROLES = ("stations", "incidents", "matrix")


def parameters(*, within, mean=None, centile=None, speed=None, circuity=None, choose=None, share_percent=None,
               method: str = "auto") -> dict:  # fmt: skip
    """A scenario's parameters as kept with it, from a form or the command line (numbers or None; the share
    to reach in per cent)."""
    def number(value):
        return None if value in (None, "") else float(value)

    share = number(share_percent)
    return {"within": number(within), "mean": number(mean), "centile": number(centile), "speed": number(speed),
            "circuity": number(circuity), "choose": int(choose or 0), "share": None if share is None else share / 100,
            "method": method}  # fmt: skip


def settings_of(parameters: dict) -> scenario.Settings:
    def number(key, default):
        value = parameters.get(key)
        return default if value in (None, "") else float(value)

    return scenario.Settings(
        standard=Standard(number("within", 8.0), number("mean", None), number("centile", None)),
        estimate=Estimate(number("speed", 48.0), number("circuity", 1.3)),
        choose=int(parameters.get("choose") or 0), share=number("share", None), method=parameters.get("method", "auto"),
    )  # fmt: skip


def travel_words(settings: scenario.Settings, matrix_name: str | None) -> str:
    if matrix_name:
        return (f"Travel times from the origin–destination matrix “{matrix_name}”; a station and incident it leaves "
                "out are taken as beyond its cut-off.")  # fmt: skip
    return settings.estimate.words


def statement(settings: scenario.Settings, matrix_name: str | None) -> str:
    choosing = ""
    if settings.choose:
        choosing = (f" The {settings.choose} candidate station(s) to add are those covering the most incidents not "
                    "yet within the standard (the maximal covering location problem, Church and ReVelle 1974), solved "
                    "exactly as an integer programme by HiGHS, or for a large case by adding the best one at a time "
                    "and then swapping while a swap gains, with the gap to the linear relaxation's bound stated.")  # fmt: skip
    if settings.share:
        choosing += (f" The fewest candidates that bring {settings.share:.0%} of incidents within the standard are "
                     "found exactly by HiGHS (partial set covering, after Toregas et al. 1971).")  # fmt: skip
    return (
        f"{travel_words(settings, matrix_name)} Each incident's response is the earliest arrival of any open station: "
        "its turnout time plus its travel time. Every open station may respond to every incident, whatever its "
        "service (as a co-responder or a shared station would). The mean is of the incidents reached; the 90th "
        "centile is the nearest rank, the smallest time that 90% of incidents meet. The standard: "
        f"{settings.standard.words}.{choosing} Each incident counts once; no allowance is made for a unit already "
        "busy, so cover is the best a station can give, not what it gave on the day."
    )


def _named(uploads, roles) -> dict[str, tuple[str, bytes]]:
    return dict(zip(roles, uploads, strict=True))


def run(uploads: list[tuple[str, bytes]], parameters: dict, progress) -> Outcome:
    settings = settings_of(parameters)
    errors = settings.check()
    if errors:
        raise Refused(list(errors.values()))
    files = _named(uploads, parameters.get("roles", ROLES[: len(uploads)]))
    matrix = files.get("matrix")
    try:
        stations = sources.read_stations(*files["stations"])
        incidents = sources.read_incidents(*files["incidents"], need_reference=matrix is not None)
        travel = (sources.read_matrix(*matrix, stations, incidents) if matrix
                  else settings.estimate.minutes(stations.lat, stations.lon, incidents.lat, incidents.lon))  # fmt: skip
    except sources.Refused as refused:
        raise Refused([f"{refused.name}: {r}" for r in refused.refusals]) from None
    progress(f"Read {len(stations)} stations and {len(incidents):,} incidents", 20)
    try:
        result = scenario.run(stations, incidents, travel, settings, progress)
    except ValueError as error:
        raise Refused([str(error)]) from None
    result["set_aside"] = incidents.skipped
    result["travel"] = travel_words(settings, matrix[0] if matrix else None)
    record = {"stations": len(stations), "incidents": len(incidents), "matrix": int(np.isfinite(travel).sum()) if matrix else 0}
    read = [{"name": name, "role": role, "taken": record[role], "skipped": incidents.skipped if role == "incidents" else {}}
            for role, (name, _) in files.items()]  # fmt: skip
    method = {"name": NAME, "version": scenario.METHOD_VERSION, "statement": statement(settings, matrix and matrix[0]),
              "parameters": {k: v for k, v in parameters.items() if k != "roles"}}  # fmt: skip
    return Outcome(result=result, method=method, files=read)
