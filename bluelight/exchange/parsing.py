"""Matching a workbook's sheets and columns to the schema and parsing every cell, row by row."""

from __future__ import annotations

from bluelight.core import workbooks
from bluelight.exchange import cells
from bluelight.exchange.plan import (
    Plan,
    Problem,
    Progress,
    Row,
    SheetPlan,
)
from bluelight.exchange.schema import Many, Ref, Value
from bluelight.exchange.sheets import SCHEMA


def match_sheets(plan: Plan, sheets: list[workbooks.Sheet]) -> list[tuple[SheetPlan, workbooks.Sheet]]:
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
                    plan.problems.append(Problem(spec.name, 1, header, workbooks.column_letter(index),
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


def parse_rows(plan: Plan, matched, progress: Progress) -> None:
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
