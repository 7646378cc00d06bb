"""Rows of a CSV file as the evidence apps take them in. Pure Python: no Django.

A file is read whole and either taken whole or refused whole: every row that cannot be read is a
refusal naming its row and column, and nothing is kept while there is one. A row that can be read
but carries nothing to count (a police.uk crime without coordinates) is neither refused nor dropped
in silence: it is counted under its reason, and the counts are shown with the result.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

MAX_ROWS = 2_000_000
ROW = "#"  # each row read carries its number in the file under this key


@dataclass(frozen=True)
class Column:
    header: str
    parse: Callable[[str], object]
    required: bool = True  # a blank cell is refused; otherwise it is None


@dataclass(frozen=True)
class Refusal:
    row: int  # as in the file: the header is row 1
    column: str | None
    reason: str

    def __str__(self) -> str:
        where = f"row {self.row}" + (f", column {self.column}" if self.column else "")
        return f"{where}: {self.reason}"


class FileRefused(ValueError):
    """A file that cannot be read, with every refusal in it; its message shows the first five."""

    def __init__(self, name: str, refusals: list[Refusal]):
        self.name, self.refusals = name, refusals
        shown = "; ".join(str(r) for r in refusals[:5])
        more = f" (and {len(refusals) - 5} more)" if len(refusals) > 5 else ""
        super().__init__(f"{name}: {shown}{more}")


@dataclass
class Loaded:
    rows: list[dict] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    skipped: Counter = field(default_factory=Counter)  # reason -> rows set aside for it

    @property
    def ok(self) -> bool:
        return not self.refused


def read_rows(data: bytes, columns: list[Column], *, skip: Callable[[dict], str | None] | None = None,
              most_refusals: int = 100) -> Loaded:  # fmt: skip
    """The rows of `data` (UTF-8 CSV with a header row) as {header: value}; `skip(row)` may give a
    reason to set a row aside and count it. Refuses the whole file when any row is wrong."""
    loaded = Loaded()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        loaded.refused.append(Refusal(1, None, "the file is not UTF-8 text: save it as “CSV UTF-8”"))
        return loaded
    reader = csv.reader(io.StringIO(text, newline=""))
    headers = [h.strip().lower() for h in next(reader, [])]
    positions = {}
    for column in columns:
        if column.header.lower() in headers:
            positions[column.header] = headers.index(column.header.lower())
        elif column.required:
            loaded.refused.append(Refusal(1, column.header, "this column is missing"))
    if loaded.refused:
        return loaded
    for number, cells in enumerate(reader, start=2):
        if number > MAX_ROWS + 1:
            loaded.refused.append(Refusal(number, None, f"the file has more than {MAX_ROWS:,} rows: split it"))
            break
        if not any(c.strip() for c in cells):
            continue
        row = _row(number, cells, columns, positions, loaded)
        if row is None:
            if len(loaded.refused) >= most_refusals:
                break
            continue
        row[ROW] = number
        reason = skip(row) if skip else None
        if reason:
            loaded.skipped[reason] += 1
        else:
            loaded.rows.append(row)
    if loaded.refused:
        loaded.rows.clear()
    return loaded


def _row(number: int, cells: list[str], columns: list[Column], positions: dict, loaded: Loaded) -> dict | None:
    row, ok = {}, True
    for column in columns:
        index = positions.get(column.header)
        raw = cells[index].strip() if index is not None and index < len(cells) else ""
        if not raw:
            if column.required:
                loaded.refused.append(Refusal(number, column.header, "is blank; it must be filled in"))
                ok = False
            row[column.header] = None
            continue
        try:
            row[column.header] = column.parse(raw)
        except ValueError as error:
            loaded.refused.append(Refusal(number, column.header, str(error)))
            ok = False
    return row if ok else None


# Parsers for the cells the evidence files hold. Each raises ValueError with the reason.


def text(raw: str) -> str:
    return raw


def decimal(raw: str) -> Decimal:
    try:
        return Decimal(raw)
    except InvalidOperation:
        raise ValueError(f"“{raw}” is not a number") from None


def latitude(raw: str) -> Decimal:
    value = decimal(raw)
    if not -90 <= value <= 90:
        raise ValueError(f"“{raw}” is not a latitude (−90 to 90)")
    return value


def longitude(raw: str) -> Decimal:
    value = decimal(raw)
    if not -180 <= value <= 180:
        raise ValueError(f"“{raw}” is not a longitude (−180 to 180)")
    return value


def month(raw: str) -> datetime.date:
    """police.uk's Month, 2024-03, as the first day of the month."""
    try:
        return datetime.datetime.strptime(raw, "%Y-%m").date()
    except ValueError:
        raise ValueError(f"“{raw}” is not a month such as 2024-03") from None


def when(raw: str) -> datetime.datetime:
    """A date, or a date and time, as control rooms export them: 2025-03-31 14:05 (slashes taken too)."""
    try:
        return datetime.datetime.fromisoformat(raw.replace("/", "-"))
    except ValueError:
        raise ValueError(f"“{raw}” is not a date and time such as 2025-03-31 14:05") from None


def day(raw: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(raw)
    except ValueError:
        raise ValueError(f"“{raw}” is not a date such as 2024-03-31") from None
