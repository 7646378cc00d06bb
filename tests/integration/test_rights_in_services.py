"""The services check who acts, so no door (page, API, command line with --as, a task) can skip it.

Each write is called directly, as a caller that forgot to check would call it: the fire service's
editor on the police's workstream, and a viewer anywhere, are refused and nothing is written; the
programme office is let through.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from bluelight.benefits import services as benefits
from bluelight.core.history import Actor
from bluelight.core.models import HistoryEntry
from bluelight.governance import services as governance
from bluelight.programmes import services as programmes
from bluelight.status import services as status
from tests.conftest import make_user

WRITES = {
    "rate a workstream": lambda p, actor: status.assessment_record(
        actor=actor, workstream=p["hubs"], period=p["2023"], rating="green",
        departure_reason="The risk above threshold is in hand."),
    "change a workstream": lambda p, actor: programmes.workstream_update(
        actor=actor, workstream=p["hubs"], expected_version=p["hubs"].version, title="Renamed"),
    "add a workstream": lambda p, actor: programmes.workstream_create(
        actor=actor, programme=p["programme"], key="new", title="New", section=p["local"],
        lead_organisation=p["fire"]),
    "add a benefit": lambda p, actor: benefits.benefit_create(
        actor=actor, workstream=p["hubs"], key="hubs-savings", title="Savings", kind="cashable", confidence_grade=2,
        price_year=2024, gains=[(p["police"], Decimal(1))], years=[]),
    "add a period": lambda p, actor: status.period_create(
        actor=actor, programme=p["programme"], label="2024", starts_on=datetime.date(2024, 1, 1),
        ends_on=datetime.date(2024, 12, 31)),
    "publish a period": lambda p, actor: status.period_publish(actor=actor, period=p["2023"]),
    "add a meeting": lambda p, actor: governance.meeting_create(
        actor=actor, board=p["board"], programme=p["programme"], held_on=datetime.date(2024, 5, 16)),
    "record a decision": lambda p, actor: governance.decision_record(
        actor=actor, agenda_item=p["item"], outcome="approved", summary="Yes"),
}  # fmt: skip


@pytest.fixture
def world(board_setup, system):
    item = governance.agenda_item_add(actor=system, meeting=board_setup["second"], title="Any other business", kind="other")
    return {**board_setup, "item": item}


@pytest.mark.parametrize("write", list(WRITES))
@pytest.mark.parametrize("who", ["fire service's editor", "viewer"])
def test_a_write_refuses_whoever_may_not_make_it_whatever_called_it(world, write, who):
    if who == "viewer":
        user = make_user("viewer", world["police"], world["programme"], "viewer")
    else:
        user = make_user("fire.editor", world["fire"], world["programme"], "organisation_editor")
    entries = HistoryEntry.objects.count()
    with pytest.raises((PermissionDenied, Http404)):  # 404 where the record is another organisation's
        WRITES[write](world, Actor(user))
    assert HistoryEntry.objects.count() == entries


@pytest.mark.parametrize("write", list(WRITES))
def test_the_programme_office_may_make_every_one_of_them(world, write):
    office = make_user("office", world["police"], world["programme"], "programme_admin")
    entries = HistoryEntry.objects.count()
    WRITES[write](world, Actor(office))
    assert HistoryEntry.objects.count() > entries
