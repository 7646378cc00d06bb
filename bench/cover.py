"""Benchmark: choosing stations for response cover.

Prints, for 20,000 incidents × 300 candidate stations and k = 10 (random places; covered when the
estimated response is within the standard): our exact MCLP (HiGHS on the grouped sparse model)
against spopt's MCLP (PuLP and CBC) on the same cover in the same run, the ratio (goal: ours in at
most half spopt's time, the same objective), and the greedy-with-swaps answer's time and its gap to
the linear relaxation's bound.

    .venv/bin/python bench/cover.py [--incidents 20000] [--candidates 300] [--k 10] [--standard 8]
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bluelight.cover.engine.choose import greedy, mclp_exact, problem  # noqa: E402
from bluelight.cover.engine.travel import Estimate  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=20_000)
    parser.add_argument("--candidates", type=int, default=300)
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument("--standard", type=float, default=8.0)
    args = parser.parse_args()
    rng = np.random.default_rng(3)
    lat, lon = rng.uniform(51.45, 52.05, args.incidents), rng.uniform(0.05, 1.25, args.incidents)
    s_lat, s_lon = rng.uniform(51.45, 52.05, args.candidates), rng.uniform(0.05, 1.25, args.candidates)
    minutes = Estimate().minutes(s_lat, s_lon, lat, lon).T + 1.0  # incidents × candidates, 1 minute turnout
    weights = np.ones(args.incidents)
    start = time.perf_counter()
    ours = mclp_exact(problem(minutes <= args.standard, weights, np.zeros(args.incidents, bool)), args.k)
    ours_s = time.perf_counter() - start
    start = time.perf_counter()
    fast = greedy(problem(minutes <= args.standard, weights, np.zeros(args.incidents, bool)), args.k)
    greedy_s = time.perf_counter() - start
    import pulp
    from spopt.locate import MCLP

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        start = time.perf_counter()
        theirs = MCLP.from_cost_matrix(minutes, weights, service_radius=args.standard, p_facilities=args.k)
        theirs.solve(pulp.PULP_CBC_CMD(msg=False))
        spopt_s = time.perf_counter() - start
    objective = pulp.value(theirs.problem.objective)
    print(f"MCLP: {args.incidents:,} incidents × {args.candidates} candidates, k = {args.k}, within {args.standard:g} minutes")
    print(f"  ours (HiGHS, grouped)  {ours_s:8.2f} s  covers {ours.covered:,.0f}")
    print(f"  spopt (PuLP, CBC)      {spopt_s:8.2f} s  covers {objective:,.0f}")
    print(f"  ratio                  {ours_s / spopt_s:8.2f}× spopt's time (goal: 0.5× or less); same objective: "
          f"{abs(ours.covered - objective) < 1e-6}")
    print(f"  greedy with swaps      {greedy_s:8.2f} s  covers {fast.covered:,.0f}; gap to the LP bound "
          f"{fast.gap:,.1f} ({fast.gap / fast.bound:.2%}); to the exact optimum {ours.covered - fast.covered:,.0f}")
    _whole_scenario(args)


def _whole_scenario(args) -> None:
    """A scenario end to end as the worker runs it: the CSVs read, measures before and after, the choice."""
    from bluelight.cover import runner
    from bluelight.cover.engine import synthetic

    incidents = synthetic.incidents_csv(count=args.incidents)
    stations = synthetic.stations_csv()
    start = time.perf_counter()
    outcome = runner.run([("s.csv", stations), ("i.csv", incidents)],
                         {"within": args.standard, "choose": 3, "roles": ["stations", "incidents"]},
                         lambda step, percent: None)  # fmt: skip
    whole_s = time.perf_counter() - start
    print(f"Whole scenario: {args.incidents:,} synthetic incidents, {outcome.result['stations']} stations, best 3: "
          f"{whole_s:.2f} s ({args.incidents / whole_s:,.0f} incidents/s)")  # fmt: skip


if __name__ == "__main__":
    main()
