"""Commands for workbooks: import, export, and the worker that runs imports and exports queued on the pages."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bluelight.cli.base import ProgressBar, actor_for, programme_named, setup


def cmd_import(args) -> int:
    setup()
    from bluelight.core.history import Actor
    from bluelight.core.models import HistoryEntry
    from bluelight.core.workbooks import WorkbookRefused
    from bluelight.exchange.importer import ImportRefused, import_workbook

    actor, programme = Actor.system(HistoryEntry.Channel.IMPORT), None
    if args.as_user:
        from bluelight.programmes.access import access_for

        if not args.programme:
            print("bluelight: with --as, name the workbook's programme with --programme", file=sys.stderr)
            return 2
        programme = programme_named(args.programme)
        actor = actor_for(args.as_user, HistoryEntry.Channel.IMPORT)
        if not access_for(actor.user, programme).can_administer:
            print(f"bluelight: only {programme.slug}'s programme office can import; {args.as_user} is not in it",
                  file=sys.stderr)  # fmt: skip
            return 2
    try:
        plan = import_workbook(Path(args.path), actor=actor, dry_run=args.dry_run, programme=programme,
                               progress=ProgressBar("Import"))  # fmt: skip
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
    from bluelight.core.models import HistoryEntry
    from bluelight.exchange.exporter import export_workbook
    from bluelight.programmes.access import access_for
    from bluelight.programmes.rules import can_view

    programme = programme_named(args.programme)
    actor, scope = actor_for(args.as_user, HistoryEntry.Channel.COMMAND_LINE), None
    if actor.user is not None:
        access = access_for(actor.user, programme)
        if not can_view(access.role):
            print(f"bluelight: {args.as_user} has no role in {programme.slug}", file=sys.stderr)
            return 2
        scope = access.scope
    done = export_workbook(programme, args.format, Path(args.out), actor=actor, marking=args.marking,
                           progress=ProgressBar("Export"), scope=scope)  # fmt: skip
    print(f"Wrote {done.path} ({programme.name}, {args.format.upper()}, {done.rows} rows, marked {done.marking})")
    return 0


def cmd_worker(args) -> int:
    setup()
    import os

    from bluelight.core.worker import work

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
    imports.add_argument("--as", dest="as_user", metavar="USERNAME", help="import as this programme administrator")
    imports.add_argument("--programme", metavar="SLUG", help="the workbook's programme (needed with --as)")
    imports.set_defaults(func=cmd_import)

    export = sub.add_parser("export", help="export a programme as a workbook")
    export.add_argument("--programme", required=True, metavar="SLUG")
    export.add_argument("--format", choices=["xlsx", "ods", "csv"], required=True)
    export.add_argument("--out", required=True, metavar="PATH", help="for csv: a .zip, or a folder")
    export.add_argument("--marking", default=None, help="protective marking (default: OFFICIAL, or as configured)")
    export.add_argument("--as", dest="as_user", metavar="USERNAME",
                        help="export just what this person may see (default: everything)")
    export.set_defaults(func=cmd_export)

    worker = sub.add_parser("worker", help="run queued imports and exports (the task worker)")
    worker.add_argument("--once", action="store_true", help="run what is queued, then stop")
    worker.add_argument("--poll", type=float, default=2.0, metavar="SECONDS")
    worker.add_argument("--parent", type=int, default=None, help=argparse.SUPPRESS)  # stop when this process ends
    worker.set_defaults(func=cmd_worker)
