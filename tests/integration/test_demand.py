"""The log of requests between services: an extract loaded (refused whole with row and reason, loaded
twice changing nothing, a changed row updating its request, duplicates reported), summarised by hand,
and feeding a benefit's measured actuals with their working."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from bluelight.benefits import services as benefit_services
from bluelight.benefits.models import BenefitActual
from bluelight.benefits.services.common import YearValues
from bluelight.demand import services
from bluelight.demand.models import ServiceRequest
from bluelight.demand.selectors import summary

HEADER = "Requesting service,Requesting reference,Receiving service,Type,Requested,On scene,Would have attended\n"
# TF asks TP? No: the fire service (TF) gains entry for... here TP asks TF to gain entry, instead of TP going.
ROWS = [
    "TP,P1,TF,Gain entry,2024-05-01 10:00,2024-05-01 10:10,TP",  # 10 minutes, 2024/25
    "TP,P2,TF,Gain entry,2024-06-01 10:00,2024-06-01 10:30,TP",  # 30
    "TP,P3,TF,Gain entry,2025-02-01 10:00,2025-02-01 10:20,TP",  # 20
    "TP,P4,TF,Gain entry,2025-04-02 09:00,,TP",  # 2025/26, no time on scene
    "TF,F1,TP,Missing person search,2024-07-01 12:00,2024-07-01 13:00,",  # 60
]


def _load(programme, system, text, name="Storm"):
    source = services.source_for(actor=system, programme=programme, name=name)
    return services.load(actor=system, programme=programme, source=source, open_text=lambda: io.StringIO(text))


def test_an_extract_loads_once_and_again_changes_nothing(small_programme, system):
    programme = small_programme["programme"]
    loaded = _load(programme, system, HEADER + "\n".join(ROWS) + "\n")
    assert (loaded.rows, loaded.created, loaded.updated, loaded.unchanged) == (5, 5, 0, 0)
    again = _load(programme, system, HEADER + "\n".join(ROWS) + "\n")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 5)
    changed = ROWS[:3] + ["TP,P4,TF,Gain entry,2025-04-02 09:00,2025-04-02 09:40,TP", ROWS[4], ROWS[0]]
    third = _load(programme, system, HEADER + "\n".join(changed) + "\n")
    assert (third.created, third.updated, third.unchanged, third.duplicates) == (0, 1, 4, [(7, 2, "P1")])
    p4 = ServiceRequest.objects.get(requesting_reference="P4")
    assert p4.on_scene_at - p4.requested_at == datetime.timedelta(minutes=40) and p4.version == 2


def test_a_bad_row_refuses_the_file_and_stores_nothing(small_programme, system):
    programme = small_programme["programme"]
    bad = ROWS[:2] + ["TP,P3,XX,Gain entry,2025-02-01 10:00,,"]
    with pytest.raises(ValidationError) as refused:
        _load(programme, system, HEADER + "\n".join(bad) + "\n")
    assert refused.value.messages == ["row 4, column Receiving service: “XX” is not a partner's short code (TF, TP)"]
    assert not ServiceRequest.objects.exists()


def test_the_summary_of_a_year_by_hand(small_programme, system):
    programme = small_programme["programme"]
    _load(programme, system, HEADER + "\n".join(ROWS) + "\n")
    services.protocol_set(actor=system, programme=programme, type="gain_entry", name="Gaining entry",
                          starts_on=datetime.date(2024, 1, 1), displaced=small_programme["police"],
                          hours_per_request=Decimal("2.5"), basis="Two officers for 75 minutes")  # fmt: skip
    found = summary(programme, year=2024)
    # 2024/25: P1 P2 P3 (gain entry) and F1 (search); minutes 10 30 20 60: median 25, 90th centile 4th = 60
    assert found["requests"] == 4 and found["by_type"] == {"Gain entry": 3, "Missing person search": 1}
    assert found["by_month"] == {"2024-05": 1, "2024-06": 1, "2024-07": 1, "2025-02": 1}
    assert found["times"] == {"requests": 4, "timed": 4, "median": 25.0, "centile_90": 60.0}
    assert found["times_by_type"]["Gain entry"]["median"] == 20.0
    assert found["hours_saved"] == {"Gain entry": "7.5"}  # 3 × 2.5
    assert found["by_requesting"] == {"TF": 1, "TP": 3}
    [protocol] = found["protocols"]  # nothing timed before 1 January 2024: no interval
    assert protocol["before"]["timed"] == 0 and protocol["difference"] is None


def test_a_benefit_fed_by_hours_saved_has_measured_actuals_with_their_working(small_programme, system):
    p = small_programme
    programme = p["programme"]
    _load(programme, system, HEADER + "\n".join(ROWS) + "\n")
    services.protocol_set(actor=system, programme=programme, type="gain_entry", name="Gaining entry",
                          starts_on=datetime.date(2024, 1, 1), displaced=p["police"],
                          hours_per_request=Decimal("2.5"), basis="Two officers for 75 minutes")  # fmt: skip
    benefit_services.settings_set(actor=system, programme=programme, target=Decimal("1000"), price_base_year=2024,
                                  appraisal_year=2024)  # fmt: skip
    hour = benefit_services.unit_cost_create(actor=system, programme=programme, name="Police officer hour",
                                             category="staff_time", unit="per hour", value=Decimal("40.10"),
                                             price_year=2024, source="Force costing")  # fmt: skip
    benefit = benefit_services.benefit_create(
        actor=system, workstream=p["hubs"], key="police-time", title="Police time released", kind="non_cashable",
        confidence_grade=3, price_year=2024, gains=[(p["police"], Decimal(1))],
        years=[YearValues(2024, Decimal(0), Decimal(300), Decimal(400))],
    )  # fmt: skip
    feed = services.feed_create(actor=system, benefit=benefit, type="gain_entry", measure="hours", unit_cost=hour)
    done = services.feed_refresh(actor=system, feed=feed, today=datetime.date(2025, 12, 1))
    # 2024/25: 3 requests × 2.5 hours = 7.5 hours × £40.10 = £300.75; 2025/26: 1 × 2.5 × 40.10 = £100.25
    assert done.written == {2024: Decimal("300.75"), 2025: Decimal("100.25")}
    actual = BenefitActual.objects.get(benefit=benefit, year=2024)
    assert actual.measured and actual.note == (
        "2024/25: 3 gain entry requests × 2.5 hours of Test Police saved each (Gaining entry) = 7.5 hours × "
        "“Police officer hour”, £40.10 per hour (2024/25 prices) = £300.75")
    benefit_services.actual_sign_off(actor=system, actual=actual)
    again = services.feed_refresh(actor=system, feed=feed, today=datetime.date(2025, 12, 1))
    assert again.kept == [2024] and list(again.written) == [2025]
