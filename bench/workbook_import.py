"""Benchmark: importing a large programme workbook (2,000 workstreams, 20,000 benefit-years, 10,000 ratings).

Writes the workbook as XLSX (and, with --formats, ODS and CSV too), then for each times the whole
import into an empty database: reading, checking every cell and reference, and writing in one
transaction. Prints the time, the process's peak memory (resident set, as the operating system
counts it; tracemalloc would slow the import it measures) and rows per second. A second
import of the same workbook (every row unchanged) is timed as well: the cost of checking alone.
For XLSX it times openpyxl's read-only read of the same file (every cell's value, nothing else) and
prints the import's speed as a ratio to it (goal: at least 0.5x). Then it times the export of the
imported programme in each format (goal for ODS: under 2 s).

    .venv/bin/python bench/workbook_import.py [--workstreams 2000] [--formats xlsx,ods,csv]
"""

from __future__ import annotations

import argparse
import datetime
import resource
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dashboard_report import setup  # noqa: E402 -- after the path is set

PERIODS = 5  # ratings = workstreams × periods
YEARS = 10  # benefit-years = workstreams × years (one benefit per workstream)


def tables(workstreams: int):
    from bluelight.core import workbooks
    from bluelight.exchange.sheets import SCHEMA

    def table(name, rows):
        return workbooks.Table(name, SCHEMA[name].headers, [[row.get(h) for h in SCHEMA[name].headers] for row in rows])

    organisations = [{"Short code": f"F{i}", "Name": f"Force {i}", "Kind": "police"} for i in range(20)]
    sections = [{"Section": f"Section {i}", "Position": i + 1} for i in range(10)]
    work = [
        {"Workstream": f"ws-{n}", "Section": f"Section {n % 10}", "Position": n // 10 + 1, "Title": f"Workstream {n}",
         "Lead organisation": f"F{n % 20}", "Partners": f"F{(n + 1) % 20}; F{(n + 2) % 20}", "Stage": "in_delivery",
         "Description": "A joint project of police and fire. " * 3, "Illustrative": False}
        for n in range(workstreams)
    ]  # fmt: skip
    periods = [
        {"Period": f"{2020 + p}/{21 + p}", "Cadence": "annual", "Starts on": datetime.date(2020 + p, 4, 1),
         "Ends on": datetime.date(2021 + p, 3, 31)}
        for p in range(PERIODS)
    ]  # fmt: skip
    ratings = [
        {"Workstream": f"ws-{n}", "Period": f"{2020 + p}/{21 + p}", "Rating": ("green", "amber", "red")[(n + p) % 3],
         "Rationale": "" if (n + p) % 3 == 0 else "Behind plan: the partner's funding came late.",
         "Assessed on": datetime.date(2021 + p, 3, 15), "Illustrative": False}
        for n in range(workstreams) for p in range(PERIODS)
    ]  # fmt: skip
    benefits = [
        {"Benefit": f"b-{n}", "Workstream": f"ws-{n}", "Title": f"Savings of workstream {n}", "Kind": "cashable",
         "Status": "profiled", "Confidence grade": 1 + n % 6, "Method": "amount", "Price year": 2020,
         "Deadweight": Decimal("0.1"), "Attribution": Decimal("0.8"), "Health": False, "Illustrative": False}
        for n in range(workstreams)
    ]  # fmt: skip
    gains = [{"Benefit": f"b-{n}", "Organisation": f"F{n % 20}", "Share": Decimal(1)} for n in range(workstreams)]
    years = [
        {"Benefit": f"b-{n}", "Year": 2020 + y, "Low": Decimal(1000 + n), "Central": Decimal(2000 + n),
         "High": Decimal("3000.5") + n}
        for n in range(workstreams) for y in range(YEARS)
    ]  # fmt: skip
    programme = [{"Programme": "bench", "Name": "Benchmark programme", "Cycle starts": 2020, "Cycle ends": 2029,
                  "RAG scale": "three_point", "Risk threshold": 12}]  # fmt: skip
    return [
        table("Organisations", organisations), table("Programme", programme), table("Sections", sections),
        table("Workstreams", work), table("Periods", periods), table("Ratings", ratings),
        table("Benefits", benefits), table("Benefit gains", gains), table("Benefit years", years),
    ]  # fmt: skip


def empty_database():
    from django.core.management import call_command

    call_command("flush", interactive=False, verbosity=0)


def run_import(path: Path):
    from bluelight.core.history import Actor
    from bluelight.core.models import HistoryEntry
    from bluelight.exchange.importer import import_workbook

    start = time.perf_counter()
    plan = import_workbook(path, actor=Actor.system(HistoryEntry.Channel.IMPORT))
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kilobytes on Linux
    rows = sum(len(s.rows) for s in plan.sheets)
    written = sum(s["create"] + s["update"] for s in plan.summary())
    return seconds, peak, rows, written


def openpyxl_read(path: Path) -> float:
    import openpyxl

    start = time.perf_counter()
    book = openpyxl.load_workbook(path, read_only=True)
    for sheet in book.worksheets:
        for _ in sheet.iter_rows(values_only=True):
            pass
    book.close()
    return time.perf_counter() - start


def run_export(fmt: str, folder: Path) -> float:
    from bluelight.core.history import Actor
    from bluelight.exchange.exporter import export_workbook
    from bluelight.programmes.models import Programme

    start = time.perf_counter()
    export_workbook(Programme.objects.get(slug="bench"), fmt, folder / f"export.{'zip' if fmt == 'csv' else fmt}",
                    actor=Actor.system())  # fmt: skip
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workstreams", type=int, default=2000)
    parser.add_argument("--formats", default="xlsx")
    parser.add_argument("--database-url", default=None, help="a PostgreSQL URL (default: a new SQLite file)")
    args = parser.parse_args()
    setup(args.database_url)
    from django.conf import settings

    from bluelight.core import workbooks

    settings.BLUELIGHT["UPLOAD_MAX_BYTES"] = 500 * 1024 * 1024  # the benchmark's workbook is its own
    folder = Path(tempfile.mkdtemp(prefix="bluelight-bench-workbook-"))
    data = tables(args.workstreams)
    cover = workbooks.Cover("Benchmark workbook", "OFFICIAL", datetime.date.today(), "bench",
                        datetime.datetime.now().replace(microsecond=0))  # fmt: skip
    print(f"Workbook: {args.workstreams:,} workstreams, {args.workstreams * YEARS:,} benefit-years, "
          f"{args.workstreams * PERIODS:,} ratings")  # fmt: skip
    print(f"{'format':<7} {'import':<12} {'seconds':>8} {'peak RSS MB':>11} {'rows':>7} {'rows/s':>8} {'written':>8}")
    for fmt in args.formats.split(","):
        path = folder / ("workbook.zip" if fmt == "csv" else f"workbook.{fmt}")
        start = time.perf_counter()
        workbooks.write(path, fmt, cover, data)
        written_in = time.perf_counter() - start
        empty_database()
        timed = {}
        for label in ("first", "again"):
            seconds, peak, rows, written = run_import(path)
            timed[label] = seconds
            print(f"{fmt:<7} {label:<12} {seconds:8.2f} {peak / 1048576:11.1f} {rows:7,} {rows / seconds:8,.0f} "
                  f"{written:8,}")  # fmt: skip
        print(f"{fmt:<7} (writing the {path.stat().st_size / 1048576:.1f} MB file took {written_in:.2f} s)")
        if fmt == "xlsx":
            raw = openpyxl_read(path)
            print(f"xlsx    openpyxl's read-only read of the same file: {raw:.2f} s; import as a ratio to it: "
                  f"first {raw / timed['first']:.2f}x, again {raw / timed['again']:.2f}x (goal: at least 0.5x)")  # fmt: skip
        exported = run_export(fmt, folder)
        goal = " (goal: under 2 s)" if fmt == "ods" else ""
        print(f"{fmt:<7} export of the imported programme: {exported:.2f} s{goal}")


if __name__ == "__main__":
    main()
