"""Board meetings and their decisions through the API: list, schedule and change meetings, record decisions."""

from __future__ import annotations

from functools import partial

from django.db.models import Prefetch
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse

from bluelight.api import lookups
from bluelight.api.base import body_of, endpoint, page_of
from bluelight.api.fields import Choice, Date, Invalid, Reference, Text, parse, required
from bluelight.api.schemas import DATE, INTEGER, MAYBE_STRING, STRING, record
from bluelight.governance import access as rights
from bluelight.governance import services
from bluelight.governance.models import AgendaItem, Decision, Meeting
from bluelight.programmes.access import programme_for, require_admin, visible_or_404


def _board(access, key: str):
    found = access.programme.boards.filter(key=key).first()
    if found is None:
        raise Invalid(f"No board {key} governs this programme.")
    return found


def _meeting(access, meeting_id) -> Meeting:
    return get_object_or_404(access.programme.meetings.select_related("board"), pk=meeting_id)


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
