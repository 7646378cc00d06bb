"""Reading and writing workbooks as XLSX, ODS and CSV (a folder or zip of files). Pure Python: no Django.

Every format reads into the same thing: sheets of rows of plain cells (None, str, int, Decimal, bool,
date, datetime), each row with the number it has in the file, so that a problem can be reported as
"sheet, row, column". Nothing here knows what a workstream is. One module a format (`xlsx`, `ods`,
`csv_files`); what they share is `base`.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from bluelight.core.uploads import UploadRefused, _expand_safely
from bluelight.core.workbooks import csv_files, ods, ods_writer, xlsx
from bluelight.core.workbooks.base import (  # noqa: F401  (the names callers use: workbooks.Sheet, ...)
    MAX_CELL_CHARS,
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_ROWS,
    MAX_TEXT_CHARS,
    Budget,
    Cell,
    Cover,
    Formula,
    Sheet,
    Table,
    WorkbookRefused,
    column_letter,
    csv_file_name,
    formula_or_constant,
    neutralise,
    restore,
)  # fmt: skip

FORMATS = ("xlsx", "ods", "csv")


def read(path: Path, *, max_bytes: int, name: str | None = None) -> list[Sheet]:
    """The sheets of the workbook at `path` (an .xlsx, .ods, .zip of CSVs, or a folder of CSVs).

    `name` is what to call the file in messages, when it is stored under another name.
    """
    path = Path(path)
    if path.is_dir():
        budget = Budget()
        sheets = [csv_files.read(p.name, p.read_bytes(), budget) for p in sorted(path.glob("*.csv"))]
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
        sheets = xlsx.read(filename, data, archive, budget)
    elif extension == "ods":
        sheets = ods.read(filename, archive, budget)
    else:
        sheets = [
            s
            for name in sorted(archive.namelist())
            if name.lower().endswith(".csv") and not name.startswith("__MACOSX")
            for s in [csv_files.read(name.rsplit("/", 1)[-1], archive.read(name), budget)]
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


def read_csv(filename: str, data: bytes) -> Sheet | None:
    """One CSV file as a sheet named after it (None when it holds nothing)."""
    return csv_files.read(filename, data, Budget())


def write(path: Path, fmt: str, cover: Cover, tables: list[Table], progress=None) -> Path:
    """Write the workbook; for CSV, a .zip when `path` ends .zip, otherwise a folder of files."""
    path = Path(path)
    writer = {"xlsx": xlsx.write, "ods": ods_writer.write, "csv": csv_files.write}[fmt]
    writer(path, [cover.table(tables), *tables], progress or (lambda *_: None))
    return path
