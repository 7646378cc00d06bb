"""Opening a published deflator file (XLSX, ODS or CSV) as rows for `valuation.hmt_deflators`."""

from __future__ import annotations

from pathlib import Path

from bluelight.benefits.valuation.hmt_deflators import PublishedSeries, SeriesRefused, header_row, read_series
from bluelight.core import workbooks

MAX_BYTES = 5 * 1024 * 1024  # HM Treasury's file is about 100 KB


def read_published(path: Path) -> PublishedSeries:
    """The series in the file at `path`: the first sheet with a "Financial year" header row."""
    path = Path(path)
    if not path.is_file():
        raise SeriesRefused(f"There is no file at {path}.")
    if path.stat().st_size > MAX_BYTES:
        raise SeriesRefused(f"{path.name} is larger than {MAX_BYTES // 1048576} MB; it is not a deflator series.")
    if path.suffix.lower() not in (".xlsx", ".ods", ".csv"):
        raise SeriesRefused(f"{path.name} is not a spreadsheet: give the series as .xlsx, .ods or .csv.")
    data = path.read_bytes()
    try:
        if path.suffix.lower() == ".csv":
            sheets = [workbooks.read_csv(path.name, data)]
        else:
            sheets = workbooks.read_bytes(path.name, data)
    except workbooks.WorkbookRefused as refused:
        raise SeriesRefused(str(refused)) from None
    for sheet in filter(None, sheets):
        grid = [(None, sheet.headers), *sheet.rows]
        if any(header_row(cells) for _, cells in grid):
            return read_series(grid)
    raise SeriesRefused(f"No sheet of {path.name} has a row headed “Financial year”; it is not in HM Treasury's layout.")
