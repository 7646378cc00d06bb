"""The inter-service demand engine worked by hand: counts, minutes to on scene, before and after with a
seeded bootstrap and the Mann–Whitney U test, hours saved; the extract reader's refusals and duplicates."""

import io
from decimal import Decimal

import numpy as np
import pytest

from bluelight.demand.engine import measures, sources


def test_times_median_and_nearest_rank_centile():
    # 10 20 30 timed, one not: median 20; 90th centile ⌈0.9 × 3⌉ = 3rd = 30
    assert measures.times(np.array([30, 10, np.nan, 20])) == {"requests": 4, "timed": 3, "median": 20.0,
                                                               "centile_90": 30.0}  # fmt: skip
    assert measures.times(np.array([])) == {"requests": 0, "timed": 0, "median": None, "centile_90": None}
    assert measures.counts(["b", "a", "b"]) == {"a": 1, "b": 2}


def test_before_and_after_by_hand():
    # medians 2 and 5: a change of +3 minutes. Mann–Whitney U = 0 (every after is later): the exact
    # two-sided p is 2 × 1 / C(6,3) = 2 / 20 = 0.1.
    change = measures.before_after(np.array([1, 2, 3]), np.array([4, 5, 6]), seed=7, draws=500)
    assert change.difference == 3.0 and change.p_value == pytest.approx(0.1)
    # each resample's median is one of the values, so the interval lies within 4 − 3 = 1 and 6 − 1 = 5
    assert 1 <= change.low <= 3 <= change.high <= 5
    assert change.test.startswith("Mann–Whitney U")


def test_the_bootstrap_is_reproducible_with_its_seed_and_changes_with_another():
    rng = np.random.default_rng(1)
    before, after = rng.gamma(4, 5, 300), rng.gamma(4, 5, 300)
    one, two = measures.before_after(before, after, seed=11), measures.before_after(before, after, seed=11)
    other = measures.before_after(before, after, seed=12)
    assert (one.low, one.high) == (two.low, two.high)
    assert (one.low, one.high) != (other.low, other.high)


def test_no_real_change_gives_an_interval_containing_zero_and_a_real_one_does_not():
    rng = np.random.default_rng(2)
    before, after = rng.gamma(4, 5, 400), rng.gamma(4, 5, 400)  # the same process before and after
    same = measures.before_after(before, after, seed=3)
    assert same.contains_zero and same.p_value > 0.05
    faster = measures.before_after(before, after * 0.6, seed=3)  # 40% quicker after
    assert not faster.contains_zero and faster.high < 0 and faster.p_value < 0.001


def _shares(medians) -> dict[float, float]:
    found, times = np.unique(np.round(medians, 6), return_counts=True)
    return {float(v): n / len(medians) for v, n in zip(found, times, strict=True)}


def test_resampled_medians_fall_as_whole_resamples_do():
    rng = np.random.default_rng(5)
    # 3 values: a resample's median is 1 when at least two of its three draws are 1:
    # 3 × (1/3)² × (2/3) + (1/3)³ = 7/27; 3 likewise; 2 the rest, 13/27
    odd = _shares(measures._resampled_medians(rng, np.array([3.0, 1.0, 2.0]), 200_000))
    assert odd == pytest.approx({1.0: 7 / 27, 2.0: 13 / 27, 3.0: 7 / 27}, abs=0.005)
    # 2 values: (1,1) → 1, (1,2) or (2,1) → 1.5, (2,2) → 2
    two = _shares(measures._resampled_medians(rng, np.array([2.0, 1.0]), 200_000))
    assert two == pytest.approx({1.0: 0.25, 1.5: 0.5, 2.0: 0.25}, abs=0.005)
    # 4 values with a tie, against drawing every resample whole
    values = np.array([1.0, 2.0, 2.0, 7.0])
    whole = _shares(np.median(rng.choice(values, (200_000, 4)), axis=1))
    assert _shares(measures._resampled_medians(rng, values, 200_000)) == pytest.approx(whole, abs=0.006)


def test_too_few_timed_requests_give_no_interval():
    change = measures.before_after(np.array([5.0]), np.array([4.0, np.nan, 6.0]))
    assert change.difference is None and change.contains_zero is None and change.after["timed"] == 2


def test_hours_saved_at_the_stated_hours():
    # 10 gain entry × 2.5 hours = 25; transport has no stated hours, so none is claimed
    saved = measures.hours_saved({"gain_entry": 10, "transport": 4}, {"gain_entry": Decimal("2.5")})
    assert saved == {"gain_entry": Decimal("25.0")}


HEADER = "Ref,From,To,Their ref,Kind,Asked,Arrived\n"
MAPPING = {"requesting_reference": "Ref", "requesting_service": "From", "receiving_service": "To",
           "receiving_reference": "Their ref", "type": "Kind", "requested_at": "Asked", "on_scene_at": "Arrived",
           "accepted_at": "", "closed_at": "", "instead_of": "", "outcome": ""}  # fmt: skip


def _check(text):
    return sources.check(lambda: io.StringIO(text), MAPPING, {"EP", "ECFRS"})


def test_an_extract_is_read_by_its_mapping_with_duplicates_reported():
    text = HEADER + ("A1,EP,ECFRS,F9,Gain entry,2025-01-02 10:00,2025-01-02 10:12\n"
                     "A2,ep,ECFRS,,forced entry,2025-01-03 11:00,\n"
                     "A1,EP,ECFRS,F9,Gain entry,2025-01-02 10:00,2025-01-02 10:12\n")  # fmt: skip
    checked = _check(text)
    assert checked.ok and checked.rows == 3 and checked.duplicates == [(4, 2, "A1")]
    rows = list(sources.rows(lambda: io.StringIO(text), MAPPING, {"EP", "ECFRS"}, skip={4}))
    assert [(r["requesting_reference"], r["requesting_service"], r["type"]) for r in rows] == [
        ("A1", "EP", "gain_entry"), ("A2", "EP", "gain_entry")]  # fmt: skip
    assert rows[1]["on_scene_at"] is None


@pytest.mark.parametrize(("line", "message"), [
    ("A1,EP,NHS,,Gain entry,2025-01-02 10:00,", "row 2, column Receiving service: “NHS” is not a partner's short code (ECFRS, EP)"),
    ("A1,EP,ECFRS,,Carry,2025-01-02 10:00,", "row 2, column Type: “Carry” is not a type: Gain entry, Missing person search"),
    ("A1,EP,ECFRS,,Gain entry,yesterday,", "row 2, column Requested: “yesterday” is not a date and time"),
    ("A1,EP,ECFRS,,Gain entry,2025-01-02 10:00,2025-01-02 09:00", "row 2, column On scene: is before the request was made"),
    (",EP,ECFRS,,Gain entry,2025-01-02 10:00,", "row 2, column Requesting reference: is blank"),
])  # fmt: skip
def test_bad_rows_are_refused_with_row_column_and_reason(line, message):
    checked = _check(HEADER + line + "\n")
    assert not checked.ok and str(checked.refusals[0]).startswith(message)


def test_a_mapped_column_the_file_lacks_is_named():
    checked = sources.check(lambda: io.StringIO("Ref,From\n"), MAPPING, {"EP"})
    assert [str(r) for r in checked.refusals] == ["row 1, column To: this column is missing",
                                                  "row 1, column Kind: this column is missing",
                                                  "row 1, column Asked: this column is missing"]  # fmt: skip
