"""A programme with two partners' records, marked and unmarked, and one account per role.

FIRE is "own" for the organisation editor, board member and viewer (all of FIRE); POL is "other".
"""

from __future__ import annotations

import datetime
from decimal import Decimal as D

from bluelight.benefits import services as benefits
from bluelight.benefits.services import YearValues
from bluelight.core.history import Actor
from bluelight.governance import services as governance
from bluelight.programmes import services as programmes
from bluelight.status import services as status
from tests.conftest import make_user

SENSITIVE = "OFFICIAL-SENSITIVE"


def build() -> dict:
    system = Actor.system()
    pol = programmes.organisation_create(actor=system, name="Trust Police", short_code="POL", kind="police")
    fire = programmes.organisation_create(actor=system, name="Trust Fire", short_code="FIRE", kind="fire")
    pfcc = programmes.organisation_create(actor=system, name="Trust PFCC", short_code="PFCC", kind="commissioner")
    programme = programmes.programme_create(
        actor=system, name="Trust programme", slug="trust", cycle_start_year=2024, cycle_end_year=2033,
        partners=[pol, fire, pfcc],
    )  # fmt: skip
    programme.public_page = True
    programme.save(update_fields=["public_page"])
    section = programmes.section_create(actor=system, programme=programme, name="Shared")
    world = {"programme": programme, "POL": pol, "FIRE": fire}

    def workstream(key, lead, marking="OFFICIAL"):
        return programmes.workstream_create(
            actor=system, programme=programme, key=key, title=key.replace("-", " ").title(), section=section,
            lead_organisation=lead, marking=marking,
        )  # fmt: skip

    for org in ("FIRE", "POL"):
        world[f"workstream {org}"] = workstream(f"{org.lower()}-plain", world[org])
        world[f"sensitive workstream {org}"] = workstream(f"{org.lower()}-secret", world[org], SENSITIVE)

    benefits.settings_set(actor=system, programme=programme, target=D("1000"), price_base_year=2024)
    # Each benefit is worth a different round sum in 2024/25 (its price year: no deflating, no
    # discounting in the profiled total), so a total shows exactly which benefits it counted.
    worth = {"benefit FIRE": D("100"), "benefit POL": D("200"),
             "sensitive benefit FIRE": D("400"), "sensitive benefit POL": D("800")}  # fmt: skip
    for name, amount in worth.items():
        org = name.split()[-1]
        world[name] = benefits.benefit_create(
            actor=system, workstream=world[f"workstream {org}"], key=name.replace(" ", "-").lower(),
            title=name.title(), kind="cashable", confidence_grade=1, price_year=2024,
            gains=[(world[org], D("1"))], years=[YearValues(2024, amount, amount, amount)],
            marking=SENSITIVE if name.startswith("sensitive") else "OFFICIAL",
        )  # fmt: skip
    world["worth"] = worth

    risk = dict(cause="c", event="e", effect="f", owner="Lead", inherent_likelihood=2, inherent_impact=2,
                residual_likelihood=2, residual_impact=2)  # fmt: skip
    for org in ("FIRE", "POL"):
        world[f"risk {org}"] = governance.risk_create(
            actor=system, programme=programme, workstream=world[f"workstream {org}"], title=f"{org} risk", **risk
        )
        world[f"sensitive risk {org}"] = governance.risk_create(
            actor=system, programme=programme, workstream=world[f"workstream {org}"], title=f"{org} secret risk",
            marking=SENSITIVE, **risk,
        )  # fmt: skip
        world[f"action {org}"] = governance.action_create(
            actor=system, programme=programme, description=f"{org} action", owner="Lead",
            owner_organisation=world[org], due_on=datetime.date(2030, 1, 1),
        )  # fmt: skip

    from bluelight.demand.services import request_write

    for org, receiver in (("FIRE", pol), ("POL", pfcc)):  # FIRE asks POL; POL asks the PFCC: not FIRE's at all
        world[f"inter-service request {org}"], _ = request_write(
            actor=system, programme=programme, requesting=world[org], reference=f"{org}-1",
            fields={"receiving": receiver, "type": "gain_entry",
                    "requested_at": datetime.datetime(2025, 1, 2, 10, tzinfo=datetime.UTC)},
        )  # fmt: skip

    world["period"] = status.period_create(
        actor=system, programme=programme, label="2024/25",
        starts_on=datetime.date(2024, 4, 1), ends_on=datetime.date(2025, 3, 31),
    )  # fmt: skip
    world["open period"] = status.period_create(
        actor=system, programme=programme, label="2025/26",
        starts_on=datetime.date(2025, 4, 1), ends_on=datetime.date(2026, 3, 31),
    )  # fmt: skip
    status.period_publish(actor=system, period=world["period"])

    people = {
        "system administrator": make_user("sysadmin", pol, is_superuser=True),
        "programme administrator": make_user("office", pfcc, programme, "programme_admin"),
        "organisation editor": make_user("fire.editor", fire, programme, "organisation_editor"),
        "board member": make_user("fire.chief", fire, programme, "board_member"),
        "viewer": make_user("fire.viewer", fire, programme, "viewer"),
    }
    world["people"] = people

    board = governance.board_create(actor=system, programmes=[programme], name="Trust Board", key="trust-board",
                                    chair="PFCC", cadence="bimonthly")  # fmt: skip
    member = governance.member_add(actor=system, board=board, name="Chief Fire Officer", organisation=fire,
                                   user=people["board member"])  # fmt: skip
    for which, attended in (("attended", "present"), ("not attended", "apologies")):
        meeting = governance.meeting_create(
            actor=system, board=board, programme=programme,
            held_on=datetime.date(2025, 1, 16) if attended == "present" else datetime.date(2025, 3, 20),
        )  # fmt: skip
        governance.attendance_set(actor=system, meeting=meeting, statuses={member: attended})
        item = governance.agenda_item_add(actor=system, meeting=meeting, title="Business case", purpose="decision")
        world[f"meeting {which}"], world[f"item {which}"] = meeting, item
    return world
