"""`bluelight hotspots`: synthetic police.uk data, a hotspot analysis of CSVs, and a grant spread fairly."""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path

from bluelight.cli.base import refused

CELL_FIELDS = ("centre_lat", "centre_lon", "district", "count", "z", "p", "q", "class", "pattern", "lsoa")


def _progress(step: str, percent: int) -> None:
    print(f"[{percent:>3}%] {step}", file=sys.stderr, flush=True)


def cmd_synthetic(args) -> int:
    from bluelight.hotspots.engine import synthetic

    record = synthetic.write(Path(args.out), seed=args.seed, first=args.first, months=args.months)
    print(f"synthetic police.uk CSVs for Essex, {len(record['months'])} months ({record['months'][0]} to "
          f"{record['months'][-1]}), {len(record['planted'])} planted hotspots -> {args.out} (see planted.json)")  # fmt: skip
    return 0


def cmd_analyse(args) -> int:
    from bluelight.hotspots.engine.analysis import Settings, analyse
    from bluelight.hotspots.engine.sources import Refused, files_in, read

    path = Path(args.path)
    if not path.exists():
        return refused(ValueError(f"{path} does not exist"))
    _progress(f"Reading {path}", 0)
    try:
        points = read(files_in(path))
        settings = Settings(cell_size=args.cell_size, band=args.band, fdr=not args.no_fdr,
                            crime_types=tuple(args.crime_type or ()), months=tuple(args.months or ()), units=args.units)  # fmt: skip
        result = analyse(points, settings, progress=_progress)
    except (Refused, ValueError) as error:
        return refused(error)
    _progress("Done", 100)
    skipped = dict(points.skipped)
    if args.json:
        cells = [{k: c[k] for k in CELL_FIELDS if k in c} for c in result["cells"]]
        print(json.dumps({"points": result["points"], "set_aside": skipped, "grid": result["grid"],
                          "districts": result["districts"], "cells": cells}, indent=1))  # fmt: skip
        return 0
    print(f"{result['points']:,} points in {len(points.files)} files; set aside: "
          + (", ".join(f"{n:,} {why}" for why, n in skipped.items()) or "none"))
    hot = sorted((c for c in result["cells"] if c["level"] > 0), key=lambda c: -c["z"])
    units = "LSOAs" if result["grid"].get("units") == "lsoa" else f"cells ({result['grid']['cell_size']:.0f} m)"
    print(f"{len(hot)} hot of {result['grid']['cells']:,} {units}:")
    for c in hot[: args.limit]:
        print(f"  {c['centre_lat']:.5f}, {c['centre_lon']:.5f}  {c['district']:<16} {c['count']:>5}  z {c['z']:6.2f}"
              f"  {c['class']}" + (f"; {c['pattern']}" if c["pattern"] else ""))  # fmt: skip
    for d in result["districts"]:
        print(f"  {d['district']:<16} {d['points']:>6} points, {d['hot_cells']:>3} hot cells "
              f"({d['points_in_hot_cells']} points in them)")  # fmt: skip
    return 0


def cmd_allocate(args) -> int:
    from bluelight.hotspots.engine.grant import allocate

    try:
        data = json.loads(Path(args.need).read_text(encoding="utf-8"))
        if isinstance(data, dict) and "districts" in data:  # what `analyse --json` wrote
            data = {d["district"]: d[args.measure] for d in data["districts"]}
        need = {k: Decimal(str(v)) for k, v in data.items()}
        shares = allocate(args.grant, need, args.floor)
    except (ValueError, KeyError, AttributeError, json.JSONDecodeError, OSError) as error:
        return refused(error)
    for s in shares:
        print(f"{s.district:<16} £{s.pounds:>10,}   {s.working}")
    print(f"{'Total':<16} £{sum(s.pounds for s in shares):>10,}")
    return 0


def register(sub) -> None:
    hotspots = sub.add_parser("hotspots", help="Hotspot maps from police.uk crime or incident CSVs.")
    commands = hotspots.add_subparsers(dest="hotspots_command", metavar="ACTION", required=True)
    synthetic = commands.add_parser("synthetic", help="Write synthetic police.uk CSVs for Essex with planted hotspots.")
    synthetic.add_argument("--out", required=True, help="The folder to write (one folder per month).")
    synthetic.add_argument("--seed", type=int, default=1)
    synthetic.add_argument("--first", default="2025-01", help="The first month, as 2025-01.")
    synthetic.add_argument("--months", type=int, default=12)
    synthetic.set_defaults(func=cmd_synthetic)
    analyse = commands.add_parser("analyse", help="Gi* hot spots (and emerging patterns) of a CSV, zip or folder.")
    analyse.add_argument("path")
    analyse.add_argument("--cell-size", type=int, default=250, help="Metres (default 250).")
    analyse.add_argument("--units", choices=["grid", "lsoa"], default="grid",
                         help="Count in square grid cells (default) or in police.uk's LSOAs.")
    analyse.add_argument("--band", type=int, help="Distance band in metres (default 1.5 cells; 2,000 m for LSOAs).")
    analyse.add_argument("--crime-type", action="append", help="Only this crime type (repeat for more).")
    analyse.add_argument("--months", nargs="+", help="Only these months, as 2025-03.")
    analyse.add_argument("--no-fdr", action="store_true", help="Class by p-values, not false discovery rate.")
    analyse.add_argument("--limit", type=int, default=20, help="Hot cells to list (without --json).")
    analyse.add_argument("--json", action="store_true", help="Print every cell shown as JSON.")
    analyse.set_defaults(func=cmd_analyse)
    allocate = commands.add_parser("allocate", help="Spread a grant across districts by need, with a floor.")
    allocate.add_argument("need", help='What `analyse --json` wrote, or a JSON file of {"district": need, …}.')
    allocate.add_argument("--measure", default="points_in_hot_cells", choices=["points_in_hot_cells", "points", "hot_cells"],
                          help="With the output of analyse: the need to spread by (default points_in_hot_cells).")  # fmt: skip
    allocate.add_argument("--grant", type=int, required=True, help="Whole pounds.")
    allocate.add_argument("--floor", type=int, default=0, help="Whole pounds each district gets first.")
    allocate.set_defaults(func=cmd_allocate)
