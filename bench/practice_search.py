"""Benchmark: searching the practice library, on the overview's 62 entries and on a library grown
to 50,000 (each entry a copy of an overview entry, in another area, with its own words mixed in).

Prints p50 and p95 latency of a full search (matching, ranking, the first page and every facet's
counts) for a fixed set of queries, both as the first search after a change to the library (built)
and searched again (from the cache, kept per version of the library), and the ratio of the grown
library's p50 to the 62-entry baseline measured in the same run. SQLite unless DATABASE_URL names
PostgreSQL.

    .venv/bin/python bench/practice_search.py [--entries 50000] [--repeats 20]
    DATABASE_URL=postgres://... .venv/bin/python bench/practice_search.py
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from dashboard_report import setup  # noqa: E402 -- after the path is set (a fresh database, flushed on PostgreSQL)

QUERIES = ["forced entry", "cardiac arrest defibrillator", "joint control room", "shared headquarters",
           "fire", "mental health triage", "savings police estate", "community safety"]  # fmt: skip
FACET_QUERY = ("fire", {"area": ["Essex"], "quantified": ["yes"]})
AREAS = ["Avon and Somerset", "Bedfordshire", "Cambridgeshire", "Cheshire", "Cleveland", "Cumbria", "Derbyshire",
         "Devon and Cornwall", "Dorset", "Essex", "Gloucestershire", "Greater Manchester", "Hampshire",
         "Hertfordshire", "Humberside", "Kent", "Lancashire", "Leicestershire", "Lincolnshire", "London",
         "Merseyside", "Norfolk", "North Yorkshire", "Northamptonshire", "Northumbria", "South Yorkshire",
         "Suffolk", "Surrey", "Sussex", "Thames Valley", "West Mercia", "West Midlands"]  # fmt: skip
WORDS = ["rota", "estate", "vehicle", "volunteer", "drone", "flood", "rescue", "training", "station", "triage",
         "welfare", "patrol", "falls", "hoarding", "arson", "water", "burglary", "dementia", "youth", "road"]  # fmt: skip


def grow(target: int, say) -> None:
    from django.db import transaction

    from bluelight.practice.indexing import index
    from bluelight.practice.models import Entry

    originals = list(Entry.objects.all())
    rng = random.Random(7)
    made = Entry.objects.count()
    batch = 2000
    while made < target:
        size = min(batch, target - made)
        copies = []
        for n in range(size):
            source = rng.choice(originals)
            area = rng.choice(AREAS)
            extra = " ".join(rng.sample(WORDS, 3))
            background = [*source.content.get("background", []), {"text": f"In {area}: {extra}.", "line": 0}]
            copies.append(Entry(
                key=f"{source.key[:90]}-{made + n}", title=f"{source.title} ({area})", section=source.section,
                section_number=source.section_number, status=source.status,
                content={**source.content, "areas": [area], "background": background},
            ))  # fmt: skip
        with transaction.atomic():
            created = Entry.objects.bulk_create(copies)
            if not created[0].pk:  # SQLite before 3.35 does not return ids
                created = list(Entry.objects.filter(key__in=[c.key for c in copies]))
            index(created)
        made += size
        say(f"\r  grown to {made:,} entries", end="", flush=True)
    say()


def latencies(repeats: int, fresh: bool) -> dict[str, list[float]]:
    """Each query `repeats` times: `fresh`, every search right after a change to the library (so none is in
    the cache: the cost of the first search of a new version); else as searched again, from the cache."""
    from bluelight.core import versions
    from bluelight.practice.selectors import search

    timings: dict[str, list[float]] = {}
    cases = [(q, {}) for q in QUERIES] + [FACET_QUERY]
    for query, filters in cases:
        label = query + (f" {json.dumps(filters)}" if filters else "")
        search(query, filters=filters)  # warm the database's pages
        runs = []
        for _ in range(repeats):
            if fresh:
                versions.changed(area="practice")
            start = time.perf_counter()
            search(query, filters=filters)
            runs.append((time.perf_counter() - start) * 1000)
        timings[label] = runs
    return timings


def _p95(runs: list[float]) -> float:
    return sorted(runs)[int(len(runs) * 0.95) - 1]


def report(title: str, timings: dict[str, list[float]]) -> tuple[float, float]:
    """Prints each query's p50 and p95; returns the p50 of all and the worst query's p95."""
    print(title)
    every = []
    for label, runs in timings.items():
        every += runs
        print(f"  {label:<52} p50 {statistics.median(runs):8.1f} ms   p95 {_p95(runs):8.1f} ms")
    worst = max(_p95(runs) for runs in timings.values())
    print(f"  {'all queries':<52} p50 {statistics.median(every):8.1f} ms   p95 {_p95(every):8.1f} ms   "
          f"worst query's p95 {worst:.1f} ms")  # fmt: skip
    return statistics.median(every), worst


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=50_000)
    parser.add_argument("--repeats", type=int, default=20)
    args = parser.parse_args()
    setup(os.environ.get("DATABASE_URL"))
    from django.db import connection

    from bluelight.core.history import Actor
    from bluelight.practice.services import catalogue_load

    catalogue = Path(__file__).resolve().parent.parent / "bluelight" / "practice" / "data" / "catalogue.json"
    catalogue_load(json.loads(catalogue.read_text(encoding="utf-8")), actor=Actor.system())
    print(f"Practice library search on {connection.vendor}")
    baseline, _ = report("62 entries (the national overview), first search of a version: baseline",
                         latencies(args.repeats, fresh=True))  # fmt: skip
    start = time.perf_counter()
    grow(args.entries, print)
    print(f"  (growing the library took {time.perf_counter() - start:.0f} s)")
    grown, worst_fresh = report(f"{args.entries:,} entries, first search of a version (not in the cache)",
                                latencies(args.repeats, fresh=True))  # fmt: skip
    _, worst_again = report(f"{args.entries:,} entries, searched again (from the cache)",
                            latencies(args.repeats, fresh=False))  # fmt: skip
    print(f"p50 ratio, {args.entries:,} entries to 62, first search: {grown / baseline:.1f}x")
    print(f"Goal p95 < 30 ms for every query at {args.entries:,} entries: first search worst {worst_fresh:.1f} ms "
          f"({'met' if worst_fresh < 30 else 'not met'}); searched again worst {worst_again:.1f} ms "
          f"({'met' if worst_again < 30 else 'not met'})")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
