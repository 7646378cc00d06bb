"""Excel workbooks (.xlsx), read with openpyxl's streaming reader and written with its write-only one."""

from __future__ import annotations

import datetime
import io
import zipfile
from pathlib import Path

from bluelight.core.workbooks.base import (
    Budget,
    Sheet,
    Table,
    WorkbookRefused,
    formula_or_constant,
    neutral_rows,
    neutralise,
    plain_number,
    sheet_from_grid,
)


def read(filename: str, data: bytes, archive: zipfile.ZipFile, budget: Budget) -> list[Sheet]:
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
                            cells.append(plain_number(cell.value))
                    yield number, cells

            sheet = sheet_from_grid(ws.title, grid(), budget)
            if sheet is not None:
                sheets.append(sheet)
    finally:
        book.close()
    return sheets


def write(path: Path, tables: list[Table], progress) -> None:
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
        for row in neutral_rows(table):
            ws.append([_xlsx_value(ws, v) for v in row])
        _drop_downs(ws, table)
        progress(number + 1, len(tables), table.name)
    book.save(path)


def _drop_downs(ws, table: Table) -> None:
    """A list to choose from, under each choice column's heading to the foot of the sheet. An inline list
    cannot hold a comma or run past 255 characters: such a column is left without one."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    for header, options in table.choices.items():
        listed = ",".join(options)
        if any("," in o or '"' in o for o in options) or len(listed) > 250 or header not in table.headers:
            continue
        letter = get_column_letter(table.headers.index(header) + 1)
        check = DataValidation(type="list", formula1=f'"{listed}"', allow_blank=True, showErrorMessage=True,
                               errorTitle=header, error=f"Choose one of: {', '.join(options)}")  # fmt: skip
        check.add(f"{letter}2:{letter}1048576")
        ws.data_validations.append(check)


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
