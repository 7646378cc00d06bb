"""Cover measures worked by hand on 3 stations and 10 incidents; station choice against spopt's MCLP
and by hand; greedy never above the exact optimum and its stated gap true."""

import warnings

import numpy as np
import pulp
import pytest
from spopt.locate import MCLP

from bluelight.cover.engine.choose import fewest_for, greedy, mclp_exact, problem
from bluelight.cover.engine.measures import Standard, centile, measures
from bluelight.cover.engine.travel import Estimate, great_circle_km

# travel minutes [station, incident]; turnout A 1, B 2, C 0.5 (a wholetime, an on-call, a standby point)
TRAVEL = np.array([
    [2, 4, 6, 8, 10, 12, 3, 5, 7, 20],
    [9, 7, 5, 3, 1, 2, 8, 6, 4, 10],
    [15, 14, 13, 12, 11, 10, 14, 13, 12, 6],
], dtype=float)  # fmt: skip
TURNOUT = np.array([1.0, 2.0, 0.5])
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::FutureWarning", "ignore::UserWarning")


def test_first_arrival_mean_centile_and_share_by_hand():
    # A and B open. Response = turnout + travel; the first to arrive at each incident:
    # 1: A 3 | 2: A 5 | 3: A 7 vs B 7 → A (the first listed) 7 | 4: B 5 | 5: B 3 | 6: B 4 | 7: A 4 | 8: A 6
    # 9: B 6 | 10: B 12. Responses 3 5 7 5 3 4 4 6 6 12: sum 55, mean 5.5; sorted 3 3 4 4 5 5 6 6 7 12,
    # 90th centile by nearest rank: ⌈0.9 × 10⌉ = 9th = 7; within 8 minutes: 9 of 10.
    found = measures(TRAVEL, TURNOUT, [True, True, False], Standard(8, 7, 15))
    assert found["first"].tolist() == [0, 0, 0, 1, 1, 1, 0, 0, 1, 1]
    assert found["overall"] == {"incidents": 10, "within": 9, "share_within": 0.9, "mean": 5.5, "centile_90": 7.0,
                                "unreached": 0, "meets_mean": True, "meets_centile": True}  # fmt: skip
    # Opening C as well: incident 10 gets C at 0.5 + 6 = 6.5 instead of 12: sum 49.5, mean 4.95; all within 8.
    found = measures(TRAVEL, TURNOUT, [True, True, True], Standard(8, 7, 15))
    assert found["overall"]["mean"] == pytest.approx(4.95) and found["overall"]["within"] == 10


def test_measures_by_district():
    districts = np.array(["North"] * 5 + ["South"] * 5)
    found = measures(TRAVEL, TURNOUT, [True, True, False], Standard(8), {"district": districts})
    # North: 3 5 7 5 3 → mean 4.6, all within; South: 4 4 6 6 12 → mean 6.4, 4 of 5 within, centile ⌈4.5⌉ = 5th = 12
    assert found["district"]["North"]["mean"] == pytest.approx(4.6)
    assert (found["district"]["South"]["within"], found["district"]["South"]["centile_90"]) == (4, 12.0)


def test_nearest_rank_centile():
    assert centile(np.array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])) == 10  # ⌈9.9⌉ = 10th


def test_estimated_travel_states_its_assumption():
    estimate = Estimate(speed_kmh=60, circuity=1.5)
    # one degree of latitude is 111.2 km: × 1.5 ÷ 60 km/h = 2.78 h = 166.8 minutes
    minutes = estimate.minutes([51.0], [0.5], [52.0], [0.5])
    assert minutes[0, 0] == pytest.approx(great_circle_km([51.0], [0.5], [52.0], [0.5])[0, 0] * 1.5, rel=1e-12)
    assert minutes[0, 0] == pytest.approx(166.8, abs=0.1)
    assert estimate.words == "Travel time estimated as straight-line distance × 1.5 (circuity) at 60 km/h; no road network was used."


def test_choosing_by_hand():
    # Within 8 minutes of response (turnout + travel): A 3 5 7 9 11 13 4 6 8 21 covers 1 2 3 7 8 9; B 11 9 7 5 3 4
    # 10 8 6 12 covers 3 4 5 6 8 9; C covers 10 alone (0.5 + 6).
    covers = (TRAVEL + TURNOUT[:, None] <= 8).T
    p = problem(covers, np.ones(10), np.zeros(10, bool))
    assert mclp_exact(p, 1).covered == 6 and mclp_exact(p, 1).chosen in ([0], [1])  # A or B alone: 6
    assert mclp_exact(p, 2).covered == 9 and mclp_exact(p, 2).chosen == [0, 1]  # A and B: 9 (3, 8, 9 twice)
    assert fewest_for(p, 0.9, 10).chosen == [0, 1]  # 90%: A and B
    assert fewest_for(p, 1.0, 10).chosen == [0, 1, 2]
    with pytest.raises(ValueError, match="short of 100%"):
        fewest_for(problem(covers[:, :2], np.ones(10), np.zeros(10, bool)), 1.0, 10)


@pytest.mark.parametrize("seed", range(6))
def test_mclp_equals_spopt_and_greedy_never_beats_it(seed):
    rng = np.random.default_rng(seed)
    cost = rng.uniform(0, 20, (60, 12))  # incidents × candidates, minutes
    weights = rng.integers(1, 5, 60).astype(float)
    ours = mclp_exact(problem(cost <= 7, weights, np.zeros(60, bool)), 3)
    theirs = MCLP.from_cost_matrix(cost, weights, service_radius=7, p_facilities=3)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs.solve(pulp.PULP_CBC_CMD(msg=False))
    assert ours.covered == pytest.approx(pulp.value(theirs.problem.objective))
    fast = greedy(problem(cost <= 7, weights, np.zeros(60, bool)), 3)
    assert fast.covered <= ours.covered + 1e-9
    assert ours.covered - fast.covered <= fast.gap + 1e-9
