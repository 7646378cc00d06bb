"""A SYNTHETIC log of requests between services in Essex, for the demo, the tour, the tests and the
bench: made here with a fixed seed, in the default extract layout (sources.DEFAULT_MAPPING).

Gain entry for ambulance crews: the ambulance service (EEAST) asks; until the protocol's start the
police (EP) attended, after it the fire service (ECFRS) does, sooner. Missing person searches: the
police ask the fire service (drones and search teams). The numbers are invented for the
demonstration, not taken from any service's records.
"""

from __future__ import annotations

import csv
import datetime
import io

import numpy as np

PROTOCOL_STARTS = datetime.datetime(2016, 1, 1)
HEADER = ["Requesting service", "Requesting reference", "Receiving service", "Receiving reference", "Type",
          "Requested", "Accepted", "On scene", "Closed", "Would have attended", "Outcome"]  # fmt: skip


def _when(value: datetime.datetime | None) -> str:
    return "" if value is None else value.isoformat(" ", "minutes")


def rows(*, seed: int = 2016, first: int = 2015, last: int = 2025, gain_entry_a_year: int = 1100,
         searches_a_year: int = 120):  # fmt: skip
    """The rows, as lists of cells, year by year (calendar years `first` to `last`)."""
    rng = np.random.default_rng(seed)
    number = 0
    for year in range(first, last + 1):
        start = datetime.datetime(year, 1, 1)
        for kind, count in (("Gain entry", gain_entry_a_year), ("Missing person search", searches_a_year)):
            minutes = np.sort(rng.integers(0, 365 * 24 * 60, count))
            for at in minutes:
                number += 1
                asked = start + datetime.timedelta(minutes=int(at))
                after = asked >= PROTOCOL_STARTS
                if kind == "Gain entry":
                    asking, receiver, instead = "EEAST", ("ECFRS" if after else "EP"), ("EP" if after else "")
                    arrive = float(rng.gamma(4.0, 4.5 if after else 9.0))  # median about 17 minutes after, 33 before
                else:
                    asking, receiver, instead = "EP", "ECFRS", ""
                    arrive = float(rng.gamma(5.0, 8.0))
                accepted = asked + datetime.timedelta(minutes=int(rng.integers(1, 4)))
                on_scene = None if rng.random() < 0.03 else asked + datetime.timedelta(minutes=round(arrive, 1))
                closed = (on_scene or accepted) + datetime.timedelta(minutes=int(rng.integers(20, 90)))
                yield [asking, f"SYN-{asking}-{number:07d}", receiver, f"SYN-{receiver}-{number:07d}", kind,
                       _when(asked), _when(accepted), _when(on_scene), _when(closed), instead,
                       "Entry gained" if kind == "Gain entry" else "Person found"]  # fmt: skip


def extract_csv(**options) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(rows(**options))
    return out.getvalue()
