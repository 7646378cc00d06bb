"""Response cover as the programme office runs it: three CSVs uploaded, the worker runs the scenario with
progress, the page shows the map with its key in words, the before/after tables and the stations chosen;
a bad file fails with its row and keeps nothing; a benefit line goes into the register as a draft with
its working; an organisation's editor can look but not start one or add a benefit."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse

from bluelight.benefits import services as benefit_services
from bluelight.benefits.models import Benefit
from bluelight.core.worker import work
from bluelight.evidence.models import Analysis
from tests.unit.cover.test_cover_scenario import INCIDENTS, MATRIX, STATIONS


def _file(name: str, text: str) -> io.BytesIO:
    upload = io.BytesIO(text.encode())
    upload.name = name
    return upload


def _start(client, slug, **replace):
    form = {"title": "Standby at C", "stations": _file("stations.csv", STATIONS),
            "incidents": _file("incidents.csv", INCIDENTS), "matrix": _file("matrix.csv", MATRIX), "within": "8",
            "mean": "7", "centile": "15", "speed": "48", "circuity": "1.3", "choose": "1", "method": "auto"}  # fmt: skip
    return client.post(reverse("cover-start", args=[slug]), form | replace)


@pytest.fixture
def scenario(signed_in, small_programme):
    slug = small_programme["programme"].slug
    response = _start(signed_in, slug)
    analysis = Analysis.objects.get(kind="cover")
    assert response.status_code == 302 and response.url == reverse("cover-detail", args=[slug, analysis.pk])
    assert "Waiting to start" in signed_in.get(response.url).content.decode()
    assert work(once=True, say=lambda line: None) == 1
    analysis.refresh_from_db()
    return analysis


def test_the_worker_runs_the_scenario_and_the_page_shows_it(signed_in, small_programme, scenario):
    slug = small_programme["programme"].slug
    assert scenario.status == "done"
    page = signed_in.get(reverse("cover-detail", args=[slug, scenario.pk])).content.decode()
    # the hand-worked case: 90.0% within 8 minutes with A and B, 100.0% with C added, 1 incident brought in
    assert "90.0% with the open stations; 100.0% with the 1 chosen added: 1 incidents brought within" in page
    assert "3 stations (2 open, 1 candidates) and 10 incidents over 36 days" in page
    assert "<svg" in page and "Incident brought within the standard" in page and "(square)" in page
    # the district table: North 5 incidents, 100% before and after, mean 4.6; South 80.0% → 100.0%, 6.4 → 5.3
    assert ">North</th><td class=\"govuk-table__cell govuk-table__cell--numeric\">5</td>" in page
    assert "80.0%" in page and ">6.4<" in page and ">5.3<" in page  # South after: 4 4 6 6 6.5 → 26.5 / 5 = 5.3
    assert "Best 1 to add" in page and "C: 10 incidents within the standard (100.0%), exact" in page
    assert "origin–destination matrix" in page and "Rows read" in page


def test_a_bad_file_fails_with_its_row_and_keeps_nothing(signed_in, small_programme):
    slug = small_programme["programme"].slug
    _start(signed_in, slug, stations=_file("stations.csv", STATIONS.replace("on-call,2", "sometimes,2")))
    work(once=True, say=lambda line: None)
    analysis = Analysis.objects.get(kind="cover")
    assert analysis.status == "failed" and not any(f["stored"] for f in analysis.inputs["files"])
    page = signed_in.get(reverse("cover-detail", args=[slug, analysis.pk])).content.decode()
    assert "stations.csv: row 3, column Crewing: “sometimes” is not a crewing" in page


def test_the_form_names_a_missing_file(signed_in, small_programme):
    response = _start(signed_in, small_programme["programme"].slug, incidents="")
    assert response.status_code == 400 and "Choose the incidents CSV." in response.content.decode()
    assert not Analysis.objects.exists()


def test_a_benefit_line_goes_into_the_register_as_a_draft_with_its_working(signed_in, small_programme, scenario,
                                                                           office, system):  # fmt: skip
    p = small_programme
    slug = p["programme"].slug
    cost = benefit_services.unit_cost_create(actor=system, programme=p["programme"], name="Survival to discharge",
                                             category="health", unit="per patient", value=Decimal("50000"),
                                             price_year=2024, source="A study")  # fmt: skip
    form = {"workstream": p["fleet"].pk, "title": "Lives saved by standby at C", "incidents_a_year": "10.14",
            "uplift_low": "1", "uplift_central": "2", "uplift_high": "3", "unit_cost": cost.pk,
            "gains": p["fire"].pk, "first_year": "2025", "last_year": "2027", "confidence_grade": "5"}  # fmt: skip
    page = signed_in.get(reverse("cover-detail", args=[slug, scenario.pk])).content.decode()
    assert 'value="10.14"' in page  # 1 newly within in 36 days × 365 / 36 = 10.138… → 10.14 a year
    response = signed_in.post(reverse("cover-benefit", args=[slug, scenario.pk]), form)
    benefit = Benefit.objects.get(title="Lives saved by standby at C")
    assert response.status_code == 302 and response.url == reverse("benefit-detail", args=[slug, benefit.key])
    assert (benefit.status, benefit.method, benefit.unit_cost, benefit.workstream) == ("identified", "volume", cost, p["fleet"])
    # 10.14 × 1% = 0.1014, × 2% = 0.2028, × 3% = 0.3042 better outcomes a year, 2025/26 to 2027/28
    years = [(y.year, y.low, y.central, y.high) for y in benefit.years.order_by("year")]
    assert years == [(y, Decimal("0.1014"), Decimal("0.2028"), Decimal("0.3042")) for y in (2025, 2026, 2027)]
    assert "1 incidents brought within 8 minutes in 36 days of data, × 365 ÷ 36 = 10.14 a year" in benefit.evidence
    assert "× an outcome uplift of 2% (low 1%, high 3%) = 0.2028 better outcomes a year" in benefit.evidence
    assert [a.analysis for a in benefit.attached_evidence.all()] == [scenario]
    # the uplifts out of order are refused, naming the field, and nothing is added
    response = signed_in.post(reverse("cover-benefit", args=[slug, scenario.pk]), form | {"uplift_low": "5"})
    assert response.status_code == 400 and "low ≤ central ≤ high" in response.content.decode()
    assert Benefit.objects.count() == 1


def test_an_editor_sees_the_scenario_but_cannot_start_one_or_add_a_benefit(small_programme, scenario, fire_editor,
                                                                           client):  # fmt: skip
    slug = small_programme["programme"].slug
    client.force_login(fire_editor)
    assert client.get(reverse("cover-detail", args=[slug, scenario.pk])).status_code == 200
    assert client.get(reverse("cover-start", args=[slug])).status_code == 403
    assert client.post(reverse("cover-benefit", args=[slug, scenario.pk]), {}).status_code == 403
    assert not Benefit.objects.exists()
