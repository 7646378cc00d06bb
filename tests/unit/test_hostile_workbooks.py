"""Small hostile workbooks (each under 10 KB) are refused while they are read, with a message that says
why, without filling the memory: each is read in a child process whose peak allocation is measured.

The reader is pure Python (bluelight.core.workbooks), so these need no database.
"""

from __future__ import annotations

import io
import json
import random
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from bluelight.core import workbooks

ROOT = Path(__file__).resolve().parents[2]
MOST_MEMORY = 200 * 1024 * 1024

CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Workstreams">
<table:table-row><table:table-cell office:value-type="string"><text:p>Key</text:p></table:table-cell>
<table:table-cell office:value-type="string"><text:p>Title</text:p></table:table-cell></table:table-row>
{rows}
</table:table></office:spreadsheet></office:body></office:document-content>"""


def ods(rows: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", CONTENT.format(rows=rows), zipfile.ZIP_DEFLATED)
    return out.getvalue()


def cell(text: str, **attributes) -> str:
    extra = " ".join(f'table:{k.replace("_", "-")}="{v}"' for k, v in attributes.items())
    return f'<table:table-cell office:value-type="string" {extra}><text:p>{text}</text:p></table:table-cell>'


def xlsx(fill) -> bytes:
    book = openpyxl.Workbook()
    fill(book.active)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def csv_zip(text: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Workstreams.csv", text)
    return out.getvalue()


def spaces(count) -> str:
    return '<text:s text:c="' + str(count) + '"/>'


def row(*cells: str, repeated: int = 1) -> str:
    return '<table:table-row table:number-rows-repeated="' + str(repeated) + '">' + "".join(cells) + "</table:table-row>"


HOSTILE = {
    # The probe's file: a few hundred bytes that once expanded into a 50,000,000-character cell.
    "repeated spaces": ("x.ods", ods(row(cell("a"), cell("b" + spaces(50_000_000)))),
                        "Sheet Workstreams, row 2, column B holds more than 32,767 characters"),
    "a repeat count of 5,000 digits": ("x.ods", ods(row(cell("a" + spaces("9" * 5000)))),
                                       "holds more than 32,767 characters"),
    "a repeat count that is not a number": ("x.ods", ods(row(cell("a" + spaces(-5)))),
                                            "a repeat count of “-5” is not a number"),
    "a cell repeated across a million columns": ("x.ods", ods(row(cell("a", number_columns_repeated=1_000_000))),
                                                 "Sheet Workstreams has more than 200 columns"),
    "a row repeated a million times": ("x.ods", ods(row(cell("a"), cell("b"), repeated=1_000_000)),
                                       "Sheet Workstreams has more than 250,000 rows"),
    "wide rows repeated past the workbook's cells": (
        "x.ods", ods(row(cell("x" * 20, number_columns_repeated=150), repeated=200_000)),
        "The workbook holds more than 3,000,000 cells"),
    "repeated rows of long text past the workbook's text": (
        "x.ods", ods(row(cell("y" + spaces(30_000)), repeated=120_000)),
        "The workbook holds more than 60,000,000 characters of text"),
    # (An xlsx cell cannot hold more: openpyxl itself reads no more than Excel's 32,767 characters.)
    "an xlsx value in the last column": ("x.xlsx", xlsx(lambda ws: (ws.append(["Key"]), ws.cell(row=2, column=16384, value="far"))),
                                         "Sheet Sheet has more than 200 columns"),
    "an xlsx value in the last row": ("x.xlsx", xlsx(lambda ws: (ws.append(["Key"]), ws.cell(row=1048576, column=1, value="far"))),
                                      "Sheet Sheet has more than 250,000 rows"),
    "a csv of 5,000 columns": ("x.zip", csv_zip("Key\n" + "a," * 5000 + "\n"), "Sheet Workstreams has more than 200 columns"),
    # Random letters, so the file is not refused first as a zip bomb (it expands under 100 times its size).
    "a csv field of 40,000 characters": ("x.zip", csv_zip("Key,Title\na," + "".join(random.Random(1).choices("ab", k=40_000)) + "\n"),
                                          "Sheet Workstreams, row 2, column B holds more than 32,767 characters"),
}  # fmt: skip

READ_IN_A_CHILD = """
import json, sys, tracemalloc
tracemalloc.start()
from bluelight.core import workbooks
name, data = sys.argv[1], open(sys.argv[2], "rb").read()
try:
    workbooks.read_bytes(name, data)
    message = None
except workbooks.WorkbookRefused as refused:
    message = str(refused)
print(json.dumps({"message": message, "peak": tracemalloc.get_traced_memory()[1]}))
"""


@pytest.mark.parametrize("kind", HOSTILE, ids=str)
def test_a_small_hostile_workbook_is_refused_while_read_without_filling_the_memory(kind, tmp_path):
    name, data, message = HOSTILE[kind]
    assert len(data) < 10 * 1024, f"{kind}: the file should be small ({len(data):,} bytes)"
    path = tmp_path / name
    path.write_bytes(data)
    done = subprocess.run([sys.executable, "-c", READ_IN_A_CHILD, name, str(path)], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout)
    assert result["message"] is not None and message in result["message"], result["message"]
    assert result["peak"] < MOST_MEMORY, f"{kind}: {result['peak'] / 1048576:.0f} MB at peak"


def test_the_limits_leave_a_real_workbook_alone():
    rows = "".join(row(cell(f"key-{n}"), cell("Shared " + spaces(3) + "estates")) for n in range(50))
    sheet = workbooks.read_bytes("ok.ods", ods(rows))[0]
    assert len(sheet.rows) == 50 and sheet.rows[0][1] == ["key-0", "Shared    estates"]
