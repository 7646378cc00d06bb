"""The JSON API's benefits summary: the three totals against the target, the present value from the
appraisal year and the totals by kind of value, of just the benefits the caller may see."""

from __future__ import annotations

from django.http import JsonResponse

from bluelight.api.base import endpoint, error_response
from bluelight.api.schemas import STRING, record
from bluelight.benefits import lines, selectors
from bluelight.programmes.access import programme_for

POUNDS = {"type": "number", "description": "Pounds, in the price base year's prices."}
TOTAL = record(total=POUNDS, ratio={"type": "number"}, rag=STRING)
SUMMARY = record(
    programme=STRING, price_base=STRING, deflators=STRING, target=POUNDS, profiled_total=POUNDS,
    expected_total=POUNDS, risk_adjusted_total=POUNDS,
    totals=record(profiled=TOTAL, expected=TOTAL, risk_adjusted=TOTAL),
    target_basis={"type": "string", "enum": ["profiled", "expected", "risk_adjusted"]},
    ratio={"type": "number"}, rag=STRING, realised_to_date=POUNDS, appraisal_year=STRING,
    years_before_appraisal_year=record(rule={"type": "string", "enum": ["exclude", "compound"]}, amount=POUNDS),
    present_value=POUNDS, appraisal={"type": ["object", "null"]},
    by_kind_of_value={"type": "object", "additionalProperties": POUNDS}, transfers=POUNDS, economic_value=POUNDS,
)  # fmt: skip


@endpoint("GET")
def benefit_summary(request, slug):
    """The three totals against the target, the present value from the appraisal year and the totals by
    kind of value: of just the benefits the caller may see."""
    access = programme_for(request, slug)
    try:
        found = selectors.summary(access.programme, access.scope)
    except lines.NotConfigured as error:
        return error_response(404, str(error))
    data = found.as_dict()
    return JsonResponse({name: data[name] for name in SUMMARY["properties"]})
