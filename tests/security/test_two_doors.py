"""The pages and the API give the same answer to every change that moves a risk or an action.

The table is docs/access.md's "Moving a record": each row is made through the pages and through
the API, as the programme office and as the fire service's editor, on a fresh programme where fire
leads Fleet and Stations and the police lead Hubs. Nothing may be saved where the answer is not
"allowed".
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from django.test import Client

from bluelight.api.tokens import token_create
from bluelight.core.history import Actor
from bluelight.core.models import HistoryEntry
from bluelight.governance import services
from bluelight.programmes import services as programme_services

DOC = Path(__file__).resolve().parents[2] / "docs" / "access.md"
ROLES = ["programme administrator", "organisation editor"]


def read_table() -> dict[str, dict[str, str]]:
    lines = DOC.read_text().splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| change | programme administrator |"))
    assert [c.strip() for c in lines[start].strip("|").split("|")][1:] == ROLES
    table = {}
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        cells = [c.strip() for c in line.strip("|").split("|")]
        table[cells[0]] = dict(zip(ROLES, cells[1:], strict=True))
    return table


TABLE = read_table()
RISK = {"title": "Lease ends", "kind": "risk", "cause": "c", "event": "e", "effect": "f", "owner": "Fleet manager",
        "inherent_likelihood": 4, "inherent_impact": 4, "residual_likelihood": 3, "residual_impact": 3,
        "proximity": "3m", "status": "open"}  # fmt: skip


@pytest.fixture
def world(small_programme, office, fire_editor, system):
    p = small_programme
    stations = programme_services.workstream_create(actor=system, programme=p["programme"], key="stations",
                                                    title="Stations", section=p["local"], lead_organisation=p["fire"])  # fmt: skip
    risk = lambda ws: services.risk_create(actor=system, programme=p["programme"], workstream=ws, **RISK)  # noqa: E731
    action = lambda org, ws: services.action_create(  # noqa: E731
        actor=system, programme=p["programme"], description="Cost it", owner="Lead", owner_organisation=org,
        due_on=datetime.date(2025, 6, 30), workstream=ws, status="open",
    )  # fmt: skip
    return {**p, "stations": stations, "office": office, "editor": fire_editor,
            "fire risk": risk(p["fleet"]), "police risk": risk(p["hubs"]),
            "fire action": action(p["fire"], p["fleet"]), "police action": action(p["police"], p["hubs"])}  # fmt: skip


def _ws(world, key):
    return world[key] if key else None


# Each change: what is changed, and how, in the words of the table.
CHANGES = {
    "add a risk on a workstream its organisation leads": ("add risk", "fleet"),
    "add a risk on another organisation's workstream": ("add risk", "hubs"),
    "add a programme-level risk": ("add risk", None),
    "move its organisation's risk to another workstream its organisation leads": ("move risk", "fire risk", "stations"),
    "move its organisation's risk to another organisation's workstream": ("move risk", "fire risk", "hubs"),
    "make its organisation's risk programme-level": ("move risk", "fire risk", None),
    "change another organisation's risk": ("retitle risk", "police risk"),
    "update its organisation's action": ("action", "fire action", {"status": "done"}),
    "hand its organisation's action to another organisation": ("action", "fire action", {"owner_organisation": "police"}),
    "attach its organisation's action to a workstream its organisation leads": ("action", "fire action", {"workstream": "stations"}),
    "attach its organisation's action to another organisation's workstream": ("action", "fire action", {"workstream": "hubs"}),
    "take its organisation's action off its workstream (programme level)": ("action", "fire action", {"workstream": None}),
    "update another organisation's action": ("action", "police action", {"status": "done"}),
}  # fmt: skip


def _date_parts(name, day):
    return {f"{name}-day": day.day, f"{name}-month": day.month, f"{name}-year": day.year}


def through_the_pages(client: Client, world, change) -> int:
    kind = change[0]
    if kind == "add risk":
        ws = _ws(world, change[1])
        return client.post("/programmes/test/risks/new/", {**RISK, "workstream": ws.pk if ws else ""}).status_code
    if kind in ("move risk", "retitle risk"):
        risk = world[change[1]]
        data = {**RISK, "workstream": risk.workstream_id, "version": risk.version}
        if kind == "move risk":
            ws = _ws(world, change[2])
            data["workstream"] = ws.pk if ws else ""
        else:
            data["title"] = "Retitled"
        return client.post(f"/programmes/test/risks/{risk.number}/edit/", data).status_code
    action = world[change[1]]
    data = {"description": action.description, "owner": action.owner, "owner_organisation": action.owner_organisation_id,
            "workstream": action.workstream_id or "", "status": action.status, "update": "", "version": action.version,
            **_date_parts("due_on", action.due_on)}  # fmt: skip
    for field, value in change[2].items():
        if field == "owner_organisation":
            data[field] = world[value].pk
        elif field == "workstream":
            data[field] = world[value].pk if value else ""
        else:
            data[field] = value
    return client.post(f"/programmes/test/actions/{action.number}/", data).status_code


def through_the_api(api: Client, world, change) -> int:
    kind = change[0]

    def send(method, url, body):
        return getattr(api, method)(url, json.dumps(body), content_type="application/json").status_code

    if kind == "add risk":
        ws = _ws(world, change[1])
        return send("post", "/api/v1/programmes/test/risks/", {**RISK, "workstream": ws.key if ws else None})
    if kind in ("move risk", "retitle risk"):
        risk = world[change[1]]
        body = {"version": risk.version}
        if kind == "move risk":
            ws = _ws(world, change[2])
            body["workstream"] = ws.key if ws else None
        else:
            body["title"] = "Retitled"
        return send("patch", f"/api/v1/programmes/test/risks/{risk.number}/", body)
    action = world[change[1]]
    body = {"version": action.version}
    for field, value in change[2].items():
        if field == "owner_organisation":
            body[field] = world[value].short_code
        elif field == "workstream":
            body[field] = world[value].key if value else None
        else:
            body[field] = value
    return send("patch", f"/api/v1/programmes/test/actions/{action.number}/", body)


ANSWERS = {200: "allowed", 201: "allowed", 302: "allowed", 400: "refused", 403: "forbidden", 404: "not found"}


def test_every_change_of_the_table_is_made_and_every_made_change_is_in_the_table():
    assert set(TABLE) == set(CHANGES)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("door", ["pages", "api"])
@pytest.mark.parametrize("change", list(CHANGES), ids=lambda c: c[:60])
def test_both_doors_answer_as_docs_access_md_says(world, change, door, role):
    user = world["office"] if role == "programme administrator" else world["editor"]
    before = HistoryEntry.objects.count()
    if door == "pages":
        client = Client()
        client.force_login(user)
        status = through_the_pages(client, world, CHANGES[change])
    else:
        _record, token = token_create(user=user, name="two doors")
        status = through_the_api(Client(HTTP_AUTHORIZATION=f"Bearer {token}"), world, CHANGES[change])
    expected = TABLE[change][role]
    assert ANSWERS.get(status, str(status)) == expected, f"{door}, as the {role}: {change}"
    if expected != "allowed":
        assert HistoryEntry.objects.count() == before, "a refused change saved something"


def test_the_command_line_and_other_callers_of_the_services_meet_the_same_rule(world):
    # The services themselves refuse: the editor cannot hand fire's action to the police by any door.
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="Only the programme office can hand an action"):
        services.action_update(actor=Actor(world["editor"]), action=world["fire action"],
                               expected_version=world["fire action"].version,
                               owner_organisation=world["police"])  # fmt: skip
