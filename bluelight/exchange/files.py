"""Reading and writing workbooks as XLSX, ODS and CSV (a folder or zip of files). Pure Python: no Django.

Every format reads into the same thing: sheets of rows of plain cell values (None, str, int,
Decimal, bool, date, datetime), each row with the number it has in the file, so that a problem
can be reported as "sheet, row, column". Nothing here knows what a workstream is.
"""

from __future__ import annotations

import csv
import datetime
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from xml.etree import ElementTree

from bluelight.governance.uploads import UploadRefused, _expand_safely

FORMATS = ("xlsx", "ods", "csv")
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


# ---------------------------------------------------------------- formula injection


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


# ---------------------------------------------------------------- reading


def read(path: Path, *, max_bytes: int, name: str | None = None) -> list[Sheet]:
    """The sheets of the workbook at `path` (an .xlsx, .ods, .zip of CSVs, or a folder of CSVs).

    `name` is what to call the file in messages, when it is stored under another name.
    """
    path = Path(path)
    if path.is_dir():
        budget = Budget()
        sheets = [_read_csv(p.name, p.read_bytes(), budget) for p in sorted(path.glob("*.csv"))]
        if not sheets:
            raise WorkbookRefused(f"The folder {path.name} holds no .csv files.")
        return [s for s in sheets if s is not None]
    if not path.exists():
        raise WorkbookRefused(f"There is no file at {path}.")
    size = path.stat().st_size
    if size > max_bytes:
        raise WorkbookRefused(
            f"The file is {size / 1048576:.1f} MB; a workbook must be smaller than {max_bytes / 1048576:.0f} MB."
        )
    return read_bytes(name or path.name, path.read_bytes())


def read_bytes(filename: str, data: bytes) -> list[Sheet]:
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if extension not in ("xlsx", "ods", "zip"):
        raise WorkbookRefused(f"{filename} is not a workbook. Use an .xlsx or .ods file, or a .zip of .csv files.")
    if not data:
        raise WorkbookRefused(f"{filename} is empty.")
    archive = _open_archive(filename, data)
    budget = Budget()
    if extension == "xlsx":
        sheets = _read_xlsx(filename, data, archive, budget)
    elif extension == "ods":
        sheets = _read_ods(filename, archive, budget)
    else:
        sheets = [
            s
            for name in sorted(archive.namelist())
            if name.lower().endswith(".csv") and not name.startswith("__MACOSX")
            for s in [_read_csv(name.rsplit("/", 1)[-1], archive.read(name), budget)]
            if s is not None
        ]
        if not sheets:
            raise WorkbookRefused(f"{filename} holds no .csv files.")
    if not any(s.rows for s in sheets):
        raise WorkbookRefused(f"{filename} holds no rows of data.")
    return sheets


def _open_archive(filename: str, data: bytes) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        _expand_safely(archive, len(data))
    except UploadRefused as refusal:
        raise WorkbookRefused(str(refusal).replace("was not stored", "was not read")) from None
    except (zipfile.BadZipFile, ValueError, EOFError, RuntimeError, NotImplementedError, OSError):
        raise WorkbookRefused(f"{filename} is not a workbook: it is not a readable spreadsheet file.") from None
    return archive


def _limit(sheet: str, count: int, what: str, most: int) -> None:
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


def _too_long(sheet: str, row: int, column: int) -> WorkbookRefused:
    return WorkbookRefused(
        f"Sheet {sheet}, row {row}, column {column_letter(column)} holds more than {MAX_CELL_CHARS:,} characters."
    )


def _sheet(name: str, grid: Iterator[tuple[int, list[Cell]]], budget: Budget) -> Sheet | None:
    """A Sheet from (row number, cells) pairs: the first non-blank row is the header."""
    sheet = None
    for number, cells in grid:
        _limit(name, number, "rows", MAX_ROWS)
        while cells and cells[-1] in (None, ""):
            cells.pop()
        if not cells:
            continue
        _limit(name, len(cells), "columns", MAX_COLUMNS)
        chars = 0
        for column, cell in enumerate(cells):
            if isinstance(cell, str):
                if len(cell) > MAX_CELL_CHARS:
                    raise _too_long(name, number, column)
                chars += len(cell)
        budget.spend(name, len(cells), chars)
        if sheet is None:
            sheet = Sheet(name, [str(c).strip() if c is not None else "" for c in cells])
        else:
            sheet.rows.append((number, [restore(c) for c in cells]))
    return sheet


def _plain_number(value):
    if isinstance(value, float):
        # Spreadsheets store binary floating point; the shortest text that reads back the same
        # is what the person typed (for up to 15 significant figures), so that is what we keep.
        value = Decimal(repr(value))
        return int(value) if value == value.to_integral_value() and "E" not in str(value) else value
    return value


def _read_xlsx(filename: str, data: bytes, archive: zipfile.ZipFile, budget: Budget) -> list[Sheet]:
    import openpyxl

    if "[Content_Types].xml" not in archive.namelist():
        raise WorkbookRefused(f"{filename} is not an .xlsx workbook: its content does not match.")
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds for damaged files
        raise WorkbookRefused(f"{filename} is damaged: it could not be read as an .xlsx workbook.") from None
    sheets = []
    try:
        for ws in book.worksheets:
            # Files written by other tools often state their size wrongly; reading row by row is
            # right whatever they say, and spares openpyxl a first pass to measure the sheet.
            ws.reset_dimensions()

            def grid(ws=ws):
                for number, row in enumerate(ws.iter_rows(), start=1):
                    cells = []
                    for cell in row:
                        if cell.data_type == "f":
                            cells.append(formula_or_constant(str(cell.value)))
                        else:
                            cells.append(_plain_number(cell.value))
                    yield number, cells

            sheet = _sheet(ws.title, grid(), budget)
            if sheet is not None:
                sheets.append(sheet)
    finally:
        book.close()
    return sheets


class Formula(str):
    """A cell holding a formula: reported, never evaluated."""


_CONSTANTS = {"TRUE()": True, "FALSE()": False, "TRUE": True, "FALSE": False}


def formula_or_constant(text: str) -> Cell:
    """An office suite writes a yes/no cell as the formula =TRUE() or =FALSE() (OpenDocument: of:=TRUE()):
    that is the value itself, not a calculation. Any other formula is kept, to be refused."""
    plain = text.removeprefix("of:").lstrip("=").replace(" ", "").upper()
    return _CONSTANTS[plain] if plain in _CONSTANTS else Formula(text)


ODS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
}


def _q(prefix: str, name: str) -> str:
    return f"{{{ODS[prefix]}}}{name}"


class _CellTooLong(Exception):
    """A cell's text expands past MAX_CELL_CHARS; the sheet's reader names where."""


def _count(element, attribute: str, most: int) -> int:
    """A repeat count such as text:c or number-columns-repeated: digits only, and never past `most` + 1."""
    text = (element.get(attribute) or "1").strip()
    if not text.isascii() or not text.isdigit():
        raise WorkbookRefused(f"The workbook is damaged: a repeat count of “{text[:20]}” is not a number.")
    return min(int(text[:12]), most + 1)


def _ods_inline(node) -> Iterator[str]:
    if node.text:
        yield node.text
    for child in node:
        if child.tag == _q("text", "s"):
            yield " " * _count(child, _q("text", "c"), MAX_CELL_CHARS)
        elif child.tag == _q("text", "tab"):
            yield "\t"
        elif child.tag == _q("text", "line-break"):
            yield "\n"
        else:
            yield from _ods_inline(child)
        if child.tail:
            yield child.tail


def _ods_text(cell) -> str:
    parts, length = [], 0
    for paragraph in cell.iter(_q("text", "p")):
        for piece in _ods_inline(paragraph):
            length += len(piece)
            if length > MAX_CELL_CHARS:
                raise _CellTooLong
            parts.append(piece)
        parts.append("\n")
        length += 1
    return "".join(parts[:-1]) if parts else ""


def _ods_value(cell) -> Cell:
    kind = cell.get(_q("office", "value-type"))
    if cell.get(_q("table", "formula")):
        return formula_or_constant(cell.get(_q("table", "formula")))
    if kind in ("float", "currency", "percentage"):
        try:
            return _plain_number(Decimal(cell.get(_q("office", "value"))))
        except (InvalidOperation, TypeError):
            return _ods_text(cell)
    if kind == "date":
        text = cell.get(_q("office", "date-value"), "")
        try:
            return datetime.datetime.fromisoformat(text) if "T" in text else datetime.date.fromisoformat(text)
        except ValueError:
            return text
    if kind == "boolean":
        return cell.get(_q("office", "boolean-value")) == "true"
    text = _ods_text(cell)
    return text if text != "" else None


def _read_ods(filename: str, archive: zipfile.ZipFile, budget: Budget) -> list[Sheet]:
    names = archive.namelist()
    if (
        not names
        or names[0] != "mimetype"
        or archive.read("mimetype").strip() != b"application/vnd.oasis.opendocument.spreadsheet"
    ):
        raise WorkbookRefused(f"{filename} is not an .ods workbook: its content does not match.")
    try:
        root = ElementTree.fromstring(archive.read("content.xml"))  # noqa: S314 - size capped above; no DTDs in ODS
    except ElementTree.ParseError:
        raise WorkbookRefused(f"{filename} is damaged: it could not be read as an .ods workbook.") from None
    sheets = []
    for table in root.iter(_q("table", "table")):
        name = table.get(_q("table", "name"), "")

        def grid(table=table, name=name):
            number = 0
            for row in table.iter(_q("table", "table-row")):
                repeat_rows = _count(row, _q("table", "number-rows-repeated"), MAX_ROWS * 10)
                cells: list[Cell] = []
                for cell in row:
                    if cell.tag not in (_q("table", "table-cell"), _q("table", "covered-table-cell")):
                        continue
                    repeat = _count(cell, _q("table", "number-columns-repeated"), MAX_COLUMNS)
                    try:
                        value = _ods_value(cell)
                    except _CellTooLong:
                        raise _too_long(name, number + 1, len(cells)) from None
                    if value is None and repeat > 1:
                        cells.extend([None] * repeat)  # trailing blank columns, at most MAX_COLUMNS + 1
                    else:
                        _limit(name, len(cells) + repeat, "columns", MAX_COLUMNS)
                        cells.extend([value] * repeat)
                blank = all(c is None for c in cells)
                if blank:
                    number += repeat_rows  # blank rows repeated to the end of the sheet are not data
                    continue
                _limit(name, number + repeat_rows, "rows", MAX_ROWS)
                if repeat_rows > 1:  # counted before it is expanded, so a repeat cannot fill the memory
                    chars = sum(len(c) for c in cells if isinstance(c, str))
                    budget.ahead(name, len(cells) * repeat_rows, chars * repeat_rows)
                for _ in range(repeat_rows):
                    number += 1
                    yield number, list(cells)

        sheet = _sheet(name, grid(), budget)
        if sheet is not None:
            sheets.append(sheet)
    return sheets


def read_csv(filename: str, data: bytes) -> Sheet | None:
    """One CSV file as a sheet named after it (None when it holds nothing)."""
    return _read_csv(filename, data, Budget())


def _read_csv(filename: str, data: bytes, budget: Budget) -> Sheet | None:
    name = filename[:-4] if filename.lower().endswith(".csv") else filename
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise WorkbookRefused(f"{filename} is not UTF-8 text. Save it as “CSV UTF-8”.") from None
    if "\x00" in text:
        raise WorkbookRefused(f"{filename} is not a CSV file: it holds binary data.")
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as error:
        raise WorkbookRefused(f"{filename} is not valid CSV: {error}.") from None
    return _sheet(name, ((n, [c if c != "" else None for c in row]) for n, row in enumerate(rows, start=1)), budget)


# ---------------------------------------------------------------- writing


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


def write(path: Path, fmt: str, cover: Cover, tables: list[Table], progress=None) -> Path:
    """Write the workbook; for CSV, a .zip when `path` ends .zip, otherwise a folder of files."""
    path = Path(path)
    writer = {"xlsx": _write_xlsx, "ods": _write_ods, "csv": _write_csv}[fmt]
    writer(path, [cover.table(tables), *tables], progress or (lambda *_: None))
    return path


def _neutral_rows(table: Table):
    for row in table.rows:
        yield [neutralise(v) for v in row]


def _write_xlsx(path: Path, tables: list[Table], progress) -> None:
    import openpyxl
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = openpyxl.Workbook(write_only=True)
    bold = Font(bold=True)
    for number, table in enumerate(tables):
        ws = book.create_sheet(table.name)
        ws.freeze_panes = "A2"
        marking = tables[0].headers[0]
        ws.oddHeader.center.text = marking
        ws.oddFooter.center.text = marking
        ws.oddFooter.right.text = "Page &P of &N"
        for i, header in enumerate(table.headers):
            ws.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width = min(
                max(len(header or "") + 4, 12), 60
            )
        header_cells = []
        for header in table.headers:
            cell = WriteOnlyCell(ws, value=neutralise(header))
            cell.font = bold
            header_cells.append(cell)
        ws.append(header_cells)
        for row in _neutral_rows(table):
            ws.append([_xlsx_value(ws, v) for v in row])
        progress(number + 1, len(tables), table.name)
    book.save(path)


def _xlsx_value(ws, value):
    from openpyxl.cell import WriteOnlyCell

    if isinstance(value, datetime.datetime):
        cell = WriteOnlyCell(ws, value=value.replace(tzinfo=None))
        cell.number_format = "yyyy-mm-dd hh:mm:ss"
        return cell
    if isinstance(value, datetime.date):
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = "yyyy-mm-dd"
        return cell
    return value


def _write_ods(path: Path, tables: list[Table], progress) -> None:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import Style, TextProperties
    from odf.table import Table as OdsTable
    from odf.table import TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    bold = Style(name="Heading", family="table-cell")
    bold.addElement(TextProperties(fontweight="bold"))
    doc.automaticstyles.addElement(bold)
    # A date cell needs a date format, or an office suite that saves the file keeps only its serial number.
    date_style = _ods_date_style(doc, "IsoDate", with_time=False)
    date_time_style = _ods_date_style(doc, "IsoDateTime", with_time=True)

    def cell(value, style=None):
        value = neutralise(value)
        kwargs = {"stylename": style} if style else {}
        if value is None:
            return TableCell(**kwargs)
        if isinstance(value, bool):
            c = TableCell(valuetype="boolean", booleanvalue="true" if value else "false", **kwargs)
            c.addElement(P(text="TRUE" if value else "FALSE"))
            return c
        if isinstance(value, (int, Decimal)):
            c = TableCell(valuetype="float", value=str(value), **kwargs)
            c.addElement(P(text=str(value)))
            return c
        if isinstance(value, datetime.datetime):
            text = value.replace(tzinfo=None).isoformat(timespec="seconds")
            c = TableCell(valuetype="date", datevalue=text, stylename=style or date_time_style)
            c.addElement(P(text=text.replace("T", " ")))
            return c
        if isinstance(value, datetime.date):
            c = TableCell(valuetype="date", datevalue=value.isoformat(), stylename=style or date_style)
            c.addElement(P(text=value.isoformat()))
            return c
        c = TableCell(valuetype="string", **kwargs)
        for line in str(value).split("\n"):
            c.addElement(P(text=line))
        return c

    for number, table in enumerate(tables):
        sheet = OdsTable(name=table.name)
        header = TableRow()
        for h in table.headers:
            header.addElement(cell(h, bold))
        sheet.addElement(header)
        for row in table.rows:
            tr = TableRow()
            for value in row:
                tr.addElement(cell(value))
            sheet.addElement(tr)
        doc.spreadsheet.addElement(sheet)
        progress(number + 1, len(tables), table.name)
    doc.save(str(path))


def _ods_date_style(doc, name: str, *, with_time: bool):
    """A cell style showing a date as 2024-05-16 (and 14:30:00 after it, with the time)."""
    from odf.number import DateStyle, Day, Hours, Minutes, Month, Seconds, Year
    from odf.number import Text as Literal
    from odf.style import Style

    data = DateStyle(name=f"{name}Data")
    parts = [Year(style="long"), Literal(text="-"), Month(style="long"), Literal(text="-"), Day(style="long")]
    if with_time:
        parts += [Literal(text=" "), Hours(style="long"), Literal(text=":"), Minutes(style="long"), Literal(text=":"),
                  Seconds(style="long")]  # fmt: skip
    for part in parts:
        data.addElement(part)
    doc.automaticstyles.addElement(data)
    cell = Style(name=name, family="table-cell", datastylename=f"{name}Data")
    doc.automaticstyles.addElement(cell)
    return cell


def _csv_text(value: Cell) -> str:
    value = neutralise(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime.datetime):
        return value.replace(tzinfo=None).isoformat(sep=" ", timespec="seconds")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _csv_bytes(table: Table) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180
    writer.writerow([_csv_text(h) for h in table.headers])
    for row in table.rows:
        writer.writerow([_csv_text(v) for v in row])
    return out.getvalue().encode("utf-8")


def _write_csv(path: Path, tables: list[Table], progress) -> None:
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for number, table in enumerate(tables):
                archive.writestr(csv_file_name(table.name), _csv_bytes(table))
                progress(number + 1, len(tables), table.name)
        return
    path.mkdir(parents=True, exist_ok=True)
    for number, table in enumerate(tables):
        (path / csv_file_name(table.name)).write_bytes(_csv_bytes(table))
        progress(number + 1, len(tables), table.name)
