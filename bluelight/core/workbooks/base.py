"""What every workbook format shares: sheets of rows of plain cells, the limits a file may expand to,
formula injection kept out, and the cover sheet. Pure Python: no Django."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from bluelight.core.uploads import UploadRefused

MAX_ROWS = 250_000  # per sheet; a programme's largest sheet (benefit years) is far below this


MAX_COLUMNS = 200


MAX_CELL_CHARS = 32_767  # what Excel and Calc themselves allow in a cell


MAX_CELLS = 3_000_000  # in the whole workbook, as expanded: ten times the largest real programme's


MAX_TEXT_CHARS = 60_000_000  # characters in the whole workbook, as expanded


TRIGGERS = ("=", "+", "-", "@", "\t", "\r")  # what makes a spreadsheet treat text as a formula


Cell = None | str | int | Decimal | bool | datetime.date | datetime.datetime


class WorkbookRefused(UploadRefused):
    """The file cannot be read as a workbook at all; the message says why."""


@dataclass
class Sheet:
    """One sheet as read: its header row and its data rows with their row numbers (the header is row 1)."""

    name: str
    headers: list[str]
    rows: list[tuple[int, list[Cell]]] = field(default_factory=list)


@dataclass
class Table:
    """One sheet to write: a header and rows of values."""

    name: str
    headers: list[str]
    rows: list[list[Cell]]
    choices: dict[str, list[str]] = field(default_factory=dict)  # header -> a drop-down list of what it takes


def neutralise(value: Cell) -> Cell:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe, so it stays text."""
    if isinstance(value, str) and value.startswith(TRIGGERS):
        return "'" + value
    return value


def restore(value: Cell) -> Cell:
    """Undo `neutralise` on the way back in, so a round trip keeps the text as it was."""
    if isinstance(value, str) and len(value) > 1 and value[0] == "'" and value[1:].startswith(TRIGGERS):
        return value[1:]
    return value


def csv_file_name(sheet_name: str) -> str:
    return sheet_name.lower().replace(" ", "-") + ".csv"


def limit(sheet: str, count: int, what: str, most: int) -> None:
    if count > most:
        raise WorkbookRefused(f"Sheet {sheet} has more than {most:,} {what}; split the workbook.")


class Budget:
    """What one workbook may expand to, counted while it is read, so no file can fill the memory."""

    def __init__(self):
        self.cells = 0
        self.chars = 0

    def spend(self, sheet: str, cells: int, chars: int) -> None:
        self.ahead(sheet, cells, chars)
        self.cells += cells
        self.chars += chars

    def ahead(self, sheet: str, cells: int, chars: int) -> None:
        """Refuse now what would overspend, before it is expanded."""
        if self.cells + cells > MAX_CELLS:
            raise WorkbookRefused(f"The workbook holds more than {MAX_CELLS:,} cells (sheet {sheet}); split it.")
        if self.chars + chars > MAX_TEXT_CHARS:
            raise WorkbookRefused(
                f"The workbook holds more than {MAX_TEXT_CHARS:,} characters of text (sheet {sheet}); split it."
            )


def column_letter(index: int) -> str:
    """0 -> A, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def too_long(sheet: str, row: int, column: int) -> WorkbookRefused:
    return WorkbookRefused(
        f"Sheet {sheet}, row {row}, column {column_letter(column)} holds more than {MAX_CELL_CHARS:,} characters."
    )


def sheet_from_grid(name: str, grid: Iterator[tuple[int, list[Cell]]], budget: Budget) -> Sheet | None:
    """A Sheet from (row number, cells) pairs: the first non-blank row is the header."""
    sheet = None
    for number, cells in grid:
        limit(name, number, "rows", MAX_ROWS)
        while cells and cells[-1] in (None, ""):
            cells.pop()
        if not cells:
            continue
        limit(name, len(cells), "columns", MAX_COLUMNS)
        chars = 0
        for column, cell in enumerate(cells):
            if isinstance(cell, str):
                if len(cell) > MAX_CELL_CHARS:
                    raise too_long(name, number, column)
                chars += len(cell)
        budget.spend(name, len(cells), chars)
        if sheet is None:
            sheet = Sheet(name, [str(c).strip() if c is not None else "" for c in cells])
        else:
            sheet.rows.append((number, [restore(c) for c in cells]))
    return sheet


def plain_number(value):
    if isinstance(value, float):
        # Spreadsheets store binary floating point; the shortest text that reads back the same
        # is what the person typed (for up to 15 significant figures), so that is what we keep.
        value = Decimal(repr(value))
        return int(value) if value == value.to_integral_value() and "E" not in str(value) else value
    return value


class Formula(str):
    """A cell holding a formula: reported, never evaluated."""


_CONSTANTS = {"TRUE()": True, "FALSE()": False, "TRUE": True, "FALSE": False}


def formula_or_constant(text: str) -> Cell:
    """An office suite writes a yes/no cell as the formula =TRUE() or =FALSE() (OpenDocument: of:=TRUE()):
    that is the value itself, not a calculation. Any other formula is kept, to be refused."""
    plain = text.removeprefix("of:").lstrip("=").replace(" ", "").upper()
    return _CONSTANTS[plain] if plain in _CONSTANTS else Formula(text)


@dataclass(frozen=True)
class Cover:
    """What the first sheet says: the title, marking, as-at date, who made it and when, and the contents."""

    title: str
    marking: str
    as_at: datetime.date
    generated_by: str
    generated_at: datetime.datetime

    def table(self, tables: list[Table]) -> Table:
        rows: list[list[Cell]] = [
            ["Title", self.title],
            ["Protective marking", self.marking],
            ["Data as at", self.as_at],
            ["Generated by", self.generated_by],
            ["Generated at", self.generated_at],
            [None, None],
            ["Contents", "Rows"],
            *[[t.name, len(t.rows)] for t in tables],
        ]
        return Table("Cover", [self.marking, None], rows)


def neutral_rows(table: Table):
    for row in table.rows:
        yield [neutralise(v) for v in row]
