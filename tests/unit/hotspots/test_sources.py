"""Reading police.uk and incident CSVs: bad files refused with row and reason, districts from LSOA names."""

import zipfile

import pytest

from bluelight.hotspots.engine.sources import Refused, district_of, files_in, read

HEADER = ("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,"
          "Last outcome category,Context\n")  # fmt: skip
GOOD = "abc,2025-03,Essex Police,Essex Police,0.4712,51.5761,On or near High Street,E01021600,Basildon 016C,Burglary,,\n"


def _refusal(text: str) -> str:
    with pytest.raises(Refused) as caught:
        read([("march.csv", text.encode())])
    return str(caught.value)


def test_a_good_police_uk_file_is_read_with_its_district():
    points = read([("march.csv", (HEADER + GOOD).encode())])
    assert len(points) == 1
    assert points.district.tolist() == ["Basildon"]
    assert points.month.tolist() == ["2025-03"]
    assert points.files[0]["format"] == "police.uk street-level crime"


def test_a_missing_column_is_refused_naming_it():
    text = HEADER.replace(",Crime type", "") + GOOD.replace(",Burglary", "")
    assert _refusal(text) == "march.csv: row 1, column Crime type: this column is missing"


def test_a_bad_month_is_refused_with_its_row():
    text = HEADER + GOOD + GOOD.replace("2025-03", "March 2025")
    assert _refusal(text) == "march.csv: row 3, column Month: “March 2025” is not a month such as 2024-03"


def test_coordinates_out_of_range_are_refused_with_their_row():
    text = HEADER + GOOD + GOOD + GOOD.replace("51.5761", "151.5761")
    assert _refusal(text) == "march.csv: row 4, column Latitude: “151.5761” is not a latitude (−90 to 90)"


@pytest.mark.parametrize("name, district", [("Basildon 016C", "Basildon"), ("Castle Point 001A", "Castle Point"),
                                            ("Southend-on-Sea 012B", "Southend-on-Sea"), ("", "Unknown")])  # fmt: skip
def test_the_district_is_the_lsoa_names_prefix(name, district):
    assert district_of(name) == district


def test_an_incidents_csv_of_deliberate_fires_is_read(tmp_path):
    csv = "Date,Latitude,Longitude,Category\n2025-03-02,51.57,0.47,Deliberate secondary fire\n2025-03-09,,,Deliberate car fire\n"
    (tmp_path / "fires.csv").write_text(csv)
    points = read(files_in(tmp_path / "fires.csv"))
    assert points.category.tolist() == ["Deliberate secondary fire"]
    assert points.skipped == {"no coordinates": 1}
    assert points.files[0]["format"] == "incidents"


def test_a_zip_of_months_is_read_file_by_file(tmp_path):
    with zipfile.ZipFile(tmp_path / "essex.zip", "w") as archive:
        archive.writestr("2025-03/2025-03-essex-street.csv", HEADER + GOOD)
        archive.writestr("2025-04/2025-04-essex-street.csv", HEADER + GOOD.replace("2025-03", "2025-04") * 2)
    points = read(files_in(tmp_path / "essex.zip"))
    assert [f["taken"] for f in points.files] == [1, 2]
    assert sorted(points.month.tolist()) == ["2025-03", "2025-04", "2025-04"]


def test_a_zip_with_no_csv_is_refused(tmp_path):
    with zipfile.ZipFile(tmp_path / "empty.zip", "w") as archive:
        archive.writestr("notes.txt", "nothing")
    with pytest.raises(Refused, match="there is no CSV file in it"):
        read(files_in(tmp_path / "empty.zip"))
