"""Importing a programme workbook: check everything, then write everything in one transaction, or nothing.

`plan_import` reads no more than the database and writes nothing: it parses every cell, checks every
reference and rule, and works out for each row whether it would create, update or leave a record
alone. `apply_plan` carries out a plan with no problems, all in one transaction, and records each
created or changed record in its history with the import as the channel.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction

from bluelight.core import history, workbooks
from bluelight.core.history import Actor
from bluelight.core.models import HistoryEntry
from bluelight.exchange import cells
from bluelight.exchange.checks import CHECKS
from bluelight.exchange.schema import Many, Ref, SheetSpec, Value
from bluelight.exchange.sheets import SCHEMA
from bluelight.programmes.models import Programme

CREATE, UPDATE, UNCHANGED = "create", "update", "unchanged"


column_letter = workbooks.column_letter


@dataclass(frozen=True)
class Problem:
    sheet: str
    row: int | None
    column: str | None
    letter: str | None
    message: str

    def __str__(self) -> str:
        where = [self.sheet]
        if self.row:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column {self.letter} ({self.column})" if self.letter else f"column {self.column}")
        return f"{', '.join(where)}: {self.message}"


@dataclass
class Row:
    number: int
    values: dict
    key: tuple | None
    ok: bool = True
    action: str = ""
    record: object = None
    changed: list[str] = field(default_factory=list)
    version: int | None = None  # the record's version when the row was checked


@dataclass
class SheetPlan:
    spec: SheetSpec
    positions: dict[str, int]  # the columns present in the file, as the schema names them: header -> index
    rows: list[Row] = field(default_factory=list)
    existing: dict = field(default_factory=dict)
    left_alone: int = 0

    @property
    def headers(self) -> list[str]:
        return list(self.positions)

    def letter(self, header: str) -> str | None:
        return column_letter(self.positions[header]) if header in self.positions else None

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)


@dataclass
class Plan:
    source: str
    programme_slug: str = ""
    programme: Programme | None = None
    sheets: list[SheetPlan] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    existing: dict | None = field(default=None, repr=False)  # the records it was planned against

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> list[dict]:
        return [
            {"sheet": s.spec.name, "create": s.count(CREATE), "update": s.count(UPDATE),
             "unchanged": s.count(UNCHANGED), "left_alone": s.left_alone}
            for s in self.sheets
        ]  # fmt: skip

    def seen(self) -> list[list]:
        """What each row was checked against: [sheet, key, version], the version None where the row
        would create its record. Kept with a dry run, so the confirmed import can refuse if anything
        changed in between."""
        return [
            [s.spec.name, list(_key_text(r.key)), r.version if r.action != CREATE else None]
            for s in self.sheets for r in s.rows if r.action in (CREATE, UPDATE, UNCHANGED)
        ]  # fmt: skip

    def changed_since(self, seen: list[list]) -> None:
        """A problem for every record that was added, changed or removed since `seen` was taken."""
        now = {(s.spec.name, _key_text(r.key)): (s, r) for s in self.sheets for r in s.rows if r.key is not None}
        for name, key, version in seen:
            sheet, row = now.get((name, tuple(key)), (name, None))
            current = (row.version if row.action != CREATE else None) if row is not None else "gone"
            if current == version:
                continue
            shown = " ".join(key)
            if row is None or current == "gone":
                self.problem(sheet, None, None, f"“{shown}” is no longer in the workbook as it was checked")
            elif version is None:
                self.problem(sheet, row.number, None, f"“{shown}” was added in Bluelight {_since(row.record)}")
            elif current is None:
                self.problem(sheet, row.number, None, f"“{shown}” was removed from Bluelight after the check")
            else:
                self.problem(sheet, row.number, None, f"“{shown}” was changed in Bluelight {_since(row.record)}")

    def problem(self, sheet: SheetPlan | str, row: int | None, header: str | None, message: str) -> None:
        name = sheet.spec.name if isinstance(sheet, SheetPlan) else sheet
        letter = sheet.letter(header) if isinstance(sheet, SheetPlan) and header else None
        self.problems.append(Problem(name, row, header, letter, message))


def _key_text(key: tuple) -> tuple[str, ...]:
    return tuple(k.isoformat() if hasattr(k, "isoformat") else str(k) for k in key)


def _since(record) -> str:
    latest = history.history_of(record).first()
    by = f"by {latest.actor_name} at {latest.at:%H:%M on %d %B %Y} " if latest else ""
    return f"{by}after the workbook was checked: check the workbook again to see what it would now change"


class ImportRefused(Exception):
    def __init__(self, plan: Plan):
        self.plan = plan
        super().__init__(f"{len(plan.problems)} problem(s) in {plan.source}; nothing was imported.")


Progress = Callable[[int, int, str], None]


def _quiet(done: int, total: int, what: str) -> None:
    pass


# ---------------------------------------------------------------- reading and parsing


def read_workbook(path: Path, name: str | None = None) -> list[workbooks.Sheet]:
    return workbooks.read(path, max_bytes=settings.BLUELIGHT["UPLOAD_MAX_BYTES"], name=name)


def _match_sheets(plan: Plan, sheets: list[workbooks.Sheet]) -> list[tuple[SheetPlan, workbooks.Sheet]]:
    matched, seen = [], set()
    for sheet in sheets:
        if sheet.name.strip().lower() == "cover":
            continue
        spec = SCHEMA.find(sheet.name)
        if spec is None:
            plan.problem(sheet.name, None, None, "is not a sheet Bluelight knows. The sheets are: " + ", ".join(SCHEMA))
            continue
        if spec.name in seen:
            plan.problem(sheet.name, None, None, f"is a second {spec.name} sheet; keep one")
            continue
        seen.add(spec.name)
        known = {h.lower(): h for h in spec.headers}
        positions, bad = {}, False
        for index, header in enumerate(sheet.headers):
            name = known.get(header.strip().lower())
            if name is None:
                if header:
                    plan.problems.append(Problem(spec.name, 1, header, column_letter(index),
                                                 "is not a column of this sheet. Its columns are: "
                                                 + ", ".join(spec.headers)))  # fmt: skip
                    bad = True
                continue
            positions[name] = index
        needed = [*spec.key, *(v.header for v in spec.values if v.required)]
        needed += [h for r in spec.refs if r.required for h in r.headers]
        missing = [h for h in dict.fromkeys(needed) if h not in positions]
        if missing:
            plan.problem(spec.name, 1, None, "needs the column(s): " + ", ".join(missing))
            bad = True
        sheet_plan = SheetPlan(spec, positions)
        plan.sheets.append(sheet_plan)
        if not bad:
            matched.append((sheet_plan, sheet))
    order = list(SCHEMA)
    plan.sheets.sort(key=lambda s: order.index(s.spec.name))
    return matched


def _parse_row(plan: Plan, sheet: SheetPlan, number: int, raw: list) -> Row:
    spec = sheet.spec
    values, ok = {}, True
    for header, index in sheet.positions.items():
        cell = raw[index] if index < len(raw) else None
        column = spec.column_of(header)
        try:
            if cells.blank(cell):
                value = () if isinstance(column, Many) else (column.blank if isinstance(column, Value) else None)
                if (isinstance(column, (Value, Ref)) and column.required) or header in spec.key:
                    raise cells.CellError("is blank; it must be filled in")
            elif isinstance(column, Many):
                parse = spec.parser_of(header)
                value = tuple(sorted({parse(part) for part in cells.text(cell).split(";") if part.strip()}))
            else:
                value = spec.parser_of(header)(cell)
        except cells.CellError as error:
            plan.problem(sheet, number, header, str(error))
            ok, value = False, None
        values[header] = value
    for ref in spec.refs:
        present = [h for h in ref.headers if h in values]
        filled = [h for h in present if values[h] not in (None, "")]
        if filled and len(filled) < len(ref.headers):
            empty = [h for h in ref.headers if h not in filled]
            plan.problem(sheet, number, empty[0], f"is blank, but {', '.join(filled)} is filled in: enter both")
            ok = False
    key = tuple(values.get(h) for h in spec.key) if all(values.get(h) not in (None, "") for h in spec.key) else None
    return Row(number, values, key, ok)


def _parse(plan: Plan, matched, progress: Progress) -> None:
    total = sum(len(sheet.rows) for _, sheet in matched)
    done = 0
    for sheet_plan, sheet in matched:
        seen: dict[tuple, int] = {}
        for number, raw in sheet.rows:
            row = _parse_row(plan, sheet_plan, number, raw)
            if row.key is not None:
                if row.key in seen:
                    first = sheet_plan.spec.key[0] if sheet_plan.spec.key else None
                    plan.problem(sheet_plan, number, first,
                                 f"repeats the {sheet_plan.spec.noun} on row {seen[row.key]}; each may appear once")  # fmt: skip
                    row.ok = False
                else:
                    seen[row.key] = number
            sheet_plan.rows.append(row)
            done += 1
            if done % 500 == 0:
                progress(done, total, f"Checking {sheet_plan.spec.name}")
    progress(total, total, "Checked")


# ---------------------------------------------------------------- the programme, existing records, references


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


def _existing(plan: Plan) -> dict[str, dict]:
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
                progress: Progress = _quiet, may_change_organisations: bool = True) -> Plan:  # fmt: skip
    """Everything the import would do, and every problem that stops it. Writes nothing."""
    plan = Plan(source)
    matched = _match_sheets(plan, sheets)
    _parse(plan, matched, progress)
    _programme(plan, programme)
    existing = _existing(plan)
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


# ---------------------------------------------------------------- writing


def _parts(spec: SheetSpec, values: dict) -> dict:
    """A row as {attribute: plain value} for a history entry."""
    out = {}
    for column in spec.columns:
        if isinstance(column, Ref):
            if all(h in values for h in column.headers):
                parts = [values[h] for h in column.headers]
                out[column.attr] = None if None in parts else " ".join(str(p) for p in parts)
        elif column.header in values:
            out[column.attr] = history._plain(list(values[column.header]) if isinstance(column, Many)
                                              else values[column.header])  # fmt: skip
    return out


def _assign(record, sheet: SheetPlan, row: Row, index: dict, headers: list[str]) -> list[str]:
    """Set the row's values for `headers` on the record; the attributes set, for update_fields."""
    spec, attrs = sheet.spec, []
    for column in spec.columns:
        if isinstance(column, Value) and column.header in headers:
            setattr(record, column.attr, column.stored(row.values[column.header]))
            attrs.append(column.attr)
        elif (
            isinstance(column, Ref)
            and set(column.headers) & set(headers)
            and all(h in row.values for h in column.headers)
        ):
            key = tuple(row.values[h] for h in column.headers)
            setattr(record, column.attr, None if None in key else index[column.target][key])
            attrs.append(column.attr)
    return attrs


def apply_plan(plan: Plan, *, actor: Actor, progress: Progress = _quiet, fresh: bool = False) -> Plan:
    """Carry out a plan with no problems, in one transaction. Returns the plan (its counts say what was done).

    `fresh` says the plan was made in the same transaction, so the records it read can be used as they are.
    """
    if not plan.ok:
        raise ImportRefused(plan)
    note = f"Imported from {plan.source}"
    total = sum(len(s.rows) for s in plan.sheets) or 1
    done = 0
    with transaction.atomic():
        found_now = plan.existing if fresh and plan.existing is not None else _existing(plan)
        index = {name: dict(found) for name, found in found_now.items()}
        programme = plan.programme
        entries: list[HistoryEntry] = []
        for sheet in plan.sheets:
            spec = sheet.spec
            content_type = ContentType.objects.get_for_model(spec.model)
            created, many = [], []
            for row in sheet.rows:
                if row.action == CREATE:
                    record = spec.model()
                    _assign(record, sheet, row, index, sheet.headers)
                    if hasattr(record, "recorded_by_id"):
                        record.recorded_by = actor.user
                    spec.scope(record, programme)
                    created.append((row, record))
                elif row.action == UPDATE:
                    record = index[spec.name][row.key]
                    before = _parts(spec, spec.row_of(record))
                    attrs = _assign(record, sheet, row, index, row.changed)
                    if hasattr(record, "version"):  # only if no one has changed it since the check
                        history.save_versioned(record, row.version, attrs)
                    else:
                        record.save(update_fields=attrs)
                    if any(isinstance(spec.column_of(h), Many) for h in row.changed):
                        many.append((row, record, row.changed, False))
                    after = _parts(spec, row.values)
                    changes = {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}
                    entries.append(_entry(content_type, record, HistoryEntry.Action.CHANGED, actor, changes, note))
                    if spec.after_save:
                        spec.after_save(record, programme)
            if created:
                spec.model.objects.bulk_create([r for _, r in created], batch_size=500)
                for row, record in created:
                    index[spec.name][row.key] = record
                    many.append((row, record, sheet.headers, True))
                    changes = {k: [None, v] for k, v in _parts(spec, row.values).items() if v not in ("", None, [])}
                    entries.append(_entry(content_type, record, HistoryEntry.Action.CREATED, actor, changes, note))
                    if spec.after_save:
                        spec.after_save(record, programme)
                if spec.name == "Programme":
                    programme = plan.programme = created[0][1]
            if spec.after_save:
                for row in sheet.rows:
                    if row.action == UNCHANGED:
                        spec.after_save(index[spec.name][row.key], programme)
            _set_many(spec, many, index)
            done += len(sheet.rows)
            progress(done, total, f"Imported {spec.name}")
        HistoryEntry.objects.bulk_create(entries, batch_size=1000)
    return plan


def _set_many(spec: SheetSpec, many: list, index: dict) -> None:
    for column in spec.manys:
        through = getattr(spec.model, column.attr).through
        source = f"{spec.model._meta.model_name}_id"
        target_model = SCHEMA[column.target].model._meta.model_name
        target_field = f"{target_model}_id"
        links = []
        for row, record, headers, new in many:
            if column.header not in headers:
                continue
            if not new:
                getattr(record, column.attr).clear()
            links += [
                through(**{source: record.pk, target_field: index[column.target][(key,)].pk})
                for key in row.values[column.header]
            ]
        through.objects.bulk_create(links, batch_size=1000)


def _entry(content_type, record, action, actor: Actor, changes: dict, note: str) -> HistoryEntry:
    return HistoryEntry(
        content_type=content_type, object_id=str(record.pk), object_repr=str(record)[:300], action=action,
        actor=actor.user, actor_name=actor.name, channel=HistoryEntry.Channel.IMPORT, changes=changes, note=note,
    )  # fmt: skip


def import_workbook(path: Path, *, actor: Actor, dry_run: bool = False, programme: Programme | None = None,
                    source: str | None = None, progress: Progress = _quiet,
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
