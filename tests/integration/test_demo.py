"""`bluelight load-demo`: the seed programmes, loaded once however often it runs."""

from decimal import Decimal

import numpy as np

from bluelight.core.models import User
from bluelight.demo import DEMO_PASSWORD, load_demo
from bluelight.evidence.models import Attachment
from bluelight.hotspots.engine.grid import Grid, to_bng
from bluelight.hotspots.engine.synthetic import plants
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


def test_escp_has_a_year_of_strategic_governance_board_meetings(demo):
    from bluelight.governance.models import Board, Decision, Risk

    escp = Programme.objects.get(slug="essex-escp")
    board = Board.objects.get(key="escp-sgb")
    assert board.chair == "Police, Fire and Crime Commissioner" and board.get_cadence_display() == "Bi-monthly"
    dates = [m.held_on.isoformat() for m in board.meetings.order_by("held_on")]
    assert dates == ["2024-05-16", "2024-07-18", "2024-09-19", "2024-11-21", "2025-01-16", "2025-03-20"]
    assert all(m.illustrative for m in board.meetings.all())
    approval = Decision.objects.get(document__title="Tri-Service Officer expansion: full business case")
    assert approval.outcome == "approved" and approval.meeting.held_on.isoformat() == "2024-07-18"
    expansion = escp.workstreams.get(key="tri-service-expansion")
    assert expansion.stage == "in_delivery" and expansion.stage_changed_on.isoformat() == "2024-07-18"
    assert Decision.objects.filter(document__kind="benefit_review", outcome="noted").exists()
    shortfall = Risk.objects.get(programme=escp, title="Benefits fall short of the programme target")
    assert (shortfall.residual_score, shortfall.reviews.count()) == (16, 2)  # raised from 12 after the review


def test_project_minerva_has_a_hotspot_map_of_synthetic_data_with_its_plants_hot(demo):
    attached = Attachment.objects.get(workstream__key="project-minerva")
    analysis = attached.analysis
    assert "SYNTHETIC" in analysis.title and "synthetic" in attached.note
    assert all(f["synthetic"] for f in analysis.inputs["files"]) and len(analysis.inputs["files"]) == 12
    g = analysis.result["grid"]
    grid = Grid(g["cell_size"], g["west"], g["south"], g["columns"], g["rows"])
    level = {(c["column"], c["row"]): c["level"] for c in analysis.result["cells"]}
    for plant in plants(np.random.default_rng(2025), 12):  # the demo's seed plants these, as planted.json would say
        column, row = grid.cell_of(*to_bng(plant.lon, plant.lat))
        assert level[(int(column), int(row))] >= 95


def test_joint_facilities_has_an_illustrative_cover_scenario_with_three_stations_chosen(demo):
    attached = Attachment.objects.get(workstream__key="joint-facilities")
    result = attached.analysis.result
    assert "ILLUSTRATIVE" in attached.analysis.title and "SYNTHETIC" in attached.analysis.title
    assert "illustrative" in attached.note and "synthetic" in attached.note
    assert all(s["name"].endswith("(illustrative)") for s in result["station_rows"])
    assert len(result["choice"]["chosen"]) == 3 and result["choice"]["gap"] == 0
    # three more stations can only bring incidents in: the share within 8 minutes rises by exactly those brought in
    before, after = result["before"]["overall"], result["after"]["overall"]
    assert after["within"] - before["within"] == result["newly_within"] > 0
    assert result["choice"]["covered"] == after["within"]


def test_collapsed_behind_closed_doors_has_a_synthetic_request_log_feeding_measured_police_time(demo):
    from bluelight.benefits.models import BenefitActual
    from bluelight.demand.models import ServiceRequest
    from bluelight.demand.selectors import summary

    escp = Programme.objects.get(slug="essex-escp")
    assert ServiceRequest.objects.filter(programme=escp, source__name__contains="SYNTHETIC").count() > 5_000
    found = summary(escp, type_="gain_entry", year=2024)
    gain = found["by_type"]["Gain entry"]
    [protocol] = found["protocols"]  # gain entry came to the fire service in 2016, and sooner
    assert protocol["high"] < 0 and not protocol["contains_zero"]
    actual = BenefitActual.objects.get(benefit__key="cbcd-police-time", year=2024)
    # 2024/25: requests × 6 hours × £45 an hour, the working in words
    assert actual.measured and actual.amount == Decimal(gain) * 6 * 45
    assert actual.note.startswith(f"2024/25: {gain:,} gain entry requests × 6 hours of Essex Police saved each")
