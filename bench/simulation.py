"""Benchmark: the Monte Carlo simulation of a programme's benefits total.

Prints time and peak memory for 5,000 benefits x 10 years x 100,000 draws (each benefit's yearly
profile a shape times its low/central/high range, as programme offices profile them), the same for
a worst case in which no benefit's years are proportional (fewer draws, time per draw shown), and
the ratio to a straightforward per-benefit, per-draw Python loop on a smaller case, run here.

    .venv/bin/python bench/simulation.py [--benefits 5000] [--years 10] [--draws 100000]
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bluelight.benefits.valuation.simulation import simulate  # noqa: E402


def profiles(benefits: int, years: int, proportional: bool, seed: int = 0):
    rng = np.random.default_rng(seed)
    if proportional:
        shape = rng.random((benefits, years))
        scale = rng.uniform(1_000, 100_000, (benefits, 1))
        return shape * scale * 0.6, shape * scale, shape * scale * 1.8
    low = rng.uniform(1_000, 50_000, (benefits, years))
    central = low + rng.uniform(0, 30_000, (benefits, years))
    return low, central, central + rng.uniform(0, 60_000, (benefits, years))


def timed(fn, memory: bool = True):
    """Time a call; with memory=True also its peak traced allocation (tracing slows Python code down,
    so the baseline comparison is timed without it)."""
    if memory:
        tracemalloc.start()
    start = time.perf_counter()
    result = fn()
    elapsed = time.perf_counter() - start
    peak = 0.0
    if memory:
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    return result, elapsed, peak


def python_loop(low, central, high, draws: int, seed: int) -> list[float]:
    """The straightforward version: for each draw, for each benefit, for each year."""
    rng = random.Random(seed)
    totals = []
    for _ in range(draws):
        total = 0.0
        for b in range(len(low)):
            u = rng.random()
            for a, c, h in zip(low[b], central[b], high[b], strict=True):
                width = h - a
                if width <= 0:
                    total += a
                elif u < (c - a) / width:
                    total += a + math.sqrt(u * width * (c - a))
                else:
                    total += h - math.sqrt((1 - u) * width * (h - c))
        totals.append(total)
    return totals


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--benefits", type=int, default=5000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--draws", type=int, default=100_000)
    args = parser.parse_args()

    print(f"{'case':<44} {'time s':>8} {'peak MiB':>9} {'P10':>14} {'P50':>14} {'P90':>14}")
    low, central, high = profiles(args.benefits, args.years, proportional=True)
    result, seconds, peak = timed(lambda: simulate(low, central, high, draws=args.draws, seed=1))
    label = f"{args.benefits} x {args.years} yrs x {args.draws} draws"
    print(f"{label:<44} {seconds:>8.2f} {peak:>9.0f} {result.p10:>14,.0f} {result.p50:>14,.0f} {result.p90:>14,.0f}")

    worst_draws = max(1, args.draws // 20)
    low, central, high = profiles(args.benefits, args.years, proportional=False)
    result, seconds, peak = timed(lambda: simulate(low, central, high, draws=worst_draws, seed=1))
    label = f"worst case (no collapse), {worst_draws} draws"
    print(f"{label:<44} {seconds:>8.2f} {peak:>9.0f} {result.p10:>14,.0f} {result.p50:>14,.0f} {result.p90:>14,.0f}")
    print(f"  worst case per draw: {seconds / worst_draws * 1000:.2f} ms")

    small = (200, args.years, 1_000)
    low, central, high = profiles(small[0], small[1], proportional=False, seed=2)
    vec, vec_s, _ = timed(lambda: simulate(low, central, high, draws=small[2], seed=1), memory=False)
    loop, loop_s, _ = timed(
        lambda: python_loop(low.tolist(), central.tolist(), high.tolist(), small[2], seed=1), memory=False
    )
    print(
        f"baseline {small[0]} x {small[1]} yrs x {small[2]} draws: Python loop {loop_s:.2f}s, "
        f"vectorised {vec_s:.3f}s, ratio {loop_s / vec_s:.0f}x "
        f"(means {sum(loop) / len(loop):,.0f} and {vec.mean:,.0f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
