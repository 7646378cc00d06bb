"""Reading a GDP deflator series laid out as HM Treasury publishes it. Pure Python: no Django.

HM Treasury's "GDP deflators at market prices, and money GDP" (a spreadsheet, or its CSV) has a
title and the release above a header row whose first column is "Financial year" ("1955-56", …,
with a footnote mark on projected years) and whose next column is the GDP deflator index
("2023-24 = 100"); more columns (percentage change, money GDP, calendar years) follow, and notes
come after the table. This module takes the sheet as rows of cells and gives the index by year.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from bluelight.core.years import label

_YEAR = re.compile(r"^\s*(\d{4})\s*[-–/]\s*(\d{2}|\d{4})(?!\d)")
_MONTH_YEAR = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{4})\b", re.I
)
_REFERENCE = re.compile(r"(\d{4})\s*[-–/]\s*(\d{2}|\d{4})\s*=\s*100")
MOST_PLACES = 6  # what the store keeps; HM Treasury publishes three


class SeriesRefused(ValueError):
    """The file is not a deflator series in the published layout; the message names the row."""


@dataclass(frozen=True)
class PublishedSeries:
    """What the file says: its title and release (where it carries them) and the index by financial year."""

    title: str | None
    release: str | None
    reference_year: int | None
    index: dict[int, Decimal]


def _text(cell) -> str:
    return "" if cell is None else str(cell).strip()


def _start_year(text: str) -> int | None:
    """'2023-24', '2023-24 (4)', '2023/24' or '2023-2024' -> 2023; None for anything else."""
    match = _YEAR.match(text)
    if not match:
        return None
    start, end = int(match.group(1)), int(match.group(2))
    if end % 100 != (start + 1) % 100:
        return None
    return start


def _index(cell, where: str) -> Decimal:
    if isinstance(cell, bool):
        raise SeriesRefused(f"{where}: the index is {cell!r}, not a number.")
    try:
        value = cell if isinstance(cell, Decimal) else Decimal(_text(cell).replace(",", ""))
    except InvalidOperation:
        raise SeriesRefused(f"{where}: the index is “{_text(cell)}”, not a number.") from None
    if not value.is_finite() or value <= 0:
        raise SeriesRefused(f"{where}: the index must be a number above 0, not {_text(cell)}.")
    if -value.as_tuple().exponent > MOST_PLACES:
        raise SeriesRefused(f"{where}: the index {value} has more than {MOST_PLACES} decimal places.")
    return value


def _year_column(cells: list) -> int | None:
    return next((n for n, c in enumerate(cells) if _text(c).lower().startswith("financial year")), None)


def header_row(cells: list) -> bool:
    return _year_column(cells) is not None


def _header(cells: list) -> tuple[int, int] | None:
    """(financial year column, deflator column) when this is the header row."""
    year_column = _year_column(cells)
    if year_column is None:
        return None
    for column in range(year_column + 1, len(cells)):
        if "deflator" in _text(cells[column]).lower():
            return year_column, column
    raise SeriesRefused(
        "The row headed “Financial year” has no GDP deflator column after it; the file is not in HM Treasury's layout."
    )


def read_series(rows: Iterable[tuple[int | None, list]]) -> PublishedSeries:
    """The series in `rows` ((row number, cells) pairs, as core.workbooks reads a sheet)."""
    title = release = None
    reference = None
    columns = None
    index: dict[int, Decimal] = {}
    for number, cells in rows:
        where = f"Row {number}" if number else "The first row"
        if columns is None:
            columns = _header(cells)
            if columns is not None:
                match = _REFERENCE.search(_text(cells[columns[1]]))
                reference = _start_year(f"{match.group(1)}-{match.group(2)}") if match else None
                continue
            for text in filter(None, map(_text, cells)):
                if title is None and "deflator" in text.lower():
                    title = text
                elif release is None and _MONTH_YEAR.search(text):
                    release = text
            continue
        year_cell = _text(cells[columns[0]]) if len(cells) > columns[0] else ""
        year = _start_year(year_cell)
        if year is None:
            if index:
                break  # the table has ended: a blank row, then notes
            continue
        if year in index:
            raise SeriesRefused(f"{where}: {label(year)} appears twice.")
        value = cells[columns[1]] if len(cells) > columns[1] else None
        if value is None or _text(value) == "":
            raise SeriesRefused(f"{where}: {label(year)} has no index.")
        index[year] = _index(value, f"{where} ({label(year)})")
    if columns is None:
        raise SeriesRefused("No row is headed “Financial year”; the file is not in HM Treasury's layout.")
    if not index:
        raise SeriesRefused("The table under “Financial year” holds no years.")
    return PublishedSeries(title, release, reference, index)
