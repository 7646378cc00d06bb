"""Writes sample.xlsx and sample.csv: TEST DATA in the layout of HM Treasury's "GDP deflators at market
prices, and money GDP" (title, release, a header row from "Financial year", projections marked with a
footnote, notes under the table). The figures are made up for the tests, not HM Treasury's.

Run from the repository root: .venv/bin/python tests/data/deflators/make_sample.py
"""

import csv
from pathlib import Path

import openpyxl

HERE = Path(__file__).parent
TITLE = "TEST DATA: GDP deflators at market prices, and money GDP (made-up figures, not HM Treasury's)"
RELEASE = "March 2026 (test release)"
HEADER = ["Financial year", "GDP deflator at market prices (2023-24 = 100)", "Per cent change on previous year",
          "Money GDP £ million", "Per cent change on previous year"]  # fmt: skip
INDEX = [("2013-14", "78.000"), ("2014-15", "79.000"), ("2015-16", "80.000"), ("2016-17", "81.600"),
         ("2017-18", "83.200"), ("2018-19", "84.800"), ("2019-20", "86.400"), ("2020-21", "91.000"),
         ("2021-22", "90.500"), ("2022-23", "95.000"), ("2023-24", "100.000"), ("2024-25", "103.000"),
         ("2025-26 (1)", "105.500"), ("2026-27 (1)", "107.600")]  # fmt: skip
NOTES = ["(1) Projections. TEST DATA.", "Source: made up for Bluelight's tests; not an HM Treasury release."]


def rows():
    yield [TITLE]
    yield [RELEASE]
    yield []
    yield HEADER
    previous = None
    for number, (year, index) in enumerate(INDEX):
        value = float(index)
        change = "" if previous is None else round((value / previous - 1) * 100, 1)
        yield [year, value, change, 1_800_000 + 60_000 * number, "" if previous is None else 3.3]
        previous = value
    yield []
    for note in NOTES:
        yield [note]


def main():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "GDP deflators"
    for row in rows():
        sheet.append(row)
    book.save(HERE / "sample.xlsx")
    with (HERE / "sample.csv").open("w", newline="", encoding="utf-8") as out:
        csv.writer(out).writerows(rows())


if __name__ == "__main__":
    main()
