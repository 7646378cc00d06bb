"""The plan of an import: each row, what it would do, and every problem that stops it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from bluelight.core import history, workbooks
from bluelight.exchange.schema import SheetSpec
from bluelight.programmes.models import Programme

CREATE = "create"
UPDATE = "update"
UNCHANGED = "unchanged"
MOST_CHANGES = 2000  # shown in a check's preview; the counts cover every row


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
    current: dict | None = None  # for a row that changes its record: the record's values as checked


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
        return workbooks.column_letter(self.positions[header]) if header in self.positions else None

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

    def changes(self, most: int = MOST_CHANGES) -> list[dict]:
        """Each record the import would create, and each field it would change from what to what, as
        the workbook's cells show them (the first `most`)."""
        found = []
        for sheet in self.sheets:
            spec = sheet.spec
            for row in sheet.rows:
                if row.action not in (CREATE, UPDATE):
                    continue
                record = " ".join(str(spec.shown(h, v)) for h, v in zip(spec.key, row.key, strict=True))
                where = {"sheet": spec.name, "row": row.number, "record": record, "noun": spec.noun}
                if row.action == CREATE:
                    found.append({**where, "action": CREATE, "field": "", "old": "", "new": ""})
                else:
                    found.extend({**where, "action": UPDATE, "field": h, "old": _cell_text(spec, h, row.current.get(h)),
                                  "new": _cell_text(spec, h, row.values[h])} for h in row.changed)  # fmt: skip
                if len(found) >= most:
                    return found[:most]
        return found

    def seen(self) -> list[list]:
        """What each row was checked against: [sheet, key, version], the version None where the row
        would create its record. Kept with a dry run, so the confirmed import can refuse if anything
        changed in between."""
        return [
            [s.spec.name, list(_key_text(r.key)), _checked_version(r)]
            for s in self.sheets for r in s.rows if r.action in (CREATE, UPDATE, UNCHANGED)
        ]  # fmt: skip

    def changed_since(self, seen: list[list]) -> None:
        """A problem for every record that was added, changed or removed since `seen` was taken."""
        now = {(s.spec.name, _key_text(r.key)): (s, r) for s in self.sheets for r in s.rows if r.key is not None}
        for name, key, version in seen:
            shown = " ".join(key)
            sheet, row = now.get((name, tuple(key)), (name, None))
            if row is None:
                self.problem(sheet, None, None, f"“{shown}” is no longer in the workbook as it was checked")
                continue
            current = _checked_version(row)
            if current == version:
                continue
            if version is None:
                self.problem(sheet, row.number, None, f"“{shown}” was added in Bluelight {_since(row.record)}")
            elif current is None:
                self.problem(sheet, row.number, None, f"“{shown}” was removed from Bluelight after the check")
            else:
                self.problem(sheet, row.number, None, f"“{shown}” was changed in Bluelight {_since(row.record)}")

    def problem(self, sheet: SheetPlan | str, row: int | None, header: str | None, message: str) -> None:
        name = sheet.spec.name if isinstance(sheet, SheetPlan) else sheet
        letter = sheet.letter(header) if isinstance(sheet, SheetPlan) and header else None
        self.problems.append(Problem(name, row, header, letter, message))


def _cell_text(spec: SheetSpec, header: str, value) -> str:
    if value is None or value == "" or value == ():
        return "(blank)"
    shown = spec.shown(header, value)
    if isinstance(shown, Decimal):
        return f"{shown.normalize():,f}"
    if isinstance(shown, bool):
        return "Yes" if shown else "No"
    if hasattr(shown, "strftime"):
        return f"{shown:%-d %B %Y}" if not hasattr(shown, "hour") else f"{shown:%-d %B %Y %H:%M}"
    return str(shown)


def _checked_version(row: Row) -> int | None:
    """The version of the record a row was checked against; None where the row would create it."""
    return row.version if row.action != CREATE else None


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


def quiet(done: int, total: int, what: str) -> None:
    pass
