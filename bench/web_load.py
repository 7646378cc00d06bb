"""Benchmark: the load the web tier holds, under gunicorn on PostgreSQL, driven by locust.

Builds the large portfolio of bench/dashboard_report.py (40 programmes, 2,000 workstreams, 10
periods of ratings) in a database of its own, serves it with `bluelight serve` (gunicorn), and at
each level of concurrency runs locust twice for the same time: the leads' journey (sign in,
dashboard, workstream page, assessment save, annual report of the largest programme), then a
trivial page alone as the framework's floor. Prints requests per second, p50/p95/p99 latency and
errors per step, and each step's p50 as a multiple of the floor's.

    make bench-load                       # PostgreSQL set up by scripts/postgres.sh
    .venv/bin/python bench/web_load.py [--users 10,25,50] [--seconds 20] [--workers 4]

It exits 1 if any request failed at any level.
"""

from __future__ import annotations

import argparse
import csv
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PASSWORD = "bench-password-123"  # made by dashboard_report.build
STEPS = ["sign-in", "dashboard", "workstream page", "assessment form", "assessment save", "annual report"]


def fresh_database(server_url: str, name: str) -> str:
    import psycopg

    url = urlparse(server_url)
    with psycopg.connect(dbname="postgres", user=url.username, password=url.password, host=url.hostname,
                         port=url.port, autocommit=True) as connection:  # fmt: skip
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return f"{url.scheme}://{url.netloc}/{name}"


def build_portfolio(env: dict, programmes: int, workstreams: int, periods: int) -> None:
    """In a child process, so this one never holds Django or a connection to the database."""
    code = (
        "import sys; sys.argv = ['x']; sys.path.insert(0, 'bench'); import dashboard_report as d; "
        f"d.setup({env['DATABASE_URL']!r}); d.build({programmes}, {workstreams}, {periods})"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True)
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=ROOT,
                   env={**env, "DJANGO_SETTINGS_MODULE": "config.settings"}, check=True)  # fmt: skip


def serve(env: dict, workers: int, log: Path) -> tuple[subprocess.Popen, str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with log.open("wb") as output:
        server = subprocess.Popen([str(BIN / "bluelight"), "serve", "--bind", f"127.0.0.1:{port}", "--workers",
                                   str(workers)], cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT)  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(f"{url}/sign-in/", timeout=2).close()  # noqa: S310 (our own http address)
            return server, url
        except OSError:
            if server.poll() is not None:
                raise SystemExit(f"the server did not start:\n{log.read_text()}") from None
            time.sleep(0.2)
    server.terminate()
    raise SystemExit(f"the server did not answer within a minute:\n{log.read_text()[-3000:]}")


def run_locust(url: str, user_class: str, users: int, seconds: int, folder: Path, env: dict) -> dict[str, dict]:
    prefix = folder / f"{user_class}-{users}"
    subprocess.run(
        [str(BIN / "locust"), "-f", str(ROOT / "bench" / "locustfile.py"), user_class, "--headless", "--host", url,
         "--users", str(users), "--spawn-rate", str(users), "--run-time", f"{seconds}s", "--csv", str(prefix),
         "--only-summary", "--loglevel", "WARNING", "--stop-timeout", "10"],
        cwd=ROOT, env=env, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    with open(f"{prefix}_stats.csv", newline="") as stats:
        return {row["Name"]: row for row in csv.DictReader(stats)}


def _figures(row: dict) -> tuple[float, float, float, float, int, int]:
    return (float(row["Requests/s"]), float(row["50%"]), float(row["95%"]), float(row["99%"]),
            int(row["Request Count"]), int(row["Failure Count"]))  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", default="10,25,50", help="levels of concurrency, comma-separated")
    parser.add_argument("--seconds", type=int, default=20, help="how long each level runs")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes (4 threads each)")
    parser.add_argument("--programmes", type=int, default=40)
    parser.add_argument("--workstreams", type=int, default=2000)
    parser.add_argument("--periods", type=int, default=10)
    args = parser.parse_args()
    server_url = os.environ.get("DATABASE_URL", "")
    if not server_url.startswith("postgres"):
        raise SystemExit("Set DATABASE_URL to a PostgreSQL server: `make bench-load` does it (scripts/postgres.sh).")

    folder = Path(tempfile.mkdtemp(prefix="bluelight-load-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BLUELIGHT_", "DJANGO_"))}
    env.update({
        "DATABASE_URL": fresh_database(server_url, "bluelight_load"), "BLUELIGHT_ENV": "production",
        "BLUELIGHT_SECRET_KEY": "load-bench-" + "k" * 50, "BLUELIGHT_DATA_DIR": str(folder),
        "BLUELIGHT_SECURE_COOKIES": "0", "BLUELIGHT_SSL_REDIRECT": "0", "BLUELIGHT_HSTS_SECONDS": "0",
        "PYTHONPATH": str(ROOT),
    })  # fmt: skip
    print(f"Building the portfolio: {args.programmes} programmes, {args.workstreams} workstreams, "
          f"{args.periods} periods…", flush=True)  # fmt: skip
    started = time.perf_counter()
    build_portfolio(env, args.programmes, args.workstreams, args.periods)
    print(f"  built in {time.perf_counter() - started:.0f} s", flush=True)
    small = max(1, args.workstreams // (args.programmes * 4))
    largest = args.workstreams - small * (args.programmes - 1)
    server, url = serve(env, args.workers, folder / "server.log")
    locust_env = {**env, "BENCH_PROGRAMME": "programme-0", "BENCH_PERIOD": str(2015 + args.periods - 1),
                  "BENCH_WORKSTREAMS": str(largest), "BENCH_PASSWORD": PASSWORD}  # fmt: skip
    print(f"Serving on {url} with gunicorn, {args.workers} workers × 4 threads, PostgreSQL; "
          f"the journey uses programme-0 ({largest} workstreams).", flush=True)  # fmt: skip
    failures, goal = 0, ""
    header = f"{'users':>5}  {'step':<17}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'requests':>10}" \
             f"{'errors':>8}{'p50 ÷ floor':>13}{'p95 ÷ floor':>13}"  # fmt: skip
    try:
        print()
        print(header)
        print("-" * len(header))
        for users in [int(n) for n in args.users.split(",")]:
            print(f"  {users} users: the journey for {args.seconds} s, then the floor…", file=sys.stderr, flush=True)
            journey = run_locust(url, "Lead", users, args.seconds, folder, locust_env)
            floor = run_locust(url, "Floor", users, args.seconds, folder, locust_env)
            floor_p50, floor_p95 = _figures(floor["trivial view"])[1:3] if "trivial view" in floor else (0, 0)
            rows = [(step, journey[step]) for step in STEPS if step in journey]
            rows += [("all journey", journey["Aggregated"])] if "Aggregated" in journey else []
            rows += [("trivial view", floor["trivial view"])] if "trivial view" in floor else []
            for step, row in rows:
                rps, p50, p95, p99, count, failed = _figures(row)
                failures += failed if step != "all journey" else 0
                ratio = f"{p50 / floor_p50:>12.1f}×" if floor_p50 else f"{'-':>13}"
                ratio += f"{p95 / floor_p95:>12.1f}×" if floor_p95 else f"{'-':>13}"
                print(f"{users:>5}  {step:<17}{rps:>8.1f}{p50:>9.0f}{p95:>9.0f}{p99:>9.0f}{count:>10}{failed:>8}{ratio}")
                if step == "all journey" and floor_p95:
                    goal = (f"At {users} users the leads' journey p95 is {p95 / floor_p95:.1f}× the trivial page's "
                            f"({p95:.0f} ms ÷ {floor_p95:.0f} ms; goal: at most 3×).")  # fmt: skip
            print(flush=True)
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(goal)
    print(f"Errors at every level: {failures}. The locust reports and the server's log are in {folder}.")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
