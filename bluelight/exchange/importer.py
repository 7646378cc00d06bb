"""Importing a programme workbook: check everything, then write everything in one transaction, or nothing.

`plan_import` reads no more than the database and writes nothing: it parses every cell, checks every
reference and rule, and works out for each row whether it would create, update or leave a record
alone. `apply_plan` carries out a plan with no problems, all in one transaction, and records each
created or changed record in its history with the import as the channel.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from django.conf import settings
from django.db import transaction

from bluelight.core import workbooks
from bluelight.core.history import Actor
from bluelight.exchange.apply import apply_plan
from bluelight.exchange.checking import plan_import
from bluelight.exchange.plan import ImportRefused, Plan, Problem, Progress, quiet
from bluelight.programmes.models import Programme


def read_workbook(path: Path, name: str | None = None) -> list[workbooks.Sheet]:
    return workbooks.read(path, max_bytes=settings.BLUELIGHT["UPLOAD_MAX_BYTES"], name=name)


def import_workbook(path: Path, *, actor: Actor, dry_run: bool = False, programme: Programme | None = None,
                    source: str | None = None, progress: Progress = quiet,
                    may_change_organisations: bool = True, seen: list[list] | None = None) -> Plan:  # fmt: skip
    """Read, check and (unless a dry run) import the workbook at `path`. Raises ImportRefused with every problem.

    `seen` is what a dry run checked the rows against (Plan.seen): if any of those records has been
    added, changed or removed since, nothing is imported and each is named."""
    source = source or Path(path).name
    sheets = read_workbook(path, source)
    with transaction.atomic():
        # Checked and written in one transaction, so what was checked is what is written to.
        plan = plan_import(sheets, source=source, programme=programme, progress=progress,
                           may_change_organisations=may_change_organisations)  # fmt: skip
        if plan.ok and seen is not None:
            plan.changed_since(seen)
        if not plan.ok:
            raise ImportRefused(plan)
        if dry_run:
            return plan
        return apply_plan(plan, actor=actor, progress=progress, fresh=True)


def problems_by_sheet(plan: Plan) -> dict[str, list[Problem]]:
    grouped = defaultdict(list)
    for problem in plan.problems:
        grouped[problem.sheet].append(problem)
    return dict(grouped)
