"""Benchmark: hotspot statistics at county-and-beyond scale.

Prints, on this machine:
- Gi* over a 1,000 × 1,000 grid (1,000,000 cells, the cell and its 8 neighbours) against esda's
  analytic Gi* (G_Local, star, binary weights, no permutations) on the same counts in the same run:
  both times, the ratio (goal: ours at least 30× faster) and the largest difference in z;
- emerging hot spots over 1,000,000 cells × 24 months (space-time Gi*, Benjamini–Hochberg over the
  cube, Mann–Kendall per cell, patterns): time (goal: 15 s or less) and peak memory;
- a whole analysis of synthetic Essex police.uk files (24 months) from the files to the cells.

    .venv/bin/python bench/hotspots.py [--side 1000] [--months 24]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
import tracemalloc
import warnings
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bluelight.hotspots.engine import synthetic  # noqa: E402
from bluelight.hotspots.engine.analysis import Settings, analyse  # noqa: E402
from bluelight.hotspots.engine.emerging import emerging, pattern_name  # noqa: E402
from bluelight.hotspots.engine.gistar import stencil, z_scores  # noqa: E402
from bluelight.hotspots.engine.sources import files_in, read  # noqa: E402


def best_of(runs: int, fn):
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def traced(fn):
    tracemalloc.start()
    start = time.perf_counter()
    result = fn()
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return seconds, peak, result


def gi_star_against_esda(side: int) -> None:
    from esda.getisord import G_Local
    from libpysal.graph import Graph
    from libpysal.weights import lat2SW

    counts = np.random.default_rng(1).poisson(2.0, (side, side)).astype(float)
    ours_s, ours = best_of(3, lambda: z_scores(counts, stencil(1.5)))
    start = time.perf_counter()
    graph = Graph.from_sparse(lat2SW(side, side, criterion="queen"))  # ids row by row, as our grid
    weights_s = time.perf_counter() - start
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        esda_s, theirs = best_of(1, lambda: G_Local(counts.ravel(), graph, transform="B", star=True, permutations=0))
    difference = np.max(np.abs(ours.ravel() - theirs.Zs))
    print(f"Gi* over {side * side:,} cells (queen neighbours and the cell itself)")
    print(f"  ours                    {ours_s * 1000:9.1f} ms (best of 3)")
    print(f"  esda G_Local (analytic) {esda_s * 1000:9.1f} ms (weights built first, not counted: {weights_s:.2f} s)")
    print(f"  ratio                   {esda_s / ours_s:9.1f}× faster (goal: 30× or more); largest |Δz| {difference:.1e}")


def emerging_at_scale(side: int, months: int) -> None:
    rng = np.random.default_rng(2)
    cube = rng.poisson(0.3, (months, side, side)).astype(np.float64)
    cube[:, side // 2 - 3 : side // 2 + 3, side // 2 - 3 : side // 2 + 3] += np.arange(months)[:, None, None]
    seconds, peak, result = traced(lambda: emerging(cube, 1.5))
    codes, counts = np.unique(result["pattern"], return_counts=True)
    patterns = ", ".join(f"{pattern_name(int(c))} {n:,}" for c, n in zip(codes, counts, strict=True))
    print(f"Emerging hot spots over {side * side:,} cells × {months} months")
    print(f"  time {seconds:.2f} s (goal: 15 s or less); peak memory traced {peak / 2**20:,.0f} MiB "
          f"(the cube itself {cube.nbytes / 2**20:,.0f} MiB)")  # fmt: skip
    print(f"  patterns: {patterns}")


def whole_analysis(months: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        synthetic.write(Path(folder), seed=7, months=months)
        start = time.perf_counter()
        points = read(files_in(Path(folder)))
        read_s = time.perf_counter() - start
        seconds, peak, result = traced(lambda: analyse(points, Settings()))
    print(f"A whole analysis: {len(points):,} synthetic police.uk rows over {months} months")
    print(f"  reading the CSVs {read_s:.2f} s; the analysis {seconds:.2f} s, peak memory {peak / 2**20:,.0f} MiB; "
          f"{result['grid']['cells']:,} cells, {sum(1 for c in result['cells'] if c['level'] > 0)} hot")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--side", type=int, default=1000)
    parser.add_argument("--months", type=int, default=24)
    args = parser.parse_args()
    gi_star_against_esda(args.side)
    emerging_at_scale(args.side, args.months)
    whole_analysis(args.months)
    print(f"Peak resident memory of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MiB")


if __name__ == "__main__":
    main()
