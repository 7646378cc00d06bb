"""Exporting a programme as a workbook in the import format, with a cover sheet and its marking."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.utils import timezone

from bluelight.core import security, workbooks
from bluelight.core.history import Actor
from bluelight.core.scales import SCALES
from bluelight.exchange.schema import Many, Ref, SheetSpec
from bluelight.exchange.sheets import SCHEMA
from bluelight.exchange.sheets_programme import RATING
from bluelight.programmes import rules
from bluelight.programmes.models import Programme
from bluelight.programmes.scope import Scope, highest_marking


def _records(spec: SheetSpec, programme: Programme, scope: Scope):
    records = scope.filter(spec.records(programme, [(programme.slug,)] if spec.name == "Programme" else []))
    if spec.manys:
        records = records.prefetch_related(*(m.attr for m in spec.manys))
    return records.order_by(*(spec.order or spec.model._meta.ordering or []), "pk")


def choices(spec: SheetSpec, programme: Programme) -> dict[str, list[str]]:
    """Each choice column's drop-down list, as the labels people read; a rating, on the programme's scale."""
    found = {}
    for column in spec.values:
        if column.parse is RATING:
            found[column.header] = [label for _, label in SCALES[programme.rag_scale].choices()]
        elif getattr(column.parse, "labels", None):
            found[column.header] = column.parse.labels
    return found


def _table(spec: SheetSpec, records, organisations: set[str], programme: Programme) -> workbooks.Table:
    """The sheet's rows as cells; adds to `organisations` every organisation they name."""
    headers = spec.headers
    naming = [c for c in spec.columns if isinstance(c, (Ref, Many)) and c.target == "Organisations"]
    rows = []
    for record in records:
        row = spec.row_of(record)
        for column in naming:
            value = row[column.headers[0]] if isinstance(column, Ref) else row[column.header]
            organisations.update(value if isinstance(column, Many) else [value] if value else [])
        rows.append([spec.shown(h, row[h]) for h in headers])
    return workbooks.Table(spec.name, headers, rows, choices(spec, programme))


def export_tables(programme: Programme, progress=None, scope: Scope | None = None) -> list[workbooks.Table]:
    """Every sheet, of the records `scope` sees; the Organisations sheet holds just the organisations the others name."""
    scope = scope or Scope.everything()
    progress = progress or (lambda *_: None)
    specs = list(SCHEMA.values())
    tables, used = [], set()
    for number, spec in enumerate(specs[1:], start=2):
        tables.append(_table(spec, _records(spec, programme, scope), used, programme))
        progress(number, len(specs), spec.name)
    organisations = SCHEMA["Organisations"]
    records = [o for o in _records(organisations, programme, scope) if o.short_code in used]
    return [_table(organisations, records, set(), programme), *tables]


@dataclass(frozen=True)
class Exported:
    path: Path
    rows: int
    marking: str


def export_workbook(programme: Programme, fmt: str, out: Path, *, actor: Actor, marking: str | None = None,
                    progress=None, scope: Scope | None = None) -> Exported:  # fmt: skip
    """Write the workbook of what `scope` sees (everything, for the system) and log the export."""
    if fmt not in workbooks.FORMATS:
        raise ValueError(f"Choose a format from: {', '.join(workbooks.FORMATS)}.")
    scope = scope or Scope.everything()
    tables = export_tables(programme, progress, scope)
    marking = rules.effective_marking(marking, highest_marking(programme, scope))
    now = timezone.localtime()
    cover = workbooks.Cover(
        title=f"{programme.name}: programme workbook",
        marking=marking,
        as_at=now.date(),
        generated_by=actor.name,
        generated_at=now.replace(tzinfo=None, microsecond=0),
    )
    path = workbooks.write(Path(out), fmt, cover, tables, progress)
    rows = sum(len(table.rows) for table in tables)
    security.log(
        security.Kind.EXPORTED, user=actor.user, rows=rows,
        detail=f"{programme.slug} workbook ({fmt}) marked {marking} through {actor.channel}",
    )  # fmt: skip
    return Exported(path, rows, marking)
