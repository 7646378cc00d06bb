"""The action log through the API: list, add, read and update actions."""

from __future__ import annotations

from functools import partial

from django.http import JsonResponse
from django.urls import reverse

from bluelight.api import lookups
from bluelight.api.base import body_of, endpoint, page_of
from bluelight.api.fields import Choice, Date, Integer, Invalid, Reference, Text, parse, required
from bluelight.api.schemas import DATE, INTEGER, MAYBE_DATE, MAYBE_INTEGER, MAYBE_STRING, STRING, record
from bluelight.governance import selectors, services
from bluelight.governance.models import Action
from bluelight.programmes.access import programme_for, visible_or_404


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
