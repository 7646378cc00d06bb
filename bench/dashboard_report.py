"""Benchmark: the dashboard and the annual report on a large portfolio.

Builds 40 programmes with 2,000 workstreams between them and 10 reporting periods of ratings
(20,000 assessments), then times the dashboard page and the annual report for a small programme
and for the largest one, with their SQL query counts. The query count must not grow with the
number of workstreams; the time ratio shows how the work scales.

    .venv/bin/python bench/dashboard_report.py [--programmes 40] [--workstreams 2000] [--periods 10]
    DATABASE_URL=postgres://... .venv/bin/python bench/dashboard_report.py
"""

from __future__ import annotations

import argparse
import datetime
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def setup(database_url: str | None) -> None:
    data_dir = tempfile.mkdtemp(prefix="bluelight-bench-")
    os.environ.setdefault("BLUELIGHT_ENV", "test")
    os.environ["BLUELIGHT_DATA_DIR"] = data_dir
    os.environ["DATABASE_URL"] = database_url or f"sqlite:///{data_dir}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.core.management import call_command

    if database_url:
        call_command("flush", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0)


def build(programmes: int, workstreams: int, periods: int):
    """Bulk-load the portfolio: one large programme and the rest small, `workstreams` in all."""
    from bluelight.core.models import Organisation, User
    from bluelight.programmes.models import Programme, Section, Workstream
    from bluelight.status.models import Assessment, ProgrammeAssessment, ReportingPeriod

    orgs = Organisation.objects.bulk_create(
        [Organisation(name=f"Force {i}", short_code=f"F{i}", kind="police") for i in range(20)]
    )
    small_size = max(1, workstreams // (programmes * 4))
    large_size = workstreams - small_size * (programmes - 1)
    sizes = [large_size] + [small_size] * (programmes - 1)
    ratings = ["green", "green", "amber", "green", "red", "amber", "not_graded"]
    created = []
    for p_index, size in enumerate(sizes):
        programme = Programme.objects.create(
            name=f"Programme {p_index}", slug=f"programme-{p_index}", cycle_start_year=2015, cycle_end_year=2030
        )
        sections = Section.objects.bulk_create(
            [Section(programme=programme, name=f"Section {s}", position=s + 1) for s in range(5)]
        )
        ws = Workstream.objects.bulk_create(
            [
                Workstream(
                    programme=programme,
                    key=f"w{i}",
                    title=f"Workstream {i}",
                    section=sections[i % 5],
                    position=i,
                    lead_organisation=orgs[i % len(orgs)],
                    stage="in_delivery",
                )  # fmt: skip
                for i in range(size)
            ]
        )
        ps = ReportingPeriod.objects.bulk_create(
            [
                ReportingPeriod(
                    programme=programme,
                    label=str(2015 + y),
                    starts_on=datetime.date(2015 + y, 1, 1),
                    ends_on=datetime.date(2015 + y, 12, 31),
                )  # fmt: skip
                for y in range(periods)
            ]
        )
        Assessment.objects.bulk_create(
            [
                Assessment(
                    workstream=w,
                    period=p,
                    rating=ratings[(i + y) % len(ratings)],
                    rationale="Because",
                    narrative="Progress this period. " * 10,
                    assessed_by="Lead",
                    assessed_on=p.ends_on,
                )  # fmt: skip
                for i, w in enumerate(ws)
                for y, p in enumerate(ps)
            ],
            batch_size=2000,
        )
        ProgrammeAssessment.objects.bulk_create(
            [ProgrammeAssessment(programme=programme, period=p, rating="green") for p in ps]
        )
        created.append((programme, ps[-1], size))
    admin = User.objects.create_superuser("bench", password="bench-password-123")
    return created, admin


def measure(fn, repeats: int = 5):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times = []
    queries = 0
    for _ in range(repeats):
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
        queries = len(ctx.captured_queries)
    return statistics.median(times), queries


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--programmes", type=int, default=40)
    parser.add_argument("--workstreams", type=int, default=2000)
    parser.add_argument("--periods", type=int, default=10)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    setup(os.environ.get("DATABASE_URL"))

    from django.test import Client

    from bluelight.reports.annual import build_annual_report, render_standalone_html

    start = time.perf_counter()
    created, admin = build(args.programmes, args.workstreams, args.periods)
    total_ws = sum(size for _, _, size in created)
    from bluelight.status.models import Assessment

    print(
        f"Built {len(created)} programmes, {total_ws} workstreams, {Assessment.objects.count()} assessments "
        f"in {time.perf_counter() - start:.1f}s"
    )
    client = Client(HTTP_HOST="localhost")
    client.force_login(admin)
    (large, large_period, large_size), (small, small_period, small_size) = created[0], created[1]

    rows = []
    for programme, period, size in ((small, small_period, small_size), (large, large_period, large_size)):
        url = f"/programmes/{programme.slug}/?period={period.label}"

        def dashboard(url=url):
            response = client.get(url)
            assert response.status_code == 200, response.status_code

        def report(programme=programme, period=period):
            render_standalone_html(build_annual_report(programme, period))

        rows.append((size, *measure(dashboard, args.repeats), *measure(report, args.repeats)))

    print(f"{'workstreams':>12} {'dashboard ms':>13} {'queries':>8} {'report ms':>10} {'queries':>8}")
    for size, d_time, d_queries, r_time, r_queries in rows:
        print(f"{size:>12} {d_time * 1000:>13.1f} {d_queries:>8} {r_time * 1000:>10.1f} {r_queries:>8}")
    (s_size, s_dt, s_dq, s_rt, s_rq), (l_size, l_dt, l_dq, l_rt, l_rq) = rows
    print(
        f"ratio large/small: {l_size / s_size:.0f}x workstreams -> dashboard {l_dt / s_dt:.1f}x time, "
        f"report {l_rt / s_rt:.1f}x time; queries {s_dq}->{l_dq} (dashboard), {s_rq}->{l_rq} (report)"
    )
    if l_dq != s_dq or l_rq != s_rq:
        print("QUERY COUNT GREW WITH THE NUMBER OF WORKSTREAMS", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
