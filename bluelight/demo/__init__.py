"""`bluelight load-demo`: the two programmes of the seed documents, loaded through the services.

Loading is idempotent: a programme whose slug already exists is left as it is.
"""

from __future__ import annotations

import datetime
from types import ModuleType

from django.db import transaction

from bluelight.benefits import services as benefit_services
from bluelight.core.history import Actor
from bluelight.core.models import HistoryEntry, Organisation, User
from bluelight.demo import cover, demand, escp, escp_benefits, escp_governance, essex_police, hotspots
from bluelight.demo.organisations import ORGANISATIONS
from bluelight.governance import services as governance
from bluelight.programmes import memberships
from bluelight.programmes import services as programme_services
from bluelight.programmes.models import Programme, ProgrammeMembership
from bluelight.status import services as status_services

DEMO_PASSWORD = "bluelight-demo-2026"  # noqa: S105 -- the demo sign-in, printed by `make demo`
DEMO_USERS = [
    # username, first, last, organisation, role in both programmes
    ("programme.office", "Pat", "Office", "PFCC", ProgrammeMembership.Role.PROGRAMME_ADMIN),
    ("police.lead", "Sam", "Lead", "EP", ProgrammeMembership.Role.ORGANISATION_EDITOR),
    ("fire.lead", "Alex", "Lead", "ECFRS", ProgrammeMembership.Role.ORGANISATION_EDITOR),
    ("board.member", "Jo", "Member", "PFCC", ProgrammeMembership.Role.BOARD_MEMBER),
    # a second person in the office: the one who enters an actual cannot also sign it off
    ("finance.officer", "Chris", "Finance", "PFCC", ProgrammeMembership.Role.PROGRAMME_ADMIN),
]


def _date(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def _organisations(actor: Actor) -> dict[str, Organisation]:
    existing = {o.short_code: o for o in Organisation.objects.all()}
    for code, name, kind in ORGANISATIONS:
        if code not in existing:
            existing[code] = programme_services.organisation_create(actor=actor, name=name, short_code=code, kind=kind)
    return existing


def _load_programme(data: ModuleType, orgs: dict[str, Organisation], actor: Actor) -> Programme:
    programme = programme_services.programme_create(
        actor=actor, partners=[orgs[c] for c in data.PARTNERS], **data.PROGRAMME
    )
    sections = [programme_services.section_create(actor=actor, programme=programme, name=n) for n in data.SECTIONS]
    priorities = [
        programme_services.priority_create(actor=actor, programme=programme, number=i, title=t, plan_name=data.PLAN)
        for i, t in enumerate(data.PRIORITIES, start=1)
    ]
    periods = {
        label: status_services.period_create(
            actor=actor, programme=programme, label=label, starts_on=_date(start), ends_on=_date(end)
        )
        for label, start, end, _assessed, _published in data.PERIODS
    }
    for spec in data.WORKSTREAMS:
        workstream = programme_services.workstream_create(
            actor=actor,
            programme=programme,
            key=spec["key"],
            title=spec["title"],
            section=sections[spec["section"] - 1],
            lead_organisation=orgs[spec["lead"]],
            partner_organisations=[orgs[c] for c in spec["partners"]],
            priorities=[priorities[n - 1] for n in spec["priorities"]],
            business_lead=spec["business_lead"],
            description=spec["description"],
            stage=spec["stage"],
            stage_changed_on=_date(spec["stage_changed_on"]) if spec.get("stage_changed_on") else None,
            stage_reason=spec.get("stage_reason", ""),
            illustrative=spec.get("illustrative", False),
        )
        for label, _start, _end, assessed, _published in data.PERIODS:
            if label not in spec["ratings"]:
                continue
            rating, rationale, narrative = spec["ratings"][label]
            status_services.assessment_record(
                actor=actor, workstream=workstream, period=periods[label], rating=rating, rationale=rationale,
                narrative=narrative, assessed_on=_date(assessed),
                illustrative=spec.get("illustrative", False) or narrative.startswith("Illustrative"),
            )  # fmt: skip
    for label, (rating, rationale) in data.OVERALL.items():
        status_services.overall_record(
            actor=actor, programme=programme, period=periods[label], rating=rating, rationale=rationale
        )
    for label, *_rest, published in data.PERIODS:
        if published:
            status_services.period_publish(actor=actor, period=periods[label])
    return programme


@transaction.atomic
def load_demo(say=print) -> list[Programme]:
    actor = Actor.system(HistoryEntry.Channel.COMMAND_LINE)
    orgs = _organisations(actor)
    loaded = []
    for data in (essex_police, escp):
        slug = data.PROGRAMME["slug"]
        if Programme.objects.filter(slug=slug).exists():
            say(f"{slug}: already loaded, left as it is")
            continue
        loaded.append(_load_programme(data, orgs, actor))
        say(f"{slug}: loaded {len(data.WORKSTREAMS)} workstreams")
    escp_programme = Programme.objects.get(slug=escp.PROGRAMME["slug"])
    if not hasattr(escp_programme, "benefit_settings"):
        _load_benefits(escp_programme, orgs, actor)
        say(f"{escp_programme.slug}: loaded {len(escp_benefits.BENEFITS)} benefits")
    ensure_demo_users(orgs, actor)
    if not escp_programme.boards.exists():
        meetings = _load_governance(escp_programme, orgs, actor)
        say(f"{escp_programme.slug}: loaded the Strategic Governance Board and {meetings} meetings")
    _load_practice_library(actor, say)
    hotspots.load(escp_programme, actor, say)
    cover.load(escp_programme, actor, say)
    demand.load(escp_programme, actor, say)
    return loaded


def _load_practice_library(actor: Actor, say) -> None:
    """The national practice library, from the catalogue extracted from the national overview."""
    import json
    from pathlib import Path

    from bluelight.practice.services import catalogue_load

    catalogue = Path(__file__).resolve().parent.parent / "practice" / "data" / "catalogue.json"
    result = catalogue_load(json.loads(catalogue.read_text(encoding="utf-8")), actor=actor)
    if result["created"]:
        say(f"practice library: loaded {result['created']} entries from the national overview")


def _load_benefits(programme: Programme, orgs: dict[str, Organisation], actor: Actor) -> None:
    data = escp_benefits
    benefit_services.settings_set(
        actor=actor, programme=programme, target=data.TARGET, price_base_year=data.PRICE_BASE_YEAR,
        appraisal_year=data.APPRAISAL_YEAR,
    )
    costs = {
        name: benefit_services.unit_cost_create(
            actor=actor,
            programme=programme,
            name=name,
            category=category,
            unit=unit,
            value=value,
            price_year=year,
            source=source,
        )  # fmt: skip
        for name, category, unit, value, year, source in data.UNIT_COSTS
    }
    workstreams = {w.key: w for w in programme.workstreams.all()}
    for spec in data.BENEFITS:
        benefit = benefit_services.benefit_create(
            actor=actor,
            workstream=workstreams[spec["workstream"]],
            key=spec["key"],
            title=spec["title"],
            kind=spec["kind"],
            confidence_grade=spec["grade"],
            status=spec.get("status", "profiled"),
            method=spec.get("method", "amount"),
            unit_cost=costs.get(spec.get("unit_cost")),
            price_year=data.PRICE_BASE_YEAR,
            deadweight=spec.get("deadweight", 0),
            attribution=spec.get("attribution", 1),
            adjustments_justification=spec.get("adjustments_justification", ""),
            measure=spec.get("measure", ""),
            evidence=spec.get("evidence", ""),
            transfer=spec.get("transfer", False),
            owner=workstreams[spec["workstream"]].business_lead,
            illustrative=spec.get("illustrative", True),
            gains=[(orgs[code], share) for code, share in spec["gains"].items()],
            payers=[orgs[code] for code in spec["payers"]],
            years=[benefit_services.YearValues(*row) for row in spec["years"]],
        )
        for year, amount, note in spec.get("actuals", ()):
            actual = benefit_services.actual_record(actor=actor, benefit=benefit, year=year, amount=amount, note=note)
            benefit_services.actual_sign_off(actor=actor, actual=actual)


def ensure_demo_users(orgs: dict[str, Organisation], actor: Actor) -> None:
    programmes = list(Programme.objects.filter(slug__in=[essex_police.PROGRAMME["slug"], escp.PROGRAMME["slug"]]))
    for username, first, last, org, role in DEMO_USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User.objects.create_user(
                username, password=DEMO_PASSWORD, first_name=first, last_name=last, organisation=orgs[org],
                email=f"{username}@example.org",  # a reserved domain: `bluelight remind` writes to the console
            )
        for programme in programmes:
            if not ProgrammeMembership.objects.filter(user=user, programme=programme).exists():
                memberships.membership_grant(actor=actor, programme=programme, user=user, role=role)


def _load_governance(programme: Programme, orgs: dict[str, Organisation], actor: Actor) -> int:
    data = escp_governance
    board = governance.board_create(actor=actor, programmes=[programme], **data.BOARD)
    governance.board_create(actor=actor, programmes=[programme], **data.SECOND_BOARD)
    members = [
        governance.member_add(
            actor=actor, board=board, name=name, role=role, organisation=orgs[org],
            user=User.objects.filter(username=username).first() if username else None,
        )
        for name, role, org, username in data.MEMBERS
    ]  # fmt: skip
    spec = data.EXPANSION
    section = programme.sections.get(position=spec["section"])
    programme_services.workstream_create(
        actor=actor, programme=programme, key=spec["key"], title=spec["title"], section=section,
        lead_organisation=orgs[spec["lead"]], partner_organisations=[orgs[c] for c in spec["partners"]],
        business_lead=spec["business_lead"], description=spec["description"], stage=spec["stage"], illustrative=True,
    )  # fmt: skip
    workstreams = {w.key: w for w in programme.workstreams.all()}
    first_day = _date(data.MEETINGS[0][0])
    documents = {}
    for doc in data.DOCUMENTS:
        fields = {k: v for k, v in doc.items() if k not in ("ref", "workstream", "parties", "signed_on", "review_on")}
        documents[doc["ref"]] = governance.document_create(
            actor=actor, programme=programme, workstream=workstreams.get(doc["workstream"]),
            parties=[orgs[c] for c in doc.get("parties", [])], illustrative=True,
            signed_on=_date(doc["signed_on"]) if doc.get("signed_on") else None,
            review_on=_date(doc["review_on"]) if doc.get("review_on") else None, **fields,
        )  # fmt: skip
    risks = {}
    for r in data.RISKS:
        il, ii, rl, ri = r["scores"]
        risk = governance.risk_create(
            actor=actor, programme=programme, workstream=workstreams.get(r["workstream"]), title=r["title"],
            cause=r["cause"], event=r["event"], effect=r["effect"], owner=r["owner"], inherent_likelihood=il,
            inherent_impact=ii, residual_likelihood=rl, residual_impact=ri, mitigation=r["mitigation"],
            proximity=r["proximity"], illustrative=True, reviewed_on=first_day,
            marking=r.get("marking", "OFFICIAL"),
        )  # fmt: skip
        for day, (il, ii, rl, ri) in r["reviews"]:
            governance.risk_update(
                actor=actor, risk=risk, expected_version=risk.version, reviewed_on=_date(day),
                inherent_likelihood=il, inherent_impact=ii, residual_likelihood=rl, residual_impact=ri,
            )  # fmt: skip
        risks[r["ref"]] = risk
    meetings = []
    for day, location, agenda, decisions in data.MEETINGS:
        meeting = governance.meeting_create(
            actor=actor, board=board, programme=programme, held_on=_date(day), location=location,
            status="held", illustrative=True,
            minutes="Illustrative: no minutes of the Strategic Governance Board have been published; these are made up for the demonstration.",
        )  # fmt: skip
        governance.attendance_set(actor=actor, meeting=meeting, statuses={m: "present" for m in members})
        for title, kind, purpose, presenter, link in agenda:
            item = governance.agenda_item_add(
                actor=actor, meeting=meeting, title=title, kind=kind, purpose=purpose, presenter=presenter,
                workstream=workstreams.get(link) if kind == "workstream" else None,
                document=documents.get(link), risk=risks.get(link) if kind == "risk" else None,
            )  # fmt: skip
            if item.number in decisions:
                outcome, summary, conditions = decisions[item.number]
                governance.decision_record(
                    actor=actor, agenda_item=item, outcome=outcome, summary=summary, conditions=conditions
                )
        meetings.append(meeting)
    for index, description, owner, org, due, status, completed in data.ACTIONS:
        governance.action_create(
            actor=actor, programme=programme, meeting=meetings[index], description=description, owner=owner,
            owner_organisation=orgs[org], due_on=_date(due), status=status,
            completed_on=_date(completed) if completed else None,
        )  # fmt: skip
    for key, title, due, forecast, achieved in data.MILESTONES:
        governance.milestone_create(
            actor=actor, workstream=workstreams[key], title=title, due_on=_date(due),
            forecast_on=_date(forecast) if forecast else None, achieved_on=_date(achieved) if achieved else None,
        )  # fmt: skip
    return len(meetings)
