"""HM Treasury's GDP deflator series: loaded from a file in the published layout, chosen by a programme,
used by every valuation and named where the values are shown.

The file is tests/data/deflators/sample.xlsx (and .csv): TEST DATA in HM Treasury's layout, with
made-up figures: index 80 in 2015/16 (the ESCP price base) and 100 in 2023/24.
"""

from decimal import Decimal as D
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from bluelight.benefits import services
from bluelight.benefits.models import BenefitSettings, DeflatorRelease
from bluelight.benefits.selectors import summary
from bluelight.cli import main
from bluelight.core.history import history_of
from bluelight.core.models import Organisation
from bluelight.demo import DEMO_PASSWORD
from bluelight.programmes.models import Programme
from tests.helpers import YEAR_0, error_summary, table_rows, text_of

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "deflators"
NAME, RELEASE = "Test series in HMT layout", "March 2026 (test release)"


@pytest.fixture
def escp(demo):
    return Programme.objects.get(slug="essex-escp")


def load(*extra):
    return main(["benefits", "deflators", "load", str(SAMPLE / "sample.xlsx"), "--name", NAME, "--release", RELEASE,
                 *extra])  # fmt: skip


def priced_in_2023(escp, system):
    """£10,000 a year in 2024/25, priced in 2023/24 prices."""
    workstream = escp.workstreams.get(key="arson-prevention")
    return services.benefit_create(
        actor=system, workstream=workstream, key="priced-2023", title="Priced in 2023/24", kind="cashable",
        confidence_grade=1, price_year=2023, gains=[(Organisation.objects.get(short_code="ECFRS"), D(1))],
        years=[services.YearValues(2024, D("9000"), D("10000"), D("11000"))],
    )  # fmt: skip


def test_load_with_a_name_and_release_and_value_a_benefit_priced_in_another_year(escp, system, client, capsys):
    assert load("--programme", "essex-escp") == 0
    assert f"Loaded: {NAME}, {RELEASE} (2013/14 to 2026/27, 14 years, from sample.xlsx)" in capsys.readouterr().out
    benefit = priced_in_2023(escp, system)

    assert client.login(username="programme.office", password=DEMO_PASSWORD)
    page = client.get(f"/programmes/essex-escp/benefits/{benefit.key}/").content.decode()
    # 2023/24 prices to 2015/16 prices: £10,000 x 80 / 100 = £8,000 (low £7,200, high £8,800).
    assert table_rows(page, "benefit-profile")[1] == ["2024/25", "£7,200", "£8,000", "£8,800", "£8,000 Forecast"]
    assert text_of(page, "real-terms") == (
        f"Real terms 2023/24 prices restated to 2015/16 prices by {NAME}, {RELEASE}: × 80 ÷ 100"
    )
    dashboard = client.get("/programmes/essex-escp/benefits/").content.decode()
    assert f"restated where needed by {NAME}, {RELEASE}" in dashboard
    # The demo's £14,266,000 profile, plus this benefit's £8,000.
    assert summary(escp).profiled == D("14274000")
    assert summary(escp).as_dict()["deflators"] == f"{NAME}, {RELEASE}"


def test_the_csv_of_the_same_release_is_the_same_series_and_the_file_names_itself(escp, capsys):
    assert main(["benefits", "deflators", "load", str(SAMPLE / "sample.csv")]) == 0
    assert main(["benefits", "deflators", "load", str(SAMPLE / "sample.xlsx")]) == 0
    out = capsys.readouterr().out
    assert "Loaded: TEST DATA: GDP deflators at market prices" in out
    assert "Already loaded: TEST DATA" in out and "from sample.xlsx" in out
    release = DeflatorRelease.objects.get()
    assert release.release == RELEASE and release.reference_year == 2023
    assert {row.year: row.index for row in release.years.all()}[2015] == D("80")


def test_a_year_the_series_lacks_is_refused_naming_the_year(escp, system):
    load("--programme", "essex-escp")
    workstream = escp.workstreams.get(key="arson-prevention")
    with pytest.raises(ValidationError) as refused:
        services.benefit_create(
            actor=system, workstream=workstream, key="priced-2010", title="Priced in 2010/11", kind="cashable",
            confidence_grade=1, price_year=2010, gains=[(Organisation.objects.get(short_code="ECFRS"), D(1))],
            years=[services.YearValues(2024, D("1"), D("1"), D("1"))],
        )  # fmt: skip
    assert "has no index for 2010/11" in refused.value.message_dict["price_year"][0]
    assert not escp.workstreams.get(key="arson-prevention").benefits.filter(key="priced-2010").exists()


def test_a_release_is_never_changed_and_a_series_missing_a_used_year_cannot_be_chosen(escp, system, tmp_path):
    load()
    release = DeflatorRelease.objects.get()
    with pytest.raises(ValidationError, match="already loaded with other figures .first difference: 2013/14"):
        services.deflator_release_load(actor=system, name=NAME, release=RELEASE, source="x.csv",
                                       index={2015: D("81"), 2023: D("100")})  # fmt: skip
    short, _ = services.deflator_release_load(actor=system, name=NAME, release="Short", source="x.csv",
                                              index={2023: D("100")})  # fmt: skip
    services.deflators_choose(actor=system, programme=escp, release=release)
    priced_in_2023(escp, system)
    with pytest.raises(ValidationError, match="has no index for 2015/16"):
        services.deflators_choose(actor=system, programme=escp, release=short)
    assert BenefitSettings.objects.get(programme=escp).deflators == release
    assert [e.changes for e in history_of(BenefitSettings.objects.get(programme=escp))][0] == {
        "deflators": ["the programme's own series", f"{NAME}, {RELEASE}"]
    }
    assert history_of(release).get().changes["years"] == [None, "2013/14 to 2026/27 (14 years)"]


def test_the_office_chooses_the_series_on_the_settings_page(escp, client):
    load()
    release = DeflatorRelease.objects.get()
    assert client.login(username="programme.office", password=DEMO_PASSWORD)
    url = "/programmes/essex-escp/benefits/settings/"
    form = client.get(url).content.decode()
    assert f"{NAME}, {RELEASE}" in form and "The programme&#x27;s own series" in form
    data = {"target": "15400000", "price_base_year": "2015", **YEAR_0, "green_at": "100", "amber_at": "90",
            "deflators": str(release.pk), **{f"grade_{g}": str(g * 10 - 10) for g in range(1, 7)}}  # fmt: skip
    data["grade_6"] = "60"
    answer = client.post(url, data)
    assert answer.status_code == 302, error_summary(answer.content.decode())
    assert BenefitSettings.objects.get(programme=escp).deflators == release


def test_a_file_not_in_the_layout_is_refused_naming_what_is_wrong(escp, tmp_path, capsys):
    bad = tmp_path / "deflators.csv"
    bad.write_text("Year,Index\n2023,100\n")
    assert main(["benefits", "deflators", "load", str(bad), "--name", "x", "--release", "y"]) == 1
    assert "No sheet of deflators.csv has a row headed “Financial year”" in capsys.readouterr().err
    bad.write_text("Financial year,GDP deflator\n2023-24,100\n2024-25,lots\n")
    assert main(["benefits", "deflators", "load", str(bad), "--name", "x", "--release", "y"]) == 1
    assert "Row 3 (2024/25): the index is “lots”, not a number" in capsys.readouterr().err
    bad.write_text("GDP deflators\nFinancial year,GDP deflator\n2023-24,100\n")
    assert main(["benefits", "deflators", "load", str(bad)]) == 1
    assert "does not carry the release and its date: give it with --release" in capsys.readouterr().err
    assert not DeflatorRelease.objects.exists()
