"""Reading and writing every kind of record through the API, under the pages' rules and history."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import get_resolver, reverse

from bluelight.api.openapi import OPERATIONS, document
from bluelight.api.tokens import token_create
from bluelight.benefits.models import Benefit
from bluelight.benefits.selectors import summary
from bluelight.core.history import history_of
from bluelight.governance.models import Action, Risk
from bluelight.programmes.models import Workstream

pytestmark = pytest.mark.django_db


def _api(user) -> Client:
    _record, token = token_create(user=user, name="test")
    return Client(HTTP_AUTHORIZATION=f"Bearer {token}")


def _send(client, method, url, body):
    return getattr(client, method)(url, body, content_type="application/json")


def _benefit(**extra):
    body = {
        "key": "fleet-savings", "workstream": "fleet", "title": "Shared fleet workshop", "kind": "cashable",
        "confidence_grade": 2, "price_year": 2024, "gains": [{"organisation": "TF", "share": "1"}],
        "profile": [{"year": 2024, "low": "1000.00", "central": "1500.50", "high": "2000"},
                    {"year": 2025, "low": "1000", "central": "2500.25", "high": "3000"}],
    }  # fmt: skip
    return {**body, **extra}


def test_a_benefit_added_with_its_profile_is_stored_exactly_and_counted_in_the_programme(
    small_programme, fire_editor, system
):
    from bluelight.benefits.services import settings_set

    # Priced in 2024, the base year, with no optimism bias for grade 2: the total is the plain sum.
    settings_set(actor=system, programme=small_programme["programme"], target=Decimal(10000), price_base_year=2024,
                 grades={2: Decimal(0)})  # fmt: skip
    api = _api(fire_editor)
    made = _send(api, "post", reverse("api-benefits", args=["test"]), _benefit())
    assert made.status_code == 201, made.content
    answer = made.json()
    assert [row["central"] for row in answer["profile"]] == ["1500.5000", "2500.2500"]
    assert answer["gains"] == [{"organisation": "TF", "share": "1.000000"}]
    benefit = Benefit.objects.get(key="fleet-savings")
    assert [y.central for y in benefit.years.all()] == [Decimal("1500.50"), Decimal("2500.25")]
    # 1,500.50 + 2,500.25 = 4,000.75 central, in the programme's totals.
    assert summary(small_programme["programme"]).profiled == Decimal("4000.75")
    entry = history_of(benefit)[0]
    assert (entry.action, entry.channel, entry.actor_name) == ("created", "api", "fire.editor")


def test_a_benefit_profile_replaced_by_patch_keeps_the_history_and_checks_the_version(small_programme, office):
    api = _api(office)
    _send(api, "post", reverse("api-benefits", args=["test"]), _benefit())
    url = reverse("api-benefit", args=["test", "fleet-savings"])
    new_profile = [{"year": 2026, "low": "10", "central": "20", "high": "30"}]
    changed = _send(api, "patch", url, {"version": 1, "profile": new_profile, "status": "validated"})
    assert changed.status_code == 200, changed.content
    assert changed.json()["profile"] == [{"year": 2026, "low": "10.0000", "central": "20.0000", "high": "30.0000"}]
    assert changed.json()["version"] == 2
    stale = _send(api, "patch", url, {"version": 1, "status": "identified"})
    assert stale.status_code == 409
    assert stale.json()["error"]["saved"]["status"] == "validated"
    assert history_of(Benefit.objects.get(key="fleet-savings"))[0].changes["profile"][1] == ["2026/27: 20"]


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"profile": [{"year": 2024, "low": "30", "central": "20", "high": "10"}]}, "years", "in that order"),
        ({"profile": [{"year": 2040, "low": "1", "central": "1", "high": "1"}]}, "years", "outside the programme"),
        ({"profile": [{"year": 2024, "low": "-1", "central": "1", "high": "1"}]}, "profile", "Item 1: low"),
        ({"gains": [{"organisation": "TF", "share": "0.6"}]}, "gains", "add up to 60%"),
        ({"gains": [{"organisation": "NOPE", "share": "1"}]}, "gains", "No organisation with the short code NOPE"),
        ({"workstream": "nowhere"}, "workstream", "No workstream nowhere"),
        ({"confidence_grade": 9}, "confidence_grade", "from 1 to 6"),
        ({"price_year": "2024"}, "price_year", "whole number"),
    ],
)
def test_a_benefit_that_is_not_right_is_refused_naming_the_field_and_nothing_is_saved(
    small_programme, office, change, field, message
):
    refused = _send(_api(office), "post", reverse("api-benefits", args=["test"]), _benefit(**change))
    assert refused.status_code == 400
    assert message in " ".join(refused.json()["error"]["fields"][field])
    assert not Benefit.objects.exists()


def test_an_editor_cannot_add_a_benefit_to_another_organisations_workstream(small_programme, fire_editor):
    refused = _send(_api(fire_editor), "post", reverse("api-benefits", args=["test"]), _benefit(workstream="hubs"))
    assert refused.status_code == 404  # another organisation's workstream: not yours to change
    assert not Benefit.objects.exists()


def test_a_risk_added_and_rescored_keeps_a_review_and_its_history(small_programme, fire_editor):
    api = _api(fire_editor)
    body = {"title": "Workshop lease ends", "workstream": "fleet", "cause": "the lease", "event": "we lose the site",
            "effect": "repairs stop", "owner": "Fleet manager", "inherent_likelihood": 4, "inherent_impact": 4,
            "residual_likelihood": 3, "residual_impact": 4}  # fmt: skip
    made = _send(api, "post", reverse("api-risks", args=["test"]), body)
    assert made.status_code == 201, made.content
    assert (made.json()["reference"], made.json()["residual_score"]) == ("R1", 12)  # 3 × 4
    url = reverse("api-risk", args=["test", 1])
    worse = _send(api, "patch", url, {"version": 1, "residual_likelihood": 5})
    assert worse.status_code == 400  # residual 5 above inherent 4: mitigation does not add risk
    assert "Residual likelihood cannot be higher" in worse.json()["error"]["fields"]["residual_likelihood"][0]
    lower = _send(api, "patch", url, {"version": 1, "residual_likelihood": 2})
    assert lower.json()["residual_score"] == 8  # 2 × 4
    risk = Risk.objects.get(number=1)
    assert [r.residual_likelihood for r in risk.reviews.order_by("pk")] == [3, 2]
    assert history_of(risk)[0].channel == "api"
    programme_risk = _send(api, "post", reverse("api-risks", args=["test"]), {**body, "workstream": None})
    assert programme_risk.status_code == 400  # a programme-level risk is the office's: refused on the field
    assert "only the programme office can put a risk at programme level" in (
        programme_risk.json()["error"]["fields"]["workstream"][0]
    )


def test_a_meeting_scheduled_and_a_business_case_approved_moves_the_workstream(small_programme, office, system):
    from bluelight.governance import services as governance

    governance.board_create(actor=system, programmes=[small_programme["programme"]], name="Joint Board",
                            key="joint-board", chair="PFCC", cadence="bimonthly")  # fmt: skip
    api = _api(office)
    made = _send(api, "post", reverse("api-meetings", args=["test"]), {"board": "joint-board", "held_on": "2024-05-16"})
    assert made.status_code == 201, made.content
    meeting = made.json()
    assert (meeting["chaired_by"], meeting["agenda"]) == ("PFCC", [])
    case = governance.document_create(actor=system, programme=small_programme["programme"], kind="business_case",
                                      title="Fleet business case", workstream=small_programme["fleet"])  # fmt: skip
    from bluelight.governance.models import Meeting

    governance.agenda_item_add(actor=system, meeting=Meeting.objects.get(pk=meeting["id"]), title="", kind="business_case",
                               purpose="decision", document=case)  # fmt: skip
    decisions = reverse("api-decision", args=["test", meeting["id"], 1])
    missing = _send(api, "post", decisions, {"outcome": "approved_with_conditions", "summary": "Approved."})
    assert "Enter the conditions" in missing.json()["error"]["fields"]["conditions"][0]
    decided = _send(api, "post", decisions, {"outcome": "approved", "summary": "Approved the case."})
    assert decided.status_code == 201, decided.content
    fleet = Workstream.objects.get(key="fleet")
    assert (fleet.stage, fleet.stage_changed_on) == ("business_case", datetime.date(2024, 5, 16))
    log = _api(office).get(reverse("api-decisions", args=["test"])).json()
    assert [(d["item_title"], d["outcome"]) for d in log["results"]] == [("Fleet business case", "approved")]


def test_an_action_is_added_by_the_office_and_updated_by_its_owning_organisation(small_programme, office, fire_editor):
    body = {"description": "Cost the shared workshop", "owner": "Fleet manager", "owner_organisation": "TF",
            "due_on": "2024-06-30"}  # fmt: skip
    refused = _send(_api(fire_editor), "post", reverse("api-actions", args=["test"]), body)
    assert refused.status_code == 403
    made = _send(_api(office), "post", reverse("api-actions", args=["test"]), body)
    assert made.status_code == 201 and made.json()["reference"] == "A1"
    done = _send(_api(fire_editor), "patch", reverse("api-action", args=["test", 1]),
                 {"version": 1, "status": "done", "update": "Costed at £48,000."})  # fmt: skip
    assert done.status_code == 200, done.content
    assert done.json()["completed_on"] is not None  # a done action keeps the day it was done
    assert history_of(Action.objects.get(number=1))[0].actor_name == "fire.editor"


def test_ratings_are_read_per_workstream_and_per_period(small_programme, office):
    api = _api(office)
    put = _send(api, "put", reverse("api-rating", args=["test", "hubs", "2022"]),
                {"rating": "amber", "rationale": "Vetting is late."})  # fmt: skip
    assert put.status_code == 201, put.content
    assert [
        r["rating"] for r in api.get(reverse("api-workstream-ratings", args=["test", "hubs"])).json()["results"]
    ] == ["amber"]
    period = api.get(reverse("api-period-ratings", args=["test", "2022"])).json()
    assert [(r["workstream"], r["rationale"]) for r in period["results"]] == [("hubs", "Vetting is late.")]
    assert api.get(reverse("api-rating", args=["test", "hubs", "2023"])).status_code == 404


def test_only_the_programme_office_adds_workstreams_or_changes_settings(small_programme, office, fire_editor):
    body = {"key": "drones", "title": "Shared drones", "section": "Local", "lead_organisation": "TP"}
    assert _send(_api(fire_editor), "post", reverse("api-workstreams", args=["test"]), body).status_code == 403
    made = _send(_api(office), "post", reverse("api-workstreams", args=["test"]), body)
    assert made.status_code == 201 and made.json()["section"] == "Local"
    again = _send(_api(office), "post", reverse("api-workstreams", args=["test"]), body)
    assert "already has a workstream drones" in again.json()["error"]["fields"]["key"][0]
    settings = _send(_api(office), "patch", reverse("api-programme", args=["test"]), {"version": 1,
                     "risk_threshold": 15})  # fmt: skip
    assert settings.status_code == 200 and settings.json()["risk_threshold"] == 15


def test_text_the_databases_cannot_keep_and_pages_out_of_range_are_refused(small_programme, office):
    api = _api(office)
    nul = _send(api, "patch", reverse("api-workstream", args=["test", "hubs"]), {"version": 1, "title": "a\x00b"})
    assert nul.status_code == 400 and "NUL" in nul.json()["error"]["message"]
    assert api.get(reverse("api-workstreams", args=["test"]) + "?page=99999999999").status_code == 400
    assert api.get("/api/v1/no/such/address\n").json()["error"]["code"] == "not_found"


def test_the_openapi_document_describes_every_api_address_and_no_other():
    """Built from the endpoints' own declarations; this holds its list of operations to the URL table."""
    routes = set()
    for pattern in get_resolver().url_patterns:
        if str(pattern.pattern) == "api/v1/":
            for inner in pattern.url_patterns:
                if inner.name not in ("api-openapi", "api-not-found"):
                    routes.add(inner.callback)
    described = {op.path for op in OPERATIONS}
    assert len(described) == len(routes) == 21
    doc = document()
    assert doc["openapi"] == "3.1.0" and set(doc["paths"]) == described
    post = doc["paths"]["/api/v1/programmes/{slug}/benefits/"]["post"]["requestBody"]["content"]["application/json"]
    assert set(post["schema"]["required"]) == {"key", "workstream", "title", "kind", "confidence_grade", "price_year",
                                               "profile", "gains"}  # fmt: skip


def test_tokens_made_and_revoked_on_the_command_line(small_programme, office, capsys):
    from bluelight.cli import main

    assert main(["token", "create", "office", "--name", "Finance system"]) == 0
    secret = capsys.readouterr().out.strip()
    api = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert api.get(reverse("api-programmes")).json()["count"] == 1
    assert main(["token", "list", "office"]) == 0
    listed = capsys.readouterr().out
    assert secret[:10] in listed and "Finance system" in listed and "active" in listed
    assert main(["token", "revoke", "office", secret[:10]]) == 0
    assert api.get(reverse("api-programmes")).status_code == 401
    assert main(["token", "revoke", "office", "bl_nothing"]) == 1


def test_the_meetings_list_asks_the_database_the_same_number_of_times_for_two_meetings_as_for_six(
    board_setup, office, system
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from bluelight.governance import services as governance

    api, url = _api(office), reverse("api-meetings", args=["test"])
    api.get(url)  # the token's first use is noted once; the counts below are of plain reads

    def count() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as queries:
            meetings = api.get(url).json()["count"]
        return meetings, len(queries)

    two = count()
    for day in (2, 3, 4, 5):
        meeting = governance.meeting_create(actor=system, board=board_setup["board"], programme=board_setup["programme"],
                                            held_on=datetime.date(2024, 6, day))  # fmt: skip
        governance.agenda_item_add(actor=system, meeting=meeting, title=f"Item on day {day}")
    six = count()
    assert (two[0], six[0]) == (2, 6)
    assert six[1] == two[1]


def test_a_benefit_short_name_already_taken_is_refused(small_programme, office):
    api = _api(office)
    assert _send(api, "post", reverse("api-benefits", args=["test"]), _benefit()).status_code == 201
    again = _send(api, "post", reverse("api-benefits", args=["test"]), _benefit(title="Another"))
    assert again.status_code == 400
    assert "already has a benefit with the short name fleet-savings" in again.json()["error"]["fields"]["key"][0]
    assert Benefit.objects.count() == 1
