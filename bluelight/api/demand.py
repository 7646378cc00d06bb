"""Requests between services through the API: a control-room system lists them and puts its side of
one, idempotent by the requesting service and its incident reference."""

from __future__ import annotations

from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse

from bluelight.api import lookups
from bluelight.api.base import body_of, endpoint, page_of
from bluelight.api.fields import Choice, DateTime, Reference, Text, parse
from bluelight.api.schemas import INTEGER, MAYBE_STRING, STRING, record
from bluelight.core.models import Organisation
from bluelight.demand import services
from bluelight.demand.models import RequestType, ServiceRequest
from bluelight.programmes.access import programme_for

REQUEST_FIELDS = {
    "receiving": Reference(lookups.organisation_named, description="The receiving service's short code."),
    "type": Choice(RequestType.values),
    "requested_at": DateTime(description="When the requesting service asked."),
    "instead_of": Reference(lookups.organisation_named, nullable=True,
                            description="The service that would have attended before the protocol (short code)."),
    "receiving_reference": Text(100, nullable=True, description="The receiving service's incident reference."),
    "accepted_at": DateTime(nullable=True),
    "on_scene_at": DateTime(nullable=True),
    "closed_at": DateTime(nullable=True),
    "outcome": Text(300, nullable=True),
}  # fmt: skip
MAYBE_TIME = {"type": ["string", "null"], "format": "date-time"}
REQUEST = record(requesting=STRING, requesting_reference=STRING, receiving=STRING, receiving_reference=STRING,
                 type=STRING, requested_at={"type": "string", "format": "date-time"}, accepted_at=MAYBE_TIME,
                 on_scene_at=MAYBE_TIME, closed_at=MAYBE_TIME, instead_of=MAYBE_STRING, outcome=STRING,
                 version=INTEGER, url=STRING)  # fmt: skip


def _time(value):
    return value.isoformat() if value else None


def request_json(r: ServiceRequest) -> dict:
    return {
        "requesting": r.requesting.short_code, "requesting_reference": r.requesting_reference,
        "receiving": r.receiving.short_code, "receiving_reference": r.receiving_reference, "type": r.type,
        "requested_at": r.requested_at.isoformat(), "accepted_at": _time(r.accepted_at),
        "on_scene_at": _time(r.on_scene_at), "closed_at": _time(r.closed_at),
        "instead_of": r.instead_of.short_code if r.instead_of else None, "outcome": r.outcome, "version": r.version,
        "url": reverse("api-request", args=[r.programme.slug, r.requesting.short_code, r.requesting_reference]),
    }  # fmt: skip


@endpoint("GET")
def requests(request, slug):
    access = programme_for(request, slug)
    found = (ServiceRequest.objects.filter(programme=access.programme)
             .select_related("programme", "requesting", "receiving", "instead_of").order_by("-requested_at", "id"))  # fmt: skip
    for name, lookup in (("type", "type"), ("requesting", "requesting__short_code"),
                         ("receiving", "receiving__short_code")):  # fmt: skip
        if request.GET.get(name):
            found = found.filter(**{lookup: request.GET[name]})
    return JsonResponse(page_of(request, found, request_json))


@endpoint("GET", "PUT")
def service_request(request, slug, service, reference):
    access = programme_for(request, slug)
    requesting = get_object_or_404(Organisation, short_code=service, programmes=access.programme)
    if request.method == "PUT":
        fields = parse(body_of(request), REQUEST_FIELDS, access, partial=True)
        saved, created = services.request_write(actor=lookups.actor(request), programme=access.programme,
                                                requesting=requesting, reference=reference, fields=fields)  # fmt: skip
        return JsonResponse(request_json(saved), status=201 if created else 200)
    found = get_object_or_404(ServiceRequest.objects.select_related("programme", "requesting", "receiving", "instead_of"),
                              programme=access.programme, requesting=requesting, requesting_reference=reference)  # fmt: skip
    return JsonResponse(request_json(found))
