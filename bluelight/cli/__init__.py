"""`bluelight`: the command line for everything a programme office does in bulk.

Run `bluelight --help` for the commands. Each command sets up Django itself; the database is the
one DATABASE_URL names (SQLite under var/ by default).
"""

from __future__ import annotations

import argparse
import sys

from bluelight.cli import (
    backup,
    benefits,
    cover,
    demand,
    exchange,
    hotspots,
    people,
    practice,
    rating,
    remind,
    reports,
    serving,
    tokens,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bluelight", description="Run an emergency services collaboration programme.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in (serving, benefits, reports, exchange, people, rating, tokens, backup, practice, hotspots, cover, demand, remind):
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
