"""`bluelight cover`: synthetic Essex inputs, and a response-cover scenario of CSVs with the stations chosen."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from bluelight.cli.base import refused


def _progress(step: str, percent: int) -> None:
    print(f"[{percent:>3}%] {step}", file=sys.stderr, flush=True)


def cmd_synthetic(args) -> int:
    from bluelight.cover.engine import synthetic

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "stations.csv").write_bytes(synthetic.stations_csv())
    (out / "incidents.csv").write_bytes(synthetic.incidents_csv(seed=args.seed, count=args.incidents))
    print(f"illustrative Essex stations and {args.incidents:,} SYNTHETIC Category 1 incidents -> "
          f"{out / 'stations.csv'}, {out / 'incidents.csv'}")  # fmt: skip
    return 0


def _parameters(args) -> dict:
    from bluelight.cover.runner import parameters

    return parameters(within=args.standard, mean=args.mean, centile=args.centile, speed=args.speed,
                      circuity=args.circuity, choose=args.choose, share_percent=args.share, method=args.method)


def _line(label: str, m: dict) -> str:
    mean = "n/a" if m["mean"] is None else f"{m['mean']:.1f}"
    p90 = "not reached" if m["centile_90"] is None else f"{m['centile_90']:.1f}"
    return (f"  {label:<28} {m['incidents']:>7,} incidents  {m['share_within']:6.1%} within  mean {mean:>5}  "
            f"90th centile {p90}")  # fmt: skip


def cmd_analyse(args) -> int:
    from bluelight.cover import runner
    from bluelight.evidence.engines import Refused

    paths = {"stations": args.stations, "incidents": args.incidents, "matrix": args.matrix}
    uploads, roles = [], []
    for role, path in paths.items():
        if path is None:
            continue
        if not Path(path).is_file():
            return refused(ValueError(f"{path} does not exist"))
        uploads.append((Path(path).name, Path(path).read_bytes()))
        roles.append(role)
    try:
        outcome = runner.run(uploads, _parameters(args) | {"roles": roles}, _progress)
    except Refused as error:
        return refused(ValueError("; ".join(error.problems)))
    _progress("Done", 100)
    result = outcome.result
    if args.json:
        shown = {k: result[k] for k in ("incidents", "stations", "open", "candidates", "span_days", "standard",
                                         "travel", "before", "after", "choice", "fewest", "newly_within", "set_aside")
                 if k in result}  # fmt: skip
        shown["station_rows"] = [{k: s[k] for k in ("name", "service", "role", "chosen", "first_before", "first_after")}
                                 for s in result["station_rows"]]  # fmt: skip
        print(json.dumps(shown, indent=1))
        return 0
    print(result["travel"])
    print(_line("Open stations", result["before"]["overall"]))
    if "after" in result:
        print(_line("With those chosen", result["after"]["overall"]))
        print(f"  {result['newly_within']:,} incidents brought within the standard")
    for key, words in (("choice", "Best {k} to add"), ("fewest", "Fewest to reach {target:.0%}")):
        if key in result:
            c = result[key]
            gap = f"; gap to the bound {c['gap']:.1f}" if c.get("gap") is not None else ""
            print(f"{words.format(**c)} ({c['method']}): objective {c['covered']:,.0f} incidents covered{gap}")
            for name in c["chosen"]:
                print(f"  {name}")
    return 0


def register(sub) -> None:
    cover = sub.add_parser("cover", help="Response cover: which stations bring how much demand within the standard.")
    commands = cover.add_subparsers(dest="cover_command", metavar="ACTION", required=True)
    synthetic = commands.add_parser("synthetic", help="Write illustrative Essex stations and synthetic incidents.")
    synthetic.add_argument("--out", required=True, help="The folder to write stations.csv and incidents.csv in.")
    synthetic.add_argument("--seed", type=int, default=2025)
    synthetic.add_argument("--incidents", type=int, default=3000)
    synthetic.set_defaults(func=cmd_synthetic)
    analyse = commands.add_parser("analyse", help="Cover measures of a scenario, and the stations to add.")
    analyse.add_argument("--stations", required=True, help="Stations CSV (Service, Name, Latitude, Longitude, "
                         "Crewing, Turnout minutes, Role).")  # fmt: skip
    analyse.add_argument("--incidents", required=True, help="Incidents CSV (Date, Latitude, Longitude, Category, Service).")
    analyse.add_argument("--matrix", help="Travel-time CSV (Origin, Destination, Minutes); else estimated.")
    analyse.add_argument("--standard", type=float, default=8.0, help="Minutes the share within is counted against (8).")
    analyse.add_argument("--mean", type=float, default=7.0, help="The mean response to meet, minutes (7).")
    analyse.add_argument("--centile", type=float, default=15.0, help="The 90th centile to meet, minutes (15).")
    analyse.add_argument("--speed", type=float, default=48.0, help="Estimated speed, km/h, without a matrix (48).")
    analyse.add_argument("--circuity", type=float, default=1.3, help="Road ÷ straight-line distance (1.3).")
    analyse.add_argument("--choose", type=int, default=0, help="Candidates to add: the best K (maximal covering).")
    analyse.add_argument("--share", type=float, help="Or the fewest candidates to reach this %% within the standard.")
    analyse.add_argument("--method", choices=["auto", "exact", "greedy"], default="auto")
    analyse.add_argument("--json", action="store_true", help="Print the measures and the choice as JSON.")
    analyse.set_defaults(func=cmd_analyse)
