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


def test_months_are_counted_in_local_time_across_the_clocks_changing(small_programme, system):
    programme = small_programme["programme"]
    edges = [
        "TP,E1,TF,Gain entry,2024-04-01 00:30,,TP",  # 23:30 UTC on 31 March: April here, and 2024/25
        "TP,E2,TF,Gain entry,2024-05-31 23:30,2024-06-01 00:15,TP",  # BST: 22:30 UTC, May; 45 minutes
        "TP,E3,TF,Gain entry,2024-10-27 01:30,2024-10-27 01:40,TP",  # the hour the clocks go back
        "TP,E4,TF,Gain entry,2024-12-31 23:59,2025-01-01 00:09,TP",  # GMT: December
    ]
    _load(programme, system, HEADER + "\n".join(edges) + "\n")
    found = summary(programme, year=2024)
    assert found["by_month"] == {"2024-04": 1, "2024-05": 1, "2024-10": 1, "2024-12": 1}
    # 45, 10 and 10 minutes timed: median 10
    assert found["times"] == {"requests": 4, "timed": 3, "median": 10.0, "centile_90": 45.0}


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


def test_through_the_api_each_service_writes_only_its_own_side(small_programme, system, db):
    from django.test import Client

    from bluelight.api.tokens import token_create
    from bluelight.programmes import services as programme_services
    from tests.conftest import make_user

    p = small_programme
    police = make_user("tp.editor", p["police"], p["programme"], "organisation_editor")
    fire = make_user("tf.editor", p["fire"], p["programme"], "organisation_editor")

    def api(user):
        return Client(HTTP_AUTHORIZATION=f"Bearer {token_create(user=user, name='control room')[1]}")

    url = "/api/v1/programmes/test/requests/TP/P77/"
    body = {"receiving": "TF", "type": "gain_entry", "requested_at": "2025-03-01T10:00:00Z", "instead_of": "TP"}
    created = api(police).put(url, body, content_type="application/json")
    assert created.status_code == 201 and created.json()["version"] == 1
    again = api(police).put(url, body, content_type="application/json")  # idempotent: the same again
    assert again.status_code == 200 and again.json()["version"] == 1
    # the police may not write the fire service's side; the fire service may, and not the police's
    refused = api(police).put(url, {"on_scene_at": "2025-03-01T10:12:00Z"}, content_type="application/json")
    assert refused.status_code == 403 and "on_scene_at" in refused.json()["error"]["message"]
    arrived = api(fire).put(url, {"on_scene_at": "2025-03-01T10:12:00Z", "outcome": "Entry gained"},
                            content_type="application/json")  # fmt: skip
    assert arrived.status_code == 200 and arrived.json()["version"] == 2
    assert api(fire).put(url, {"type": "transport"}, content_type="application/json").status_code == 403
    early = api(fire).put(url, {"closed_at": "2025-03-01T09:00:00Z"}, content_type="application/json")
    assert early.status_code == 400 and "closed_at" in early.json()["error"]["fields"]
    # a request the fire service is on neither side of is not found for it
    other = programme_services.organisation_create(actor=system, name="Test Ambulance", short_code="TA", kind="ambulance")
    programme_services.programme_update(actor=system, programme=p["programme"], expected_version=p["programme"].version,
                                        partners=[p["police"], p["fire"], other])  # fmt: skip
    api(police).put("/api/v1/programmes/test/requests/TP/P78/", body | {"receiving": "TA"}, content_type="application/json")
    hidden = api(fire).put("/api/v1/programmes/test/requests/TP/P78/", {"outcome": "x"}, content_type="application/json")
    assert hidden.status_code == 404
    saved = ServiceRequest.objects.get(requesting_reference="P77")
    assert (saved.type, saved.outcome, saved.on_scene_at - saved.requested_at) == (
        "gain_entry", "Entry gained", datetime.timedelta(minutes=12))


def test_the_pages_show_the_summary_and_an_editor_writes_only_its_side(small_programme, system, signed_in, client):
    from django.urls import reverse

    from tests.conftest import make_user

    p = small_programme
    programme = p["programme"]
    _load(programme, system, HEADER + "\n".join(ROWS) + "\n")
    page = signed_in.get(reverse("demand-home", args=["test"]) + "?year=2024").content.decode()
    assert 'id="request-count">4<' in page and "median 25.0, 90th centile 60.0 (4 of 4 timed)" in page
    assert "<svg" in page and ">2024-05</th>" in page
    # the police asked for P1; the fire service (receiving) records its side only
    p1 = ServiceRequest.objects.get(requesting_reference="P1")
    client.force_login(make_user("tf.editor", p["fire"], programme, "organisation_editor"))
    url = reverse("demand-request-edit", args=["test", p1.pk])
    form = client.get(url).content.decode()
    assert "The receiving service's side" in form and "The requesting service's side" not in form
    saved = client.post(url, {"receiving-receiving_reference": "F-1", "receiving-outcome": "Entry gained",
                              "receiving-on_scene_at": "2024-05-01T10:08"})  # fmt: skip
    assert saved.status_code == 302
    p1.refresh_from_db()
    assert (p1.receiving_reference, p1.outcome, p1.version) == ("F-1", "Entry gained", 2)
    f1 = ServiceRequest.objects.get(requesting_reference="F1")  # TF asked, TP received: the fire side is requesting
    assert "The requesting service's side" in client.get(reverse("demand-request-edit", args=["test", f1.pk])).content.decode()
    assert client.get(reverse("demand-load", args=["test"])).status_code == 403


def test_an_hour_the_clocks_skip_or_repeat_loads_again_unchanged(small_programme, system):
    # 31 March 2024 01:30 does not exist in the UK (clocks go forward); 27 October 2024 01:30 happens twice
    text = HEADER + "TP,D1,TF,Gain entry,2024-03-31 01:30,,\nTP,D2,TF,Gain entry,2024-10-27 01:30,,\n"
    _load(small_programme["programme"], system, text)
    again = _load(small_programme["programme"], system, text)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
