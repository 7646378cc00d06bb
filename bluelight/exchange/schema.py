"""How a sheet of the workbook maps to a model: its columns, its key, and how its rows are found.

A row is a dict of header -> value in one "domain" shared by export and import: text as str (""
when blank), numbers as Decimal or int, dates as date, times as naive local datetime, a reference
as the referenced record's key, a list of references as a sorted tuple of keys. Export writes
`row_of(record)`; import parses cells into the same shape, so "unchanged" is plain equality.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils import timezone

from bluelight.exchange import cells


@dataclass(frozen=True)
class Value:
    """A column holding one of the record's own fields."""

    header: str
    attr: str
    parse: Callable = cells.text
    required: bool = False
    get: Callable | None = None  # record -> value, when it is not simply the attribute
    show: Callable | None = None  # value -> what the cell shows, when not the value itself (R3 for 3)
    blank: object = None  # the value of an empty cell: "" for text fields

    def value_of(self, record):
        value = self.get(record) if self.get else getattr(record, self.attr)
        if isinstance(value, datetime.datetime):
            value = timezone.localtime(value).replace(tzinfo=None, microsecond=0)
        return self.blank if value is None else value

    def stored(self, value):
        if isinstance(value, datetime.datetime):
            return timezone.make_aware(value)
        return value


@dataclass(frozen=True)
class Ref:
    """Columns naming another sheet's record by its key (one column per part of that key)."""

    headers: tuple[str, ...]
    attr: str
    target: str
    required: bool = False


@dataclass(frozen=True)
class Many:
    """One column listing other records by key, separated by semicolons."""

    header: str
    attr: str
    target: str


SEPARATOR = "; "


@dataclass
class SheetSpec:
    name: str
    noun: str  # what one row is, in words: "workstream"
    model: type
    key: tuple[str, ...]  # the headers whose values identify a row
    columns: list
    records: Callable  # (programme or None, keys of the workbook) -> queryset of existing records
    scope: Callable = lambda record, programme: None  # noqa: E731 - a new record's programme (or meeting), once its values are set
    after_save: Callable | None = None  # (record, programme) after a create or update
    order: tuple[str, ...] = ()  # export order, when the model's own ordering is by a time the import resets
    schema: Schema | None = field(default=None, repr=False)

    @property
    def headers(self) -> list[str]:
        seen: list[str] = []
        for column in self.columns:
            for header in column.headers if isinstance(column, Ref) else (column.header,):
                if header not in seen:
                    seen.append(header)
        return seen

    @property
    def refs(self) -> list[Ref]:
        return [c for c in self.columns if isinstance(c, Ref)]

    @property
    def values(self) -> list[Value]:
        return [c for c in self.columns if isinstance(c, Value)]

    @property
    def manys(self) -> list[Many]:
        return [c for c in self.columns if isinstance(c, Many)]

    def column_of(self, header: str):
        by_header = self.__dict__.get("_by_header")
        if by_header is None:
            by_header = {}
            for column in self.columns:
                for name in column.headers if isinstance(column, Ref) else (column.header,):
                    by_header.setdefault(name, column)
            self.__dict__["_by_header"] = by_header
        return by_header[header]

    def parser_of(self, header: str) -> Callable:
        column = self.column_of(header)
        if isinstance(column, Value):
            return column.parse
        if isinstance(column, Many):
            return self.schema[column.target].parser_of(self.schema[column.target].key[0])
        target = self.schema[column.target]
        return target.parser_of(target.key[column.headers.index(header)])

    def shown(self, header: str, value):
        """A row's value as its cell shows it: references joined by semicolons, numbers as R3 or A12."""
        column = self.column_of(header)
        if isinstance(column, Many):
            target = self.schema[column.target]
            return SEPARATOR.join(str(target.shown(target.key[0], v)) for v in value)
        if isinstance(column, Value):
            return column.show(value) if column.show and value is not None else value
        target = self.schema[column.target]
        return target.shown(target.key[column.headers.index(header)], value)

    def key_of(self, record) -> tuple:
        parts = []
        for header in self.key:
            column = self.column_of(header)
            if isinstance(column, Value):
                parts.append(column.value_of(record))
            else:
                related = getattr(record, column.attr)
                target = self.schema[column.target]
                parts.append(target.key_of(related)[column.headers.index(header)] if related is not None else None)
        return tuple(parts)

    def row_of(self, record) -> dict:
        row = {}
        for column in self.columns:
            if isinstance(column, Value):
                row[column.header] = column.value_of(record)
            elif isinstance(column, Ref):
                related = getattr(record, column.attr)
                parts = (
                    self.schema[column.target].key_of(related) if related is not None else (None,) * len(column.headers)
                )
                for header, part in zip(column.headers, parts, strict=True):
                    row.setdefault(header, part)
            else:
                target = self.schema[column.target]
                row[column.header] = tuple(sorted(target.key_of(r)[0] for r in getattr(record, column.attr).all()))
        return row


class Schema(dict):
    """The workbook's sheets by name, in the order they are written and applied."""

    def __init__(self, specs: list[SheetSpec]):
        super().__init__((s.name, s) for s in specs)
        for spec in specs:
            spec.schema = self

    def find(self, name: str) -> SheetSpec | None:
        """The sheet a name means, ignoring case and allowing CSV file names (benefit-years)."""
        wanted = name.strip().lower().replace("-", " ").replace("_", " ")
        for spec in self.values():
            if spec.name.lower() == wanted:
                return spec
        return None
