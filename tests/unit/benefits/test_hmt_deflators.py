"""Reading a deflator series in HM Treasury's published layout (rows as the workbook reader gives them)."""

from decimal import Decimal as D

import pytest

from bluelight.benefits.valuation.hmt_deflators import SeriesRefused, read_series

HEADER = ["Financial year", "GDP deflator at market prices (2023-24 = 100)", "Per cent change", "Money GDP £ million"]


def sheet(*body, header=HEADER):
    rows = [
        ["GDP deflators at market prices, and money GDP"],
        ["September 2024 (Quarterly National Accounts)"],
        header,
        *body,
    ]
    return [(number, cells) for number, cells in enumerate(rows, start=1)]


def test_title_release_reference_year_and_index_by_financial_year():
    series = read_series(sheet(["2022-23", D("94.5"), None, 2500000], ["2023-24", 100, D("5.8"), 2700000],
                               ["2024-25 (4)", "102.915", "2.9", 2800000], [], ["Notes"], ["2030-31", 1]))  # fmt: skip
    assert series.title == "GDP deflators at market prices, and money GDP"
    assert series.release == "September 2024 (Quarterly National Accounts)"
    assert series.reference_year == 2023
    # The projection's footnote mark is not part of the year; the notes under the table are not read.
    assert series.index == {2022: D("94.5"), 2023: D("100"), 2024: D("102.915")}


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ([["2023-24", 100], ["2023-24", 101]], "Row 5: 2023/24 appears twice"),
        ([["2023-24", None, 5]], "Row 4: 2023/24 has no index"),
        ([["2023-24", "n/a"]], "Row 4 (2023/24): the index is “n/a”, not a number"),
        ([["2023-24", 0]], "Row 4 (2023/24): the index must be a number above 0"),
        ([["2023-24", "100.1234567"]], "more than 6 decimal places"),
        ([["Notes"]], "holds no years"),
    ],
)
def test_a_bad_row_is_refused_naming_it(body, message):
    with pytest.raises(SeriesRefused, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_series(sheet(*body))


def test_a_sheet_not_in_the_layout_is_refused():
    with pytest.raises(SeriesRefused, match="No row is headed “Financial year”"):
        read_series([(1, ["Year", "Index"]), (2, ["2023", 100])])
    with pytest.raises(SeriesRefused, match="no GDP deflator column"):
        read_series(sheet(["2023-24", 100], header=["Financial year", "Money GDP"]))


def test_a_year_whose_second_half_does_not_follow_is_not_a_year():
    # "2023-25" is no financial year: it ends the table rather than being read as 2023/24.
    series = read_series(sheet(["2022-23", 95], ["2023-25", 100]))
    assert series.index == {2022: D("95")}
