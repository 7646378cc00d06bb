"""Commands for workbooks: import, export, and the worker that runs imports and exports queued on the pages."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bluelight.cli.base import ProgressBar, programme_named, setup


def _cli_actor():
    from bluelight.core.history import Actor
    from bluelight.core.models import HistoryEntry

    return Actor.system(HistoryEntry.Channel.COMMAND_LINE)


def cmd_import(args) -> int:
    setup()
    from bluelight.core.history import Actor
    from bluelight.core.models import HistoryEntry
    from bluelight.exchange.files import WorkbookRefused
    from bluelight.exchange.importer import ImportRefused, import_workbook

    actor = Actor.system(HistoryEntry.Channel.IMPORT)
    try:
        plan = import_workbook(Path(args.path), actor=actor, dry_run=args.dry_run, progress=ProgressBar("Import"))
    except WorkbookRefused as refusal:
        print(f"bluelight: {refusal}", file=sys.stderr)
        return 2
    except ImportRefused as refused:
        plan = refused.plan
        if args.json:
            print(json.dumps({"ok": False, "problems": [p.__dict__ for p in plan.problems]}, indent=2, default=str))
        else:
            print(f"{args.path}: {len(plan.problems)} problem(s); nothing was imported.", file=sys.stderr)
            for problem in plan.problems:
                print(f"  {problem}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps({"ok": True, "dry_run": args.dry_run, "programme": plan.programme_slug,
                          "sheets": plan.summary()}, indent=2))  # fmt: skip
        return 0
    verb = "would" if args.dry_run else "did"
    print(f"{args.path} → {plan.programme_slug}{' (dry run: nothing written)' if args.dry_run else ''}")
    print(f"  {'sheet':<20} {'create':>7} {'update':>7} {'unchanged':>10} {'left alone':>11}")
    for s in plan.summary():
        print(f"  {s['sheet']:<20} {s['create']:>7} {s['update']:>7} {s['unchanged']:>10} {s['left_alone']:>11}")
    totals = {k: sum(s[k] for s in plan.summary()) for k in ("create", "update")}
    print(f"The import {verb} create {totals['create']} and update {totals['update']} record(s).")
    return 0


def cmd_export(args) -> int:
    setup()
    from bluelight.exchange.exporter import export_workbook

    programme = programme_named(args.programme)
    done = export_workbook(programme, args.format, Path(args.out), actor=_cli_actor(), marking=args.marking,
                           progress=ProgressBar("Export"))  # fmt: skip
    print(f"Wrote {done.path} ({programme.name}, {args.format.upper()}, {done.rows} rows, marked {done.marking})")
    return 0


def cmd_worker(args) -> int:
    setup()
    import os

    from bluelight.exchange.tasks import work

    alive = (lambda: os.getppid() == args.parent) if args.parent else (lambda: True)
    ran = work(once=args.once, poll_seconds=args.poll, say=lambda line: print(line, flush=True), alive=alive)
    if args.once:
        print(f"Ran {ran} task(s).")
    return 0


def register(sub) -> None:
    imports = sub.add_parser("import", help="import a programme workbook (.xlsx, .ods, or .zip or folder of .csv)")
    imports.add_argument("path", metavar="PATH")
    imports.add_argument("--dry-run", action="store_true", help="check and show what would change; write nothing")
    imports.add_argument("--json", action="store_true", help="print JSON")
    imports.set_defaults(func=cmd_import)

    export = sub.add_parser("export", help="export a programme as a workbook")
    export.add_argument("--programme", required=True, metavar="SLUG")
    export.add_argument("--format", choices=["xlsx", "ods", "csv"], required=True)
    export.add_argument("--out", required=True, metavar="PATH", help="for csv: a .zip, or a folder")
    export.add_argument("--marking", default=None, help="protective marking (default: OFFICIAL, or as configured)")
    export.set_defaults(func=cmd_export)

    worker = sub.add_parser("worker", help="run queued imports and exports (the task worker)")
    worker.add_argument("--once", action="store_true", help="run what is queued, then stop")
    worker.add_argument("--poll", type=float, default=2.0, metavar="SECONDS")
    worker.add_argument("--parent", type=int, default=None, help=argparse.SUPPRESS)  # stop when this process ends
    worker.set_defaults(func=cmd_worker)
