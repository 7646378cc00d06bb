"""A grant spread across districts in whole pounds that add up exactly, worked by hand."""

from decimal import Decimal

import pytest

from bluelight.hotspots.engine.grant import allocate


def test_floor_then_need_with_largest_remainders():
    # £100,000; floor £10,000 × 3 = £30,000; rest £70,000 by need 1 : 1 : 1 = £23,333.33… each:
    # whole pounds 23,333 × 3 = 69,999, £1 left goes to the largest fraction (all equal .333…), the
    # tie to the greater need (all equal), then by name: Basildon.
    shares = allocate(100_000, {"Basildon": 5, "Harlow": 5, "Colchester": 5}, floor=10_000)
    assert [(s.district, s.pounds) for s in shares] == [("Basildon", 33_334), ("Colchester", 33_333), ("Harlow", 33_333)]
    assert sum(s.pounds for s in shares) == 100_000


def test_in_proportion_to_need():
    # £1,000 no floor; need 353 : 347 : 0 → exact 504.2857…, 495.7142…, 0 → 504 + 495 = 999, the £1
    # left to the larger fraction .7142 (Brentwood)
    shares = allocate(1_000, {"Basildon": 353, "Brentwood": 347, "Harlow": 0})
    assert {s.district: s.pounds for s in shares} == {"Basildon": 504, "Brentwood": 496, "Harlow": 0}
    assert shares[0].exact == Decimal(1000) * 353 / 700
    assert shares[1].working == "£0 + 347 ÷ 700 × £1,000 = £495.7143 → £496"


@pytest.mark.parametrize("total", [0, 1, 7, 999_999, 1_234_567])
def test_always_adds_up(total):
    shares = allocate(total, {"A": Decimal("0.3"), "B": Decimal("0.3"), "C": Decimal("0.4"), "D": 2})
    assert sum(s.pounds for s in shares) == total


def test_refusals_name_the_problem():
    with pytest.raises(ValueError, match="less than the floor £10,000 for each of 3 districts"):
        allocate(20_000, {"A": 1, "B": 1, "C": 1}, floor=10_000)
    with pytest.raises(ValueError, match="need cannot be negative: B"):
        allocate(100, {"A": 1, "B": -1})
    with pytest.raises(ValueError, match="every district's need is 0"):
        allocate(100, {"A": 0, "B": 0})
