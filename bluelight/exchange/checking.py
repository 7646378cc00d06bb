"""Checking a workbook against the schema and the records in Bluelight; it writes nothing.

`plan_import` parses every cell, checks every reference and rule (exchange/checks.py), and works out
for each row whether it would create, update or leave a record alone.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError

from bluelight.core import workbooks
from bluelight.exchange.checks import CHECKS
from bluelight.exchange.parsing import match_sheets, parse_rows
from bluelight.exchange.plan import (
    CREATE,
    UNCHANGED,
    UPDATE,
    Plan,
    Progress,
    quiet,
)
from bluelight.exchange.schema import Many, Ref
from bluelight.exchange.sheets import SCHEMA
from bluelight.programmes.models import Programme


def _programme(plan: Plan, target: Programme | None) -> None:
    sheet = next((s for s in plan.sheets if s.spec.name == "Programme"), None)
    rows = sheet.rows if sheet else []
    if sheet is not None and len(rows) != 1:
        plan.problem(sheet, None, None, f"must have exactly one row (it has {len(rows)})")
    slug = rows[0].values.get("Programme") if rows else None
    if target is not None and slug and slug != target.slug:
        plan.problem(sheet, rows[0].number, "Programme",
                     f"is “{slug}”, but you are importing into “{target.slug}”")  # fmt: skip
    if not slug and target is None:
        if sheet is None:
            plan.problem("Programme", None, None, "is missing: the workbook must say which programme it is for")
        return
    plan.programme_slug = slug or target.slug
    plan.programme = target or Programme.objects.filter(slug=plan.programme_slug).first()


def existing_records(plan: Plan) -> dict[str, dict]:
    """Existing records by sheet and key: those the workbook's rows may update or refer to."""
    present = {s.spec.name: s for s in plan.sheets}
    index = {}
    for spec in SCHEMA.values():
        keys = [r.key for r in present[spec.name].rows if r.key] if spec.name in present else []
        records = spec.records(plan.programme, keys)
        if spec.manys:
            records = records.prefetch_related(*(m.attr for m in spec.manys))
        index[spec.name] = {spec.key_of(record): record for record in records}
    return index


def _check_references(plan: Plan, existing: dict[str, dict]) -> None:
    keys = {name: set(found) for name, found in existing.items()}
    for sheet in plan.sheets:
        keys[sheet.spec.name].update(r.key for r in sheet.rows if r.key)
    for sheet in plan.sheets:
        spec = sheet.spec
        for row in sheet.rows:
            for column in spec.columns:
                if isinstance(column, Ref):
                    if not all(h in row.values for h in column.headers):
                        continue
                    wanted = tuple(row.values[h] for h in column.headers)
                    targets = [wanted] if None not in wanted else []
                    header = column.headers[-1]
                elif isinstance(column, Many) and column.header in row.values:
                    targets = [(k,) for k in row.values[column.header] or ()]
                    header = column.header
                else:
                    continue
                target = SCHEMA[column.target]
                for key in targets:
                    if key not in keys[column.target]:
                        shown = " ".join(str(k) for k in key)
                        plan.problem(sheet, row.number, header,
                                     f"names an unknown {target.noun} “{shown}”: it is not on the "
                                     f"{target.name} sheet or in Bluelight")  # fmt: skip
                        row.ok = False


def _check_fields(plan: Plan) -> None:
    """The models' own field rules (lengths, short-name characters, ranges), reported by column."""
    for sheet in plan.sheets:
        spec = sheet.spec
        by_attr = {v.attr: v for v in spec.values if v.header in sheet.headers}
        every = [f.name for f in spec.model._meta.concrete_fields]
        exclude = [name for name in every if name not in by_attr]
        for row in sheet.rows:
            if not row.ok:
                continue
            record = spec.model(**{a: v.stored(row.values[v.header]) for a, v in by_attr.items()})
            try:
                record.clean_fields(exclude=exclude)
            except ValidationError as error:
                for attr, messages in error.message_dict.items():
                    plan.problem(sheet, row.number, by_attr[attr].header, " ".join(messages))
                row.ok = False


def _decide(plan: Plan, existing: dict[str, dict]) -> None:
    for sheet in plan.sheets:
        found = existing[sheet.spec.name]
        sheet.existing = found
        matched = 0
        for row in sheet.rows:
            if not row.ok or row.key is None:
                continue
            record = found.get(row.key)
            if record is None:
                row.action = CREATE
                continue
            matched += 1
            current = sheet.spec.row_of(record)
            row.record = record
            row.version = getattr(record, "version", 0)
            row.changed = [h for h in sheet.headers if row.values[h] != current.get(h)]
            row.action = UPDATE if row.changed else UNCHANGED
            if row.changed:
                row.current = current
        sheet.left_alone = len(found) - matched


def _guard_shared(plan: Plan, may_change_organisations: bool) -> None:
    """Organisations and boards are shared between programmes: one programme's workbook may add them and
    refer to them, but changes a board only if the board governs that programme, and changes an
    organisation only when its importer may (a system administrator, or the command line)."""
    for sheet in plan.sheets:
        for row in sheet.rows:
            if row.action != UPDATE:
                continue
            if sheet.spec.name == "Boards" and not (
                plan.programme and row.record.programmes.filter(pk=plan.programme.pk).exists()
            ):
                plan.problem(sheet, row.number, row.changed[0],
                             f"would change the board “{row.key[0]}”, which governs other programmes, not this one")  # fmt: skip
            elif sheet.spec.name == "Organisations" and not may_change_organisations:
                plan.problem(sheet, row.number, row.changed[0],
                             f"would change the organisation “{row.key[0]}”, which other programmes share: "
                             "ask a system administrator to change it")  # fmt: skip


def plan_import(sheets: list[workbooks.Sheet], *, source: str, programme: Programme | None = None,
                progress: Progress = quiet, may_change_organisations: bool = True) -> Plan:  # fmt: skip
    """Everything the import would do, and every problem that stops it. Writes nothing."""
    plan = Plan(source)
    matched = match_sheets(plan, sheets)
    parse_rows(plan, matched, progress)
    _programme(plan, programme)
    existing = existing_records(plan)
    _check_references(plan, existing)
    _check_fields(plan)
    context = {"plan": plan, "existing": existing}
    for sheet in plan.sheets:
        for check in CHECKS.get(sheet.spec.name, ()):
            for number, header, message in check(sheet, context):
                plan.problem(sheet, number, header, message)
    _decide(plan, existing)
    _guard_shared(plan, may_change_organisations)
    plan.existing = existing
    plan.problems.sort(key=lambda p: (list(SCHEMA).index(p.sheet) if p.sheet in SCHEMA else -1, p.row or 0))
    return plan
