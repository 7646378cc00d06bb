import re

import pytest

from bluelight.governance import risk


def test_score_is_likelihood_times_impact_and_banded():
    assert risk.score(3, 4) == 12 and risk.band(12) == "Medium"
    assert risk.score(3, 5) == 15 and risk.band(15) == "High"
    assert risk.score(2, 2) == 4 and risk.band(4) == "Low"
    with pytest.raises(ValueError, match="1 to 5"):
        risk.score(6, 1)


def test_movement_since_the_last_meeting_in_words():
    assert risk.Movement(12, 16).words == "Up from 12"
    assert risk.Movement(16, 9).words == "Down from 16"
    assert risk.Movement(16, 16).words == "No change"
    assert risk.Movement(None, 16).words == "New since the last meeting"


def test_heat_map_counts_by_hand():
    # Five risks: two at likelihood 4 × impact 4, one at 3 × 5, one at 2 × 3 and one at 1 × 1.
    positions = [(4, 4), (3, 5), (4, 4), (2, 3), (1, 1)]
    counts = risk.heat_map_counts(positions)
    assert len(counts) == 25
    assert counts[(4, 4)] == 2 and counts[(3, 5)] == 1 and counts[(2, 3)] == 1 and counts[(1, 1)] == 1
    assert sum(counts.values()) == 5
    assert counts[(5, 5)] == 0


def test_heat_map_svg_shows_every_count_as_a_number():
    counts = risk.heat_map_counts([(4, 4), (4, 4), (3, 5)])
    svg = risk.heat_map_svg(counts, "Open risks")
    numbers = re.findall(r'font-weight="bold" fill="#[0-9a-f]+">(\d+)</text>', svg)
    assert len(numbers) == 25  # one per cell, zeros included
    assert sorted(int(n) for n in numbers)[-2:] == [1, 2]
    assert "<title id=\"heat-title\">Open risks</title>" in svg and "3 risks" in svg
