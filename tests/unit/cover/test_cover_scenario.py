"""A scenario read from the files users have (stations, incidents, a GIS team's travel matrix): bad rows
refused with their row and reason, and the hand-worked 3 stations × 10 incidents case end to end."""

import numpy as np
import pytest

from bluelight.cover import runner
from bluelight.cover.engine import sources, synthetic
from bluelight.evidence.engines import Refused

# The engine tests' case: travel minutes [station, incident]; turnout A 1, B 2, C 0.5.
TRAVEL = [[2, 4, 6, 8, 10, 12, 3, 5, 7, 20], [9, 7, 5, 3, 1, 2, 8, 6, 4, 10], [15, 14, 13, 12, 11, 10, 14, 13, 12, 6]]
STATIONS = ("Service,Name,Latitude,Longitude,Crewing,Turnout minutes,Role\n"
            "Ambulance,A,51.70,0.40,wholetime,1,open\n"
            "Fire,B,51.72,0.45,on-call,2,open\n"
            "Fire,C,51.75,0.50,standby,0.5,candidate\n")  # fmt: skip
INCIDENTS = "Reference,Date,Latitude,Longitude,Category,Service,District\n" + "".join(
    f"I{i + 1},2025-0{1 + i // 5}-0{1 + i % 5} 10:00,51.7,0.4,Category 1,{'Ambulance' if i < 7 else 'Fire'},"
    f"{'North' if i < 5 else 'South'}\n"
    for i in range(10)
)  # incidents 1-5 in January (North), 6-10 in February (South); span 1 January to 5 February: 36 days
MATRIX = "Origin,Destination,Minutes\n" + "".join(
    f"{station},I{i + 1},{minutes}\n" for station, row in zip("ABC", TRAVEL, strict=True) for i, minutes in enumerate(row)
)


def _run(stations=STATIONS, incidents=INCIDENTS, matrix=MATRIX, **parameters):
    uploads = [("stations.csv", stations.encode()), ("incidents.csv", incidents.encode())]
    roles = ["stations", "incidents"]
    if matrix is not None:
        uploads.append(("matrix.csv", matrix.encode()))
        roles.append("matrix")
    params = {"within": 8, "mean": 7, "centile": 15, "roles": roles} | parameters
    return runner.run(uploads, params, lambda step, percent: None)


def test_the_hand_worked_case_from_csv_files():
    outcome = _run(choose=1)
    result = outcome.result
    # A and B open: responses 3 5 7 5 3 4 4 6 6 12, mean 5.5, 90th centile 7, 9 of 10 within 8 (engine tests).
    assert result["before"]["overall"] == {"incidents": 10, "within": 9, "share_within": 0.9, "mean": 5.5,
                                           "centile_90": 7.0, "unreached": 0, "meets_mean": True, "meets_centile": True}  # fmt: skip
    # North 3 5 7 5 3: mean 4.6; South 4 4 6 6 12: mean 6.4, 4 of 5 within
    assert result["before"]["district"]["North"]["mean"] == pytest.approx(4.6)
    assert result["before"]["district"]["South"]["within"] == 4
    # By service: Ambulance incidents 1-7 (3 5 7 5 3 4 4: mean 31/7), Fire 8-10 (6 6 12: mean 8)
    assert result["before"]["service"]["Ambulance"]["mean"] == pytest.approx(31 / 7)
    assert result["before"]["service"]["Fire"]["mean"] == pytest.approx(8.0)
    # The one candidate, C, reaches incident 10 in 0.5 + 6 = 6.5: all 10 within, mean 49.5 / 10 = 4.95
    assert result["choice"]["chosen"] == ["C"] and result["choice"]["covered"] == 10 and result["newly_within"] == 1
    assert result["after"]["overall"]["mean"] == pytest.approx(4.95)
    # First to arrive before: A at 1 2 3 7 8 (5), B at 4 5 6 9 10 (5); after, C takes 10 from B
    firsts = {s["name"]: (s["first_before"], s["first_after"]) for s in result["station_rows"]}
    assert firsts == {"A": (5, 5), "B": (5, 4), "C": (0, 1)}
    assert result["span_days"] == 36
    assert "origin–destination matrix “matrix.csv”" in outcome.method["statement"]
    assert [f["taken"] for f in outcome.files] == [3, 10, 30]


def test_a_pair_the_matrix_leaves_out_is_not_reached():
    # Without B's and C's row for incident 10, only A reaches it, in 1 + 20 = 21 minutes.
    matrix = "\n".join(line for line in MATRIX.splitlines() if not line.startswith(("B,I10,", "C,I10,"))) + "\n"
    without_a = "\n".join(line for line in matrix.splitlines() if not line.startswith("A,I10,")) + "\n"
    assert _run(matrix=matrix).result["before"]["overall"]["centile_90"] == 7.0  # 9th of 3 3 4 4 5 5 6 6 7 21
    overall = _run(matrix=without_a).result["before"]["overall"]
    # nobody reaches incident 10: outside the standard, out of the mean (43 / 9), the centile still the 9th
    assert (overall["unreached"], overall["within"], overall["centile_90"]) == (1, 9, 7.0)
    assert overall["mean"] == pytest.approx(43 / 9)


@pytest.mark.parametrize(("part", "bad", "message"), [
    ("stations", STATIONS.replace("on-call,2", "sometimes,2"),
     "stations.csv: row 3, column Crewing: “sometimes” is not a crewing: wholetime, on-call, day-crewed or standby"),
    ("stations", STATIONS.replace("Fire,C", "Fire,A"), "stations.csv: row 4, column Name: “A” is on row 2 too"),
    ("stations", STATIONS.replace(",open", ",candidate"),
     "stations.csv: row 1, column Role: no station is open: mark the stations responding now as open"),
    ("incidents", INCIDENTS.replace("2025-01-03 10:00", "3rd Jan"),
     "incidents.csv: row 4, column Date: “3rd Jan” is not a date and time such as 2025-03-31 14:05"),
    ("incidents", INCIDENTS.replace("I4,", ","), "incidents.csv: row 5, column Reference: is blank"),
    ("matrix", MATRIX.replace("C,I10,6", "D,I10,6"),
     "matrix.csv: row 31, column Origin: “D” is not a station in the stations file"),
    ("matrix", MATRIX.replace("A,I1,2", "A,I1,-2"),
     "matrix.csv: row 2, column Minutes: “-2” is not a travel time in minutes (0 to 1,440)"),
])  # fmt: skip
def test_bad_rows_are_refused_with_row_and_reason(part, bad, message):
    with pytest.raises(Refused) as refused:
        _run(**{part: bad})
    assert any(p.startswith(message) for p in refused.value.problems), refused.value.problems


def test_without_a_matrix_the_estimate_is_stated_and_incidents_without_coordinates_are_counted():
    incidents = INCIDENTS.replace("I3,2025-01-03 10:00,51.7,0.4", "I3,2025-01-03 10:00,,")
    outcome = _run(incidents=incidents, matrix=None, speed=60, circuity=1.5)
    assert outcome.result["travel"] == ("Travel time estimated as straight-line distance × 1.5 (circuity) at 60 km/h; "
                                         "no road network was used.")  # fmt: skip
    assert outcome.result["incidents"] == 9 and outcome.result["set_aside"] == {"no coordinates": 1}


def test_the_synthetic_inputs_read_cleanly_and_say_what_they_are():
    stations = sources.read_stations("s.csv", synthetic.stations_csv())
    incidents = sources.read_incidents("i.csv", synthetic.incidents_csv(count=500), need_reference=True)
    assert all("(illustrative)" in name for name in stations.name) and len(incidents) == 500
    assert set(np.unique(stations.role)) == {"open", "candidate"}
    assert incidents.reference[0].startswith("SYN-")
