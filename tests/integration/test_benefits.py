"""The benefits register through its services and commands: the ESCP demo, refusals, actuals."""

import json
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError

from bluelight.benefits import lines, selectors, services
from bluelight.benefits.models import Benefit, BenefitActual, BenefitGain, BenefitYear, UnitCost
from bluelight.benefits.services import YearValues
from bluelight.cli import main
from bluelight.core.history import Actor, history_of
from bluelight.core.models import User
from bluelight.programmes.models import Programme
from tests.conftest import make_user


def test_escp_summary_is_14266000_against_15400000_amber(demo, capsys):
    assert main(["benefits", "summary", "--programme", "essex-escp", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["target"] == 15400000
    assert data["profiled_total"] == 14266000
    assert data["ratio"] == 0.926  # 14,266,000 / 15,400,000 = 0.92636...
    assert data["rag"] == "Amber"
    # The arson benefit by the GMCA chain: 20 x 8,420 x 0.75 x 0.5 x 0.8 = 50,520 a year.
    arson = Benefit.objects.get(key="deliberate-fires-avoided")
    line = lines.benefit_lines(arson.programme, [arson])[0]
    assert line.value(2020) == D("50520")
    # Totals by organisation that gains add back to the whole.
    assert sum(data["by_organisation_gaining"].values()) == 14266000


def test_tri_service_benefit_has_the_published_range(demo):
    benefit = Benefit.objects.get(key="tri-service-cost-avoidance")
    rows = {(r.low, r.high) for r in benefit.years.all()}
    assert rows == {(D("30965"), D("68540"))}


def test_simulation_from_the_command_line_is_reproducible(demo, capsys):
    args = ["benefits", "simulate", "--programme", "essex-escp", "--draws", "5000", "--seed", "11", "--json"]
    assert main(args) == 0
    first = json.loads(capsys.readouterr().out)
    assert main(args) == 0
    again = json.loads(capsys.readouterr().out)
    assert first == again
    assert first["p10"] <= first["p50"] <= first["p90"]
    assert 0 <= first["probability_of_meeting_target"] <= 1


@pytest.fixture
def escp(demo):
    return Programme.objects.get(slug="essex-escp")


def _counts():
    return (Benefit.objects.count(), BenefitGain.objects.count(), BenefitYear.objects.count(), UnitCost.objects.count())


def _new_benefit(escp, **overrides):
    from bluelight.core.models import Organisation

    workstream = escp.workstreams.get(key="project-minerva")
    fields = {
        "key": "minerva-test", "title": "Test", "kind": "cashable", "confidence_grade": 2, "price_year": 2015,
        "gains": [(Organisation.objects.get(short_code="EP"), D("0.5")), (Organisation.objects.get(short_code="ECFRS"), D("0.47"))],
        "years": [YearValues(2020, D("1"), D("2"), D("3"))],
    }  # fmt: skip
    fields.update(overrides)
    return services.benefit_create(actor=Actor(None), workstream=workstream, **fields)


def test_shares_that_do_not_add_up_to_100_are_refused(escp):
    before = _counts()
    with pytest.raises(ValidationError) as error:
        _new_benefit(escp)
    assert error.value.message_dict["gains"] == [
        "The shares of the organisations that gain add up to 97%; they must add up to 100%."
    ]
    assert _counts() == before


def test_negative_volume_and_year_outside_the_programme_are_refused(escp):
    from bluelight.core.models import Organisation

    everyone = [(Organisation.objects.get(short_code="EP"), D("1"))]
    arson = UnitCost.objects.get(programme=escp, name="Arson")
    before = _counts()
    with pytest.raises(ValidationError) as error:
        _new_benefit(
            escp, gains=everyone, method="volume", unit_cost=arson, years=[YearValues(2020, D("-1"), D("2"), D("3"))]
        )
    assert error.value.message_dict["years"] == [
        "2020/21: a volume cannot be negative (record a dis-benefit as its own benefit)."
    ]
    with pytest.raises(ValidationError) as error:
        _new_benefit(escp, gains=everyone, years=[YearValues(2031, D("1"), D("2"), D("3"))])
    assert error.value.message_dict["years"] == ["2031/32 is outside the programme's cycle (2017/18 to 2026/27)."]
    assert _counts() == before


def test_a_unit_cost_with_no_source_is_refused(escp):
    before = _counts()
    with pytest.raises(ValidationError) as error:
        services.unit_cost_create(
            actor=Actor(None), programme=escp, name="Burglary", category="crime", unit="per offence",
            value=D("5930"), price_year=2015, source="  ",
        )  # fmt: skip
    assert "Enter where the unit cost comes from" in error.value.message_dict["source"][0]
    assert _counts() == before


def test_a_signed_off_actual_replaces_the_forecast_in_the_totals(escp):
    office = User.objects.get(username="programme.office")
    benefit = Benefit.objects.get(key="jet-shared-delivery")  # £120,000 a year forecast
    actual = services.actual_record(actor=Actor(office), benefit=benefit, year=2017, amount=D("100000"))
    assert selectors.summary(escp).profiled == D("14266000")  # entered, not yet signed off: no change
    with pytest.raises(ValidationError, match="You entered the 2017/18 actual, so someone else"):
        services.actual_sign_off(actor=Actor(office), actual=actual)  # two-person sign-off
    assert not BenefitActual.objects.get(pk=actual.pk).signed_off_at
    second = make_user("programme.second", office.organisation, escp, "programme_admin")
    services.actual_sign_off(actor=Actor(second), actual=actual)
    benefit.refresh_from_db()
    assert benefit.status == Benefit.Status.REALISED  # a status that follows its records
    result = selectors.summary(escp)
    assert result.profiled == D("14246000")  # 14,266,000 - 120,000 + 100,000
    assert result.realised == D("3100000")  # the demo's Hoffmanns Way receipt, £3,000,000, and this £100,000
    line = next(line for line in result.lines if line.key == "jet-shared-delivery")
    assert line.is_actual(2017) and not line.is_actual(2018)
    with pytest.raises(ValidationError, match="signed off and cannot be changed"):
        services.actual_record(actor=Actor(office), benefit=benefit, year=2017, amount=D("1"))
    assert any("Signed-off actual" in entry.note for entry in history_of(benefit))


def test_reading_the_register_takes_the_same_queries_for_more_benefits(escp):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ten:
        selectors.summary(escp).as_dict()
    from bluelight.core.models import Organisation

    ep = Organisation.objects.get(short_code="EP")
    for i in range(15):
        _new_benefit(escp, key=f"extra-{i}", gains=[(ep, D("1"))])
    with CaptureQueriesContext(connection) as more:
        selectors.summary(escp).as_dict()
    assert len(more.captured_queries) == len(ten.captured_queries)


def test_annual_report_has_a_benefits_section_with_its_method(escp, tmp_path):
    from tests.helpers import text_of

    out = tmp_path / "escp.html"
    assert main(["report", "annual", "--programme", "essex-escp", "--period", "2023/24", "--out", str(out)]) == 0
    html = out.read_text()
    assert text_of(html, "benefits-heading") == "6.0 Benefits"
    summary = text_of(html, "benefits-summary")
    assert "profiled £14,266,000 of benefits over its cycle against a minimum target of £15,400,000" in summary
    assert "uses the as profiled total, £14,266,000: 92.6% of the target, so the benefits rating is Amber" in summary
    assert "Amber</strong>. Of the profile" in html
    assert "£3,000,000 is signed-off actuals (realised to date) and £11,266,000 is still forecast" in summary
    method = text_of(html, "benefits-method")
    assert "All values are in 2015/16 prices" in method
    assert "Green Book rate of 3.5%" in method
    assert "Optimism bias by grade: 1: 0%, 2: 10%, 3: 20%, 4: 30%, 5: 40%, 6: 60%." in method
    assert "Home Office, The economic and social costs of crime, second edition (2018)" in method
    # The Essex Police portfolio has no benefits target: its report has no benefits section.
    police = tmp_path / "police.html"
    main(["report", "annual", "--programme", "essex-police-collaboration", "--period", "2023", "--out", str(police)])
    assert "benefits-heading" not in police.read_text()


def test_present_value_of_a_hand_worked_benefit(escp):
    # Hoffmanns Way: £3,000,000 in 2018/19, one year after the demo's 2017/18 appraisal year (year 0):
    # 3,000,000 / 1.035 = 2,898,550.72
    from bluelight.benefits.lines import settings_of
    from bluelight.benefits.summary import Summary

    benefit = Benefit.objects.get(key="hoffmanns-way-receipt")
    one = Summary(escp, settings_of(escp), lines.benefit_lines(escp, [benefit]), [benefit])
    assert round(one.present_value, 2) == D("2898550.72")


def test_npv_and_bcr_against_a_recorded_cost(small_programme, office, client, capsys):
    # Price base 2020/21. Benefits £1,035 in 2021/22 and £1,071.225 in 2022/23; a cost of £1,500 in 2020/21.
    # PV of benefits = 1,035 / 1.035 + 1,071.225 / 1.035^2 = 1,000 + 1,000 = 2,000; PV of costs = 1,500.
    # NPV = 500; BCR = 2,000 / 1,500 = 1.33; discounted net to date -1,500, -500, +500: pays back in 2022/23.
    sp = small_programme
    services.settings_set(actor=Actor(office), programme=sp["programme"], target=D("2000"), price_base_year=2020)
    services.benefit_create(
        actor=Actor(office), workstream=sp["hubs"], key="hub-savings", title="Hub savings", kind="cashable",
        confidence_grade=1, price_year=2020, gains=[(sp["police"], D("1"))],
        years=[YearValues(2021, D("1035"), D("1035"), D("1035")), YearValues(2022, D("1071.225"), D("1071.225"), D("1071.225"))],
    )  # fmt: skip
    client.force_login(office)
    page = client.get("/programmes/test/benefits/").content.decode()
    assert "No costs recorded." in page
    outside = client.post(
        "/programmes/test/benefits/costs/", {"workstream": sp["hubs"].pk, "year": "2031", "amount": "1"}
    )
    assert outside.status_code == 400
    recorded = client.post(
        "/programmes/test/benefits/costs/", {"workstream": sp["hubs"].pk, "year": "2020", "amount": "1500"}
    )
    assert recorded.status_code == 302
    assert main(["benefits", "summary", "--programme", "test", "--json"]) == 0
    appraisal = json.loads(capsys.readouterr().out)["appraisal"]
    assert appraisal == {"pv_benefits": 2000, "pv_costs": 1500, "npv": 500, "bcr": 1.33, "payback_year": "2022/23"}
    from tests.helpers import text_of

    words = text_of(client.get("/programmes/test/benefits/").content.decode(), "appraisal")
    assert words == (
        "Costs £1,500 (present value); net present value £500; benefit-cost ratio 1.33; pays back in 2022/23."
    )
    report = client.get(f"/programmes/test/reports/annual/{sp['2023'].label}/").content.decode()
    assert text_of(report, "finance") == ("Finance: Against costs of £1,500 (present value), the net present value is "
                                          "£500 and the benefit-cost ratio 1.33; it pays back in 2022/23.")  # fmt: skip


def test_a_benefit_is_realised_only_with_a_signed_off_actual(escp):
    office = User.objects.get(username="programme.office")
    benefit = Benefit.objects.get(key="jet-shared-delivery")  # signed off, no actuals
    with pytest.raises(ValidationError, match="Realised only once one of its actuals is signed off"):
        services.benefit_update(actor=Actor(office), benefit=benefit, expected_version=benefit.version, status="realised")
    assert Benefit.objects.get(pk=benefit.pk).status == Benefit.Status.SIGNED_OFF
    receipt = Benefit.objects.get(key="hoffmanns-way-receipt")  # the demo's signed-off £3,000,000 receipt
    assert receipt.status == Benefit.Status.REALISED and receipt.actuals.get().signed_off_at


def test_two_person_sign_off_can_be_turned_off_for_a_programme(escp):
    from bluelight.programmes import services as programme_services

    office = User.objects.get(username="programme.office")
    programme_services.programme_update(actor=Actor(office), programme=escp, expected_version=escp.version,
                                        two_person_sign_off=False)  # fmt: skip
    benefit = Benefit.objects.get(key="jet-shared-delivery")
    actual = services.actual_record(actor=Actor(office), benefit=benefit, year=2018, amount=D("90000"))
    services.actual_sign_off(actor=Actor(office), actual=actual)
    assert BenefitActual.objects.get(pk=actual.pk).signed_off_by == office
