"""The JSON API for governance: the risk register, meetings and their decisions, and the action log."""

from __future__ import annotations

from functools import partial

from django.db.models import Prefetch
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse

from bluelight.api import lookups
from bluelight.api.base import body_of, endpoint, page_of
from bluelight.api.fields import Choice, Date, Integer, Invalid, Reference, Text, parse, required
from bluelight.api.schemas import DATE, INTEGER, MARKING, MAYBE_DATE, MAYBE_INTEGER, MAYBE_STRING, STRING, record
from bluelight.core.models import Marking
from bluelight.governance import access as rights
from bluelight.governance import selectors, services
from bluelight.governance.models import Action, AgendaItem, Decision, Meeting, Risk
from bluelight.programmes.access import programme_for, require_admin, visible_or_404


def _board(access, key: str):
    found = access.programme.boards.filter(key=key).first()
    if found is None:
        raise Invalid(f"No board {key} governs this programme.")
    return found


def _meeting(access, meeting_id) -> Meeting:
    return get_object_or_404(access.programme.meetings.select_related("board"), pk=meeting_id)


# Risks ---------------------------------------------------------------------------------------------------------

RISK_CHANGES = {
    "title": Text(300),
    "kind": Choice(Risk.Kind.values),
    "workstream": Reference(lookups.workstream_named, nullable=True, description="Its key; null for the programme."),
    "cause": Text(description="Because of …"),
    "event": Text(description="… there is a risk that …"),
    "effect": Text(description="… which would lead to …"),
    "owner": Text(200),
    "inherent_likelihood": Integer(1, 5),
    "inherent_impact": Integer(1, 5),
    "residual_likelihood": Integer(1, 5, description="No higher than the inherent likelihood."),
    "residual_impact": Integer(1, 5, description="No higher than the inherent impact."),
    "mitigation": Text(),
    "proximity": Choice(Risk.Proximity.values),
    "review_on": Date(nullable=True),
    "status": Choice(Risk.Status.values),
    "marking": Choice(Marking.values),
}
RISK_FIELDS = required(RISK_CHANGES, "title", "cause", "event", "effect", "owner", "inherent_likelihood",
                       "inherent_impact", "residual_likelihood", "residual_impact")  # fmt: skip
RISK = record(number=INTEGER, reference=STRING, title=STRING, kind=STRING, workstream=MAYBE_STRING, cause=STRING,
              event=STRING, effect=STRING, owner=STRING, inherent_likelihood=INTEGER, inherent_impact=INTEGER,
              residual_likelihood=INTEGER, residual_impact=INTEGER, residual_score=INTEGER, mitigation=STRING,
              proximity=STRING, review_on=MAYBE_DATE, status=STRING, marking=MARKING, version=INTEGER,
              url=STRING)  # fmt: skip


def risk_json(r: Risk) -> dict:
    return {
        "number": r.number, "reference": r.reference, "title": r.title, "kind": r.kind,
        "workstream": r.workstream.key if r.workstream else None, "cause": r.cause, "event": r.event,
        "effect": r.effect, "owner": r.owner, "inherent_likelihood": r.inherent_likelihood,
        "inherent_impact": r.inherent_impact, "residual_likelihood": r.residual_likelihood,
        "residual_impact": r.residual_impact, "residual_score": r.residual_likelihood * r.residual_impact,
        "mitigation": r.mitigation, "proximity": r.proximity,
        "review_on": r.review_on.isoformat() if r.review_on else None, "status": r.status, "marking": r.marking,
        "version": r.version, "url": reverse("api-risk", args=[r.programme.slug, r.number]),
    }  # fmt: skip


@endpoint("GET", "POST")
def risks(request, slug):
    access = programme_for(request, slug)
    if request.method == "POST":
        fields = parse(body_of(request), RISK_FIELDS, access, partial=False)
        created = services.risk_create(actor=lookups.actor(request), programme=access.programme, **fields)
        return JsonResponse(risk_json(created), status=201)
    found = selectors.risks_of(access.programme, access.scope).select_related("programme")
    for name, lookup in (("status", "status"), ("workstream", "workstream__key"), ("kind", "kind")):
        if request.GET.get(name):
            found = found.filter(**{lookup: request.GET[name]})
    return JsonResponse(page_of(request, found.order_by("number"), risk_json))


@endpoint("GET", "PATCH")
def risk(request, slug, number):
    access = programme_for(request, slug)
    found = visible_or_404(access, selectors.risks_of(access.programme).select_related("programme"), number=number)
    if request.method == "PATCH":
        lookups.change(request, access, RISK_CHANGES, partial(services.risk_update, risk=found))
        found.refresh_from_db()
    return JsonResponse(risk_json(found))


# Meetings and decisions ----------------------------------------------------------------------------------------

MEETING_CHANGES = {
    "held_on": Date(),
    "location": Text(200),
    "chaired_by": Text(200, description="The board's chair if left blank."),
    "status": Choice(Meeting.Status.values),
    "minutes": Text(),
}
MEETING_FIELDS = required({"board": Reference(_board, description="The board's short name."), **MEETING_CHANGES},
                          "board", "held_on")  # fmt: skip
DECISION_FIELDS = {
    "outcome": Choice(Decision.Outcome.values, required=True),
    "summary": Text(required=True, description="What was decided, as the minutes record it."),
    "conditions": Text(description="Required when approved with conditions."),
    "decided_by": Text(200, description="The board and its chair if left blank."),
}
DECISION = record(id=INTEGER, meeting=INTEGER, agenda_item=INTEGER, item_title=STRING, outcome=STRING,
                  summary=STRING, conditions=STRING, decided_by=STRING, recorded_by=MAYBE_STRING)  # fmt: skip
AGENDA_ITEM = record(number=INTEGER, title=STRING, kind=STRING, purpose=STRING, presenter=STRING,
                     workstream=MAYBE_STRING, decision=STRING)  # fmt: skip
MEETING = record(id=INTEGER, board=STRING, held_on=DATE, location=STRING, chaired_by=STRING, status=STRING,
                 minutes=STRING, version=INTEGER, url=STRING,
                 agenda={"type": "array", "items": AGENDA_ITEM})  # fmt: skip


def decision_json(d: Decision) -> dict:
    return {
        "id": d.pk, "meeting": d.meeting_id, "agenda_item": d.agenda_item.number, "item_title": d.agenda_item.title,
        "outcome": d.outcome, "summary": d.summary, "conditions": d.conditions, "decided_by": d.decided_by,
        "recorded_by": d.recorded_by.username if d.recorded_by else None,
    }  # fmt: skip


def _meetings(access):
    """The meetings with the agenda items this person may see, fetched in one query for the whole page."""
    agenda = access.visible(AgendaItem.objects.select_related("workstream").order_by("number"))
    meetings = access.programme.meetings.select_related("board", "programme")
    return meetings.prefetch_related(Prefetch("agenda", queryset=agenda))


def meeting_json(m: Meeting) -> dict:
    items = m.agenda.all()
    return {
        "id": m.pk, "board": m.board.key, "held_on": m.held_on.isoformat(), "location": m.location,
        "chaired_by": m.chaired_by, "status": m.status, "minutes": m.minutes, "version": m.version,
        "url": reverse("api-meeting", args=[m.programme.slug, m.pk]),
        "agenda": [{"number": i.number, "title": i.title, "kind": i.kind, "purpose": i.purpose,
                    "presenter": i.presenter, "workstream": i.workstream.key if i.workstream else None,
                    "decision": reverse("api-decision", args=[m.programme.slug, m.pk, i.number])} for i in items],
    }  # fmt: skip


@endpoint("GET", "POST")
def meetings(request, slug):
    access = programme_for(request, slug)
    if request.method == "POST":
        require_admin(access)
        fields = parse(body_of(request), MEETING_FIELDS, access, partial=False)
        created = services.meeting_create(actor=lookups.actor(request), programme=access.programme, **fields)
        return JsonResponse(meeting_json(_meetings(access).get(pk=created.pk)), status=201)
    found = _meetings(access).order_by("held_on", "pk")
    if request.GET.get("status"):
        found = found.filter(status=request.GET["status"])
    return JsonResponse(page_of(request, found, meeting_json))


@endpoint("GET", "PATCH")
def meeting(request, slug, meeting_id):
    access = programme_for(request, slug)
    found = _meeting(access, meeting_id)
    if request.method == "PATCH":
        require_admin(access)
        lookups.change(request, access, MEETING_CHANGES, partial(services.meeting_update, meeting=found))
    return JsonResponse(meeting_json(_meetings(access).get(pk=found.pk)))


def _decisions(access, **lookup):
    items = access.visible(AgendaItem.objects.filter(meeting__programme=access.programme))
    return Decision.objects.filter(agenda_item__in=items, **lookup).select_related("agenda_item", "recorded_by")


@endpoint("GET")
def decisions(request, slug):
    """The decision log: every decision this person may see, oldest meeting first."""
    access = programme_for(request, slug)
    found = _decisions(access).order_by("meeting__held_on", "agenda_item__number", "pk")
    if request.GET.get("outcome"):
        found = found.filter(outcome=request.GET["outcome"])
    return JsonResponse(page_of(request, found, decision_json))


@endpoint("GET", "POST")
def decision(request, slug, meeting_id, number):
    """GET: the decisions recorded on one agenda item; POST: record the board's decision on it."""
    access = programme_for(request, slug)
    found = _meeting(access, meeting_id)
    item = visible_or_404(access, found.agenda.all(), number=number)
    if request.method == "POST":
        rights.require_decision_right(request.user, access, found)
        fields = parse(body_of(request), DECISION_FIELDS, access, partial=False)
        created = services.decision_record(actor=lookups.actor(request), agenda_item=item, **fields)
        return JsonResponse(decision_json(_decisions(access).get(pk=created.pk)), status=201)
    return JsonResponse(page_of(request, _decisions(access, agenda_item=item).order_by("pk"), decision_json))


# Actions -------------------------------------------------------------------------------------------------------


def _meeting_numbered(access, meeting_id: int):
    found = access.programme.meetings.filter(pk=meeting_id).first()
    if found is None:
        raise Invalid(f"No meeting {meeting_id} in this programme.")
    return found


ACTION_CHANGES = {
    "description": Text(),
    "owner": Text(200),
    "owner_organisation": Reference(lookups.organisation_named, nullable=True, description="Its short code."),
    "due_on": Date(),
    "workstream": Reference(lookups.workstream_named, nullable=True, description="Its key."),
    "status": Choice(Action.Status.values),
    "update": Text(description="Latest progress."),
}
ACTION_FIELDS = required(
    {**ACTION_CHANGES,
     "meeting": Integer(1, resolve=_meeting_numbered, nullable=True, description="The id of the meeting that set it.")},
    "description", "owner", "due_on",
)  # fmt: skip
ACTION = record(number=INTEGER, reference=STRING, description=STRING, owner=STRING, owner_organisation=MAYBE_STRING,
                due_on=DATE, workstream=MAYBE_STRING, meeting=MAYBE_INTEGER, status=STRING, completed_on=MAYBE_DATE,
                update=STRING, version=INTEGER, url=STRING)  # fmt: skip


def action_json(a: Action) -> dict:
    return {
        "number": a.number, "reference": a.reference, "description": a.description, "owner": a.owner,
        "owner_organisation": a.owner_organisation.short_code if a.owner_organisation else None,
        "due_on": a.due_on.isoformat(), "workstream": a.workstream.key if a.workstream else None,
        "meeting": a.meeting_id, "status": a.status,
        "completed_on": a.completed_on.isoformat() if a.completed_on else None, "update": a.update,
        "version": a.version, "url": reverse("api-action", args=[a.programme.slug, a.number]),
    }  # fmt: skip


def _actions(access):
    return access.visible(selectors.actions_of(access.programme).select_related("programme"))


@endpoint("GET", "POST")
def actions(request, slug):
    access = programme_for(request, slug)
    if request.method == "POST":
        fields = parse(body_of(request), ACTION_FIELDS, access, partial=False)
        created = services.action_create(actor=lookups.actor(request), programme=access.programme, **fields)
        return JsonResponse(action_json(created), status=201)
    found = _actions(access).order_by("due_on", "number")
    for name, lookup in (("status", "status"), ("owner_organisation", "owner_organisation__short_code"),
                         ("workstream", "workstream__key")):  # fmt: skip
        if request.GET.get(name):
            found = found.filter(**{lookup: request.GET[name]})
    return JsonResponse(page_of(request, found, action_json))


@endpoint("GET", "PATCH")
def action(request, slug, number):
    access = programme_for(request, slug)
    found = visible_or_404(access, selectors.actions_of(access.programme).select_related("programme"), number=number)
    if request.method == "PATCH":
        lookups.change(request, access, ACTION_CHANGES, partial(services.action_update, action=found))
        found.refresh_from_db()
    return JsonResponse(action_json(found))
