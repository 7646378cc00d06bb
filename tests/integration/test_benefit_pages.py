"""The benefits pages through Django's test client."""

from decimal import Decimal as D

import pytest

from bluelight.benefits.models import BenefitActual
from bluelight.demo import DEMO_PASSWORD
from tests.helpers import error_summary, table_rows, text_of


@pytest.fixture
def office_client(client, demo):
    assert client.login(username="programme.office", password=DEMO_PASSWORD)
    return client


def test_dashboard_shows_profile_against_target_and_chance_in_words(office_client):
    page = office_client.get("/programmes/essex-escp/benefits/").content.decode()
    summary = text_of(page, "benefits-summary")
    assert "Profiled over the cycle £14,266,000" in summary
    assert "Minimum target £15,400,000" in summary
    assert "92.6% Amber" in summary
    assert "chance of reaching the £15,400,000 target" in text_of(page, "simulation-words")
    rows = table_rows(page, "profile-table")
    # Last year's cumulative is the whole profile; the chart is drawn from these same rows.
    assert rows[-1] == ["2026/27", "£1,431,451.50", "£14,266,000"]
    assert "<svg" in page and "Target £15.4m" in page
    gainers = dict(row for row in table_rows(page, "by-gainer"))
    assert gainers["PFCC"] == "£3,000,000"  # Hoffmanns Way receipt, 100% to the PFCC


def test_register_filters_by_section(office_client):
    page = office_client.get("/programmes/essex-escp/benefits/?section=Response").content.decode()
    rows = table_rows(page, "register")
    assert [row[0] for row in rows[1:]] == [
        "Police time released from gaining entry for ambulance crews (illustrative)"
    ]
    assert rows[1][-1] == "£1,500,000"


def test_benefit_page_shows_the_working_line_by_line(office_client):
    page = office_client.get("/programmes/essex-escp/benefits/deliberate-fires-avoided/").content.decode()
    working = text_of(page, "working")
    # 20 x £8,420 = £168,400; less 25% = £126,300; x 50% = £63,150; less 20% (grade 3) = £50,520
    assert "20 x £8,420 unit cost = £168,400" in working
    assert "less 25% deadweight = £126,300" in working
    assert "x 50% attribution = £63,150" in working
    assert "less 20% optimism bias = £50,520" in working


def test_annual_review_actual_entered_then_signed_off_changes_the_total(office_client):
    url = "/programmes/essex-escp/benefits/cbcd-police-time/actuals/"
    bad = office_client.post(url, {"year": "2017", "amount": "lots"})
    assert bad.status_code == 400 and "Enter a number" in error_summary(bad.content.decode())
    assert office_client.post(url, {"year": "2017", "amount": "120000"}).status_code == 302
    summary = text_of(office_client.get("/programmes/essex-escp/benefits/").content.decode(), "benefits-summary")
    assert "£14,266,000" in summary  # not yet signed off
    assert (
        office_client.post("/programmes/essex-escp/benefits/cbcd-police-time/actuals/2017/sign-off/").status_code == 302
    )
    summary = text_of(office_client.get("/programmes/essex-escp/benefits/").content.decode(), "benefits-summary")
    assert "Profiled over the cycle £14,236,000" in summary  # 14,266,000 - 150,000 + 120,000
    assert "Realised to date £120,000" in summary
    page = office_client.get("/programmes/essex-escp/benefits/cbcd-police-time/").content.decode()
    first = table_rows(page, "benefit-profile")[1]
    assert first[0] == "2017/18" and first[-1] == "£120,000 Actual"
    assert BenefitActual.objects.get().amount == D("120000")


def test_an_organisation_editor_cannot_enter_actuals(client, demo):
    assert client.login(username="fire.lead", password=DEMO_PASSWORD)
    assert client.get("/programmes/essex-escp/benefits/").status_code == 200
    assert (
        client.post(
            "/programmes/essex-escp/benefits/cbcd-police-time/actuals/", {"year": "2017", "amount": "1"}
        ).status_code
        == 403
    )
    assert not BenefitActual.objects.exists()


def test_a_programme_without_a_target_says_so(office_client):
    page = office_client.get("/programmes/essex-police-collaboration/benefits/").content.decode()
    assert "has no benefits target or price base year yet" in page
