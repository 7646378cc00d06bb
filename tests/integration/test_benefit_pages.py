"""The benefits pages through Django's test client."""

from decimal import Decimal as D

import pytest
from django.test import Client

from bluelight.benefits.models import BenefitActual
from bluelight.demo import DEMO_PASSWORD
from bluelight.programmes.models import Programme
from tests.conftest import make_user
from tests.helpers import YEAR_0, error_summary, table_rows, text_of


@pytest.fixture
def office_client(client, demo):
    assert client.login(username="programme.office", password=DEMO_PASSWORD)
    return client


def test_dashboard_shows_profile_against_target_and_chance_in_words(office_client):
    page = office_client.get("/programmes/essex-escp/benefits/").content.decode()
    summary = text_of(page, "benefits-summary")
    assert "Benefits rating As profiled: £14,266,000, 92.6% of the £15,400,000 target Amber" in summary
    totals = table_rows(page, "three-totals")
    assert [row[0] for row in totals[1:]] == ["As profiled (the rating's basis)", "Expected", "Risk-adjusted"]
    assert totals[3][2:] == ["£12,198,840", "79.2%", "Red"]  # worked by hand in test_benefit_totals.py
    # The highs reach the target, so the chance is small, never a false 0%.
    assert "A less than 1% chance of reaching the £15,400,000 target" in text_of(page, "simulation-words")
    rows = table_rows(page, "profile-table")
    # 2026/27 in year: tri-service 49,752.50 + CBCD 150,000 + education 120,000 + fleet 500,000 + Dovercourt
    # 150,000 + procurement 200,000 + arson 50,520 + RJ 60,000 + facilities 151,179 = 1,431,451.50.
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
    url = "/programmes/essex-escp/benefits/jet-shared-delivery/actuals/"
    bad = office_client.post(url, {"year": "2017", "amount": "lots"})
    assert bad.status_code == 400 and "Enter a number" in error_summary(bad.content.decode())
    assert office_client.post(url, {"year": "2017", "amount": "100000"}).status_code == 302
    summary = text_of(office_client.get("/programmes/essex-escp/benefits/").content.decode(), "benefits-summary")
    assert "£14,266,000" in summary  # not yet signed off
    sign_off = "/programmes/essex-escp/benefits/jet-shared-delivery/actuals/2017/sign-off/"
    own = office_client.get(sign_off).content.decode()
    assert "You entered this actual, so someone else in the programme office must sign it off" in own
    assert "Sign off the 2017/18 actual</button>" not in own
    refused = office_client.post(sign_off, {"version": "1"})
    assert refused.status_code == 400
    assert "You entered the 2017/18 actual, so someone else" in error_summary(refused.content.decode())
    second = Client()
    second.force_login(make_user("programme.second", programme=Programme.objects.get(slug="essex-escp"),
                                 role="programme_admin"))  # fmt: skip
    confirm = second.get(sign_off).content.decode()
    assert text_of(confirm, "actual") == ("Financial year 2017/18 Actual £100,000 How it was found Entered "
                                          "Entered by Pat Office")  # fmt: skip
    assert second.post(sign_off, {"version": "1"}).status_code == 302
    summary = text_of(office_client.get("/programmes/essex-escp/benefits/").content.decode(), "benefits-summary")
    assert "As profiled: £14,246,000" in summary  # 14,266,000 - 120,000 + 100,000
    assert "Realised to date £3,100,000" in summary  # and the demo's £3,000,000 Hoffmanns Way receipt
    page = office_client.get("/programmes/essex-escp/benefits/jet-shared-delivery/").content.decode()
    first = table_rows(page, "benefit-profile")[1]
    assert first[0] == "2017/18" and first[-1] == "£100,000 Actual"
    assert BenefitActual.objects.get(benefit__key="jet-shared-delivery").amount == D("100000")


def test_an_organisation_editor_cannot_enter_actuals(client, demo):
    assert client.login(username="fire.lead", password=DEMO_PASSWORD)
    assert client.get("/programmes/essex-escp/benefits/").status_code == 200
    assert (
        client.post(
            "/programmes/essex-escp/benefits/jet-shared-delivery/actuals/", {"year": "2017", "amount": "1"}
        ).status_code
        == 403
    )
    assert not BenefitActual.objects.filter(benefit__key="jet-shared-delivery").exists()


def test_a_programme_without_a_target_says_so(office_client):
    page = office_client.get("/programmes/essex-police-collaboration/benefits/").content.decode()
    assert "has no benefits target or price base year yet" in page


def _benefit_form(ep, ecfrs, **extra):
    form = {
        "workstream": "", "key": "minerva-savings", "title": "Minerva savings", "kind": "cashable", "status": "profiled",
        "confidence_grade": "2", "method": "amount", "price_year": "2015",
        f"gain_{ep.pk}": "50", f"gain_{ecfrs.pk}": "47",
        "central_2024": "100000", "low_2024": "80000", "high_2024": "130000", "central_2025": "100000",
    }  # fmt: skip
    form.update(extra)
    return form


def test_adding_a_benefit_refuses_bad_shares_then_moves_the_total(office_client):
    from bluelight.benefits.models import Benefit
    from bluelight.core.models import Organisation
    from bluelight.programmes.models import Workstream

    ep, ecfrs = Organisation.objects.get(short_code="EP"), Organisation.objects.get(short_code="ECFRS")
    minerva = Workstream.objects.get(key="project-minerva")
    url = "/programmes/essex-escp/benefits/new/"
    refused = office_client.post(url, _benefit_form(ep, ecfrs, workstream=minerva.pk))
    assert refused.status_code == 400
    assert "add up to 97%; they must add up to 100%" in error_summary(refused.content.decode())
    assert not Benefit.objects.filter(key="minerva-savings").exists()

    low_only = office_client.post(
        url, _benefit_form(ep, ecfrs, workstream=minerva.pk, **{f"gain_{ecfrs.pk}": "50", "low_2026": "5"})
    )
    assert "Enter the central value for 2026/27" in error_summary(low_only.content.decode())

    done = office_client.post(url, _benefit_form(ep, ecfrs, workstream=minerva.pk, **{f"gain_{ecfrs.pk}": "50"}))
    assert done.status_code == 302
    benefit = Benefit.objects.get(key="minerva-savings")
    # 2025/26 had only a central value: low and high equal it.
    assert [(r.year, r.low, r.central, r.high) for r in benefit.years.all()] == [
        (2024, D("80000"), D("100000"), D("130000")), (2025, D("100000"), D("100000"), D("100000")),
    ]  # fmt: skip
    summary = text_of(office_client.get("/programmes/essex-escp/benefits/").content.decode(), "benefits-summary")
    assert "As profiled: £14,466,000" in summary  # 14,266,000 + 2 x 100,000


def test_editing_a_benefit_is_version_checked(office_client):
    from bluelight.benefits.models import Benefit

    url = "/programmes/essex-escp/benefits/hoffmanns-way-receipt/edit/"
    page = office_client.get(url).content.decode()
    assert 'value="3000000.0000"' in page  # the profile is pre-filled
    benefit = Benefit.objects.get(key="hoffmanns-way-receipt")
    form = {
        "workstream": benefit.workstream_id, "title": "Hoffmanns Way sale", "kind": "income", "status": "realised",
        "confidence_grade": "1", "method": "amount", "price_year": "2015", "version": str(benefit.version),
        f"gain_{benefit.gains.get().organisation_id}": "100", "central_2018": "3200000",
    }  # fmt: skip
    assert office_client.post(url, form).status_code == 302
    stale = office_client.post(url, {**form, "title": "Other"})
    assert stale.status_code == 409
    benefit.refresh_from_db()
    assert benefit.title == "Hoffmanns Way sale"
    assert benefit.years.get().central == D("3200000")


def test_unit_cost_needs_its_source(office_client):
    from bluelight.benefits.models import UnitCost

    url = "/programmes/essex-escp/benefits/unit-costs/"
    form = {"name": "Burglary", "category": "crime", "unit": "per offence", "value": "5930", "price_year": "2015"}
    refused = office_client.post(url, form)
    assert "Enter where the unit cost comes from" in error_summary(refused.content.decode())
    assert not UnitCost.objects.filter(name="Burglary").exists()
    assert office_client.post(url, {**form, "source": "Home Office (2018), 2015/16 prices"}).status_code == 302
    rows = table_rows(office_client.get(url).content.decode(), "unit-costs")
    assert ["Burglary (crime, per offence)", "£5,930", "2015/16", "Home Office (2018), 2015/16 prices"] in rows


def test_setting_a_target_and_thresholds(office_client):
    # Lower Green to 90%: ESCP's 92.6% becomes Green.
    form = {"target": "15400000", "price_base_year": "2015", **YEAR_0, "green_at": "90", "amber_at": "80",
            **{f"grade_{g}": str(v) for g, v in zip(range(1, 7), (0, 10, 20, 30, 40, 60), strict=True)}}  # fmt: skip
    assert office_client.post("/programmes/essex-escp/benefits/settings/", form).status_code == 302
    summary = text_of(office_client.get("/programmes/essex-escp/benefits/").content.decode(), "benefits-summary")
    assert "92.6% of the £15,400,000 target Green" in summary
    bad = office_client.post("/programmes/essex-escp/benefits/settings/", {**form, "amber_at": "95"})
    assert "The Amber threshold must not be above the Green threshold." in error_summary(bad.content.decode())


def test_the_chance_of_reaching_the_target_follows_the_register_not_a_kept_answer(office_client):
    from bluelight.benefits.models import BenefitYear

    def words():
        return text_of(office_client.get("/programmes/essex-escp/benefits/").content.decode(), "simulation-words")

    before = words()
    assert words() == before  # the same register, the same simulated outcomes (seed 1)
    # Raise every year of every benefit by £1m (low, central and high): the outcomes move with it.
    for row in BenefitYear.objects.filter(benefit__workstream__programme__slug="essex-escp", benefit__method="amount"):
        row.low, row.central, row.high = row.low + 1_000_000, row.central + 1_000_000, row.high + 1_000_000
        row.save()
    after = words()
    assert after != before
    # Every low now reaches the target: the ranges make it certain, and the page says so and why.
    assert "100%: even with every benefit at its low the total reaches it" in after


def test_settings_saved_from_a_page_opened_before_someone_else_saved_are_refused(office_client):
    from bluelight.benefits.models import BenefitSettings
    from bluelight.core.history import history_of

    opened = office_client.get("/programmes/essex-escp/benefits/settings/").context["form"]["version"].value()
    form = {"target": "15400000", "price_base_year": "2015", **YEAR_0, "green_at": "100", "amber_at": "90", "version": opened,
            **{f"grade_{g}": str(v) for g, v in zip(range(1, 7), (0, 10, 20, 30, 40, 60), strict=True)}}  # fmt: skip
    assert office_client.post("/programmes/essex-escp/benefits/settings/", {**form, "target": "16000000"}).status_code == 302
    late = office_client.post("/programmes/essex-escp/benefits/settings/", {**form, "target": "9000000"})
    assert late.status_code == 409
    assert "after you started editing it" in late.content.decode()
    settings = BenefitSettings.objects.get(programme__slug="essex-escp")
    assert settings.target == 16_000_000
    assert history_of(settings).first().changes["target"] == ["15400000.00", "16000000"]
