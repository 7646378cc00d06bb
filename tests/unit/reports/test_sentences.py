"""The executive summary's sentences, from hand-made comparisons."""

from bluelight.core.scales import NOT_GRADED, THREE_POINT
from bluelight.reports.sentences import join_names, previous_paragraph, reported_paragraph
from bluelight.status.rag import compare_periods

TITLES = {"a": "Alpha", "b": "Bravo", "c": "Charlie", "d": "Delta", "e": "Echo", "f": "Foxtrot"}


def test_join_names():
    assert join_names(["A"]) == "A"
    assert join_names(["A", "B"]) == "A and B"
    assert join_names(["A", "B", "C"]) == "A, B and C"


def test_counts_and_a_move_down():
    # 3 reported: 2 Green, 1 Amber; Bravo went Green -> Amber.
    comparison = compare_periods(
        {"a": "green", "b": "amber", "c": "green"}, {"a": "green", "b": "green", "c": "green"}, THREE_POINT
    )
    assert reported_paragraph(comparison, THREE_POINT, TITLES, "2022") == [
        "3 collaborative workstreams are reported.",
        "Of these, 2 are rated Green and 1 is rated Amber.",
        "1 of the 1 rated Amber has moved from Green to Amber in this reporting period: Bravo.",
    ]


def test_moves_up_new_and_first_graded():
    comparison = compare_periods(
        {"a": "green", "b": "green", "c": "green", "d": "red"},
        {"a": "amber", "b": "amber", "c": NOT_GRADED},
        THREE_POINT,
    )
    sentences = reported_paragraph(comparison, THREE_POINT, TITLES, "2022")
    assert "Of these, 3 are rated Green and 1 is rated Red." in sentences
    assert (
        "2 of the 3 rated Green have moved from Amber to Green in this reporting period: Alpha and Bravo." in sentences
    )
    assert "Charlie was not graded in 2022 and is graded this period." in sentences
    assert "Reported for the first time: Delta." in sentences


def test_nothing_moved():
    comparison = compare_periods({"a": "green"}, {"a": "green"}, THREE_POINT)
    assert reported_paragraph(comparison, THREE_POINT, TITLES, "2022")[-1] == (
        "No workstream has moved between ratings since 2022."
    )


def test_no_longer_reported_with_reasons():
    comparison = compare_periods(
        {"a": "green"},
        {"a": "green", "e": "green", "f": "amber"},
        THREE_POINT,
        stages={
            "e": ("closed", "it was formally closed in May 2023"),
            "f": ("paused", "the next survey is years away"),
        },
    )
    assert previous_paragraph(comparison, TITLES, "2022") == [
        "At the previous time of reporting (2022), we reported on 3 collaborative workstreams.",
        "Those that are no longer reported on are Echo and Foxtrot.",
        "Echo has been completed and closed: it was formally closed in May 2023.",
        "Foxtrot is paused: the next survey is years away.",
    ]


def test_first_period():
    comparison = compare_periods({"a": "green"}, None, THREE_POINT)
    assert previous_paragraph(comparison, TITLES, None) == [
        "This is the first reporting period recorded for the programme."
    ]
    assert reported_paragraph(comparison, THREE_POINT, TITLES, None) == [
        "1 collaborative workstream is reported.",
        "Of these, 1 is rated Green.",
    ]
