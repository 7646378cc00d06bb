"""Invariants of the period comparison, for any two periods' ratings (hypothesis)."""

from hypothesis import given
from hypothesis import strategies as st

from bluelight.core.scales import FIVE_POINT, NOT_GRADED, THREE_POINT
from bluelight.status.rag import Movement, compare_periods, derive_change

ratings = st.sampled_from([code for code, _ in FIVE_POINT.choices()])
periods = st.dictionaries(st.sampled_from([f"w{i}" for i in range(12)]), ratings, max_size=12)


@given(periods, st.one_of(st.none(), periods))
def test_counts_add_up_and_every_drop_out_is_listed(current, previous):
    result = compare_periods(current, previous, FIVE_POINT)
    assert sum(result.counts.values()) == result.reported == len(current)
    assert set(result.changes) == set(current)
    gone = {item.key for item in result.no_longer_reported}
    assert gone == set(previous or {}) - set(current)
    new = set(result.moved(Movement.NEW))
    assert new == set(current) - set(previous or {})


@given(ratings, ratings)
def test_a_move_one_way_is_the_opposite_move_the_other_way(a, b):
    there, back = derive_change(a, b, FIVE_POINT), derive_change(b, a, FIVE_POINT)
    opposite = {
        Movement.IMPROVED: Movement.WORSENED, Movement.WORSENED: Movement.IMPROVED,
        Movement.UNCHANGED: Movement.UNCHANGED, Movement.FIRST_GRADED: Movement.NO_LONGER_GRADED,
        Movement.NO_LONGER_GRADED: Movement.FIRST_GRADED,
    }  # fmt: skip
    assert back.movement is opposite[there.movement]
    assert (there.label == "No change") == (a == b)


@given(st.sampled_from(["green", "amber", "red", NOT_GRADED]))
def test_labels_name_the_previous_rating_in_words(previous):
    change = derive_change("red" if previous != "red" else "green", previous, THREE_POINT)
    expected = "Previously not graded" if previous == NOT_GRADED else f"Previously {THREE_POINT.label(previous)}"
    assert change.label == expected
