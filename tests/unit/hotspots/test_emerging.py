"""Emerging hot spot patterns, each from a cell's months worked out by hand (the rules are in
docs/method-hotspots.md)."""

import numpy as np
import pytest

from bluelight.hotspots.engine.emerging import emerging, footprint, pattern_name, patterns_of

H, C, _ = "H", "C", "."


def _pattern(months: str, trend: float = 0.0, significant: bool = False) -> str:
    hot = np.array([[m == H for m in months]])
    cold = np.array([[m == C for m in months]])
    return pattern_name(int(patterns_of(hot, cold, np.array([trend]), np.array([significant]))[0]))


@pytest.mark.parametrize(
    "months, trend, significant, expected",
    [
        ("..........", 0, False, "No pattern"),
        (".........H", 0, False, "New hot spot"),
        ("......HHHH", 2.5, True, "Consecutive hot spot"),  # 4 of 10 hot, a run to the end, none before
        ("HHHHHHHHHH", 0.3, False, "Persistent hot spot"),
        ("HHHHHHHHHH", 2.5, True, "Intensifying hot spot"),
        ("HHHHHHHHHH", -2.5, True, "Diminishing hot spot"),
        (".HHHHHHHHH", 0, False, "Persistent hot spot"),  # 9 of 10 is 90 per cent
        ("HHHHHHHHH.", 0, False, "Historical hot spot"),  # 90 per cent hot, but not the last month
        ("H..H...H.H", 0, False, "Sporadic hot spot"),
        ("HH.H...HHH", 0, False, "Sporadic hot spot"),  # a run to the end, but hot before it too
        ("C..H...H.H", 0, False, "Oscillating hot spot"),  # hot now, cold once before
        ("H........H", 0, False, "Sporadic hot spot"),
        ("H.........", 0, False, "No pattern"),  # hot once, long ago
        (".........C", 0, False, "New cold spot"),
        ("CCCCCCCCCC", -2.5, True, "Intensifying cold spot"),  # colder and colder
        ("H..C...C.C", 0, False, "Oscillating cold spot"),
    ],
)
def test_patterns_by_hand(months, trend, significant, expected):
    assert _pattern(months, trend, significant) == expected


def test_the_space_time_footprint_reads_this_month_and_the_one_before_never_the_next():
    cube = footprint(1.5, 1)
    assert cube.shape == (3, 3, 3)
    assert cube[0].sum() == 9 and cube[1].sum() == 9 and cube[2].sum() == 0


def test_a_hotspot_that_grows_month_on_month_is_intensifying():
    rng = np.random.default_rng(3)
    cube = rng.poisson(1.0, size=(12, 30, 30)).astype(float)
    cube[:, 15, 15] += np.arange(12) * 4 + 10  # hot throughout, and more so each month
    cube[-1, 5, 25] += 40  # hot in the last month alone
    result = emerging(cube, 1.5)
    assert pattern_name(int(result["pattern"][15, 15])) == "Intensifying hot spot"
    assert pattern_name(int(result["pattern"][5, 25])) == "New hot spot"
    assert result["trend_z"][15, 15] > 3
    assert pattern_name(int(result["pattern"][25, 3])) == "No pattern"
