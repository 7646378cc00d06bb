"""OpenDocument spreadsheets (.ods): read from the XML with every repeat counted before it is
expanded; written by ods_writer."""

from __future__ import annotations

import datetime
import zipfile
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from xml.etree import ElementTree

from bluelight.core.workbooks.base import (
    MAX_CELL_CHARS,
    MAX_COLUMNS,
    MAX_ROWS,
    Budget,
    Cell,
    Sheet,
    WorkbookRefused,
    formula_or_constant,
    limit,
    plain_number,
    sheet_from_grid,
    too_long,
)

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
            return plain_number(Decimal(cell.get(_q("office", "value"))))
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


def read(filename: str, archive: zipfile.ZipFile, budget: Budget) -> list[Sheet]:
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
                        raise too_long(name, number + 1, len(cells)) from None
                    if value is None and repeat > 1:
                        cells.extend([None] * repeat)  # trailing blank columns, at most MAX_COLUMNS + 1
                    else:
                        limit(name, len(cells) + repeat, "columns", MAX_COLUMNS)
                        cells.extend([value] * repeat)
                blank = all(c is None for c in cells)
                if blank:
                    number += repeat_rows  # blank rows repeated to the end of the sheet are not data
                    continue
                limit(name, number + repeat_rows, "rows", MAX_ROWS)
                if repeat_rows > 1:  # counted before it is expanded, so a repeat cannot fill the memory
                    chars = sum(len(c) for c in cells if isinstance(c, str))
                    budget.ahead(name, len(cells) * repeat_rows, chars * repeat_rows)
                for _ in range(repeat_rows):
                    number += 1
                    yield number, list(cells)

        sheet = sheet_from_grid(name, grid(), budget)
        if sheet is not None:
            sheets.append(sheet)
    return sheets
