"""The valuation engine, each figure worked out by hand in the comment beside it."""

from decimal import Decimal as D

import numpy as np
import pytest

from bluelight.benefits.valuation import gmca
from bluelight.benefits.valuation.appraisal import appraise
from bluelight.benefits.valuation.deflate import DeflatorSeries, to_price_base
from bluelight.benefits.valuation.discounting import discount_factor
from bluelight.benefits.valuation.profile import BenefitLine, against_target, cumulative_profile, total, totals_by
from bluelight.benefits.valuation.simulation import simulate
from bluelight.core import years


def test_deflating_a_2015_16_unit_cost_to_the_price_base():
    # A made-up series for the test: index 80 in 2015/16, 100 in 2023/24 (the price base).
    series = DeflatorSeries("test series", "test", {2015: D("80"), 2023: D("100")})
    # Violence with injury, £14,050 in 2015/16 prices: 14,050 x 100 / 80 = 17,562.50
    assert to_price_base(D("14050"), 2015, 2023, series) == D("17562.50")
    with pytest.raises(ValueError, match="no index for 2019/20"):
        to_price_base(D("1"), 2019, 2023, series)


def test_green_book_discount_factors():
    assert discount_factor(0) == 1
    # 1 / 1.035 = 0.966184 (to six places)
    assert round(discount_factor(1), 6) == D("0.966184")
    # 1.035^10 = 1.410599, 1 / 1.410599 = 0.708919
    assert round(discount_factor(10), 6) == D("0.708919")
    # Year 31 is in the 3.0% band: 1 / (1.035^30 x 1.03) = 1 / (2.806794 x 1.03) = 1 / 2.890998 = 0.345901
    assert round(discount_factor(31), 6) == D("0.345901")
    # Health schedule, 1.5%: 1 / 1.015 = 0.985222
    assert round(discount_factor(1, "health"), 6) == D("0.985222")


def test_npv_bcr_and_payback_of_a_small_case():
    # Costs £1,500 now; benefits £1,035 in year 1 and £1,071.225 in year 2.
    # PV of benefits: 1,035 / 1.035 + 1,071.225 / 1.035^2 = 1,000 + 1,000 = 2,000
    result = appraise({1: D("1035"), 2: D("1071.225")}, {0: D("1500")})
    assert round(result.pv_benefits, 6) == D("2000")
    assert result.pv_costs == D("1500")
    assert round(result.npv, 6) == D("500")  # 2,000 - 1,500
    assert round(result.bcr, 4) == D("1.3333")  # 2,000 / 1,500
    # Discounted net to date: year 0 -1,500; year 1 -500; year 2 +500 -> pays back in year 2
    assert result.payback_year == 2
    assert appraise({1: D("10")}, {}).bcr is None


def test_gmca_chain_with_deadweight_attribution_and_optimism_bias():
    adjustments = gmca.Adjustments(deadweight=D("0.20"), attribution=D("0.50"), optimism_bias=D("0.10"))
    steps = gmca.working(D("10"), D("14050"), adjustments)
    # 10 x 14,050 = 140,500; x (1 - 0.20) = 112,400; x 0.50 = 56,200; x (1 - 0.10) = 50,580
    assert [s.value for s in steps] == [D("140500"), D("112400.00"), D("56200.0000"), D("50580.000000")]
    assert [s.description for s in steps] == [
        "10 x £14,050 unit cost", "less 20% deadweight", "x 50% attribution", "less 10% optimism bias",
    ]  # fmt: skip
    with pytest.raises(ValueError, match="volume cannot be negative"):
        gmca.value(D("-1"), D("10"), adjustments)
    with pytest.raises(ValueError, match="deadweight must be between 0% and 100%"):
        gmca.Adjustments(deadweight=D("1.2"), attribution=D("1"), optimism_bias=D("0"))


def test_a_signed_off_actual_replaces_the_forecast():
    line = BenefitLine("a", central={2023: D("100"), 2024: D("100")}, low={2023: D("50")}, actuals={2023: D("80")})
    assert line.total() == D("180")  # 80 actual + 100 forecast
    assert line.value(2023, "low") == D("80")  # an actual is no longer uncertain
    points = cumulative_profile([line], [2023, 2024])
    assert [(p.year, p.annual, p.cumulative, p.actual_share) for p in points] == [
        (2023, D("80"), D("80"), D("80")),
        (2024, D("100"), D("180"), D("0")),
    ]


def test_benefits_rag_against_target():
    # Essex: £14.266m profiled against a £15.4m minimum target = 0.92636... -> 0.926, Amber
    status = against_target(D("14266000"), D("15400000"))
    assert (status.ratio, status.rag) == (D("0.926"), "amber")
    assert against_target(D("15400000"), D("15400000")).rag == "green"  # 100% is Green
    assert against_target(D("13860000"), D("15400000")).rag == "amber"  # exactly 90%
    assert against_target(D("13859999"), D("15400000")).rag == "red"
    assert against_target(D("95"), D("100"), green_at=D("0.95"), amber_at=D("0.8")).rag == "green"


def test_totals_by_grouping():
    a = BenefitLine("a", central={2023: D("10")}, attributes={"section": "Response"})
    b = BenefitLine("b", central={2023: D("5"), 2024: D("5")}, attributes={"section": "Estates"})
    c = BenefitLine("c", central={2024: D("1")}, attributes={"section": "Response"})
    assert totals_by([a, b, c], "section") == {"Response": D("11"), "Estates": D("10")}
    assert total([a, b, c]) == D("21")


def test_financial_year_labels():
    assert years.label(2023) == "2023/24"
    assert years.label(1999) == "1999/00"
    assert years.parse("2023-24") == 2023
    with pytest.raises(ValueError, match="not a financial year"):
        years.parse("2023/25")


def test_simulation_is_reproducible_and_exact_when_there_is_no_uncertainty():
    low, central, high = np.full((3, 2), 10.0), np.full((3, 2), 20.0), np.full((3, 2), 40.0)
    first = simulate(low, central, high, draws=20_000, seed=7)
    again = simulate(low, central, high, draws=20_000, seed=7)
    assert (first.p10, first.p50, first.p90) == (again.p10, again.p50, again.p90)
    assert first.p10 <= first.p50 <= first.p90
    # A triangular(10, 20, 40) has mean (10 + 20 + 40) / 3 = 23.33; six benefit-years: 140.
    assert abs(first.mean - 140) < 1.0
    certain = simulate(central, central, central, draws=1_000, seed=1)
    assert certain.p10 == certain.p90 == 120.0  # 6 x 20
    assert certain.probability_at_least(120) == 1.0
    assert certain.probability_at_least(120.01) == 0.0


def test_pert_and_non_proportional_profiles():
    # One benefit whose years are not proportional: (0, 10, 20) and (100, 100, 100).
    low, central, high = np.array([[0.0, 100.0]]), np.array([[10.0, 100.0]]), np.array([[20.0, 100.0]])
    result = simulate(low, central, high, draws=50_000, seed=3, distribution="pert")
    # PERT(0, 10, 20) is symmetric with mean 10, so the total's median is 110.
    assert abs(result.p50 - 110) < 0.2
    assert 100 <= result.p10 < result.p50 < result.p90 <= 120
    with pytest.raises(ValueError, match="low <= central <= high"):
        simulate(high, central, low, draws=10, seed=1)
