"""`bluelight practice`: the national practice library (extract from the overview, load, search)."""

from __future__ import annotations

import json
from pathlib import Path

from bluelight.cli.base import setup

DATA = Path(__file__).resolve().parent.parent / "practice" / "data"
SEED = DATA / "national-overview-2016.txt"
CATALOGUE = DATA / "catalogue.json"


def cmd_extract(args) -> int:
    from bluelight.practice.extraction import extract

    catalogue = extract(Path(args.seed).read_text(encoding="utf-8"))
    text = json.dumps(catalogue, indent=1, ensure_ascii=False) + "\n"
    Path(args.out).write_text(text, encoding="utf-8")
    entries = catalogue["entries"]
    figures = sum(len(e["figures"]) for e in entries)
    flagged = sum(1 for e in entries for f in e["figures"] if f["flag"])
    print(f"{len(entries)} entries, {figures} figures ({flagged} flagged) from {args.seed} -> {args.out}")
    return 0


def cmd_load(args) -> int:
    setup()
    from bluelight.core.history import Actor
    from bluelight.core.models import HistoryEntry
    from bluelight.practice.services import catalogue_load

    catalogue = json.loads(Path(args.file).read_text(encoding="utf-8"))
    result = catalogue_load(catalogue, actor=Actor.system(HistoryEntry.Channel.COMMAND_LINE))
    print(f"practice library: {result['created']} added, {result['updated']} updated, "
          f"{result['removed']} removed; {result['total']} entries from the overview")  # fmt: skip
    return 0


def cmd_search(args) -> int:
    setup()
    from bluelight.practice.selectors import search

    filters = {"section": [args.section]} if args.section else {}
    results = search(args.query, filters=filters, per_page=args.limit)
    if args.json:
        print(json.dumps(results.as_dict(), indent=2, ensure_ascii=False))
        return 0
    print(f"{results.total} entries match {args.query!r}" + (f" in {args.section}" if args.section else ""))
    for number, hit in enumerate(results.hits, start=1):
        entry = hit.entry
        print(f"{number:>3}. {entry.title}  [{entry.section}; {entry.get_status_display()}]")
        print(f"     {', '.join(entry.areas) or 'no area named'}")
    return 0


def register(sub) -> None:
    practice = sub.add_parser("practice", help="The national practice library.")
    commands = practice.add_subparsers(dest="practice_command", metavar="ACTION", required=True)
    extract = commands.add_parser("extract", help="Read the national overview into catalogue.json.")
    extract.add_argument("--seed", default=str(SEED), help="The overview's text (default: the copy in the repo).")
    extract.add_argument("--out", default=str(CATALOGUE), help="Where to write the catalogue.")
    extract.set_defaults(func=cmd_extract)
    load = commands.add_parser("load", help="Load the extracted catalogue into the database (idempotent).")
    load.add_argument("--file", default=str(CATALOGUE))
    load.set_defaults(func=cmd_load)
    search = commands.add_parser("search", help="Search the library, best match first.")
    search.add_argument("query")
    search.add_argument("--section", help="Only this section, named as the library names it.")
    search.add_argument("--limit", type=int, default=10)
    search.add_argument("--json", action="store_true")
    search.set_defaults(func=cmd_search)
