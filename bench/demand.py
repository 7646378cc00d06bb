"""Benchmark: loading a control-room extract of 1,000,000 requests between services, and the summary
of a year.

Prints, on this machine (SQLite unless --database names another): the load of a synthetic extract
(checked whole, then taken) in seconds, rows per second and the process's peak memory; loading the
same file again (every row unchanged: the cost of checking and comparing); and the summary of one
financial year (counts, minutes to on scene, hours saved, the protocol's before and after with its
bootstrap), goal under 1 s: first after the load, when the protocol's before-and-after bootstrap is
made, then again, when it is kept in the cache for this version of the log.

    .venv/bin/python bench/demand.py [--rows 1000000] [--database postgres://…]
"""

from __future__ import annotations

import argparse
import csv
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from dashboard_report import setup  # noqa: E402 -- after the path is set


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--database")
    args = parser.parse_args()
    setup(args.database)
    import datetime
    from decimal import Decimal

    from bluelight.core.history import Actor
    from bluelight.demand import services
    from bluelight.demand.engine import synthetic
    from bluelight.demand.selectors import summary
    from bluelight.programmes import services as programmes

    system = Actor.system()
    orgs = [programmes.organisation_create(actor=system, name=n, short_code=c, kind=k)
            for n, c, k in (("Police", "EP", "police"), ("Fire", "ECFRS", "fire"), ("Ambulance", "EEAST", "ambulance"))]  # fmt: skip
    programme = programmes.programme_create(actor=system, name="Bench", slug="bench", cycle_start_year=2015,
                                            cycle_end_year=2026, partners=orgs)  # fmt: skip
    years = 11
    per_year = args.rows // years
    path = Path(tempfile.mkdtemp(prefix="bluelight-demand-")) / "extract.csv"
    start = time.perf_counter()
    with path.open("w", encoding="utf-8", newline="") as out:  # a row at a time: the peak is the load's
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(synthetic.HEADER)
        writer.writerows(synthetic.rows(gain_entry_a_year=per_year - per_year // 10, searches_a_year=per_year // 10))
    rows = sum(1 for _ in path.open()) - 1
    print(f"Wrote a synthetic extract of {rows:,} rows ({path.stat().st_size / 1e6:.0f} MB) in "
          f"{time.perf_counter() - start:.1f} s")  # fmt: skip
    source = services.source_for(actor=system, programme=programme, name="bench")

    def load():
        started = time.perf_counter()
        loaded = services.load(actor=system, programme=programme, source=source,
                               open_text=lambda: path.open(encoding="utf-8", newline=""))  # fmt: skip
        return loaded, time.perf_counter() - started

    loaded, seconds = load()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"Load:   {seconds:7.1f} s  {loaded.rows / seconds:9,.0f} rows/s  ({loaded.words()}); peak memory {peak:,.0f} MB")
    again, seconds = load()
    print(f"Again:  {seconds:7.1f} s  {again.rows / seconds:9,.0f} rows/s  ({again.words()})")
    services.protocol_set(actor=system, programme=programme, type="gain_entry", name="Gain entry",
                          starts_on=datetime.date(2016, 1, 1), displaced=orgs[0], hours_per_request=Decimal(3),
                          basis="bench")  # fmt: skip
    for label, options in (("a year (2024/25), first after the load: the protocol's bootstrap made", {"year": 2024}),
                           ("a year (2024/25), again: the bootstrap kept", {"year": 2024}),
                           ("a year, gain entry", {"year": 2024, "type_": "gain_entry"})):  # fmt: skip
        started = time.perf_counter()
        found = summary(programme, **options)
        took = time.perf_counter() - started
        print(f"Summary of {label}: {took:.2f} s for {found['requests']:,} requests (goal: under 1 s)")

if __name__ == "__main__":
    main()
