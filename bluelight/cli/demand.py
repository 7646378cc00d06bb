"""`bluelight demand`: load a control-room extract of requests between services, summarise the log, and
refresh the benefit actuals a measure feeds."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from bluelight.cli.base import actor_for, programme_named, refused, setup

TYPES = ["gain_entry", "missing_person", "concern_for_welfare", "transport", "clinical_advice", "other"]


def _programme_of(args):
    from bluelight.demand.models import Source

    if args.programme:
        return programme_named(args.programme)
    holders = list(Source.objects.filter(name=args.source).select_related("programme"))
    if len(holders) != 1:
        raise SystemExit(f"bluelight: name the programme with --programme SLUG (the source {args.source!r} is "
                         f"{'new' if not holders else 'in more than one programme'})")  # fmt: skip
    return holders[0].programme


def _mapping(pairs: list[str] | None) -> dict | None:
    if not pairs:
        return None
    mapping = {}
    for pair in pairs:
        field, sep, header = pair.partition("=")
        if not sep:
            raise SystemExit(f"bluelight: --map takes FIELD=HEADER, such as requesting_reference=Incident, not {pair!r}")
        mapping[field.strip()] = header.strip()
    return mapping


def cmd_load(args) -> int:
    setup()
    from django.core.exceptions import ValidationError

    from bluelight.core.models import HistoryEntry
    from bluelight.demand import services

    path = Path(args.path)
    if not path.is_file():
        return refused(ValueError(f"{path} does not exist"))
    actor = actor_for(args.as_user, HistoryEntry.Channel.COMMAND_LINE)
    programme = _programme_of(args)

    def progress(done: int) -> None:
        print(f"  {done:,} rows taken", file=sys.stderr, flush=True)

    try:
        source = services.source_for(actor=actor, programme=programme, name=args.source, mapping=_mapping(args.map))
        print(f"Checking {path} ...", file=sys.stderr, flush=True)
        loaded = services.load(actor=actor, programme=programme, source=source, progress=progress,
                               open_text=lambda: path.open(encoding="utf-8-sig", newline=""))  # fmt: skip
    except ValidationError as error:
        return refused(error)
    print(f"{programme.slug}: {args.source}: {loaded.words()}")
    for row, first, reference in loaded.duplicates[:20]:
        print(f"  duplicate: row {row} repeats row {first} ({reference})")
    return 0


def cmd_summary(args) -> int:
    setup()
    from bluelight.demand.selectors import summary

    found = summary(programme_named(args.programme), type_=args.type, year=args.year, seed=args.seed)
    if args.json:
        print(json.dumps(found, indent=1, default=str))
        return 0
    t = found["times"]
    print(f"{found['requests']:,} requests, {found['window']}: minutes to on scene median {t['median']}, 90th "
          f"centile {t['centile_90']} ({t['timed']:,} timed)")  # fmt: skip
    for kind, n in found["by_type"].items():
        print(f"  {kind:<24} {n:>8,}  hours saved {found['hours_saved'].get(kind, 'not stated')}")
    for p in found["protocols"]:
        if p["difference"] is None:
            print(f"  {p['protocol']}: too few timed requests either side of {p['starts_on']}")
            continue
        print(f"  {p['protocol']} from {p['starts_on']}: median {p['before']['median']:.1f} → {p['after']['median']:.1f}"
              f" minutes, change {p['difference']:+.1f} ({p['confidence']:.0%} interval {p['low']:+.1f} to "
              f"{p['high']:+.1f}; {p['test']}: p = {p['p_value']:.3g})")  # fmt: skip
    return 0


def cmd_feed(args) -> int:
    setup()
    from django.core.exceptions import ValidationError

    from bluelight.benefits.models import Benefit
    from bluelight.core.models import HistoryEntry
    from bluelight.demand import services

    programme = programme_named(args.programme)
    benefit = Benefit.objects.filter(workstream__programme=programme, key=args.benefit, demand_feed__isnull=False).first()
    if benefit is None:
        return refused(ValueError(f"no benefit {args.benefit!r} fed by a measure in {programme.slug}"))
    try:
        done = services.feed_refresh(actor=actor_for(args.as_user, HistoryEntry.Channel.COMMAND_LINE),
                                     feed=benefit.demand_feed)  # fmt: skip
    except ValidationError as error:
        return refused(error)
    for actual in benefit.actuals.filter(year__in=done.written).order_by("year"):
        print(actual.note)
    for year in done.kept:
        print(f"{year}: signed off, left as it was")
    return 0


def register(sub) -> None:
    demand = sub.add_parser("demand", help="Requests between services: load, summarise, feed benefits.")
    commands = demand.add_subparsers(dest="demand_command", metavar="ACTION", required=True)
    load = commands.add_parser("load", help="Load a control-room extract (CSV) of requests between services.")
    load.add_argument("path")
    load.add_argument("--source", required=True, help="The system it came from; its column mapping is kept.")
    load.add_argument("--programme", help="The programme (needed the first time a source is loaded).")
    load.add_argument("--map", action="append", metavar="FIELD=HEADER",
                      help="A column of the extract, such as requesting_reference=Incident (repeat; kept with the source).")  # fmt: skip
    load.add_argument("--as", dest="as_user", metavar="USERNAME", help="Act as this person, with their rights.")
    load.set_defaults(func=cmd_load)
    summary = commands.add_parser("summary", help="Counts, minutes to on scene, hours saved, before and after.")
    summary.add_argument("--programme", required=True)
    summary.add_argument("--type", choices=TYPES)
    summary.add_argument("--year", type=int, help="A financial year by its start, such as 2024 for 2024/25.")
    summary.add_argument("--seed", type=int, default=1, help="The bootstrap's seed (1).")
    summary.add_argument("--json", action="store_true")
    summary.set_defaults(func=cmd_summary)
    feed = commands.add_parser("feed", help="Refresh the measured actuals of a benefit fed by a measure.")
    feed.add_argument("--programme", required=True)
    feed.add_argument("--benefit", required=True, help="The benefit's key.")
    feed.add_argument("--as", dest="as_user", metavar="USERNAME", help="Act as this person, with their rights.")
    feed.set_defaults(func=cmd_feed)
