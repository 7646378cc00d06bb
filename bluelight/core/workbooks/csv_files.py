"""CSV: one file a sheet, UTF-8, in a folder or a .zip."""

from __future__ import annotations

import csv
import datetime
import io
import zipfile
from pathlib import Path

from bluelight.core.workbooks.base import (
    Budget,
    Cell,
    Sheet,
    Table,
    WorkbookRefused,
    csv_file_name,
    neutralise,
    sheet_from_grid,
)


def read(filename: str, data: bytes, budget: Budget) -> Sheet | None:
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
    return sheet_from_grid(name, ((n, [c if c != "" else None for c in row]) for n, row in enumerate(rows, start=1)), budget)


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


def write(path: Path, tables: list[Table], progress) -> None:
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
