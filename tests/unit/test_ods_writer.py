"""The .ods writer keeps text as it was: runs of spaces, spaces at either end, tabs, line breaks, carriage
returns, markup characters and text a spreadsheet would take for a formula all come back unchanged through
Bluelight's reader; a control character XML cannot hold comes back as U+FFFD. Numbers, dates, times and
true/false keep their types."""

import datetime
import zipfile
from decimal import Decimal
from xml.etree import ElementTree

from bluelight.core import workbooks
from bluelight.core.workbooks.base import Table

TEXTS = ["two  spaces", "  leading", "trailing ", " ", "a\tb", "line one\nline two", "a\r\nb", "<b>&amp;</b> \"q\" 'a'",
         "=SUM(A1:A2)", "-5 is text", "plain", "a     b"]  # fmt: skip


def test_text_numbers_dates_and_booleans_come_back_as_written(tmp_path):
    values = [Decimal("1234.50"), 7, True, False, datetime.date(2024, 3, 31), datetime.datetime(2024, 3, 31, 14, 5, 9)]
    tables = [Table("Text", ["Value"], [[t] for t in TEXTS]), Table("Typed", [f"c{i}" for i in range(6)], [values]),
              Table("Odd", ["Value"], [["bell\x07here"]])]  # fmt: skip
    path = tmp_path / "w.ods"
    workbooks.write(path, "ods", workbooks.Cover("T", "OFFICIAL", datetime.date(2026, 1, 1), "t",
                                                 datetime.datetime(2026, 1, 1)), tables)  # fmt: skip
    with zipfile.ZipFile(path) as package:
        assert package.namelist()[0] == "mimetype" and package.getinfo("mimetype").compress_type == zipfile.ZIP_STORED
        ElementTree.fromstring(package.read("content.xml"))  # well-formed  # noqa: S314
    sheets = {s.name: s for s in workbooks.read(path, max_bytes=10**8)}
    assert [row[0] for _, row in sheets["Text"].rows] == TEXTS
    assert sheets["Typed"].rows[0][1] == [Decimal("1234.5"), 7, True, False, datetime.date(2024, 3, 31),
                                          datetime.datetime(2024, 3, 31, 14, 5, 9)]  # fmt: skip
    assert sheets["Odd"].rows[0][1] == ["bell\ufffdhere"]
