"""`bluelight backup` and `bluelight restore`: the database and the uploaded files, checked."""

from __future__ import annotations

import sys
from pathlib import Path

from bluelight.cli.base import ProgressBar, setup


def cmd_backup(args) -> int:
    setup()
    from bluelight.core import backup, security

    manifest = backup.backup(Path(args.out), progress=ProgressBar("Backup"))
    rows = sum(t["rows"] for t in manifest["tables"].values())
    security.log(security.Kind.BACKUP, detail=f"backup written to {args.out}", rows=rows)
    print(f"Wrote {args.out}: {len(manifest['tables'])} tables, {rows} rows, {len(manifest['files'])} uploaded "
          f"file(s), {manifest['engine']}.")  # fmt: skip
    return 0


def cmd_restore(args) -> int:
    setup()
    from bluelight.core import backup, security

    try:
        result = backup.restore(Path(args.path), verify=args.verify, replace=args.replace,
                                progress=ProgressBar("Verify") if args.verify else None)  # fmt: skip
    except backup.RestoreRefused as refusal:
        print(f"bluelight: {refusal} Nothing was changed.", file=sys.stderr)
        return 2
    if not args.verify:
        print(f"Restored {args.path}. Not verified: run again with --verify on an empty database to check it.")
        return 0
    if not result.ok:
        print(f"Restored {args.path}, but it does not match its manifest:", file=sys.stderr)
        for problem in result.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print(f"Restored {args.path} and verified it: {result.tables} tables, {result.rows} rows and {result.files} "
          "uploaded file(s) match the backup's row counts and checksums.")  # fmt: skip
    # Logged after the check, so the log's own table is compared as it was backed up.
    security.log(security.Kind.BACKUP, detail=f"restored from {args.path} and verified", rows=result.rows)
    return 0


def register(sub) -> None:
    backup = sub.add_parser("backup", help="a consistent online backup of the database and uploaded files")
    backup.add_argument("--out", required=True, metavar="PATH", help="the archive to write, e.g. bluelight.tar.gz")
    backup.set_defaults(func=cmd_backup)

    restore = sub.add_parser("restore", help="restore a backup into an empty database")
    restore.add_argument("path", metavar="PATH")
    restore.add_argument("--verify", action="store_true",
                         help="compare every table's row count and checksum, and every file, with the backup")
    restore.add_argument("--replace", action="store_true",
                         help="drop everything in the configured database first (it must otherwise be empty)")
    restore.set_defaults(func=cmd_restore)
