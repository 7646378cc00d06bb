"""The chance of reaching a target stated honestly, discounting from an appraisal year, and the expected and
risk-adjusted values of a line, each worked by hand."""

from decimal import Decimal as D

import numpy as np
import pytest

from bluelight.benefits.valuation.appraisal import appraise
from bluelight.benefits.valuation.chances import state
from bluelight.benefits.valuation.discounting import discounted
from bluelight.benefits.valuation.profile import BenefitLine, total
from bluelight.benefits.valuation.simulation import simulate


def test_a_small_chance_is_less_than_1_percent_with_its_figure_to_two_significant_figures():
    found = state(7, 20_000, target=100, lowest=50, highest=120)
    assert (found.words, found.figure, found.detail) == ("less than 1%", "0.035%", "7 of 20,000 draws: 0.035%")
    none = state(0, 20_000, target=100, lowest=50, highest=120)  # possible, though no draw reached it
    assert (none.words, none.figure) == ("less than 1%", "none of 20,000 draws")


def test_a_large_chance_is_more_than_99_percent():
    found = state(19_993, 20_000, target=100, lowest=50, highest=120)  # 7 short: 100 - 0.035
    assert (found.words, found.figure) == ("more than 99%", "99.965%")
    every = state(20_000, 20_000, target=100, lowest=50, highest=120)
    assert (every.words, every.figure) == ("more than 99%", "all 20,000 draws")


def test_0_and_100_percent_only_when_the_ranges_make_it_so():
    short = state(0, 1000, target=100, lowest=50, highest=99.99)  # even every high falls short
    assert (short.words, short.certain) == ("0%", True)
    sure = state(1000, 1000, target=100, lowest=100, highest=120)  # even every low reaches it
    assert (sure.words, sure.certain) == ("100%", True)
    middle = state(9_304, 10_000, target=100, lowest=50, highest=120)
    assert (middle.words, middle.figure) == ("93%", "93%")  # 93.04% to the whole per cent and to 2 figures
    assert state(151, 10_000, target=100, lowest=50, highest=120).figure == "1.5%"


def test_simulated_chances_never_say_0_or_100_percent_unless_every_draw_does():
    rng = np.random.default_rng(5)
    for _ in range(200):
        central = rng.uniform(0, 100, size=(4, 3))
        low, high = central * rng.uniform(0.3, 1, size=central.shape), central * rng.uniform(1, 2, size=central.shape)
        result = simulate(low, central, high, draws=500, seed=int(rng.integers(1000)))
        target = float(rng.uniform(result.lowest * 0.9, result.highest * 1.1))
        found = state(result.reaching(target), result.draws, target=target, lowest=result.lowest,
                      highest=result.highest)  # fmt: skip
        if found.words == "0%":
            assert result.reaching(target) == 0 and result.highest < target
        if found.words == "100%":
            assert result.reaching(target) == result.draws and result.lowest >= target


def test_discounting_from_the_appraisal_year_excludes_or_compounds_earlier_years():
    by_year = {2017: D("1000"), 2018: D("1035"), 2019: D("1071.225")}
    # Year 0 in 2018/19: 1,035 now, 1,071.225 / 1.035 = 1,035 a year later; 2017/18's 1,000 is a year before.
    left_out = discounted(by_year, 2018, "exclude")
    assert (left_out.present_value, left_out.earlier) == (D("2070"), D("1000"))
    brought = discounted(by_year, 2018, "compound")  # 1,000 x 1.035 = 1,035 more
    assert round(brought.present_value, 6) == D("3105") and brought.earlier == D("1000")
    with pytest.raises(ValueError, match="either excluded or compounded"):
        discounted(by_year, 2018, "ignore")


def test_an_appraisal_with_a_cost_before_year_0():
    # A cost of 1,000 a year before year 0; benefits of 1,035 in year 1.
    left_out = appraise({1: D("1035")}, {-1: D("1000")})
    assert (left_out.pv_benefits, left_out.pv_costs) == (D("1000"), D("0"))  # the sunk cost is left out
    brought = appraise({1: D("1035")}, {-1: D("1000")}, before="compound")
    assert brought.pv_costs == D("1035") and round(brought.npv, 6) == D("-35")  # 1,000 x 1.035 against 1,000
    assert brought.payback_year is None


def test_expected_and_risk_adjusted_values_of_a_line():
    line = BenefitLine("a", central={2020: D("100"), 2021: D("100")}, low={2020: D("40"), 2021: D("40")},
                       high={2020: D("130"), 2021: D("130")}, actuals={2021: D("90")}, correction=D("0.7"))  # fmt: skip
    assert line.value(2020, "expected") == D("90")  # (40 + 100 + 130) / 3
    assert line.value(2020, "risk_adjusted") == D("70.0")  # 100 x (1 - 30%)
    assert line.value(2021, "expected") == line.value(2021, "risk_adjusted") == D("90")  # an actual is measured
    assert total([line], "expected") == D("180") and total([line], "risk_adjusted") == D("160.0")
