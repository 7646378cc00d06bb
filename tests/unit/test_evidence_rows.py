"""Rows of an evidence file, as police.uk publishes them: taken whole, or refused whole by row and reason."""

import datetime
from decimal import Decimal

from bluelight.evidence import rows

HEADER = ("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,"
          "Last outcome category,Context")  # fmt: skip
CRIME = [
    rows.Column("Month", rows.month), rows.Column("Longitude", rows.longitude, required=False),
    rows.Column("Latitude", rows.latitude, required=False), rows.Column("LSOA name", rows.text, required=False),
    rows.Column("Crime type", rows.text),
]  # fmt: skip


def _no_coordinates(row):
    return "no coordinates" if row["Latitude"] is None or row["Longitude"] is None else None


def _file(*lines: str) -> bytes:
    return ("\ufeff" + "\n".join([HEADER, *lines]) + "\n").encode("utf-8")


def test_rows_without_coordinates_are_counted_not_dropped_in_silence():
    loaded = rows.read_rows(_file(
        "a1,2024-03,Essex Police,Essex Police,0.468,51.736,On or near High St,E01021298,Chelmsford 001A,Burglary,,",
        ",2024-03,Essex Police,Essex Police,,,No location,,,Anti-social behaviour,,",
        "a3,2024-04,Essex Police,Essex Police,0.470,51.737,On or near Mill Rd,E01021299,Chelmsford 001B,Arson,,",
    ), CRIME, skip=_no_coordinates)  # fmt: skip
    assert loaded.ok
    # Three rows: two kept, one set aside and counted under its reason.
    assert [(r["Month"], r["LSOA name"], r["Crime type"]) for r in loaded.rows] == [
        (datetime.date(2024, 3, 1), "Chelmsford 001A", "Burglary"),
        (datetime.date(2024, 4, 1), "Chelmsford 001B", "Arson"),
    ]
    assert loaded.rows[0]["Latitude"] == Decimal("51.736")
    assert dict(loaded.skipped) == {"no coordinates": 1}


def test_a_bad_file_is_refused_whole_naming_each_row_and_column():
    loaded = rows.read_rows(_file(
        "a1,2024-03,Essex Police,Essex Police,0.468,51.736,x,E01021298,Chelmsford 001A,Burglary,,",
        "a2,March 2024,Essex Police,Essex Police,0.468,951.7,x,E01021298,Chelmsford 001A,Burglary,,",
        "a3,2024-04,Essex Police,Essex Police,0.470,51.737,x,E01021299,Chelmsford 001B,,,",
    ), CRIME, skip=_no_coordinates)  # fmt: skip
    assert not loaded.ok and loaded.rows == []  # nothing kept while anything is wrong
    assert [str(r) for r in loaded.refused] == [
        "row 3, column Month: “March 2024” is not a month such as 2024-03",
        "row 3, column Latitude: “951.7” is not a latitude (−90 to 90)",
        "row 4, column Crime type: is blank; it must be filled in",
    ]


def test_a_missing_column_or_a_file_that_is_not_utf8_is_refused_at_row_1():
    missing = rows.read_rows(b"Month,Longitude,Latitude\n2024-03,0.4,51.7\n", CRIME)
    assert [str(r) for r in missing.refused] == ["row 1, column Crime type: this column is missing"]
    latin = rows.read_rows("Month,Crime type\n2024-03,Vol à l'étalage\n".encode("latin-1"), CRIME[:1])
    assert [str(r) for r in latin.refused] == ["row 1: the file is not UTF-8 text: save it as “CSV UTF-8”"]
