"""The derived change between two periods' ratings, each case worked out by hand."""

import pytest

from bluelight.core.scales import FIVE_POINT, NOT_GRADED, THREE_POINT, rationale_required
from bluelight.status.rag import (
    Movement,
    compare_periods,
    derive_change,
)


@pytest.mark.parametrize(
    ("current", "previous", "movement", "label"),
    [
        ("green", None, Movement.NEW, "New this period"),  # not reported last period
        ("amber", "amber", Movement.UNCHANGED, "No change"),
        ("green", "amber", Movement.IMPROVED, "Previously Amber"),  # moved up
        ("amber", "green", Movement.WORSENED, "Previously Green"),  # moved down (Mental Health, 2023)
        ("red", "green", Movement.WORSENED, "Previously Green"),
        ("green", NOT_GRADED, Movement.FIRST_GRADED, "Previously not graded"),  # ERIN, 2023
        (NOT_GRADED, "amber", Movement.NO_LONGER_GRADED, "Previously Amber"),
        (NOT_GRADED, NOT_GRADED, Movement.UNCHANGED, "No change"),
    ],
)
def test_change_on_the_three_point_scale(current, previous, movement, label):
    change = derive_change(current, previous, THREE_POINT)
    assert change.movement is movement
    assert change.label == label


def test_five_point_scale_orders_amber_green_between_green_and_amber():
    # Amber/Green is rank 1, Amber rank 2: Amber -> Amber/Green is an improvement.
    assert derive_change("amber_green", "amber", FIVE_POINT).movement is Movement.IMPROVED
    assert derive_change("amber_red", "amber", FIVE_POINT).movement is Movement.WORSENED
    assert derive_change("amber_red", "amber", FIVE_POINT).label == "Previously Amber"
    assert FIVE_POINT.label("amber_green") == "Amber/Green"


def test_only_green_needs_no_rationale():
    assert not rationale_required("green")
    assert rationale_required("amber")
    assert rationale_required("red")
    assert rationale_required(NOT_GRADED)


def test_scale_refuses_a_rating_from_the_other_scale():
    assert not THREE_POINT.allows("amber_green")
    assert FIVE_POINT.allows("amber_green")
    assert THREE_POINT.allows(NOT_GRADED)


def test_compare_periods_counts_moves_and_drop_outs():
    # 2022: a Green, b Green, c Amber, d Green. 2023: a Green, b Amber, c Amber, e Red (new).
    previous = {"a": "green", "b": "green", "c": "amber", "d": "green"}
    current = {"a": "green", "b": "amber", "c": "amber", "e": "red"}
    result = compare_periods(current, previous, THREE_POINT, stages={"d": ("closed", "done")})
    assert result.reported == 4
    assert result.previously_reported == 4
    assert result.counts == {"green": 1, "amber": 2, "red": 1}  # in scale order, best first
    assert list(result.counts) == ["green", "amber", "red"]
    assert result.moved(Movement.WORSENED) == ["b"]
    assert result.moved(Movement.NEW) == ["e"]
    assert result.moved(Movement.UNCHANGED) == ["a", "c"]
    assert [(g.key, g.previous, g.stage, g.reason) for g in result.no_longer_reported] == [
        ("d", "green", "closed", "done")
    ]


def test_first_period_has_no_previous():
    result = compare_periods({"a": "green"}, None, THREE_POINT)
    assert result.previously_reported is None
    assert result.no_longer_reported == ()
    assert result.changes["a"].movement is Movement.NEW
