"""Invariants of the valuation engine for any input (hypothesis)."""

from decimal import Decimal as D

from hypothesis import given, settings
from hypothesis import strategies as st

from bluelight.benefits.valuation.discounting import discount_factor, present_value
from bluelight.benefits.valuation.profile import (
    BenefitLine,
    total,
    totals_by,
    totals_by_gainer,
    totals_by_payer,
    totals_by_year,
)

money = st.decimals(min_value=0, max_value=10_000_000, places=2, allow_nan=False, allow_infinity=False)
flows = st.dictionaries(st.integers(min_value=0, max_value=80), money, max_size=15)
groups = st.sampled_from(["Response", "Estates", "Prevention"])
lines = st.lists(
    st.builds(
        lambda key, central, actuals, group, split, payers: BenefitLine(
            key,
            central=central,
            actuals=actuals,
            attributes={"section": group},
            gainers={"Police": split, "Fire": 1 - split},
            payers=payers,
        ),  # fmt: skip
        st.uuids().map(str),
        st.dictionaries(st.integers(2017, 2026), money, max_size=10),
        st.dictionaries(st.integers(2017, 2026), money, max_size=3),
        groups,
        st.sampled_from([D("0"), D("0.25"), D("0.5"), D("1")]),
        st.sampled_from([(), ("Police",), ("Police", "Fire")]),
    ),
    max_size=12,
)


@given(lines)
def test_totals_equal_the_sum_of_parts_in_any_grouping(benefits):
    whole = total(benefits)
    assert sum(totals_by(benefits, "section").values(), D(0)) == whole
    assert sum(totals_by(benefits, lambda line: line.key).values(), D(0)) == whole
    assert sum(totals_by_year(benefits).values(), D(0)) == whole
    assert sum(totals_by_gainer(benefits).values(), D(0)) == whole
    # Split equally between two payers, each half is exact in Decimal, so the parts add back exactly.
    assert sum(totals_by_payer(benefits).values(), D(0)) == whole


@settings(max_examples=60)
@given(flows)
def test_a_higher_discount_rate_never_raises_a_present_value(cash):
    # The standard schedule's rate is higher than the health schedule's in every band.
    assert present_value(cash, "standard") <= present_value(cash, "health")
    assert present_value(cash, "standard") <= sum(cash.values(), D(0))  # no discounting at all


@given(st.integers(min_value=0, max_value=400))
def test_discount_factors_fall_year_on_year(year):
    assert 0 < discount_factor(year + 1) < discount_factor(year) <= 1
