"""`bluelight load-demo`: the seed programmes, loaded once however often it runs."""

from bluelight.core.models import User
from bluelight.demo import DEMO_PASSWORD, load_demo
from bluelight.programmes.models import Programme, Workstream
from bluelight.status.models import Assessment


def test_essex_police_portfolio_has_13_then_10_reported(demo):
    counts = {
        label: Assessment.objects.filter(period__programme=demo, period__label=label, is_current=True).count()
        for label in ("2022", "2023")
    }
    assert counts == {"2022": 13, "2023": 10}
    closed = set(demo.workstreams.filter(stage=Workstream.Stage.CLOSED).values_list("key", flat=True))
    assert closed == {"nas", "soh"}
    assert demo.workstreams.get(key="durham-university").stage == Workstream.Stage.PAUSED
    assert demo.periods.get(label="2022").is_published
    assert demo.priorities.count() == 12


def test_escp_has_its_partners_and_marks_what_is_illustrative(demo):
    escp = Programme.objects.get(slug="essex-escp")
    assert sorted(escp.partners.values_list("short_code", flat=True)) == ["ECFRS", "EEAST", "EP", "PFCC"]
    assert (escp.cycle_start_year, escp.cycle_end_year) == (2017, 2026)
    assert escp.workstreams.filter(key="tri-service-officers").exists()
    assert "illustrative" in escp.illustrative_note.lower()
    rated = Assessment.objects.filter(workstream__programme=escp)
    assert rated.exists() and not rated.filter(illustrative=False).exists()


def test_loading_twice_changes_nothing(demo):
    before = (Programme.objects.count(), Workstream.objects.count(), Assessment.objects.count(), User.objects.count())
    load_demo(say=lambda line: None)
    after = (Programme.objects.count(), Workstream.objects.count(), Assessment.objects.count(), User.objects.count())
    assert before == after


def test_demo_user_can_sign_in_and_see_both_programmes(client, demo):
    assert client.login(username="programme.office", password=DEMO_PASSWORD)
    page = client.get("/").content.decode()
    assert "Essex Police collaboration portfolio" in page
    assert "Essex Emergency Services Collaboration Programme" in page
